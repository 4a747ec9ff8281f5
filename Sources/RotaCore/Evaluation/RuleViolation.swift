/// A hard rule, as named in findings.
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
