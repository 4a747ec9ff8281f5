import LinearProgramming

/// A solved scenario: the schedule, how each objective level was solved, and the holiday conflicts explained.
public struct Plan: Sendable {
    public let scenario: Scenario
    public let availability: TeamAvailability
    public let schedule: Schedule
    public let levels: [LevelOutcome]
    public let size: ModelSize
    public let holidayConflicts: [HolidayConflict]
    /// LP files written by `--export-model`.
    public let exportedModels: [String]
    /// The schedule's figures, measured by the evaluator (not read from the model).
    public let fairness: FairnessReport
    /// The schedule replanned from, if any, and what changed against it.
    public let baseline: PlanBaseline?
    public let changes: ScheduleChanges?
    /// How many objective levels the model has (all must be proved optimal for ``provedOptimal``).
    public let expectedLevelCount: Int

    public init(
        scenario: Scenario, availability: TeamAvailability, schedule: Schedule,
        levels: [LevelOutcome], size: ModelSize, holidayConflicts: [HolidayConflict], exportedModels: [String],
        expectedLevelCount: Int, baseline: PlanBaseline? = nil
    ) {
        self.baseline = baseline
        self.changes = baseline.map { ScheduleChanges(baseline: $0, schedule: schedule, scenario: scenario) }
        self.expectedLevelCount = expectedLevelCount
        self.scenario = scenario
        self.availability = availability
        self.schedule = schedule
        self.levels = levels
        self.size = size
        self.holidayConflicts = holidayConflicts
        self.exportedModels = exportedModels
        self.fairness = FairnessReport(schedule: schedule, scenario: scenario, changes: changes)
    }

    /// Whether every objective level was solved and proved optimal.
    public var provedOptimal: Bool {
        levels.count == expectedLevelCount && levels.allSatisfy { $0.status == .optimal }
    }
}
