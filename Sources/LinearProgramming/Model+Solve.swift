import Foundation

extension Model {
    /// Solves the model with GLPK. Throws only for a model GLPK must not be given; everything the
    /// solver finds (including infeasibility and early stops) is in the result's status.
    public func solve(_ options: SolveOptions = SolveOptions()) throws(ModelError) -> SolveResult {
        try GLPKProblem(self).solve(options)
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
