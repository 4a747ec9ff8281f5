import Foundation

extension Model {
    /// Solves the model with GLPK. Throws only for a model GLPK must not be given; everything the
    /// solver finds (including infeasibility and early stops) is in the result's status.
    ///
    /// An `initialSolution` is offered to GLPK only when it satisfies every bound, integrality and row of the model:
    /// an infeasible incumbent could otherwise be reported as the answer.
    public func solve(_ options: SolveOptions = SolveOptions()) throws(ModelError) -> SolveResult {
        var options = options
        if let start = options.initialSolution, !isFeasible(start) { options.initialSolution = nil }
        let result = try GLPKProblem(self).solve(options)
        // A feasible starting solution is a solution: when the search stops before it has one of its own (the
        // relaxation alone can outlast the time limit), the start is the incumbent, not proved optimal, gap unknown.
        guard case .stoppedWithoutSolution(let reason) = result.status, let start = options.initialSolution else {
            return result
        }
        return SolveResult(
            status: .stopped(reason), objectiveValue: objective.expression.evaluate(start), bestBound: nil,
            relativeGap: nil, values: start, size: result.size, simplexIterations: result.simplexIterations,
            branchNodes: result.branchNodes, seconds: result.seconds, relaxationBasis: result.relaxationBasis)
    }

    /// The least value `expression` can take from the variables' bounds alone (Σ a·lower for a > 0, a·upper for
    /// a < 0, plus the constant), or nil when a bound it needs is missing. No feasible solution is below it, so one
    /// that reaches it is optimal for `expression` without solving anything.
    public func boundsFloor(of expression: LinearExpression) -> Double? {
        var floor = expression.constant
        for (variable, coefficient) in expression.terms where coefficient != 0 {
            let definition = variables[variable.index]
            guard let bound = coefficient > 0 ? definition.lowerBound : definition.upperBound else { return nil }
            floor += coefficient * bound
        }
        return floor
    }

    /// Whether `values` (one per variable) keep every bound, integrality and row, within `tolerance`.
    public func isFeasible(_ values: [Double], tolerance: Double = 1e-6) -> Bool {
        guard values.count == variables.count else { return false }
        for (variable, value) in zip(variables, values) {
            if let lower = variable.lowerBound, value < lower - tolerance { return false }
            if let upper = variable.upperBound, value > upper + tolerance { return false }
            if variable.kind != .continuous, abs(value - value.rounded()) > tolerance { return false }
        }
        return constraints.allSatisfy { $0.constraint.isSatisfied(by: values, tolerance: tolerance) }
    }

    /// Writes the model in CPLEX LP format (readable by GLPK, CBC, HiGHS, CPLEX, Gurobi…).
    public func writeLP(to path: String) throws(ModelError) {
        try GLPKProblem(self).writeLP(to: path)
    }

    /// The model in CPLEX LP format, as text.
    public func lpText() throws(ModelError) -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("rota-model-\(UUID().uuidString).lp").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try writeLP(to: path)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw .exportFailed(path: path) }
        return text
    }
}

/// Facts about the solver library itself.
public enum GLPKLibrary {
    /// GLPK's version, e.g. `5.0`.
    public static var version: String { GLPKProblem.libraryVersion }
}
