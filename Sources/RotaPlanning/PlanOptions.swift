import RotaChecking
import RotaModel

/// How `rota plan` runs the solver.
public struct PlanOptions: Sendable {
    /// Seconds for the whole plan (all objective levels together); nil for no limit.
    public var timeLimit: Double?
    /// Relative MIP gap at which each level may stop (0: prove optimality).
    public var relativeGap: Double
    /// Write each level's model in CPLEX LP format: level 1 to this path, later levels beside it.
    public var exportModelPath: String?
    /// Receives GLPK's output line by line.
    public var log: (@Sendable (String) -> Void)?
    /// Explain at most this many holiday conflicts with a counterfactual solve each.
    public var conflictsToExplain: Int
    /// Explain holiday conflicts only when the plan's on-call model has at most this many columns (default
    /// ``Tuning/conflictAnalysisColumns``).
    public var conflictAnalysisColumns = Tuning.conflictAnalysisColumns
    /// Asked during each level's search: true stops it there (the level keeps its best schedule, "interrupted"), and
    /// the levels after it and the conflict analysis stop at once too. `rota plan`'s first Ctrl-C.
    public var shouldStop: (@Sendable () -> Bool)?

    /// Told when each objective level's solve starts (for live progress; never part of a report).
    public var levelProgress: (@Sendable (LevelEvent) -> Void)?

    /// Whether ``shouldStop`` asks to stop now.
    var stopRequested: Bool { shouldStop?() ?? false }

    /// The longest time limit a command accepts: 11.5 days, well inside GLPK's limit (2³¹ − 1 ms, 24.8 days).
    public static let maximumTimeLimit: Double = 1_000_000

    /// Why `seconds` cannot be a time limit, or nil when it can (finite, above 0, at most the maximum).
    public static func timeLimitProblem(_ seconds: Double) -> String? {
        guard seconds.isFinite, seconds > 0 else {
            return "--time-limit must be a positive number of seconds, found \(seconds)"
        }
        guard seconds <= maximumTimeLimit else {
            return "--time-limit must be at most \(Int(maximumTimeLimit)) seconds (11.5 days), found \(seconds)"
        }
        return nil
    }

    public init(
        timeLimit: Double? = 60, relativeGap: Double = 0, exportModelPath: String? = nil,
        log: (@Sendable (String) -> Void)? = nil, conflictsToExplain: Int = 40
    ) {
        // A library caller's out-of-range limit is no limit, never a trap converting it to milliseconds.
        self.timeLimit = timeLimit.flatMap { $0.isFinite && $0 <= Self.maximumTimeLimit ? max(0, $0) : nil }
        self.relativeGap = relativeGap
        self.exportModelPath = exportModelPath
        self.log = log
        self.conflictsToExplain = conflictsToExplain
    }

    /// The file level `position` (from 0) is exported to: `model.lp`, `model.level2.lp`, …; `part` (".ownership")
    /// names the ownership part's share of a level both parts have (`changes`): `model.level1.ownership.lp`.
    public static func exportPath(base: String, level position: Int, part: String = "") -> String {
        guard position > 0 || !part.isEmpty else { return base }
        let suffix = ".level\(position + 1)" + part
        if base.hasSuffix(".lp") { return String(base.dropLast(3)) + suffix + ".lp" }
        return base + suffix
    }
}

/// A level's solve beginning, for progress shown while planning (its result is in the plan).
public enum LevelEvent: Sendable {
    /// The level's title ("Total holiday burden").
    case started(title: String)
}
