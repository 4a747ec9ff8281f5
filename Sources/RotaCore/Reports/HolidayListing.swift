import RotaChecking
import RotaModel
import RotaPlanning

/// What `rota holidays` and `rota regions` print: a region's holidays, a scenario's holidays and leave per
/// engineer, or the known regions. Each renders as a terminal table or as CSV.
public struct HolidayListing {
    public let header: [String]
    public let rows: [[String]]
    /// CSV columns when they differ from the table's (the region listing's CSV is the data file's shape).
    private let csvHeader: [String]
    private let csvRows: [[String]]

    public func table() -> String {
        var table = TextTable(header: header)
        for row in rows { table.append(row) }
        return table.render()
    }

    public func csv() -> String {
        var table = CSVTable(header: csvHeader)
        for row in csvRows { table.append(row) }
        return table.render()
    }

    /// The holidays of one region, in one year or every year the data holds.
    public static func region(_ code: String, year: Int?, library: CalendarLibrary) throws(CalendarError)
        -> HolidayListing
    {
        let region = try library.region(code)
        var holidays = try library.holidays(of: code)
        if let year {
            let available = try library.years(of: code)
            guard let available, available.contains(year) else {
                throw .yearsNotCovered(region: code, requested: year...year, available: available)
            }
            holidays = holidays.filter { $0.date.year == year }
        }
        let yes = { (flag: Bool) in flag ? "yes" : "" }
        let rows = holidays.map { holiday in
            [
                holiday.date.description, String(holiday.date.weekdayName.prefix(3)),
                holiday.name + (holiday.observedSubstitute ? " (substitute day)" : ""),
                holiday.category.rawValue
                    + (region.isWeekend(holiday.date) && !holiday.observedSubstitute ? ", on the weekend" : ""),
                yes(holiday.provisional),
            ]
        }
        let csvRows = holidays.map { holiday in
            [
                holiday.date.description, holiday.name, holiday.region, holiday.category.rawValue,
                String(holiday.observedSubstitute), String(holiday.provisional),
            ]
        }
        return HolidayListing(
            header: ["Date", "Day", "Name", "Category", "Provisional"], rows: rows,
            csvHeader: ["date", "name", "region", "category", "observed", "provisional"], csvRows: csvRows)
    }

    /// Every holiday and leave day of every engineer inside the scenario's period, with the weight its day has in
    /// the holiday burden (a day with several holidays weighs once, as its heaviest).
    public static func scenario(_ scenario: Scenario) -> HolidayListing {
        struct Entry {
            let date: CalendarDate
            let isLeave: Bool
            let name: String
            let category: String
            let weight: String
            let provisional: Bool
            let source: String
        }
        var rows: [[String]] = []
        var csvRows: [[String]] = []
        let period = scenario.period.dates
        for engineer in scenario.engineers {
            let personal = scenario.personalCalendar(engineer)
            let holidays = personal.holidays(during: period)
            var entries: [Entry] = holidays.map { holiday in
                var category = holiday.category.rawValue
                if let festival = personal.observedFestival(holiday) { category += ", observed: \(festival.name)" }
                if personal.region?.isWeekend(holiday.date) == true { category += ", on the weekend" }
                return Entry(
                    date: holiday.date, isLeave: false,
                    name: holiday.name + (holiday.observedSubstitute ? " (substitute day)" : ""), category: category,
                    weight: String(personal.weight(of: holiday.date, holidays: holidays)),
                    provisional: holiday.provisional,
                    source: holiday.category == .company ? holiday.region : engineer.region)
            }
            for range in engineer.leave where range.overlaps(period) {
                let note = engineer.leaveNotes[range]
                for date in range.days where period.contains(date) {
                    entries.append(
                        Entry(
                            date: date, isLeave: true, name: note ?? "leave \(range)", category: "leave", weight: "",
                            provisional: false, source: note == nil ? "scenario" : "calendar file"))
                }
            }
            let zone = engineer.zone
            for item in engineer.timedLeave {
                let date = item.span.start.date(in: zone)
                guard period.contains(date) else { continue }
                let hours = TextFormatting.number(Double(item.span.seconds) / 3600)
                entries.append(
                    Entry(
                        date: date, isLeave: true,
                        name: (item.note.isEmpty ? "leave" : item.note)
                            + " \(item.span.start.local(in: zone)) to \(item.span.end.local(in: zone)) (\(hours) h)",
                        category: "part-day leave", weight: "", provisional: false,
                        source: item.note.isEmpty ? "scenario" : "calendar file"))
            }
            for entry in entries.sorted(by: { ($0.date, $0.isLeave ? 1 : 0) < ($1.date, $1.isLeave ? 1 : 0) }) {
                let kind = entry.isLeave ? "leave" : "holiday"
                rows.append([
                    engineer.id, entry.date.description, String(entry.date.weekdayName.prefix(3)), kind, entry.name,
                    entry.category, entry.weight, entry.provisional ? "yes" : "",
                ])
                csvRows.append([
                    engineer.id, entry.date.description, kind, entry.name, entry.category, entry.weight,
                    String(entry.provisional), entry.source,
                ])
            }
        }
        return HolidayListing(
            header: ["Engineer", "Date", "Day", "Kind", "Name", "Category", "Weight", "Provisional"], rows: rows,
            csvHeader: ["engineer", "date", "kind", "name", "category", "weight", "provisional", "source"],
            csvRows: csvRows)
    }

    /// The regions of one country, or all of them.
    public static func regions(country: String?, library: CalendarLibrary) throws(CalendarError) -> HolidayListing {
        var regions = library.regions.values.sorted { $0.code < $1.code }
        if let country {
            let code = country.uppercased()
            guard library.countries.contains(code) else { throw .unknownCountry(country, known: library.countries) }
            regions = regions.filter { $0.country == code }
        }
        let rows = regions.map {
            [$0.code, $0.name, $0.weekendDescription, $0.timeZone, String($0.confirmedThrough)]
        }
        return HolidayListing(
            header: ["Code", "Name", "Weekend", "Time zone", "Confirmed through"], rows: rows,
            csvHeader: ["code", "name", "weekend", "time_zone", "confirmed_through"], csvRows: rows)
    }
}
