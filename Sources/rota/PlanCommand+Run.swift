import ArgumentParser
import Foundation
import RotaCore

extension PlanCommand {
    func run() throws {
        let loaded = try calendarOptions.scenario(scenario, quiet: quiet)
        let clock = ContinuousClock()
        let start = clock.now
        let progress = SolverProgress(verbose: verbose, quiet: quiet)
        let options = PlanOptions(
            timeLimit: timeLimit, relativeGap: gap, exportModelPath: exportModel, log: progress.handler(start: start))
        let plan: Plan
        do {
            plan = try Planner(options: options).plan(loaded)
        } catch {
            Terminal.error(error.description)
            if case .noSchedule = error { throw ExitStatus.noSchedule }
            throw ExitStatus.failure
        }
        let folder = output ?? "reports/\(loaded.name)"
        do {
            try ReportFolderWriter.write(ReportSet.render(plan), to: folder)
        } catch {
            Terminal.error(error.description)
            throw ExitStatus.failure
        }
        let seconds = (clock.now - start).totalSeconds
        if !quiet { Terminal.out(PlanSummary(plan: plan, folder: folder, seconds: seconds).text) }
        if !plan.provedOptimal {
            Terminal.warning("not every objective level was proved optimal; see the Solver section of report.md")
            if requireOptimal { throw ExitStatus.notOptimal }
        }
    }
}
