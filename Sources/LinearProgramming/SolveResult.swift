/// What the solver proved about a model.
public enum SolveStatus: Sendable, Equatable, CustomStringConvertible {
    /// The best solution, proved optimal (within GLPK's tolerances).
    case optimal
    /// The search stopped early; the result holds a feasible solution, its gap and the best bound.
    case stopped(StopReason)
    /// The search stopped early without finding any feasible solution; nothing is proved.
    case stoppedWithoutSolution(StopReason)
    /// Proved: no solution satisfies every constraint.
    case infeasible
    /// Proved: the objective can improve without limit (or the relaxation has no dual solution).
    case unbounded
    /// GLPK failed; the message is GLPK's.
    case failed(String)

    /// Whether the result carries variable values.
    public var hasSolution: Bool {
        switch self {
        case .optimal, .stopped: return true
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .optimal: return "optimal"
        case .stopped(let reason): return "feasible, not proved optimal (\(reason))"
        case .stoppedWithoutSolution(let reason): return "no solution found (\(reason))"
        case .infeasible: return "infeasible"
        case .unbounded: return "unbounded"
        case .failed(let message): return "solver failed: \(message)"
        }
    }
}

/// Why a search ended before proving optimality.
public enum StopReason: String, Sendable, Equatable, CustomStringConvertible {
    case timeLimit = "time limit reached"
    case gapTolerance = "relative gap tolerance reached"
    case interrupted = "interrupted"
    case memoryLimit = "memory limit reached"
    case nodeLimit = "node limit reached"
    public var description: String { rawValue }
}

/// The outcome of one solve.
public struct SolveResult: Sendable {
    public let status: SolveStatus
    /// Objective value of the solution, when there is one.
    public let objectiveValue: Double?
    /// The best proved bound on the objective (equal to the objective when optimal).
    public let bestBound: Double?
    /// GLPK's relative gap |value − bound| / (|value| + ε): 0 when optimal.
    public let relativeGap: Double?
    /// Variable values, by ``Variable/index``; empty without a solution.
    public let values: [Double]
    public let size: ModelSize
    /// Simplex iterations and branch-and-bound nodes: deterministic measures of the work done.
    public let simplexIterations: Int
    public let branchNodes: Int
    /// Wall-clock seconds spent in GLPK.
    public let seconds: Double
    /// The optimal simplex basis of the LP relaxation, when the simplex method solved it (not GLPK's MIP presolver):
    /// a starting point for the next solve of a model with the same columns and these rows first.
    public let relaxationBasis: Basis?

    /// The value of `variable` in the solution (0 without one).
    public func value(_ variable: Variable) -> Double { values.isEmpty ? 0 : values[variable.index] }

    /// The value of `expression` in the solution.
    public func value(_ expression: LinearExpression) -> Double { values.isEmpty ? 0 : expression.evaluate(values) }

    /// Whether a binary or integer variable is at 1 (rounded, as GLPK works within tolerances).
    public func isOne(_ variable: Variable) -> Bool { value(variable) > 0.5 }
}

/// Which rows and columns are basic, and at which bound the others sit, in a simplex basis: carried from one solve to
/// the next so that the simplex method starts there instead of from scratch. Rows added to the model since are
/// taken into the basis (their slacks basic), which keeps a basis valid and, for a row the old solution satisfies,
/// primal feasible.
public struct Basis: Sendable, Equatable {
    /// GLPK's statuses (basic, at lower bound, at upper bound, free, fixed), by row and by column.
    let rows: [Int32]
    let columns: [Int32]
}
