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
        case .markdown: Terminal.out(CheckOutput.markdown(result))
        }
        try writeSideOutputs(result)
        if result.status != .ok { throw ExitCode(result.status.exitCode) }
    }

    /// --junit replaces its file through a temporary beside it (never half-written); --summary appends, as a job
    /// summary collects several steps. Either failing is exit 1, after the verdict was printed.
    private func writeSideOutputs(_ result: CheckResult) throws {
        func attempt(_ path: String, _ write: (URL) throws -> Void) throws {
            do {
                try write(URL(fileURLWithPath: path))
            } catch {
                Terminal.error("rota check: cannot write \(TextSafety.quoted(path)): \(error.localizedDescription)")
                throw ExitStatus.failure
            }
        }
        if let junit {
            try attempt(junit) { try Data((CheckOutput.junit(result) + "\n").utf8).write(to: $0, options: .atomic) }
        }
        if let summary {
            try attempt(summary) { url in
                if !FileManager.default.fileExists(atPath: url.path) {
                    guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                        throw CocoaError(.fileWriteNoPermission)
                    }
                }
                let handle = try FileHandle(forWritingTo: url)
                defer { try? handle.close() }
                try handle.seekToEnd()
                // A blank line ends the section, so the next one appended starts a block of its own.
                try handle.write(contentsOf: Data((CheckOutput.markdown(result) + "\n\n").utf8))
            }
        }
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
