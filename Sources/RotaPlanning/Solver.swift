import LinearProgramming

/// What the layers above planning may know of the solver: how a level's solve ended, and which solver it was.
/// They do not import LinearProgramming (scripts/check-layers.sh).
public typealias LevelStatus = SolveStatus

public enum Solver {
    /// "GLPK 5.0", for reports.
    public static var name: String { "GLPK \(GLPKLibrary.version)" }
}
