/// A region with its own public holidays: a country (`SG`) or a subdivision (`MY-10`, `US-CA`).
public struct Region: Sendable, Hashable {
    /// ISO 3166 style code: the country, or country-subdivision.
    public let code: String
    /// ISO 3166-1 alpha-2 country code; the holidays live in calendars/<country>.csv.
    public let country: String
    /// "Malaysia, Selangor".
    public let name: String
    /// ISO weekdays (1 = Monday … 7 = Sunday) of the weekend; Kedah, Kelantan and Terengganu keep Friday–Saturday.
    public let weekend: Set<Int>
    /// IANA time zone of the region (its capital's), used for timed calendar events unless an engineer names one.
    public let timeZone: String
    /// The last year whose official holiday list was published when the data was generated.
    public let confirmedThrough: Int

    public init(code: String, country: String, name: String, weekend: Set<Int>, timeZone: String, confirmedThrough: Int)
    {
        self.code = code
        self.country = country
        self.name = name
        self.weekend = weekend
        self.timeZone = timeZone
        self.confirmedThrough = confirmedThrough
    }

    public func isWeekend(_ date: CalendarDate) -> Bool { weekend.contains(date.isoWeekday) }

    /// Three-letter weekday names, in the files' spelling.
    static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// "Sat Sun".
    public var weekendDescription: String {
        weekend.sorted().map { Region.weekdayNames[$0 - 1] }.joined(separator: " ")
    }
}
