import Foundation
import RotaCore
import RotaModel
import RotaPlanning

/// What was measured for one scenario of a hard class.
struct HardScenarioResult {
    let name: String
    /// Wall times of the `rota plan` runs, seconds, sorted.
    let wallTimes: [Double]
    let exitStatuses: Set<Int32>
    /// The in-process plan (nil for a scenario without a schedule).
    let plan: Plan?
    /// Seconds the in-process planner took to say there is no schedule, and its first reason.
    let explanation: (seconds: Double, text: String)?
    /// Per level: each external solver's result on that level's exported model.
    let external: [[(solver: String, result: ExternalResult)]]

    var median: Double { wallTimes[wallTimes.count / 2] }

    static func measure(
        name: String, yaml: String, rota: String, work: URL, runs: Int, timeLimit: Double, library: CalendarLibrary,
        external: [ExternalSolver], externalTimeLimit: Double
    ) throws -> HardScenarioResult {
        let folder = work.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("\(name).yaml").path
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: file))
        FileHandle.standardError.write(Data("\(name): \(runs) runs of rota plan\n".utf8))
        let arguments = [
            "plan", file, "-o", folder.appendingPathComponent("report").path, "-q", "--time-limit", String(timeLimit),
        ]
        var times: [Double] = []
        var statuses = Set<Int32>()
        for _ in 0..<runs {
            let run = try ChildProcess.run(rota, arguments)
            times.append(run.seconds)
            statuses.insert(run.status)
        }
        let scenario = try ScenarioReader.read(path: file, library: library)
        let model = folder.appendingPathComponent("model.lp").path
        let clock = ContinuousClock()
        let begin = clock.now
        let plan: Plan
        do {
            plan = try Planner(options: PlanOptions(timeLimit: timeLimit, exportModelPath: model)).plan(scenario)
        } catch {
            let seconds = (clock.now - begin).totalSeconds
            return HardScenarioResult(
                name: name, wallTimes: times.sorted(), exitStatuses: statuses, plan: nil,
                explanation: (
                    seconds, "\(error)".split(whereSeparator: \.isNewline).dropFirst().first.map(String.init) ?? ""
                ),
                external: [])
        }
        let results = plan.exportedModels.map { lp in
            external.map { solver in
                FileHandle.standardError.write(
                    Data("  \(solver.name) on \(URL(fileURLWithPath: lp).lastPathComponent)\n".utf8))
                return (solver: solver.name, result: solver.run(lp, timeLimit: externalTimeLimit))
            }
        }
        return HardScenarioResult(
            name: name, wallTimes: times.sorted(), exitStatuses: statuses, plan: plan, explanation: nil,
            external: results)
    }
}

/// One hard class measured: every scenario of it, and whether the class met its target (every scenario's median
/// within the bound, and proved optimal at every level, or explained when it has no schedule).
struct HardResult {
    let hardCase: HardCase
    let scenarios: [HardScenarioResult]

    func met(_ result: HardScenarioResult) -> Bool {
        guard result.median < hardCase.seconds else { return false }
        if hardCase.infeasible { return result.plan == nil && result.exitStatuses == [3] }
        return result.plan?.provedOptimal ?? false
    }

    var allMet: Bool { scenarios.allSatisfy(met) }

    var markdown: String {
        let f = SizeResult.format
        let medians = scenarios.map(\.median).sorted()
        var lines = [
            "## \(hardCase.name)",
            "",
            "\(hardCase.description). Target: \(hardCase.target): **\(allMet ? "met" : "not met")**"
                + (scenarios.count > 1
                    ? " (\(scenarios.filter(met).count) of \(scenarios.count); median over them \(f(medians[medians.count / 2])) s, "
                        + "slowest \(f(medians.last!)) s)."
                    : "."),
            "",
            "| Scenario | Wall time (median) | Proved | Start s | Levels s | Holiday analysis s (share) | Slowest level |",
            "|---|---:|---|---:|---:|---:|---|",
        ]
        for result in scenarios {
            guard let plan = result.plan else {
                let explanation = result.explanation.map { "explained in \(f($0.seconds)) s: \($0.text)" } ?? "—"
                lines.append(
                    "| \(result.name) | \(f(result.median)) s | no schedule (exit \(result.exitStatuses.sorted().map(String.init).joined(separator: "/"))) | — | — | — | \(TextFormatting.markdownCell(explanation)) |"
                )
                continue
            }
            let timings = plan.timings
            let share = timings.total > 0 ? timings.holidayAnalysis / timings.total : 0
            let slowest = plan.levels.max { $0.seconds < $1.seconds }
            lines.append(
                "| \(result.name) | \(f(result.median)) s | \(plan.provedOptimal ? "yes" : "**no**") | "
                    + "\(f(timings.start)) | \(f(timings.solve)) | \(f(timings.holidayAnalysis)) "
                    + "(\(String(format: "%.0f", share * 100)) %) | "
                    + (slowest.map { "\($0.kind.rawValue) \(f($0.seconds)) s, \($0.branchNodes) nodes" } ?? "—") + " |")
        }
        if scenarios.count == 1, let result = scenarios.first, let plan = result.plan {
            let solverNames = result.external.first?.map(\.solver) ?? []
            lines += [
                "",
                "| # | Level | Value | GLPK status | Bound | GLPK s | Nodes |"
                    + solverNames.map { " \($0) s | \($0) status, value |" }.joined(),
                "|---:|---|---:|---|---:|---:|---:|" + solverNames.map { _ in "---:|---|" }.joined(),
            ]
            for (index, level) in plan.levels.enumerated() {
                var row =
                    "| \(plan.number(of: level)) | \(level.kind.rawValue) | \(level.value.map(f) ?? "—") | \(level.status) | "
                    + "\(level.bound.map(f) ?? "—") | \(f(level.seconds)) | \(level.branchNodes) |"
                if index < result.external.count {
                    for (_, external) in result.external[index] {
                        row +=
                            " \(external.seconds.map(f) ?? "—") | \(external.status), \(external.objective.map(f) ?? "—") |"
                    }
                }
                lines.append(row)
            }
            lines.append(
                "| | all levels | | \(plan.levels.filter { $0.status == .optimal }.count) of \(plan.levels.count) optimal | | "
                    + "\(f(plan.levels.reduce(0) { $0 + $1.seconds })) | \(plan.levels.reduce(0) { $0 + $1.branchNodes }) |"
                    + ExternalResult.totalCells(result.external, format: f))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
