/// How GLPK's branch-and-cut is run.
public struct SolveOptions: Sendable {
    /// Wall-clock limit in seconds for this solve; nil for none. A solve that reaches it returns the best
    /// solution found so far with status ``SolveStatus/stopped(_:)`` and its gap.
    public var timeLimit: Double?
    /// Stop when the relative gap |best − bound| / |best| is at most this (0: prove optimality).
    public var relativeGap: Double = 0
    /// Use GLPK's MIP presolver. Off, the LP relaxation is solved with the simplex method first.
    public var presolve: Bool = true
    /// Which of GLPK's cut generators to run.
    public var cuts: Cuts = [.mixedIntegerRounding, .clique, .cover]
    /// Receives GLPK's terminal output, one line at a time; nil keeps GLPK silent.
    public var log: (@Sendable (String) -> Void)?
    /// Asked during the search; returning true stops it with the best solution so far.
    public var shouldStop: (@Sendable () -> Bool)?
    /// Megabytes GLPK may hold (its own count, `glp_mem_usage`) before the branch-and-bound search is stopped with
    /// the best solution so far (status ``StopReason/memoryLimit``); nil for no limit. Checked at every search
    /// callback, so it cannot interrupt a single huge simplex solve. (GLPK's own `glp_mem_limit` is not used: when it
    /// is exceeded GLPK aborts the whole process.)
    public var memoryLimit: Int? = 4096
    /// A known solution (values by variable index) offered to the search as its first incumbent. GLPK accepts it
    /// if it satisfies every constraint. GLPK's callback sees presolved columns, so a warm start runs without the
    /// MIP presolver (the LP relaxation is solved first).
    public var initialSolution: [Double]?
    /// Branch-and-bound nodes after which the search stops with the best solution so far (status
    /// ``StopReason/nodeLimit``); nil for no limit. Unlike a time limit, the same model stops at the same point on any
    /// machine.
    public var nodeLimit: Int?
    /// A simplex basis of an earlier solve (``SolveResult/relaxationBasis``) to start the LP relaxation from, when the
    /// LP is solved by the simplex method (with an initial solution or without integer columns). It must come from a
    /// model with the same columns whose rows are the first rows of this one; otherwise, or if GLPK finds it unusable,
    /// the LP is solved from scratch. The answer is the same either way; only the simplex iterations differ.
    public var startingBasis: Basis?
    /// Solve the LP relaxation only (integrality dropped): minimizing, its optimum is a lower bound on the model's,
    /// found without any branching. The result's values are the relaxation's.
    public var relaxationOnly = false

    public init(
        timeLimit: Double? = nil, relativeGap: Double = 0, presolve: Bool = true,
        cuts: Cuts = [.mixedIntegerRounding, .clique, .cover],
        log: (@Sendable (String) -> Void)? = nil, shouldStop: (@Sendable () -> Bool)? = nil,
        initialSolution: [Double]? = nil
    ) {
        self.initialSolution = initialSolution
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.presolve = presolve
        self.cuts = cuts
        self.log = log
        self.shouldStop = shouldStop
    }

    /// GLPK's cut generators.
    public struct Cuts: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let gomory = Cuts(rawValue: 1)
        public static let mixedIntegerRounding = Cuts(rawValue: 2)
        public static let cover = Cuts(rawValue: 4)
        public static let clique = Cuts(rawValue: 8)
        public static let all: Cuts = [.gomory, .mixedIntegerRounding, .cover, .clique]
    }
}
