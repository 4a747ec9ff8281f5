import LinearProgramming
import RotaChecking
import RotaModel

/// One level of the lexicographic objective: minimized, then held at its best while later levels are minimized.
struct ObjectiveLevel {
    let kind: ObjectiveKind
    let expression: LinearExpression
    /// Every value the level can take at an optimum, sorted, when they are few and known (a deviation is one of
    /// |k − s| over the counts k and fair shares s): the hold then admits nothing between the value found and the
    /// next attainable one. Nil: held with ``ObjectiveKind/holdSlack(_:)``.
    var attainable: [Double]? = nil

    /// `values` sorted, with values within 10⁻⁹ of the one before dropped: the same fraction reached by two
    /// roundings is one attainable value, not two a hair apart.
    static func distinct(_ values: some Collection<Double>) -> [Double] {
        var out: [Double] = []
        for value in values.sorted() where out.last.map({ value - $0 > 1e-9 }) ?? true { out.append(value) }
        return out
    }

    /// The least value the level can take that is at least `bound` (a lower bound, e.g. its LP relaxation's): the
    /// next attainable value when those are known, the next whole number for an `integral` level; nil otherwise.
    func leastAttainable(atLeast bound: Double, integral: Bool) -> Double? {
        if let attainable, !attainable.isEmpty {
            let tolerance = kind.holdSlack(bound)
            return attainable.first { $0 >= bound - tolerance }
        }
        return integral ? (bound - 1e-6).rounded(.up) : nil
    }

    /// The right-hand side of the row that holds this level at `value` (GLPK's, a few millionths off at most).
    ///
    /// A relative slack alone is not exact: across two rotations deviations such as 29/50 and 134/231 differ by
    /// 1/11,550, inside a 10⁻⁴ slack, and the next level could then buy a worse deviation. With the attainable
    /// values known, the hold is the attainable value nearest `value` plus less than half the distance to the next
    /// one (and never below `value`, so the solution found stays feasible).
    func holdBound(_ value: Double) -> Double {
        let slack = kind.holdSlack(value)
        guard let attainable, !attainable.isEmpty else { return value + slack }
        var low = 0
        var high = attainable.count
        while low < high {
            let middle = (low + high) / 2
            if attainable[middle] < value { low = middle + 1 } else { high = middle }
        }
        let neighbours = [low - 1, low].filter { attainable.indices.contains($0) }
        let nearest = neighbours.min { abs(attainable[$0] - value) < abs(attainable[$1] - value) }!
        guard abs(attainable[nearest] - value) <= slack else { return value + slack }
        let next = attainable[(nearest + 1)...].first { $0 > attainable[nearest] }
        let room = next.map { ($0 - attainable[nearest]) / 2 } ?? slack
        return max(value, attainable[nearest]) + min(slack, room * 0.99)
    }
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
    public let softRule: Rule?
    /// The optional goal the level is, if it is one.
    public let optionalGoal: OptionalGoal?

    private init(
        _ rawValue: String, _ title: String, _ unit: String, softRule: Rule? = nil, optionalGoal: OptionalGoal? = nil
    ) {
        self.rawValue = rawValue
        self.title = title
        self.unit = unit
        self.softRule = softRule
        self.optionalGoal = optionalGoal
    }

    /// The level of an hours goal: the largest deviation of weekend (out-of-hours) hours from the fair share.
    /// The level of an optional goal.
    public static func optional(_ goal: OptionalGoal) -> ObjectiveKind {
        switch goal {
        case .acrossRotationsBalance: return acrossRotationsBalance
        case .weekendBalance, .outOfHoursBalance:
            let words = goal == .weekendBalance ? "weekend" : "out-of-hours"
            return ObjectiveKind(
                goal.rawValue, "Largest deviation of \(words) hours on duty from fair share", "hours",
                optionalGoal: goal)
        }
    }

    public static let primaryBalance = ObjectiveKind(
        "primary_balance", "Largest deviation of primary weeks from fair share", "weeks")
    public static let backupBalance = ObjectiveKind(
        "backup_balance", "Largest deviation of backup weeks from fair share", "weeks")
    /// With several rotations: each engineer's weeks of a role summed over the rotations, against their fair shares
    /// summed likewise, so that nobody is ahead in both rotations while each is balanced on its own.
    public static let acrossRotationsBalance = ObjectiveKind(
        "across_rotations_balance", "Largest deviation of a role's weeks over all rotations from fair share", "weeks",
        optionalGoal: .acrossRotationsBalance)
    public static let holidayTotal = ObjectiveKind("holiday_burden_total", "Total holiday burden", "points")
    public static let holidayLargest = ObjectiveKind(
        "holiday_burden_largest", "Largest holiday burden of one engineer", "points")
    public static let ownershipLargest = ObjectiveKind(
        "ownership_load_largest", "Largest ownership load", "weighted pipelines")
    public static let ownersWithoutPrimary = ObjectiveKind(
        "owners_without_primary", "Engineers primary owner of no pipeline", "engineers")
    /// Whether the level belongs to the ownership part (judged only with an ownership.csv).
    public var isOwnership: Bool { self == .ownershipLargest || self == .ownersWithoutPrimary }
    /// Replanning: assignments that differ from the baseline.
    public static let changes = ObjectiveKind(
        "changes", "Assignments changed from the baseline", "assignments")
    /// Explaining infeasibility: rule instances relaxed.
    static let relaxations = ObjectiveKind("relaxations", "Rule instances relaxed", "instances")

    /// The level that counts the broken instances of a soft rule.
    public static func soft(_ rule: Rule) -> ObjectiveKind {
        ObjectiveKind(
            "soft_\(rule.rawValue)", "Broken \(rule.rawValue) instances (soft rule)", "instances", softRule: rule)
    }

    public var description: String { rawValue }

    /// The level a report or manifest names (`primary_balance`, `soft_min_gap_weeks`), if Rota has it.
    public static func named(_ name: String) -> ObjectiveKind? {
        let known =
            [
                primaryBalance, backupBalance, holidayTotal, holidayLargest, ownershipLargest, ownersWithoutPrimary,
                changes,
            ]
            + Rule.configurable.map(soft) + OptionalGoal.allCases.map(optional)
        return known.first { $0.rawValue == name }
    }
}
