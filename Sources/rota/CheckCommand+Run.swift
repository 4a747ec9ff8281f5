import ArgumentParser
import Foundation
import RotaChecking
import RotaCore
import RotaModel
import RotaPlanning

extension CheckCommand {
    func run() throws {
        let loaded = try calendarOptions.scenario(scenario, quiet: format != .text)
        let defaultFolder = "reports/\(loaded.name)"
        let path = schedule ?? defaultFolder
        let file: ScheduleFile
        do {
            file = try ScheduleReader.read(path: path)
        } catch {
            Terminal.error(error.description)
            throw ExitStatus.badInput
        }
        var verdict = CheckResult.Optimality.notAsked
        if optimality {
            do {
                verdict = .judged(
                    try OptimalityVerdict.judge(
                        file.schedule, scenario: loaded, includeOwnership: file.ownershipFile != nil,
                        tolerance: tolerance, options: PlanOptions(timeLimit: timeLimit)))
            } catch {
                verdict = .unavailable(error.description)
            }
        }
        let result = CheckResult(
            scenario: loaded, file: file, optimality: verdict,
            regenerateCommand: regenerateCommand(folder: path, defaultFolder: defaultFolder, scenario: loaded),
            asOf: judgingDay)
        switch format {
        case .text: Terminal.out(CheckOutput.text(result))
        case .json: Terminal.out(CheckOutput.json(result))
        case .junit: Terminal.out(CheckOutput.junit(result))
        case .github: Terminal.out(CheckOutput.github(result))
        }
        if result.status != .ok { throw ExitCode(result.status.exitCode) }
    }

    /// `rota plan SCENARIO`, with `-o FOLDER` when the schedule is not in the default report folder; once the
    /// judging day is inside the period, a replan from it that keeps the worked shifts (`--baseline … --from …`).
    private func regenerateCommand(folder: String, defaultFolder: String, scenario loaded: Scenario) -> String {
        var target = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        if target.hasSuffix("/rotation.csv") || target == "rotation.csv" {
            target = String(target.dropLast("rotation.csv".count))
            if target.hasSuffix("/") { target.removeLast() }
        }
        let plan = "rota plan \(scenario)"
        let output = target == defaultFolder || target.isEmpty ? plan : "\(plan) -o \(target)"
        let day = judgingDay
        guard loaded.coveredDates.first < day, day <= loaded.coveredDates.last else { return output }
        return "\(output) --baseline \(target.isEmpty ? "." : target) --from \(day)"
    }
}
