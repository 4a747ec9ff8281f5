import RotaChecking
import RotaModel

/// The figures a benchmark compares schedules on, measured by the evaluator and the rule checker (never read from
/// a model), so a heuristic's schedule and the optimizer's are judged alike.
public struct ScheduleQuality: Sendable, Equatable {
    /// Largest |primary shifts − fair share| and the same for backup, over engineers and rotations.
    public let primaryDeviation: Double
    public let backupDeviation: Double
    /// Σ over engineers of holiday burden (2 per weighed holiday day as primary, 1 as backup), and the largest.
    public let totalHolidayBurden: Int
    public let largestHolidayBurden: Int
    /// Shifts in which someone on duty is on leave.
    public let leaveViolations: Int
    /// Findings of every other hard rule (gaps, exclusivity, caps, …), soft rules not counted.
    public let otherViolations: Int
    public let largestOwnershipLoad: Double

    public init(schedule: Schedule, scenario: Scenario) {
        let fairness = FairnessReport(schedule: schedule, scenario: scenario)
        let checker = RuleChecker(scenario: scenario)
        let hard = checker.hard(checker.check(schedule))
        primaryDeviation = fairness.largestPrimaryDeviation
        backupDeviation = fairness.largestBackupDeviation
        totalHolidayBurden = fairness.totalHolidayBurden
        largestHolidayBurden = fairness.largestHolidayBurden
        leaveViolations = hard.filter { $0.rule == .leave }.count
        otherViolations = hard.filter { $0.rule != .leave }.count
        largestOwnershipLoad = fairness.largestOwnershipLoad
    }
}
