import Foundation

/// When a rotation's shifts begin and end as instants: at the handoff time in the handoff time zone, from a shift's
/// first day to the day after its last. The zone is the rotation's `handoff.time_zone`, else its roster's first
/// engineer's, else UTC; without a handoff time, shifts change at midnight in that zone.
public struct ShiftClock: Sendable {
    /// Seconds after local midnight at which duty passes on.
    public let handoffSeconds: Int
    public let zone: TimeZone
    /// Whether the scenario states a handoff time (calendars then write timed events, else all-day ones).
    public let isTimed: Bool

    public init(rotation: Rotation, scenario: Scenario) { self.init(rotation: rotation, team: scenario.engineers) }

    /// The clock of `rotation` whose roster's people are in `team`.
    public init(rotation: Rotation, team: [Engineer]) {
        let zoneName =
            rotation.period.handoffTimeZone
            ?? rotation.roster.first.flatMap { id in team.first { $0.id == id }?.timeZone } ?? "UTC"
        zone = TimeZone(identifier: zoneName) ?? TimeZone(identifier: "UTC")!
        if let time = rotation.period.handoffTime {
            let parts = time.split(separator: ":").compactMap { Int($0) }
            handoffSeconds = (parts.first ?? 0) * 3600 + (parts.dropFirst().first ?? 0) * 60
            isTimed = true
        } else {
            handoffSeconds = 0
            isTimed = false
        }
    }

    /// The instant of the handoff on `date`.
    public func handoff(on date: CalendarDate) -> Instant { Instant(wall: date, seconds: handoffSeconds, in: zone) }

    /// A shift's time on duty: from the handoff on its first day to the handoff after its last.
    public func span(of dates: DateRange) -> TimeSpan {
        TimeSpan(start: handoff(on: dates.first), end: handoff(on: dates.last.adding(days: 1)))!
    }
}

extension Scenario {
    /// Each rotation's clock, in scenario order.
    public var shiftClocks: [ShiftClock] { rotations.map { ShiftClock(rotation: $0, scenario: self) } }
}
