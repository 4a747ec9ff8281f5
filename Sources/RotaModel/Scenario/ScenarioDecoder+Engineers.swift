import Foundation

/// `engineers:` and `holidays:`: regions, leave, festivals, company days and duty requests.
extension ScenarioDecoder {
    /// A day off written in the scenario (`holidays:`): company days for the engineers listed (default everyone).
    struct InlineHoliday {
        let dates: DateRange
        let name: String
        /// Empty: everyone.
        let engineers: [(YAMLValue, String)]

        func applies(to id: String) -> Bool { engineers.isEmpty || engineers.contains { $0.1 == id } }
    }

    func holidays(_ value: YAMLValue) throws(ScenarioError) -> [InlineHoliday] {
        var result: [InlineHoliday] = []
        for item in try value.list() {
            let fields = try item.mapping(allowed: ScenarioReader.holidayFields) { log.problems.append($0) }
            let dates = try fields.required("date", hint: "a day or range, e.g. `date: 2027-03-15`").dateRange()
            let name = try fields.required("name", hint: "what the day is, e.g. `name: Team offsite`").nonEmptyString()
            var engineers: [(YAMLValue, String)] = []
            if let list = fields["engineers"] {
                for entry in try list.list() { engineers.append((entry, try entry.identifier())) }
            }
            result.append(InlineHoliday(dates: dates, name: name, engineers: engineers))
        }
        return result
    }

    func engineers(
        _ value: YAMLValue, period: PlanningPeriod, covered: DateRange, rules: Rules,
        teamCalendars: [(label: String, file: CalendarFile)], inlineHolidays: [InlineHoliday]
    )
        throws(ScenarioError) -> [Engineer]
    {
        var identities: [(engineer: String, field: Contacts.Field, value: YAMLValue)] = []
        let problemsBefore = log.problems.count
        let engineers = try entries(value, allowed: ScenarioReader.engineerFields, idHint: "a short id such as `aidil`")
        {
            fields, id throws(ScenarioError) in
            let regionValue = try fields.required("region", hint: "an ISO 3166 region such as MY-14, US-CA or GB-ENG")
            let written = try regionValue.nonEmptyString()
            // A code in any case, or a country or subdivision name: the canonical code is what the plan uses.
            let regionCode = library.regionCode(for: written) ?? written
            guard let region = library.regions[regionCode] else {
                throw .unknownRegion(
                    regionValue.location, field: regionValue.path, region: regionCode,
                    known: library.regions.keys.sorted())
            }
            var timeZone = region.timeZone
            if let zoneValue = fields["time_zone"] {
                timeZone = try zoneValue.nonEmptyString()
                guard TimeZone(identifier: timeZone) != nil else {
                    throw .invalidValue(
                        zoneValue.location, field: zoneValue.path, value: TextSafety.quoted(timeZone),
                        expected: "an IANA time zone", hint: "e.g. Asia/Kuala_Lumpur, Europe/London, America/New_York")
                }
            }
            var leave: [DateRange] = []
            var notes: [DateRange: String] = [:]
            var timedLeave: [LeaveSpan] = []
            if let leaveValue = fields["leave"] {
                for entry in try leaveValue.list() {
                    if entry.isMapping {
                        let read = try calendarLeave(entry, during: covered, timeZone: timeZone, engineer: id)
                        for occurrence in read.allDay {
                            leave.append(occurrence.dates)
                            notes[occurrence.dates] = "\(occurrence.summary) (\(occurrence.source))"
                        }
                        for occurrence in read.timed {
                            guard let span = occurrence.span else { continue }
                            timedLeave.append(
                                LeaveSpan(span: span, note: "\(occurrence.summary) (\(occurrence.source))"))
                        }
                    } else if (try? entry.string())?.contains("T") == true {
                        let span = try entry.timeSpan(in: TimeZone(identifier: timeZone)!)
                        timedLeave.append(LeaveSpan(span: span))
                        warnIfOutside(entry, span.start.date(in: TimeZone(identifier: timeZone)!), covered)
                    } else {
                        let range = try entry.dateRange()
                        leave.append(range)
                        warnIfOutside(entry, range.first, covered, last: range.last)
                    }
                }
            }
            let ownCalendars =
                try fields["calendars"].map { value throws(ScenarioError) in
                    try calendarFiles(value)
                } ?? []
            var companyDays = Self.companyDays(
                teamCalendars + ownCalendars, during: covered, timeZone: TimeZone(identifier: timeZone)!)
            for holiday in inlineHolidays where holiday.applies(to: id) {
                for date in holiday.dates.days where covered.contains(date) {
                    companyDays.append(Holiday(date: date, region: "scenario", name: holiday.name, category: .company))
                }
            }
            let observes =
                try fields["observes"].map { value throws(ScenarioError) in
                    try festivals(
                        value, region: regionCode, companyDays: companyDays, covered: covered, engineer: id)
                } ?? []
            warnIfMostlyAway(
                id, leave: leave, timed: timedLeave, covered: covered, zone: TimeZone(identifier: timeZone)!)
            var engineer = Engineer(
                id: id, name: try fields["name"]?.singleLine() ?? id, region: regionCode, leave: leave,
                leaveNotes: notes, timeZone: timeZone, observes: observes, companyDays: companyDays,
                pinned: try fields["pinned"].map { value throws(ScenarioError) in
                    try dutyRequests(value, period: period, roleRequired: true)
                } ?? [],
                forbidden: try fields["forbidden"].map { value throws(ScenarioError) in
                    try dutyRequests(value, period: period, roleRequired: false)
                } ?? [],
                undesired: try fields["undesired"].map { value throws(ScenarioError) in
                    try dutyRequests(value, period: period, roleRequired: false)
                } ?? [])
            engineer.timedLeave = timedLeave
            engineer.eligibility = try eligibility(can: fields["can"], from: fields["from"], period: period)
            if let onboarding = fields["onboarding"] {
                let parts = try onboarding.mapping(allowed: ["shadow_shifts", "backup_shifts"])
                engineer.onboardingShadowShifts = try parts["shadow_shifts"]?.int(
                    in: 1...52, hint: "shifts shadowed before the first duty")
                engineer.onboardingBackupShifts = try parts["backup_shifts"]?.int(
                    in: 1...52, hint: "backup shifts before the first primary one")
                if engineer.onboardingShadowShifts == nil && engineer.onboardingBackupShifts == nil {
                    throw .missingField(
                        onboarding.location, field: "\(onboarding.path).shadow_shifts or backup_shifts",
                        hint: "`{shadow_shifts: 2, backup_shifts: 2}`: two shifts shadowed, then two as backup, "
                            + "before the first primary one")
                }
            }
            if let hoursValue = fields["working_hours"] { engineer.workingHours = try workingHours(hoursValue) }
            if let contactsValue = fields["contacts"] {
                let (contacts, written) = try contacts(contactsValue)
                engineer.contacts = contacts
                identities += written.map { (id, $0.0, $0.1) }
            }
            return engineer
        }
        // An entry with a problem is left out: the list as a whole is judged once every entry reads.
        guard log.problems.count == problemsBefore else { return engineers }
        try requireDistinct(identities)
        if engineers.count < 2 { throw .tooFewEngineers(value.location, count: engineers.count) }
        return engineers
    }

    /// A notice for leave written wholly outside the days shifts cover: most likely a year typed wrong.
    func warnIfOutside(_ entry: YAMLValue, _ first: CalendarDate, _ covered: DateRange, last: CalendarDate? = nil) {
        let range = DateRange(first: first, last: last ?? first) ?? DateRange(first: first, last: first)!
        guard !range.overlaps(covered) else { return }
        let sameDaysThisYear =
            range.first.year != covered.first.year
            ? " (a year typo? the period is in \(covered.first.year))" : ""
        log.notices.append(
            "\(entry.location): \(entry.path): leave \(range) lies wholly outside "
                + "the days shifts cover (\(covered))\(sameDaysThisYear); it changes nothing")
    }

    /// A notice when leave takes more than half of the days shifts cover: the engineer is barely in the rotation.
    func warnIfMostlyAway(_ id: String, leave: [DateRange], timed: [LeaveSpan], covered: DateRange, zone: TimeZone) {
        var away = Set<Int>()
        for range in leave { for day in range.days where covered.contains(day) { away.insert(day.dayNumber) } }
        for item in timed {
            let first = item.span.start.date(in: zone)
            let last = item.span.end.adding(seconds: -1).date(in: zone)
            for day in (DateRange(first: first, last: max(first, last))?.days ?? []) where covered.contains(day) {
                away.insert(day.dayNumber)
            }
        }
        let total = covered.days.count
        guard away.count * 2 > total else { return }
        log.notices.append(
            "\(id) is on leave on \(away.count) of the \(total) days shifts cover: little duty is left to share "
                + "(check the dates)")
    }

    /// `pinned:`, `forbidden:` or `undesired:`: dates (a day or range, every shift overlapping them) or
    /// `{dates, role}` mappings; a pin names its role and one day (the shift that contains it).
    func dutyRequests(_ value: YAMLValue, period: PlanningPeriod, roleRequired: Bool) throws(ScenarioError)
        -> [DutyRequest]
    {
        var requests: [DutyRequest] = []
        for entry in try value.list() {
            var datesValue = entry
            var role: DutyRole?
            if entry.isMapping {
                let fields = try entry.mapping(allowed: ["dates", "role", "rotation"])
                datesValue = try fields.required("dates", hint: "a day or range, e.g. `dates: 2027-02-15`")
                if let roleValue = fields["role"] {
                    role = try roleValue.oneOf(DutyRole.self, kind: "a duty role")
                }
            }
            let dates = try datesValue.dateRange()
            guard period.dates.overlaps(dates) else {
                throw .invalidValue(
                    datesValue.location, field: datesValue.path, value: "\(dates)",
                    expected: "dates inside the period (\(period.dates))", hint: "remove it or change the period")
            }
            if roleRequired {
                guard let role else {
                    throw .missingField(
                        entry.location, field: "\(entry.path).role",
                        hint: "a pin names the shift and the role: `{dates: 2027-01-11, role: primary}`")
                }
                guard dates.first == dates.last else {
                    throw .invalidValue(
                        datesValue.location, field: datesValue.path, value: "\(dates)",
                        expected: "one day (the pinned shift is the one that contains it)",
                        hint: "pin each shift on its own: `{dates: \(dates.first), role: \(role.rawValue)}`")
                }
            }
            var rotation: String?
            if entry.isMapping,
                let rotationValue = try entry.mapping(allowed: ["dates", "role", "rotation"])["rotation"]
            {
                rotation = try rotationValue.identifier()
                log.requestRotations.append((rotationValue, rotation!))
            }
            requests.append(DutyRequest(dates: dates, role: role, rotation: rotation))
        }
        return requests
    }

    /// `observes:` as a list of festival names, or a mapping name → weight.
    func festivals(
        _ value: YAMLValue, region: String, companyDays: [Holiday], covered: DateRange, engineer: String
    ) throws(ScenarioError) -> [ObservedFestival] {
        var named: [(YAMLValue, String, Int?)] = []
        if value.isMapping {
            for (key, weightValue) in try value.pairs() {
                named.append(
                    (
                        weightValue, key,
                        try weightValue.int(in: 1...10, hint: "a festival day counts this many holiday days")
                    ))
            }
        } else {
            for entry in try value.list() { named.append((entry, try entry.nonEmptyString(), nil)) }
        }
        let regionHolidays: [Holiday]
        do { regionHolidays = try library.holidays(of: region) } catch {
            throw .calendar(value.location, field: value.path, error)
        }
        let names = Set((regionHolidays + companyDays).map(\.name)).sorted()
        return try named.map { (entry, name, weight) throws(ScenarioError) in
            let festival = ObservedFestival(name: name, weight: weight, aliases: library.festivalAliases)
            guard names.contains(where: festival.matches(name:)) else {
                throw .invalidValue(
                    entry.location, field: entry.path, value: TextSafety.quoted(name),
                    expected: "a holiday of \(region) (or of the engineer's calendars)",
                    // Never the name itself: a festival Rota knows that the region does not have is not a typo.
                    hint: festivalElsewhere(festival, name: name, region: region, covered: covered, engineer: engineer)
                        ?? Suggestions.didYouMean(
                            name,
                            (names + library.festivalAliases.keys.sorted()).filter {
                                ObservedFestival.normalize($0) != ObservedFestival.normalize(name)
                            }) ?? "`rota holidays --region \(region) --year …` lists the names")
            }
            return festival
        }
    }

    /// For a festival the engineer's region does not have (Deepavali in GB-ENG): the countries whose calendars have
    /// it, and how to observe it anyway, with its date in the period where one of them has it.
    func festivalElsewhere(
        _ festival: ObservedFestival, name: String, region: String, covered: DateRange, engineer: String
    ) -> String? {
        var countries: [String] = []
        // Its first date from the period's start on, in the first of them to have one.
        var next: CalendarDate?
        for code in library.regions.keys.sorted() where !code.contains("-") {
            guard let holidays = try? library.holidays(of: code) else { continue }
            let matching = holidays.filter { festival.matches(name: $0.name) }
            guard !matching.isEmpty else { continue }
            countries.append(code)
            if next == nil { next = matching.map(\.date).filter { $0 >= covered.first }.min() }
        }
        guard !countries.isEmpty else { return nil }
        let when =
            next.map { covered.contains($0) ? "" : " (it falls after this period, next on \($0))" } ?? ""
        let example = "{date: \(next.map(\.description) ?? "YYYY-MM-DD"), name: \(name), engineers: [\(engineer)]}"
        return "\(name) is a public holiday in \(countries.joined(separator: ", ")), not in \(region)\(when); to count "
            + "it for \(engineer), add it as a company day under `holidays:` (`\(example)`) and keep it in `observes`"
    }
}
