import ArgumentParser
import Foundation
import RotaChecking
import RotaCore
import RotaModel
import RotaPlanning

extension PlanCommand {
    func run() throws {
        let loaded = try calendarOptions.scenario(scenario, quiet: quiet)
        let clock = ContinuousClock()
        let start = clock.now
        let progress = SolverProgress(verbose: verbose, quiet: quiet)
        var options = PlanOptions(
            timeLimit: timeLimit, relativeGap: gap, exportModelPath: exportModel, log: progress.handler(start: start))
        options.shouldStop = { Interruption.stopRequested != 0 }
        if let live = progress.live {
            live.limit = timeLimit
            options.levelProgress = live.level
        }
        let replanFrom = try baselineOptions.read()
        if let exportModel { try Self.prepareFolder(of: exportModel) }
        let plan: Plan
        Interruption.searching = 1
        defer { Interruption.searching = 0 }
        do {
            plan = try Planner(options: options).plan(loaded, baseline: replanFrom)
            progress.live?.clear()
        } catch {
            progress.live?.clear()
            Terminal.error(error.description)
            if case .noSchedule = error { throw ExitStatus.noSchedule }
            if case .invalidBaseline = error { throw ExitStatus.badInput }
            throw ExitStatus.failure
        }
        let folder = output ?? "reports/\(loaded.name)"
        let files = ReportSet.render(plan)
        do {
            try Interruption.deferringSignals { () throws(ReportWriteError) in
                try ReportFolderWriter.write(files, to: folder)
            }
        } catch {
            Terminal.error(error.description)
            throw ExitStatus.failure
        }
        let seconds = (clock.now - start).totalSeconds
        if !quiet { Terminal.out(PlanSummary(plan: plan, folder: folder, files: files, seconds: seconds).text) }
        Interruption.searching = 0
        if Interruption.stopRequested != 0 && plan.provedOptimal {
            Terminal.warning(
                "interrupted during the holiday-conflict analysis: the schedule is proved optimal; the reasons not "
                    + "analysed are marked so in report.md")
            return
        }
        if Interruption.stopRequested != 0 {
            Terminal.warning(
                "interrupted: the search was stopped by Ctrl-C and the best schedule found is written, not proved "
                    + "optimal:\n" + plan.unprovedLevels.map { "  " + $0 }.joined(separator: "\n"))
            throw ExitStatus.notOptimal
        }
        if !plan.provedOptimal {
            Terminal.warning(
                "not every objective level was proved optimal (the schedule written is the best found); see the Solver "
                    + "section of report.md:\n" + plan.unprovedLevels.map { "  " + $0 }.joined(separator: "\n"))
            if requireOptimal { throw ExitStatus.notOptimal }
        }
    }

    /// The folder `--export-model` writes into, created before any solving, so a long solve does not end in a
    /// file-system error; exit 1 when it cannot be.
    static func prepareFolder(of path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            Terminal.error(
                "cannot create \(folder.path), the folder of --export-model \(path) (\(ReportFolderWriter.reason(error)))"
            )
            throw ExitStatus.failure
        }
        if InputFile.isFolder(path) {
            Terminal.error("--export-model \(path) is a folder; name a file, e.g. \(path)/model.lp")
            throw ExitStatus.failure
        }
    }
}
