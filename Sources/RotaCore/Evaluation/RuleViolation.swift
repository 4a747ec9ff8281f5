/// A hard rule or a declared fairness bound (`rules.fairness`), as named in findings.
public enum HardRule: String, Sendable, CaseIterable {
    /// Every week of the period has exactly one row, with the period's dates.
    case coverage
    /// Duty goes to engineers of the scenario.
    case unknownEngineer = "unknown_engineer"
    /// Primary and backup of a week are different people.
    case distinctRoles = "distinct_roles"
    /// Nobody is on duty in a week that overlaps their leave.
    case leave
    /// Nobody is primary twice within min_gap_weeks + 1 consecutive weeks.
    case minGap = "min_gap"
    /// Every pipeline has exactly one ownership row, with known engineers.
    case ownershipCoverage = "ownership_coverage"
    /// A pipeline's primary and secondary owners are different people.
    case distinctOwners = "distinct_owners"
    /// Nobody is primary owner of more than ceil(investor-facing pipelines / engineers) investor-facing pipelines.
    case investorCap = "investor_cap"
    /// rules.fairness.max_deviation: nobody's primary or backup weeks stray further from their fair share.
    case maxDeviation = "max_deviation"
    /// rules.fairness.max_holiday_burden: nobody's holiday burden is higher.
    case maxHolidayBurden = "max_holiday_burden"
    /// rules.fairness.max_total_holiday_burden: the team's holiday burden is not higher.
    case maxTotalHolidayBurden = "max_total_holiday_burden"
    /// rules.fairness.max_ownership_load: nobody's ownership load is higher.
    case maxOwnershipLoad = "max_ownership_load"

    /// The rules that concern the rotation alone (judged also when only a rotation.csv is given).
    public var isRotationRule: Bool {
        switch self {
        case .coverage, .unknownEngineer, .distinctRoles, .leave, .minGap, .maxDeviation, .maxHolidayBurden,
            .maxTotalHolidayBurden:
            return true
        case .ownershipCoverage, .distinctOwners, .investorCap, .maxOwnershipLoad: return false
        }
    }

    /// Whether the scenario declares this rule (fairness bounds exist only when set; the others always).
    public func isDeclared(by rules: Rules) -> Bool {
        switch self {
        case .maxDeviation: return rules.fairness.maxDeviation != nil
        case .maxHolidayBurden: return rules.fairness.maxHolidayBurden != nil
        case .maxTotalHolidayBurden: return rules.fairness.maxTotalHolidayBurden != nil
        case .maxOwnershipLoad: return rules.fairness.maxOwnershipLoad != nil
        case .minGap: return rules.minGapWeeks > 0
        default: return true
        }
    }
}

/// One broken hard rule, with the week, pipeline or engineer it concerns.
public struct RuleViolation: Sendable, Equatable, CustomStringConvertible {
    public let rule: HardRule
    public let message: String
    /// 1-based week number, where the finding is about a week.
    public let week: Int?
    public let pipeline: String?
    public let engineer: String?

    public init(_ rule: HardRule, _ message: String, week: Int? = nil, pipeline: String? = nil, engineer: String? = nil)
    {
        self.rule = rule
        self.message = message
        self.week = week
        self.pipeline = pipeline
        self.engineer = engineer
    }

    public var description: String { "\(rule.rawValue): \(message)" }
}
