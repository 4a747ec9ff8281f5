import ArgumentParser
import Foundation
import RotaChecking
import RotaCore
import RotaModel
import RotaPlanning

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Plan several scenarios, or one scenario's variants, and write them side by side.",
        discussion: """
            Each file is planned, and so is each of its `variants:` (named changes to the scenario: leave added or \
            removed, a region, holidays, rules, the period; see docs/scenario.md). The first file's scenario is the \
            base: compare.md and compare.csv give every scenario's objective levels and whether they were proved \
            optimal, each engineer's primary and backup weeks, holiday burden, festival days on duty and ownership \
            load, and the weeks and pipelines whose assignee differs from the base. A scenario that admits no \
            schedule is reported with its explanation. Solves run in parallel, one per core (--jobs). On a terminal one \
            line on standard error shows how many are done and each running scenario's level, time and gap; a first \
            Ctrl-C stops every search and writes the comparison of the best schedules found.

            Exit status: 0 written (also when some scenarios have no schedule: they are in the report and warned \
            about); 1 the solver or the file system failed; 2 bad input; 4 stopped by a first Ctrl-C (written, not \
            proved optimal); 64 bad command-line usage; 130 a second Ctrl-C (143 SIGTERM), the previous report kept.
            """
    )

    @Argument(help: "Scenario files (YAML); the first is the base.")
    var scenarios: [String]

    @OptionGroup var calendarOptions: CalendarOptions

    @Option(name: .shortAndLong, help: "Folder for compare.md and compare.csv (default: reports/<base name>-compare/).")
    var output: String?

    @Option(help: "Seconds for each scenario's plan.")
    var timeLimit: Double = 60

    @Option(help: "Scenarios solved at the same time (default: the number of cores, here \(Self.cores)).")
    var jobs: Int?

    static let cores = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    /// Every scenario judged as a replan of the baseline: the fewest changes.
    @OptionGroup var baselineOptions: BaselineOptions

    func validate() throws {
        guard !scenarios.isEmpty else { throw ValidationError("name at least one scenario file") }
        if let problem = PlanOptions.timeLimitProblem(timeLimit) { throw ValidationError(problem) }
        guard (jobs ?? Self.cores) > 0 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let library = try calendarOptions.library()
        let inputs: [ComparisonInput]
        do {
            inputs = try Comparison.inputs(paths: scenarios, library: library)
        } catch {
            Terminal.error(error.description)
            throw ExitStatus.badInput
        }
        if !quiet {
            for input in inputs where !input.isVariant {
                for notice in input.scenario.notices { Terminal.warning(notice) }
            }
        }
        guard inputs.count > 1 else {
            Terminal.error(
                "\(scenarios[0]) has no variants and no other scenario was given: nothing to compare\n"
                    + "  hint: add `variants:` to the scenario (docs/scenario.md) or name more scenario files")
            throw ExitStatus.badInput
        }
        let clock = ContinuousClock()
        let start = clock.now
        // Holiday conflicts are not explained in a comparison: compare.md does not show them.
        let replanFrom = try baselineOptions.read()
        var options = PlanOptions(timeLimit: timeLimit, conflictsToExplain: 0)
        // A first Ctrl-C stops every search; each scenario keeps the best schedule found (compare.md says which
        // levels were not proved).
        options.shouldStop = { Interruption.stopRequested != 0 }
        let live = LiveComparisonProgress.make(names: inputs.map(\.name), quiet: quiet)
        Interruption.searching = 1
        let comparison = Comparison.plan(
            inputs, options: options, jobs: jobs ?? Self.cores, baseline: replanFrom, progress: live?.handler)
        Interruption.searching = 0
        live?.clear()
        let entries = comparison.entries
        let folder = output ?? "reports/\(entries[0].scenario.name)-compare"
        do {
            let files = ComparisonReport.render(comparison)
            try Interruption.deferringSignals { () throws(ReportWriteError) in
                try ReportFolderWriter.write(files, to: folder, ownNames: ComparisonReport.fileNames)
            }
        } catch {
            Terminal.error(error.description)
            throw ExitStatus.failure
        }
        for entry in entries {
            if case .failure(let error) = entry.outcome {
                Terminal.warning("\(entry.name): \(error.description)")
            } else if entry.plan?.provedOptimal == false {
                Terminal.warning("\(entry.name): not every objective level was proved optimal (see compare.md)")
            }
        }
        if Interruption.stopRequested != 0 {
            Terminal.warning(
                "interrupted: the searches were stopped by Ctrl-C; compare.md has each scenario's best schedule found, "
                    + "its levels marked not proved")
        }
        if !quiet {
            let seconds = (clock.now - start).totalSeconds
            let failed = entries.filter { $0.plan == nil }.count
            let threads = min(jobs ?? Self.cores, entries.count)
            Terminal.out(
                "Wrote \(folder)/compare.md and compare.csv: \(entries.count) scenarios"
                    + (failed > 0 ? " (\(failed) without a schedule)" : "")
                    + " planned in \(TextFormatting.number(seconds, places: 2)) s on \(threads) thread\(threads == 1 ? "" : "s")"
            )
        }
        if Interruption.stopRequested != 0 { throw ExitStatus.notOptimal }
    }
}
