/// The history's shifts that run up to a rotation's first shift with no day between: what the rules over
/// consecutive shifts (min_gap_weeks, min_duty_gap_weeks, max_consecutive_duty_weeks, backup_becomes_primary) reach
/// back into. Position −1 is the shift just before shift 1, −2 the one before it, and so on.
///
/// The walk back stops at a day no history shift covers, or where two rows end on the same day (a file of several
/// rotations read into a scenario of one: which row was this rotation's cannot be told).
public struct HistoryLead: Sendable, Equatable {
    /// Oldest first; the last ends the day before the rotation's first shift.
    public let shifts: [DutyHistory.Shift]

    public init(shifts: [DutyHistory.Shift]) { self.shifts = shifts }

    /// The lead of `rotation` in `history`.
    public init(_ history: DutyHistory, rotation: Rotation, in scenario: Scenario) {
        let own = history.shifts(of: rotation, in: scenario)
        var lead: [DutyHistory.Shift] = []
        var nextStart = rotation.period.start
        while true {
            let before = own.filter { $0.dates.last == nextStart.adding(days: -1) }
            guard before.count == 1, let shift = before.first else { break }
            lead.insert(shift, at: 0)
            nextStart = shift.dates.first
        }
        shifts = lead
    }

    public var count: Int { shifts.count }

    /// The shift at `position` (−count … −1).
    public func shift(at position: Int) -> DutyHistory.Shift? {
        (-count..<0).contains(position) ? shifts[count + position] : nil
    }

    /// Whether `engineer` holds one of `roles` in the shift at `position`; false outside the lead.
    public func holds(_ engineer: String, _ roles: some Sequence<DutyRole>, at position: Int) -> Bool {
        guard let shift = shift(at: position) else { return false }
        return roles.contains { shift.engineer(for: $0) == engineer }
    }

    /// How many of the last `shifts` lead shifts `engineer` holds one of `roles` in.
    public func count(_ engineer: String, _ roles: some Sequence<DutyRole>, inLast shifts: Int) -> Int {
        let roles = Array(roles)
        return (-min(shifts, count)..<0).filter { holds(engineer, roles, at: $0) }.count
    }

    /// The backup of the shift just before the rotation's first: its first primary under backup_becomes_primary.
    public var lastBackup: String? { shifts.last?.backup }

    /// "the history's shift 2026-12-28..2027-01-03 (reports/q4/rotation.csv:14)", for findings and explanations.
    public func describe(_ position: Int) -> String {
        guard let shift = shift(at: position) else { return "no history shift" }
        return "the history's shift \(shift.dates) (\(shift.source))"
    }
}

extension Scenario {
    /// The history lead of each rotation, in the order of ``rotations``.
    public var historyLeads: [HistoryLead] {
        rotations.map { HistoryLead(history, rotation: $0, in: self) }
    }
}
