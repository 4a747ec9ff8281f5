import RotaModel

/// Each engineer's weekend hours on duty, the shifts as held (either role; covers do not move them, as with the
/// holiday burden), counted by ``OnCallHours`` in their own zone and weekend: what `rules.fairness.max_weekend_days`
/// bounds, in days of 24 hours.
public struct WeekendDuty: Sendable {
    /// Seconds by engineer id (every engineer, 0 when none).
    public let seconds: [String: Int]

    public init(schedule: Schedule, scenario: Scenario) {
        var seconds: [String: Int] = [:]
        for engineer in scenario.engineers {
            seconds[engineer.id] = OnCallHours.plannedSeconds(
                of: .weekend, engineer: engineer, schedule: schedule, scenario: scenario,
                days: OnCallHours.DayKinds(engineer: engineer, scenario: scenario))
        }
        self.seconds = seconds
    }

    public func days(of engineer: String) -> Double { Double(seconds[engineer] ?? 0) / 86_400 }

    public var largestDays: Double { (seconds.values.max()).map { Double($0) / 86_400 } ?? 0 }
}
