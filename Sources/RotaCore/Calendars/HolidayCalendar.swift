/// A public holiday in one region.
public struct Holiday: Sendable, Hashable {
    public let date: CalendarDate
    public let region: String
    public let name: String
    /// A substitute day for a holiday that fell on a weekend.
    public let observedSubstitute: Bool
    /// Not yet officially confirmed (lunar, Islamic or Hindu calendars far ahead).
    public let provisional: Bool
}

/// Public holidays by region, looked up by day.
public struct HolidayCalendar: Sendable {
    /// Years covered, inclusive.
    public let years: ClosedRange<Int>
    /// Region code → human name.
    public let regionNames: [String: String]
    private let byRegion: [String: [Holiday]]

    public init(years: ClosedRange<Int>, regionNames: [String: String], holidays: [Holiday]) {
        self.years = years
        self.regionNames = regionNames
        self.byRegion = Dictionary(grouping: holidays, by: \.region).mapValues {
            $0.sorted { ($0.date, $0.name) < ($1.date, $1.name) }
        }
    }

    /// The table built into Rota: the seed scenarios' regions, 2026–2027.
    public static let builtin: HolidayCalendar = {
        let holidays = BuiltinHolidayTable.rows.map { row in
            Holiday(
                date: CalendarDate(iso: row.date)!, region: row.region, name: row.name,
                observedSubstitute: row.observed, provisional: row.provisional)
        }
        return HolidayCalendar(
            years: BuiltinHolidayTable.years, regionNames: BuiltinHolidayTable.regionNames, holidays: holidays)
    }()

    /// Region codes, sorted.
    public var regions: [String] { regionNames.keys.sorted() }

    public func knows(region: String) -> Bool { regionNames[region] != nil }

    /// Whether every day of `range` lies in the covered years.
    public func covers(_ range: DateRange) -> Bool {
        years.contains(range.first.year) && years.contains(range.last.year)
    }

    /// The holidays of `region` inside `range`, by date then name.
    public func holidays(in region: String, during range: DateRange) -> [Holiday] {
        (byRegion[region] ?? []).filter { range.contains($0.date) }
    }

    /// The distinct days in `range` that are a holiday in `region`.
    public func holidayDays(in region: String, during range: DateRange) -> [CalendarDate] {
        var seen = Set<CalendarDate>()
        return holidays(in: region, during: range).map(\.date).filter { seen.insert($0).inserted }
    }
}
