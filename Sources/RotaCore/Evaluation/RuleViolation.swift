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
    /// Nobody is primary twice within min_gap_weeks + 1 consecutive shifts.
    case minGap = "min_gap"
    /// Nobody is on duty (any role) twice within min_duty_gap_weeks + 1 consecutive shifts.
    case minDutyGap = "min_duty_gap"
    /// Nobody is on duty in more than max_consecutive_duty_weeks shifts in a row.
    case maxConsecutiveDuty = "max_consecutive_duty"
    /// Each shift's backup is the next shift's primary.
    case backupBecomesPrimary = "backup_becomes_primary"
    /// Nobody is on duty over a holiday they had duty over in the history (avoid_repeat_holidays).
    case repeatHoliday = "repeat_holiday"
    /// Nobody is primary on two rotations whose shifts overlap (exclusive_primary).
    case exclusivePrimary = "exclusive_primary"
    /// Nobody is on duty on two rotations whose shifts overlap (exclusive_duty).
    case exclusiveDuty = "exclusive_duty"
    /// Pinned duty (`pinned:`) is kept.
    case pinnedDuty = "pinned_duty"
    /// Forbidden duty (`forbidden:`) is not given.
    case forbiddenDuty = "forbidden_duty"
    /// Undesired duty (`undesired:`), a preference: always soft.
    case undesiredDuty = "undesired_duty"
    /// Every pipeline has exactly one ownership row, with known engineers.
    case ownershipCoverage = "ownership_coverage"
    /// A pipeline's primary and secondary owners are different people.
    case distinctOwners = "distinct_owners"
    /// Nobody is primary owner of more investor-facing pipelines than max_investor_primaries (default
    /// ⌈investor-facing pipelines ÷ engineers⌉).
    case investorCap = "investor_cap"
    /// Owners fixed by the scenario (`primary_owner:`, `secondary_owner:`) are kept.
    case ownerPin = "owner_pin"
    /// Every engineer is secondary owner of at least one pipeline.
    case everyoneSecondaryOwner = "everyone_secondary_owner"
    /// A runbook section the scenario does not write (Rota's default is used): a warning.
    case runbookDefault = "runbook_default"
    /// A runbook section the scenario lists in `runbook.required` but does not write.
    case runbookRequired = "runbook_required"
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
        case .coverage, .unknownEngineer, .distinctRoles, .leave, .minGap, .minDutyGap, .maxConsecutiveDuty,
            .backupBecomesPrimary, .repeatHoliday, .exclusivePrimary, .exclusiveDuty, .pinnedDuty, .forbiddenDuty,
            .undesiredDuty, .maxDeviation,
            .maxHolidayBurden,
            .maxTotalHolidayBurden:
            return true
        case .ownershipCoverage, .distinctOwners, .investorCap, .ownerPin, .everyoneSecondaryOwner, .maxOwnershipLoad,
            .runbookDefault, .runbookRequired:
            return false
        }
    }

    /// The scenario rule this finding belongs to, when it can be declared soft.
    public var schedulingRule: SchedulingRule? { SchedulingRule.allCases.first { $0.hardRule == self } }

    /// Whether the scenario declares this rule soft (findings then do not fail `rota check`).
    public func isSoft(in rules: Rules) -> Bool {
        self == .runbookDefault || (schedulingRule.map(rules.isSoft) ?? false)
    }

    /// Whether the scenario declares this rule (bounds, optional rules and requests exist only when set; the basic
    /// rules always).
    public func isDeclared(by scenario: Scenario) -> Bool {
        let rules = scenario.rules
        switch self {
        case .pinnedDuty: return scenario.engineers.contains { !$0.pinned.isEmpty }
        case .forbiddenDuty: return scenario.engineers.contains { !$0.forbidden.isEmpty }
        case .undesiredDuty: return scenario.engineers.contains { !$0.undesired.isEmpty }
        case .ownerPin: return scenario.pipelines.contains { $0.primaryOwner != nil || $0.secondaryOwner != nil }
        case .runbookDefault: return scenario.pipelines.contains(where: \.needsRunbook)
        case .runbookRequired: return scenario.pipelines.contains { !($0.runbook?.required.isEmpty ?? true) }
        case .maxDeviation: return rules.fairness.maxDeviation != nil
        case .maxHolidayBurden: return rules.fairness.maxHolidayBurden != nil
        case .maxTotalHolidayBurden: return rules.fairness.maxTotalHolidayBurden != nil
        case .maxOwnershipLoad: return rules.fairness.maxOwnershipLoad != nil
        case .minGap: return rules.minGapWeeks > 0
        case .minDutyGap: return rules.minDutyGapWeeks > 0
        case .maxConsecutiveDuty: return rules.maxConsecutiveDutyWeeks != nil
        case .backupBecomesPrimary: return rules.backupBecomesPrimary
        case .repeatHoliday: return rules.avoidRepeatHolidays
        case .exclusivePrimary: return rules.exclusivePrimary && scenario.rotations.count > 1
        case .exclusiveDuty: return rules.exclusiveDuty && scenario.rotations.count > 1
        case .everyoneSecondaryOwner: return rules.everyoneSecondaryOwner
        default: return true
        }
    }
}

/// One broken hard rule, with the week, pipeline or engineer it concerns.
public struct RuleViolation: Sendable, Equatable, CustomStringConvertible {
    public let rule: HardRule
    public let message: String
    /// 1-based shift number, where the finding is about a shift, and its rotation's id.
    public let week: Int?
    public let rotation: String
    public let pipeline: String?
    public let engineer: String?

    public init(
        _ rule: HardRule, _ message: String, week: Int? = nil, rotation: String = "", pipeline: String? = nil,
        engineer: String? = nil
    ) {
        self.rotation = rotation
        self.rule = rule
        self.message = message
        self.week = week
        self.pipeline = pipeline
        self.engineer = engineer
    }

    public var description: String { "\(rule.rawValue): \(message)" }
}
