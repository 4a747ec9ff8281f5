/// What kind of day off a holiday is; scenarios choose which kinds weigh in the holiday burden.
public enum HolidayCategory: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A statutory public holiday of the region.
    case `public`
    /// A bank holiday that is not a general day off (e.g. AU-NSW's Bank Holiday).
    case bank
    /// A holiday only some people take (India's restricted holidays, Bavaria's Assumption Day).
    case optional
    /// A day of observance without a day off.
    case observance
    /// A company day off from a calendar file named in the scenario.
    case company

    public static func < (lhs: HolidayCategory, rhs: HolidayCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A holiday in one region (or, for company days, of one team or person).
public struct Holiday: Sendable, Hashable {
    public let date: CalendarDate
    /// Region code (`MY-10`), or the calendar file for company days.
    public let region: String
    public let name: String
    public let category: HolidayCategory
    /// A substitute day for a holiday that fell on a weekend.
    public let observedSubstitute: Bool
    /// Not yet officially confirmed (lunar, Islamic or Hindu calendars far ahead, or beyond published lists).
    public let provisional: Bool

    public init(
        date: CalendarDate, region: String, name: String, category: HolidayCategory = .public,
        observedSubstitute: Bool = false, provisional: Bool = false
    ) {
        self.date = date
        self.region = region
        self.name = name
        self.category = category
        self.observedSubstitute = observedSubstitute
        self.provisional = provisional
    }
}
