import LinearProgramming
import RotaChecking
import RotaModel

/// Why no plan could be made. `rota` exits 3 for ``noSchedule``, 1 for the others.
public enum PlanningError: Error, CustomStringConvertible {
    /// The rules admit no schedule; each reason names the rule, people and weeks involved.
    case noSchedule(reasons: [String])
    /// The time limit ended the search before any schedule was found.
    case noScheduleFoundInTime(seconds: Double)
    /// GLPK failed or was handed a model it must not be given.
    case solverFailed(String)
    /// The baseline of a replan does not fit the scenario.
    case invalidBaseline(String)
    /// `--export-model` could not write a level's model: the file system's failure, not the solver's.
    case cannotExportModel(path: String)

    public var description: String {
        switch self {
        case .noSchedule(let reasons):
            return "no schedule satisfies the rules:\n" + reasons.map { "  - \($0)" }.joined(separator: "\n")
        case .noScheduleFoundInTime(let seconds):
            return "no schedule was found within the time limit (\(Int(seconds.rounded())) s); nothing is proved\n"
                + "  hint: raise --time-limit"
        case .solverFailed(let message):
            return "the solver failed: \(message)"
        case .invalidBaseline(let message):
            return "the baseline cannot be replanned: \(message)"
        case .cannotExportModel(let path):
            return "cannot write the model to \(path) (--export-model)\n"
                + "  hint: check that its folder exists and is writable, and that it is not a folder itself"
        }
    }
}
