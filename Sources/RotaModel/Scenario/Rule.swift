/// Every rule Rota plans by and judges: the hard rules, the rules a scenario may declare soft, requests, ownership,
/// runbooks and the declared fairness bounds. Its name is the scenario's field (`min_gap_weeks`), and findings, JSON,
/// JUnit and the report's Rules table use that name. Reading, the model, the start, the checker, explanations and
/// reports switch over it without a `default:`, so a new case makes the compiler point at each of them
/// (docs/adding-a-rule.md).
public enum Rule: String, Sendable, CaseIterable, Hashable {
    // In the order of report.md's Rules table, which is generated from `allCases`.
    /// Every week of the period has exactly one row, with the period's dates.
    case coverage
    /// Duty goes to engineers of the scenario.
    case unknownEngineer = "unknown_engineer"
    /// Primary and backup of a week are different people.
    case distinctRoles = "distinct_roles"
    /// Nobody is on duty in a week that overlaps their leave.
    case leave
    /// Nobody holds a role the scenario's `can:` or `from:` does not let them hold in that shift.
    case eligibility
    /// Someone with `onboarding: {shadow_shifts: j, backup_shifts: k}` holds no duty in a rotation with shadows before
    /// shadowing j of its shifts, and is primary only after k backup shifts in it (its history counted).
    case onboarding
    /// Covers lie inside their rotation's shifts, do not overlap one another, and stand in for someone else; coverage.csv
    /// follows rotation.csv and its covers without gap or overlap.
    case covers
    /// Nobody is primary twice within min_gap_weeks + 1 consecutive shifts.
    case minGapWeeks = "min_gap_weeks"
    /// Nobody is on duty (any role) twice within min_duty_gap_weeks + 1 consecutive shifts.
    case minDutyGapWeeks = "min_duty_gap_weeks"
    /// Nobody is on duty in more than max_consecutive_duty_weeks shifts in a row.
    case maxConsecutiveDutyWeeks = "max_consecutive_duty_weeks"
    /// Each shift's backup is the next shift's primary.
    case backupBecomesPrimary = "backup_becomes_primary"
    /// Everyone on a rotation's roster free in some shift of a cycle (cycle_weeks) is primary in it at least once.
    case eachPrimaryOnce = "each_primary_once"
    /// Everyone on a rotation's roster free in some shift of a cycle (cycle_weeks) is backup in it at least once.
    case eachBackupAtLeastOnce = "each_backup_at_least_once"
    /// Each shift's primary is the next in fixed_order after the previous shift's primary who is free that shift.
    case fixedOrder = "fixed_order"
    /// On a primary's public holiday the backup covers primary and the next free person backup (holiday_handover).
    case holidayHandover = "holiday_handover"
    /// Nobody is primary on two rotations whose shifts overlap (exclusive_primary).
    case exclusivePrimary = "exclusive_primary"
    /// Nobody is on duty on two rotations whose shifts overlap (exclusive_duty).
    case exclusiveDuty = "exclusive_duty"
    /// Nobody is on duty over a holiday they had duty over in the history (avoid_repeat_holidays).
    case avoidRepeatHolidays = "avoid_repeat_holidays"
    /// Every pipeline has exactly one ownership row, with known engineers.
    case ownershipCoverage = "ownership_coverage"
    /// A pipeline's primary and secondary owners are different people.
    case distinctOwners = "distinct_owners"
    /// Nobody is primary owner of more investor-facing pipelines than max_investor_primaries (default
    /// ⌈investor-facing pipelines ÷ engineers⌉).
    case maxInvestorPrimaries = "max_investor_primaries"
    /// Every engineer is secondary owner of at least one pipeline.
    case everyoneSecondaryOwner = "everyone_secondary_owner"
    /// Nobody holds the same owner role on a rotate_owners pipeline as in the previous period (the history's
    /// ownership.csv).
    case rotateOwners = "rotate_owners"
    /// Owners fixed by the scenario (`primary_owner:`, `secondary_owner:`) are kept.
    case ownerPin = "owner_pin"
    /// Pinned duty (`pinned:`) is kept.
    case pinnedDuty = "pinned_duty"
    /// Forbidden duty (`forbidden:`) is not given.
    case forbiddenDuty = "forbidden_duty"
    /// Undesired duty (`undesired:`), a preference: always soft.
    case undesiredDuty = "undesired_duty"
    /// A shift goes to someone with leave inside it only within `covered_leave`'s limit, someone else covering those
    /// hours; each such duty is an instance (always soft: the planner uses as few as the levels before it allow).
    case coveredLeave = "covered_leave"
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
    /// rules.fairness.max_weekend_days: nobody holds more weekend hours on duty than this many days of 24 hours
    /// (the shifts as held, either role, in their own zone and weekend).
    case maxWeekendDays = "max_weekend_days"

    /// The rules that concern the rotation alone (judged also when only a rotation.csv is given).
    public var isRotationRule: Bool {
        switch self {
        case .coverage, .unknownEngineer, .distinctRoles, .leave, .eligibility, .onboarding, .covers, .minGapWeeks,
            .minDutyGapWeeks,
            .maxConsecutiveDutyWeeks, .backupBecomesPrimary, .eachPrimaryOnce, .eachBackupAtLeastOnce, .fixedOrder,
            .holidayHandover, .avoidRepeatHolidays, .exclusivePrimary,
            .exclusiveDuty, .pinnedDuty, .forbiddenDuty, .undesiredDuty, .coveredLeave, .maxDeviation,
            .maxHolidayBurden,
            .maxTotalHolidayBurden, .maxWeekendDays:
            return true
        case .ownershipCoverage, .distinctOwners, .maxInvestorPrimaries, .ownerPin, .everyoneSecondaryOwner,
            .rotateOwners, .maxOwnershipLoad, .runbookDefault, .runbookRequired:
            return false
        }
    }

    /// Whether a scenario may write this rule `{…, soft: true}` and name it in `rules.priorities` (undesired duty is
    /// always soft and may be prioritised).
    public var isConfigurable: Bool {
        switch self {
        case .minGapWeeks, .minDutyGapWeeks, .maxConsecutiveDutyWeeks, .backupBecomesPrimary, .eachPrimaryOnce,
            .eachBackupAtLeastOnce, .fixedOrder, .everyoneSecondaryOwner, .rotateOwners, .avoidRepeatHolidays,
            .exclusivePrimary, .exclusiveDuty, .maxInvestorPrimaries, .pinnedDuty, .forbiddenDuty, .undesiredDuty,
            .coveredLeave, .onboarding:
            return true
        case .coverage, .unknownEngineer, .distinctRoles, .leave, .eligibility, .covers, .holidayHandover,
            .ownershipCoverage,
            .distinctOwners, .ownerPin, .runbookDefault, .runbookRequired, .maxDeviation, .maxHolidayBurden,
            .maxTotalHolidayBurden,
            .maxOwnershipLoad, .maxWeekendDays:
            return false
        }
    }

    /// The rules a scenario may declare soft or prioritise (``isConfigurable``), in the order soft rules that
    /// `rules.priorities` does not name take their levels: part of the model, so changing it changes schedules.
    public static let configurable: [Rule] = [
        .minGapWeeks, .minDutyGapWeeks, .maxConsecutiveDutyWeeks, .backupBecomesPrimary, .eachPrimaryOnce,
        .eachBackupAtLeastOnce, .fixedOrder, .everyoneSecondaryOwner, .rotateOwners, .avoidRepeatHolidays,
        .exclusivePrimary, .exclusiveDuty, .maxInvestorPrimaries, .pinnedDuty, .forbiddenDuty, .undesiredDuty,
        .coveredLeave, .onboarding,
    ]

    /// Whether the scenario declares this rule soft (findings then do not fail `rota check`).
    public func isSoft(in rules: Rules) -> Bool {
        self == .runbookDefault || (isConfigurable && rules.isSoft(self))
    }

    /// Whether the scenario declares this rule (bounds, optional rules and requests exist only when set; the basic
    /// rules always).
    public func isDeclared(by scenario: Scenario) -> Bool {
        let rules = scenario.rules
        switch self {
        case .pinnedDuty: return scenario.engineers.contains { !$0.pinned.isEmpty }
        case .forbiddenDuty: return scenario.engineers.contains { !$0.forbidden.isEmpty }
        case .undesiredDuty: return scenario.engineers.contains { !$0.undesired.isEmpty }
        case .coveredLeave: return rules.coveredLeave != nil
        case .eligibility: return scenario.engineers.contains { $0.eligibility.isRestricted }
        case .onboarding:
            return scenario.engineers.contains { $0.onboardingBackupShifts != nil || $0.onboardingShadowShifts != nil }
        case .ownerPin: return scenario.pipelines.contains { $0.primaryOwner != nil || $0.secondaryOwner != nil }
        case .runbookDefault: return scenario.pipelines.contains(where: \.needsRunbook)
        case .runbookRequired: return scenario.pipelines.contains { !($0.runbook?.required.isEmpty ?? true) }
        case .maxDeviation: return rules.fairness.maxDeviation != nil
        case .maxHolidayBurden: return rules.fairness.maxHolidayBurden != nil
        case .maxTotalHolidayBurden: return rules.fairness.maxTotalHolidayBurden != nil
        case .maxOwnershipLoad: return rules.fairness.maxOwnershipLoad != nil
        case .maxWeekendDays: return rules.fairness.maxWeekendDays != nil
        case .minGapWeeks: return rules.minGapWeeks > 0
        case .minDutyGapWeeks: return rules.minDutyGapWeeks > 0
        case .maxConsecutiveDutyWeeks: return rules.maxConsecutiveDutyWeeks != nil
        case .backupBecomesPrimary: return rules.backupBecomesPrimary
        case .eachPrimaryOnce: return rules.eachPrimaryOnce && rules.cycleWeeks != nil
        case .eachBackupAtLeastOnce: return rules.eachBackupAtLeastOnce && rules.cycleWeeks != nil
        case .fixedOrder: return rules.fixedOrder != nil
        case .holidayHandover: return rules.holidayHandover != nil
        case .avoidRepeatHolidays: return rules.avoidRepeatHolidays
        case .exclusivePrimary: return rules.exclusivePrimary && scenario.rotations.count > 1
        case .exclusiveDuty: return rules.exclusiveDuty && scenario.rotations.count > 1
        case .everyoneSecondaryOwner: return rules.everyoneSecondaryOwner
        case .rotateOwners: return rules.rotateOwners != nil && !scenario.history.ownership.isEmpty
        case .coverage, .unknownEngineer, .distinctRoles, .leave, .covers, .ownershipCoverage, .distinctOwners,
            .maxInvestorPrimaries:
            return true
        }
    }
}
