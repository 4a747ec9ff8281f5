import LinearProgramming
import RotaChecking
import RotaModel

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
    /// Hours on call by kind (and pay), from the coverage timeline.
    public let hours: OnCallHours
    /// The schedule replanned from, if any, and what changed against it.
    public let baseline: PlanBaseline?
    public let changes: ScheduleChanges?
    /// Every objective level of the model, in priority order (all must be proved optimal for ``provedOptimal``).
    /// ``levels`` holds those solved, in this order; a time limit may leave some out — also one before a level that
    /// was solved, since the ownership part is solved apart from the on-call part (docs/model.md).
    public let levelOrder: [ObjectiveKind]
    /// The schedule's ownership rows by pipeline id (reports look owners up per pipeline and shift).
    public let owners: [String: OwnershipAssignment]
    /// For a schedule edited after planning (`rota cover`, `rota swap`): the folder's manifest, with the inputs
    /// digested when it was planned, the solve's record and every edit since. Nil for a plan just solved.
    public let recorded: InputManifest?
    /// Where planning spent its time (zero for an edited schedule); printed, never written into a report.
    public let timings: PlanTimings

    /// The covers and swaps made since planning, in order.
    public var edits: [EditRecord] { recorded?.edits ?? [] }

    /// How many objective levels the model has.
    public var expectedLevelCount: Int { levelOrder.count }

    /// A level's number in the priority order, 1-based: what reports and messages call it.
    public func number(of level: LevelOutcome) -> Int {
        (levelOrder.firstIndex(of: level.kind) ?? levels.firstIndex { $0.kind == level.kind } ?? 0) + 1
    }

    /// The levels no solve reached (the time limit ended the plan first), in priority order.
    public var unsolvedLevels: [ObjectiveKind] {
        levelOrder.filter { kind in !levels.contains { $0.kind == kind } }
    }

    public init(
        scenario: Scenario, availability: TeamAvailability, schedule: Schedule,
        levels: [LevelOutcome], size: ModelSize, holidayConflicts: [HolidayConflict], exportedModels: [String],
        levelOrder: [ObjectiveKind], baseline: PlanBaseline? = nil, recorded: InputManifest? = nil,
        timings: PlanTimings = PlanTimings()
    ) {
        self.recorded = recorded
        self.timings = timings
        self.baseline = baseline
        self.changes = baseline.map { ScheduleChanges(baseline: $0, schedule: schedule, scenario: scenario) }
        self.levelOrder = levelOrder
        self.scenario = scenario
        self.availability = availability
        self.schedule = schedule
        self.owners = Dictionary(schedule.ownership.map { ($0.pipeline, $0) }, uniquingKeysWith: { first, _ in first })
        self.levels = levels
        self.size = size
        self.holidayConflicts = holidayConflicts
        self.exportedModels = exportedModels
        self.fairness = FairnessReport(schedule: schedule, scenario: scenario, changes: changes)
        self.hours = OnCallHours(schedule: schedule, scenario: scenario)
    }

    /// The same plan with another schedule (a cover or a swap made after planning): its fairness and changes are
    /// measured again; the levels stay those the solve reached for the planned schedule.
    public func replacing(schedule: Schedule) -> Plan {
        Plan(
            scenario: scenario, availability: availability, schedule: schedule, levels: levels, size: size,
            holidayConflicts: holidayConflicts, exportedModels: exportedModels, levelOrder: levelOrder,
            baseline: baseline, recorded: recorded, timings: timings)
    }

    /// A schedule read back from a report folder and edited: no solve runs. The levels are the recorded ones'
    /// names (their planned values and statuses stay in `recorded.plan`); duty over holidays is listed from the
    /// schedule as it is now, its reasons taken from the record where the duty is as planned.
    public init(edited schedule: Schedule, scenario: Scenario, recorded: InputManifest) {
        let availability = TeamAvailability(scenario: scenario)
        self.init(
            scenario: scenario, availability: availability, schedule: schedule, levels: [],
            size: ModelSize(rows: 0, columns: 0, nonzeros: 0),
            holidayConflicts: HolidayConflict.duties(scenario, availability, schedule),
            exportedModels: [], levelOrder: (recorded.plan?.levels ?? []).compactMap { ObjectiveKind.named($0.name) },
            recorded: recorded)
    }

    /// One line per objective level not proved optimal (its status, value, bound and gap), and one for the levels
    /// the time limit left unsolved: what `rota plan` prints on standard error when a plan stops early.
    public var unprovedLevels: [String] {
        var lines = levels.filter { $0.status != .optimal }.map { level in
            let figures: [String] = [
                level.value.map { "value \(TextFormatting.number($0))" },
                level.bound.map { "bound \(TextFormatting.number($0))" },
                level.gap.map { "gap \(TextFormatting.percent($0))" },
            ].compactMap { $0 }
            return "level \(number(of: level)) (\(level.kind.rawValue)): \(level.status)"
                + (figures.isEmpty ? "" : ", " + figures.joined(separator: ", "))
        }
        for kind in unsolvedLevels {
            lines.append("level \((levelOrder.firstIndex(of: kind) ?? 0) + 1) (\(kind.rawValue)): not solved at all")
        }
        return lines
    }

    /// Whether every objective level was solved and proved optimal.
    public var provedOptimal: Bool {
        levels.count == expectedLevelCount && levels.allSatisfy { $0.status == .optimal }
    }
}

/// Seconds planning spent on each step: the constructive start, the levels (both parts, with the model builds) and
/// the holiday-conflict analysis. Machine-dependent, so printed by `rota plan` and the benchmark, never in a report.
public struct PlanTimings: Sendable, Equatable {
    public var start = 0.0
    public var solve = 0.0
    public var holidayAnalysis = 0.0

    public init() {}

    public var total: Double { start + solve + holidayAnalysis }
}
