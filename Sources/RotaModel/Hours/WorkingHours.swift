/// The hours of a working day as a wall clock in the engineer's zone shows them (`working_hours: {start: "09:00",
/// end: "18:00"}`, per team, overridable per engineer). On-call time inside them on a working day is working hours;
/// the rest of the day is out of hours.
public struct WorkingHours: Sendable, Equatable {
    /// Seconds after local midnight.
    public let start: Int
    public let end: Int

    /// 09:00 to 18:00, when the scenario says nothing.
    public static let standard = WorkingHours(start: 9 * 3600, end: 18 * 3600)!

    /// Nil unless 0 ≤ start < end ≤ 24 h.
    public init?(start: Int, end: Int) {
        guard 0 <= start, start < end, end <= 86_400 else { return nil }
        self.start = start
        self.end = end
    }

    /// `09:00–18:00`.
    public var description: String {
        func clock(_ seconds: Int) -> String {
            let hours = seconds / 3600
            let minutes = seconds % 3600 / 60
            return (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
        }
        return "\(clock(start))–\(clock(end))"
    }
}
