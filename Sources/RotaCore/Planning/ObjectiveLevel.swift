import LinearProgramming

/// One level of the lexicographic objective: minimized, then held at its best while later levels are minimized.
struct ObjectiveLevel {
    let kind: ObjectiveKind
    let expression: LinearExpression
}

/// An objective level Rota knows: a part of a ``PlanningGoal``, a soft rule's broken instances, or the changes to
/// a baseline.
public struct ObjectiveKind: Sendable, Hashable, CustomStringConvertible {
    /// The level's name in reports and `rules.priorities`-like listings: `primary_balance`, `soft_min_gap_weeks`.
    public let rawValue: String
    /// What the level minimizes, in words.
    public let title: String
    /// The unit of the level's value.
    public let unit: String
    /// The soft rule whose broken instances the level counts, if it is one.
    public let softRule: SchedulingRule?

    private init(_ rawValue: String, _ title: String, _ unit: String, softRule: SchedulingRule? = nil) {
        self.rawValue = rawValue
        self.title = title
        self.unit = unit
        self.softRule = softRule
    }

    public static let primaryBalance = ObjectiveKind(
        "primary_balance", "Largest deviation of primary weeks from fair share", "weeks")
    public static let backupBalance = ObjectiveKind(
        "backup_balance", "Largest deviation of backup weeks from fair share", "weeks")
    public static let holidayTotal = ObjectiveKind("holiday_burden_total", "Total holiday burden", "points")
    public static let holidayLargest = ObjectiveKind(
        "holiday_burden_largest", "Largest holiday burden of one engineer", "points")
    public static let ownershipLargest = ObjectiveKind(
        "ownership_load_largest", "Largest ownership load", "weighted pipelines")
    /// Replanning: assignments that differ from the baseline.
    public static let changes = ObjectiveKind(
        "changes", "Assignments changed from the baseline", "assignments")
    /// Explaining infeasibility: rule instances relaxed.
    static let relaxations = ObjectiveKind("relaxations", "Rule instances relaxed", "instances")

    /// The level that counts the broken instances of a soft rule.
    public static func soft(_ rule: SchedulingRule) -> ObjectiveKind {
        ObjectiveKind(
            "soft_\(rule.rawValue)", "Broken \(rule.rawValue) instances (soft rule)", "instances", softRule: rule)
    }

    public var description: String { rawValue }
}

/// Primary or backup on-call duty.
public enum DutyRole: String, Sendable, CaseIterable {
    case primary
    case backup

    /// Holiday burden per holiday day in a week on this duty.
    public var holidayWeight: Int { self == .primary ? 2 : 1 }
}
