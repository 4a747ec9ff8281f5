/// The schedule a replan starts from (`rota plan --baseline DIR --from DATE`).
///
/// Shifts that start before `from` are kept exactly; after it, the number of assignments (duty and ownership roles)
/// that differ from the baseline is minimized at the `changes` level, above the fairness goals unless
/// `rules.priorities` says otherwise.
public struct PlanBaseline: Sendable {
    public let schedule: Schedule
    /// Shifts starting before this day are frozen; nil: none are.
    public let from: CalendarDate?
    /// Where the baseline was read from, for messages.
    public let source: String

    public init(schedule: Schedule, from: CalendarDate?, source: String) {
        self.schedule = schedule
        self.from = from
        self.source = source
    }

    /// Whether shift `dates` is frozen.
    public func isFrozen(_ dates: DateRange) -> Bool { from.map { dates.first < $0 } ?? false }

    /// The baseline's row for the shift of rotation `rotation` that starts on `dates.first`; with one rotation in the
    /// scenario (`single`), the rotation column is not compared.
    public func shift(rotation: String, startingOn dates: DateRange, single: Bool) -> RotationShift? {
        schedule.shifts.first { $0.dates.first == dates.first && (single || $0.rotation == rotation) }
    }
}
