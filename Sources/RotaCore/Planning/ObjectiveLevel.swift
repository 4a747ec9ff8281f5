import LinearProgramming

/// One level of the lexicographic objective: minimized, then held at its best while later levels are minimized.
struct ObjectiveLevel {
    let kind: ObjectiveKind
    let expression: LinearExpression
}

/// The objective levels Rota knows, each a part of a ``PlanningGoal``.
public enum ObjectiveKind: String, Sendable, CaseIterable {
    case primaryBalance = "primary_balance"
    case backupBalance = "backup_balance"
    case holidayTotal = "holiday_burden_total"
    case holidayLargest = "holiday_burden_largest"
    case ownershipLargest = "ownership_load_largest"

    /// What the level minimizes, in words.
    public var title: String {
        switch self {
        case .primaryBalance: return "Largest deviation of primary weeks from fair share"
        case .backupBalance: return "Largest deviation of backup weeks from fair share"
        case .holidayTotal: return "Total holiday burden"
        case .holidayLargest: return "Largest holiday burden of one engineer"
        case .ownershipLargest: return "Largest ownership load"
        }
    }

    /// The unit of the level's value.
    public var unit: String {
        switch self {
        case .primaryBalance, .backupBalance: return "weeks"
        case .holidayTotal, .holidayLargest: return "points"
        case .ownershipLargest: return "weighted pipelines"
        }
    }
}

/// Primary or backup on-call duty.
public enum DutyRole: String, Sendable, CaseIterable {
    case primary
    case backup

    /// Holiday burden per holiday day in a week on this duty.
    public var holidayWeight: Int { self == .primary ? 2 : 1 }
}
