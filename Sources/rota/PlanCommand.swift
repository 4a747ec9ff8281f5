import ArgumentParser
import RotaChecking
import RotaCore
import RotaModel
import RotaPlanning

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Solve a scenario and write its reports (rotation.csv, ownership.csv, fairness.csv, report.md).",
        discussion: """
            The report folder is replaced as a whole: written to a temporary sibling, then renamed into place, so a \
            failed or interrupted run leaves the previous report as it was.

            Exit status: 0 planned; 1 the solver or the file system failed; 2 bad input (file, line and field named); \
            3 no schedule satisfies the rules (the rules to relax are explained); 4 not proved optimal with \
            --require-optimal, or the search stopped by a first Ctrl-C (the best schedule found is written); 70 a GLPK \
            internal error; 130 a second Ctrl-C (143 SIGTERM), the previous report kept.
            """
    )

    @Argument(help: "The scenario file (YAML); see docs/scenario.md.")
    var scenario: String

    @OptionGroup var calendarOptions: CalendarOptions

    @Option(name: .shortAndLong, help: "Report folder (default: reports/<scenario name>/).")
    var output: String?

    @Option(
        help:
            "Also write each objective level's model in CPLEX LP format: level 1 to this file, later levels beside it (for model.lp: model.level2.lp, …)."
    )
    var exportModel: String?

    @Option(
        help: "Seconds for the whole plan; when reached, the best schedule so far is written and marked not optimal.")
    var timeLimit: Double = 60

    @OptionGroup var baselineOptions: BaselineOptions

    @Option(help: "Relative MIP gap at which each level may stop (0 proves optimality).")
    var gap: Double = 0

    @Flag(help: "Exit 4 (after writing the reports) when any level was not proved optimal.")
    var requireOptimal = false

    @Flag(name: .shortAndLong, help: "Print GLPK's output on standard error.")
    var verbose = false

    @Flag(
        name: .shortAndLong,
        help: "Print nothing but errors, and the warning when a level is not proved optimal (never silenced).")
    var quiet = false

    func validate() throws {
        if let problem = PlanOptions.timeLimitProblem(timeLimit) { throw ValidationError(problem) }
        guard (0..<1).contains(gap) else {
            throw ValidationError("--gap must be at least 0 and below 1 (e.g. 0.02 for 2 %)")
        }
        if verbose && quiet { throw ValidationError("--verbose and --quiet cannot be used together") }
    }
}
