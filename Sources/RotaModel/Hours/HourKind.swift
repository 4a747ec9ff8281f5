/// What an hour on call is, for the person holding it, in their own zone and calendar. A day's kind is taken in
/// this order: a day of a festival they observe; their region's weekend; a holiday of a counted category
/// (`rules.holiday_categories`: public and company days by default; one on a weekend moves to its substitute day,
/// which the calendars list); otherwise a working day, split by their working hours.
public enum HourKind: String, Sendable, CaseIterable, Codable {
    /// A working day, inside the working hours.
    case working
    /// A working day, before or after the working hours.
    case outOfHours = "out_of_hours"
    case weekend
    case publicHoliday = "public_holiday"
    /// A day of a festival the engineer observes (`observes:`), weekend or not.
    case festival

    /// The heading in reports: "Out of hours".
    public var title: String {
        switch self {
        case .working: return "Working hours"
        case .outOfHours: return "Out of hours"
        case .weekend: return "Weekend"
        case .publicHoliday: return "Public holiday"
        case .festival: return "Festival"
        }
    }
}
