#!/usr/bin/env python3
"""Writes Rota's bundled holiday calendars under calendars/.

Sources of the facts (data, not code):
  * public holidays: the `holidays` package on PyPI (MIT licence), version pinned below;
  * Windows time-zone names: the `tzlocal` package on PyPI (MIT licence), whose table is generated
    from the Unicode CLDR file windowsZones.xml.

Run:  pip install holidays==0.109 tzlocal==5.3.1 && python3 scripts/generate_calendars.py
The output is sorted and has no timestamps: regenerating gives a reviewable diff.

Files written:
  calendars/<CC>.csv            region,date,name,category,observed,provisional (one file per country)
  calendars/regions.csv         code,country,name,weekend,time_zone,confirmed_through
  calendars/windows-time-zones.csv   windows_name,iana_name
"""
import csv
import io
import pathlib
import re
import sys

import holidays
import tzlocal.windows_tz

PINNED = "0.109"
TZLOCAL_PINNED = "5.3.1"
YEARS = range(2025, 2031)

# Last year for which an official list had been published when these files were generated
# (2026-11). Every date after it is provisional, whatever the source says; dates the source
# itself labels "estimated" are provisional too. MY: the 2027 list (kabinet.gov.my HKA_2027) is
# the newest the package cites; IN: the package estimates 2027 already; the rest: no government
# had published a list beyond 2027.
CONFIRMED_THROUGH = {"AU": 2027, "DE": 2027, "GB": 2027, "IN": 2026, "MY": 2027, "SG": 2027, "US": 2027}

# Package category -> Rota category. Only "public" days count in the holiday burden by default
# (scenario rule `holiday_categories`); an engineer's `observes:` makes any listed day count.
CATEGORIES = {
    "AU": {"public": "public", "bank": "bank"},
    "DE": {"public": "public", "catholic": "optional"},  # Assumption Day: only Catholic-majority towns
    "GB": {"public": "public"},
    "IN": {"public": "public", "optional": "optional"},  # central-government restricted holidays
    "MY": {"public": "public"},
    "SG": {"public": "public"},
    "US": {"public": "public"},
}

# Listed by the package as public, but not a general day off (reason given). Keys: region or country code.
RECLASSIFIED = {
    # California Education Code 37221 lists it among days of special observance; not a state holiday.
    ("US", "Susan B. Anthony Day"): "observance",
    # Texas Government Code 662.003(c): an optional holiday (state employees may take it instead of another).
    ("US-TX", "Cesar Chavez Day"): "optional",
}

# Left out entirely, with the reason.
EXCLUDED = {
    # Conditional: only a holiday if Scotland reaches the final; not decided when generated.
    ("GB", "Scotland's participation in the FIFA World Cup final"),
}

# Subdivisions the package knows that are not ISO 3166-2 regions (a city, part of a state).
NON_ISO = {"Augsburg", "NSW Western"}

COUNTRY_NAMES = {
    "AU": "Australia", "DE": "Germany", "GB": "United Kingdom", "IN": "India",
    "MY": "Malaysia", "SG": "Singapore", "US": "United States",
}

# IANA time zone used for an engineer of the region unless the scenario names one (the zone of the
# capital or the largest city where a region spans several).
COUNTRY_ZONES = {
    "AU": "Australia/Sydney", "DE": "Europe/Berlin", "GB": "Europe/London", "IN": "Asia/Kolkata",
    "MY": "Asia/Kuala_Lumpur", "SG": "Asia/Singapore", "US": "America/New_York",
}
SUBDIVISION_ZONES = {
    "AU-NT": "Australia/Darwin", "AU-QLD": "Australia/Brisbane", "AU-SA": "Australia/Adelaide",
    "AU-TAS": "Australia/Hobart", "AU-VIC": "Australia/Melbourne", "AU-WA": "Australia/Perth",
    "MY-12": "Asia/Kuching", "MY-13": "Asia/Kuching", "MY-15": "Asia/Kuching",
    **{f"US-{s}": "America/Chicago" for s in
       "AL AR IA IL KS LA MN MO MS ND NE OK SD TN TX WI".split()},
    **{f"US-{s}": "America/Denver" for s in "CO MT NM UT WY ID".split()},
    "US-AZ": "America/Phoenix", "US-CA": "America/Los_Angeles", "US-NV": "America/Los_Angeles",
    "US-OR": "America/Los_Angeles", "US-WA": "America/Los_Angeles", "US-AK": "America/Anchorage",
    "US-HI": "Pacific/Honolulu", "US-AS": "Pacific/Pago_Pago", "US-GU": "Pacific/Guam",
    "US-MP": "Pacific/Saipan", "US-PR": "America/Puerto_Rico", "US-VI": "America/St_Thomas",
    "US-UM": "Pacific/Wake", "US-IN": "America/Indiana/Indianapolis", "US-KY": "America/New_York",
    "US-MI": "America/Detroit",
}

WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
SUFFIX = re.compile(r"\s*\((observed, estimated|estimated|observed)\)$")


def region_name(cls, country, subdiv):
    if subdiv is None:
        return COUNTRY_NAMES[country]
    names = [alias for alias, code in cls.subdivisions_aliases.items() if code == subdiv]
    # Longest alias: the full name rather than an abbreviation.
    full = max(names, key=len) if names else subdiv
    return f"{COUNTRY_NAMES[country]}, {full}"


def weekend_of(country, subdiv):
    """The region's weekend, which must not change inside YEARS (else a single column would lie)."""
    seen = set()
    for year in YEARS:
        table = holidays.country_holidays(country, subdiv=subdiv, years=year)
        days = table._get_weekend(__import__("datetime").date(year, 6, 1))
        seen.add(tuple(sorted(days)))
    if len(seen) != 1:
        raise SystemExit(f"weekend of {country}-{subdiv} changes within {YEARS}: {seen}")
    return " ".join(WEEKDAYS[d] for d in seen.pop())


def rows_for(country, subdiv):
    code = country if subdiv is None else f"{country}-{subdiv}"
    rows = set()
    for package_category, category in CATEGORIES[country].items():
        table = holidays.country_holidays(
            country, subdiv=subdiv, years=YEARS, categories=(package_category,), language="en_US")
        for day, names in table.items():
            for label in names.split("; "):
                estimated = "estimated" in label
                observed = "observed" in label
                name = SUFFIX.sub("", label).strip()
                if (country, name) in EXCLUDED:
                    continue
                row_category = RECLASSIFIED.get((code, name), RECLASSIFIED.get((country, name), category))
                provisional = estimated or day.year > CONFIRMED_THROUGH[country]
                rows.add((code, day.isoformat(), name, row_category, observed, provisional))
    return rows


def write_csv(path, header, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def main():
    if holidays.__version__ != PINNED:
        sys.exit(f"expected holidays=={PINNED}, found {holidays.__version__}")
    import importlib.metadata
    if importlib.metadata.version("tzlocal") != TZLOCAL_PINNED:
        sys.exit(f"expected tzlocal=={TZLOCAL_PINNED}")
    folder = pathlib.Path(__file__).resolve().parent.parent / "calendars"
    folder.mkdir(exist_ok=True)
    regions = []
    total = 0
    for country in sorted(CATEGORIES):
        cls = holidays.country_holidays(country).__class__
        subdivisions = [None] + [s for s in cls.subdivisions if s not in NON_ISO]
        rows = set()
        for subdiv in subdivisions:
            code = country if subdiv is None else f"{country}-{subdiv}"
            rows |= rows_for(country, subdiv)
            zone = SUBDIVISION_ZONES.get(code, COUNTRY_ZONES[country])
            regions.append((code, country, region_name(cls, country, subdiv), weekend_of(country, subdiv),
                            zone, CONFIRMED_THROUGH[country]))
        ordered = sorted(rows)
        write_csv(folder / f"{country}.csv", ["region", "date", "name", "category", "observed", "provisional"],
                  [(r[0], r[1], r[2], r[3], str(r[4]).lower(), str(r[5]).lower()) for r in ordered])
        total += len(ordered)
        print(f"{country}: {len(subdivisions)} regions, {len(ordered)} rows")
    write_csv(folder / "regions.csv", ["code", "country", "name", "weekend", "time_zone", "confirmed_through"],
              sorted(regions))
    write_csv(folder / "windows-time-zones.csv", ["windows_name", "iana_name"],
              sorted(tzlocal.windows_tz.win_tz.items()))
    print(f"wrote {total} holidays for {len(regions)} regions, years {YEARS.start}-{YEARS.stop - 1}")


if __name__ == "__main__":
    main()
