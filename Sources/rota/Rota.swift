import ArgumentParser
import RotaModel

@main
struct Rota: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rota",
        abstract: "Plans fair on-call rotations and pipeline ownership as an integer program solved with GLPK.",
        discussion: """
            Exit status: 0 success; 1 the solver or the file system failed; 2 bad input (the message names file, \
            line and field); 3 no schedule satisfies the rules; 4 not proved optimal with --require-optimal; \
            64 bad command-line usage; 130 interrupted (SIGINT; 143 SIGTERM), the previous report left as it was; \
            during `rota plan`'s search a first Ctrl-C writes the best schedule found and exits 4.
            """,
        version: RotaVersion.description,
        subcommands: [
            PlanCommand.self, CheckCommand.self, CompareCommand.self, HolidaysCommand.self, RegionsCommand.self,
            GenerateCommand.self, SwapCommand.self, CoverCommand.self, ExportCommand.self, InitCommand.self,
        ]
    )

    /// ArgumentParser's entry point, with SIGINT/SIGTERM handling (exit 130/143; see ``Interruption``).
    static func main() {
        Interruption.install()
        // A mistyped command gets its likely meaning, not only "unexpected argument".
        let names = configuration.subcommands.map { $0.configuration.commandName ?? "" } + ["help"]
        if let first = CommandLine.arguments.dropFirst().first, !first.hasPrefix("-"), !names.contains(first) {
            Terminal.error(
                "unknown command \(TextSafety.quoted(first))"
                    + (Suggestions.didYouMean(first, names).map { "\n  hint: \($0)" } ?? "")
                    + "\n  commands: \(names.filter { $0 != "help" }.joined(separator: ", ")); `rota --help` describes them"
            )
            exit(withError: ExitCode(64))
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}

/// Exit statuses, as documented in README.md.
enum ExitStatus {
    static let failure = ExitCode(1)
    static let badInput = ExitCode(2)
    static let noSchedule = ExitCode(3)
    static let notOptimal = ExitCode(4)
    static let usage = ExitCode(64)
}
