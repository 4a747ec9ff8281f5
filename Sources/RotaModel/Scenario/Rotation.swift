/// One on-call rotation: its roster, the pipelines it covers, and its shifts.
///
/// A scenario without `rotations:` has one unnamed rotation (id "") of every engineer over the on-call pipelines,
/// with the period's shifts. With `rotations:`, each has an id, and rotation.csv gains a `rotation` column when there
/// is more than one.
public struct Rotation: Sendable, Equatable {
    public var id: String
    public var name: String
    /// Engineer ids, in scenario order.
    public var roster: [String]
    /// Pipeline ids the rotation covers.
    public var pipelines: [String]
    /// The rotation's shifts: its first handoff, count, length and handoff time.
    public var period: PlanningPeriod
    /// The paging-tool schedules its duty is exported to (`pager:`).
    public var pager = PagerTargets()
    /// The duty roles each shift has (`roles:`): primary and backup, or primary alone (one person on call, no
    /// backup).
    public var roles: [DutyRole] = DutyRole.allCases

    /// Whether each shift has a backup.
    public var hasBackup: Bool { roles.contains(.backup) }

    /// Whether a shift may have a shadow (`roles: [primary, backup, shadow]`): someone onboarding who follows the
    /// on-call engineers to learn, carrying no pager.
    public var hasShadow = false

    public init(id: String, name: String, roster: [String], pipelines: [String], period: PlanningPeriod) {
        self.id = id
        self.name = name
        self.roster = roster
        self.pipelines = pipelines
        self.period = period
    }

    /// How rotation.csv and reports name a shift: "week 3", or "growth week 3" when there are several rotations.
    public func label(_ number: Int, among count: Int) -> String {
        (count > 1 ? "\(id) " : "") + "\(period.shiftWord) \(number)"
    }
}

/// One shift of one rotation: the unit of duty (a week unless `shift_days` says otherwise).
public struct Shift: Sendable, Equatable {
    /// Index into ``Scenario/rotations``.
    public let rotation: Int
    /// 1-based shift number within its rotation.
    public let number: Int
    public let dates: DateRange
}

extension Scenario {
    /// Every shift of every rotation, rotation by rotation, in order: the slots of the model and the checker.
    public var shifts: [Shift] {
        rotations.enumerated().flatMap { r, rotation in
            rotation.period.allShifts.enumerated().map { t, dates in Shift(rotation: r, number: t + 1, dates: dates) }
        }
    }

    /// The rotation a schedule row names: by id, or the only rotation when the row names none ("").
    public func rotationIndex(of id: String) -> Int? {
        if let index = rotations.firstIndex(where: { $0.id == id }) { return index }
        return id.isEmpty && rotations.count == 1 ? 0 : nil
    }

    /// The slot (index into ``shifts``) of shift `number` of rotation `id`, if the scenario has it.
    public func slot(rotation id: String, number: Int) -> Int? {
        guard let r = rotationIndex(of: id), (1...max(1, rotations[r].period.shiftCount)).contains(number) else {
            return nil
        }
        return rotations[..<r].reduce(0) { $0 + $1.period.shiftCount } + number - 1
    }

    /// All days any rotation's shifts cover.
    public var coveredDates: DateRange {
        let first = rotations.map(\.period.dates.first).min() ?? period.dates.first
        let last = rotations.map(\.period.dates.last).max() ?? period.dates.last
        return DateRange(first: first, last: last)!
    }
}
