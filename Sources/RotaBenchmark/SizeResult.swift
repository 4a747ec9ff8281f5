import BenchmarkSupport
import Foundation
import RotaChecking
import RotaCore
import RotaModel
import RotaPlanning

/// Everything measured for one size.
struct SizeResult {
    let size: GeneratorSize
    let spec: GeneratorSpec
    /// Wall times of the `rota plan` runs, seconds, sorted.
    let wallTimes: [Double]
    /// Processor times (user + system) of the same runs, seconds, sorted.
    let cpuTimes: [Double]
    let peakKiB: Int
    let exitStatuses: Set<Int32>
    let plan: Plan
    let qualities: [(name: String, quality: ScheduleQuality)]
    /// Per level: each external solver's result on that level's exported model.
    let external: [[(solver: String, result: ExternalResult)]]

    static func measure(
        size: GeneratorSize, seed: UInt64, library: CalendarLibrary, rota: String, work: URL, runs: Int,
        timeLimit: Double, external: [ExternalSolver], externalTimeLimit: Double
    ) throws -> SizeResult {
        let spec = GeneratorSpec(size: size, seed: seed)
        let folder = work.appendingPathComponent(spec.name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("\(spec.name).yaml").path
        try Data(ScenarioGenerator(spec: spec, library: library).yaml(command: spec.commandLine).utf8)
            .write(to: URL(fileURLWithPath: file))
        FileHandle.standardError.write(Data("\(size.rawValue.uppercased()): \(runs) runs of rota plan\n".utf8))

        var times: [Double] = []
        var cpuTimes: [Double] = []
        var peak = 0
        var statuses = Set<Int32>()
        let arguments = [
            "plan", file, "-o", folder.appendingPathComponent("report").path, "-q", "--time-limit", String(timeLimit),
        ]
        _ = try ChildProcess.run(rota, arguments)  // warm the file cache
        for _ in 0..<runs {
            let run = try ChildProcess.run(rota, arguments)
            times.append(run.seconds)
            cpuTimes.append(run.cpuSeconds)
            peak = max(peak, run.peakKiB)
            statuses.insert(run.status)
        }

        // One plan in this process for the figures per level and the exported models.
        let scenario = try ScenarioReader.read(path: file, library: library)
        let model = folder.appendingPathComponent("model.lp").path
        let plan = try Planner(options: PlanOptions(timeLimit: timeLimit, exportModelPath: model)).plan(scenario)
        var qualities = [("Rota (GLPK)", ScheduleQuality(schedule: plan.schedule, scenario: scenario))]
        for heuristic in HeuristicSchedule.allCases {
            qualities.append(
                (heuristic.rawValue, ScheduleQuality(schedule: heuristic.schedule(for: scenario), scenario: scenario)))
        }
        var externalResults: [[(solver: String, result: ExternalResult)]] = []
        for lp in plan.exportedModels {
            externalResults.append(
                external.map { solver in
                    FileHandle.standardError.write(
                        Data("  \(solver.name) on \(URL(fileURLWithPath: lp).lastPathComponent)\n".utf8))
                    return (solver.name, solver.run(lp, timeLimit: externalTimeLimit))
                })
        }
        return SizeResult(
            size: size, spec: spec, wallTimes: times.sorted(), cpuTimes: cpuTimes.sorted(), peakKiB: peak,
            exitStatuses: statuses, plan: plan,
            qualities: qualities, external: externalResults)
    }

    var median: Double { wallTimes[wallTimes.count / 2] }
    var levelSeconds: Double { plan.levels.reduce(0) { $0 + $1.seconds } }

    /// The target for this size (docs/performance.md) and whether it was met.
    var target: (text: String, met: Bool) {
        let optimal = plan.provedOptimal
        switch size {
        case .s: return ("end to end < 50 ms (median)", median < 0.05)
        case .m: return ("proven optimal < 2 s", optimal && median < 2)
        case .l: return ("proven optimal at every level < 30 s", optimal && median < 30)
        case .xl:
            let gap = plan.levels.compactMap(\.gap).max() ?? 0
            return (
                "within 60 s with gap ≤ 2 %, peak memory < 1 GiB",
                median < 60 && gap <= 0.02 && plan.levels.count == plan.expectedLevelCount
                    && peakKiB < 1024 * 1024
            )
        }
    }

    var markdown: String {
        let f = Self.format
        var lines = [
            "## \(size.rawValue.uppercased()): \(spec.engineers) engineers, \(spec.weeks) weeks, \(spec.pipelines) pipelines, "
                + "\(spec.rotations) rotation\(spec.rotations == 1 ? "" : "s"), \(spec.regions.count) region\(spec.regions.count == 1 ? "" : "s")",
            "",
            "`\(spec.commandLine)`: regions \(spec.regions.joined(separator: ", ")).",
            "",
            "- `rota plan` wall time: median **\(f(median)) s** (min \(f(wallTimes.first!)), max \(f(wallTimes.last!)); "
                + "\(wallTimes.count) runs); processor time (user + system) median \(f(cpuTimes[cpuTimes.count / 2])) s "
                + "(min \(f(cpuTimes.first!))); peak memory \(peakKiB / 1024) MiB, exit status "
                + "\(exitStatuses.sorted().map(String.init).joined(separator: "/")).",
            "- Target: \(target.text): **\(target.met ? "met" : "not met")**.",
            "- Model of the last level (both parts): \(plan.size.rows) rows, \(plan.size.columns) columns, "
                + "\(plan.size.nonzeros) non-zeros. Solver time over all levels (one run): \(f(levelSeconds)) s.",
            "",
        ]
        let solverNames = external.first?.map(\.solver) ?? []
        lines.append(
            "| # | Level | Value | GLPK status | Bound | Gap | GLPK s | Nodes |"
                + solverNames.map { " \($0) s | \($0) status, value |" }.joined())
        lines.append("|---:|---|---:|---|---:|---:|---:|---:|" + solverNames.map { _ in "---:|---|" }.joined())
        for (index, level) in plan.levels.enumerated() {
            var row =
                "| \(plan.number(of: level)) | \(level.kind.rawValue) | \(level.value.map(f) ?? "—") | \(level.status) | "
                + "\(level.bound.map(f) ?? "—") | \(level.gap.map { String(format: "%.2f %%", $0 * 100) } ?? "—") | "
                + "\(f(level.seconds)) | \(level.branchNodes) |"
            if index < external.count {
                for (_, result) in external[index] {
                    row += " \(result.seconds.map(f) ?? "—") | \(result.status), \(result.objective.map(f) ?? "—") |"
                }
            }
            lines.append(row)
        }
        lines.append(
            "| | all levels | | \(plan.levels.filter { $0.status == .optimal }.count) of \(plan.levels.count) optimal | | | "
                + "\(f(levelSeconds)) | \(plan.levels.reduce(0) { $0 + $1.branchNodes }) |"
                + ExternalResult.totalCells(external, format: f))
        lines += [
            "",
            "| Schedule | Primary deviation | Backup deviation | Total holiday burden | Largest holiday burden | "
                + "Leave violations | Other hard-rule findings | Largest ownership load |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for (name, quality) in qualities {
            lines.append(
                "| \(name) | \(f(quality.primaryDeviation)) | \(f(quality.backupDeviation)) | "
                    + "\(quality.totalHolidayBurden) | \(quality.largestHolidayBurden) | \(quality.leaveViolations) | "
                    + "\(quality.otherViolations) | \(f(quality.largestOwnershipLoad)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e9 { return String(Int(value)) }
        return abs(value) >= 100 ? String(format: "%.1f", value) : String(format: "%.3g", value)
    }
}
