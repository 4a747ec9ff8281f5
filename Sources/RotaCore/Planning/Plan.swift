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

    /// One line per objective level not proved optimal (its status, value, bound and gap), and one for the levels
    /// the time limit left unsolved: what `rota plan` prints on standard error when a plan stops early.
    public var unprovedLevels: [String] {
        var lines = levels.enumerated().filter { $0.element.status != .optimal }.map { position, level in
            let figures = [
                level.value.map { "value \(TextFormatting.number($0))" },
                level.bound.map { "bound \(TextFormatting.number($0))" },
                level.gap.map { "gap \(TextFormatting.percent($0))" },
            ].compactMap { $0 }
            return "level \(position + 1) (\(level.kind.rawValue)): \(level.status)"
                + (figures.isEmpty ? "" : ", " + figures.joined(separator: ", "))
        }
        if levels.count < expectedLevelCount {
            lines.append("\(expectedLevelCount - levels.count) of \(expectedLevelCount) levels not solved at all")
        }
        return lines
    }

    /// Whether every objective level was solved and proved optimal.
    public var provedOptimal: Bool {
        levels.count == expectedLevelCount && levels.allSatisfy { $0.status == .optimal }
    }
}
