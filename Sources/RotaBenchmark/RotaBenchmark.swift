import ArgumentParser
import Foundation
import RotaChecking
import RotaCore
import RotaModel
import RotaPlanning

/// The scale benchmark: `rota plan` on generated teams of sizes S, M, L and XL (release build), against the two
/// usual heuristics on schedule quality and against CBC and HiGHS on the same exported models. It prints the
/// figures and writes them to benchmarks/results.md; it asserts nothing (machines here are shared and noisy).
@main
struct RotaBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rota-benchmark",
        abstract: "Benchmark rota plan on generated S/M/L/XL teams against heuristics, CBC and HiGHS.")

    @Option(help: "Sizes to run, comma-separated.") var sizes = "s,m,l,xl"
    @Option(help: "Runs of `rota plan` per size for the median wall time (S and M get 4× as many).") var runs = 3
    @Option(help: "rota plan's --time-limit, seconds.") var timeLimit = 60.0
    @Option(help: "Seconds each external solver gets per level.") var externalTimeLimit = 60.0
    @Option(help: "Generator seed.") var seed: UInt64 = 1
    @Option(help: "The results file.") var output = "benchmarks/results.md"
    @Option(help: "The rota executable (default: next to this one).") var rota: String?
    @Flag(help: "Skip CBC and HiGHS.") var noExternal = false
    @Flag(help: "Run the hard set (rules real teams turn on, docs/performance.md) instead of the sizes.")
    var hard = false
    @Option(help: "Seeds per seeded class of the hard set (the small mixed-region teams get twice as many).")
    var hardSeeds = 5
    @Option(help: "The hard set's results file.") var hardOutput = "benchmarks/hard-results.md"

    func run() throws {
        let repository = FileManager.default.currentDirectoryPath
        let executable =
            rota
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("rota")
            .path
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw BenchmarkError("no rota executable at \(executable); build with `swift build -c release` first")
        }
        let library = try CalendarLibrary.locate()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("rota-benchmark-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let external: (solvers: [ExternalSolver], notes: [String]) =
            noExternal
            ? ([], ["CBC and HiGHS skipped (--no-external)."]) : ExternalSolver.available(repository: repository)

        if hard {
            try runHardSet(library: library, rota: executable, work: work, external: external)
            return
        }
        var sections: [SizeResult] = []
        for name in sizes.split(separator: ",") {
            guard let size = GeneratorSize(rawValue: String(name).lowercased()) else {
                throw BenchmarkError("unknown size \(name): s, m, l or xl")
            }
            let result = try SizeResult.measure(
                size: size, seed: seed, library: library, rota: executable, work: work,
                runs: size == .s || size == .m ? runs * 4 : runs, timeLimit: timeLimit,
                external: external.solvers, externalTimeLimit: externalTimeLimit)
            print(result.markdown)
            sections.append(result)
        }
        let document = ResultsDocument(
            sections: sections, solvers: external.solvers, notes: external.notes, timeLimit: timeLimit,
            externalTimeLimit: externalTimeLimit)
        try FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: output).deletingLastPathComponent().path, withIntermediateDirectories: true)
        try Data(document.markdown.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        print("Wrote \(output)")
    }

    func runHardSet(
        library: CalendarLibrary, rota: String, work: URL, external: (solvers: [ExternalSolver], notes: [String])
    ) throws {
        var results: [HardResult] = []
        for hardCase in try HardCase.all(library: library, seeds: hardSeeds) {
            // External solvers on the first scenario of a class only: they are the comparison, not the subject.
            let scenarios = try hardCase.scenarios.enumerated().map { position, scenario in
                try HardScenarioResult.measure(
                    name: scenario.name, yaml: scenario.yaml, rota: rota, work: work, runs: runs,
                    timeLimit: timeLimit, library: library, external: position == 0 ? external.solvers : [],
                    externalTimeLimit: externalTimeLimit)
            }
            let result = HardResult(hardCase: hardCase, scenarios: scenarios)
            print(result.markdown)
            results.append(result)
        }
        let document = HardResultsDocument(
            results: results, solvers: external.solvers, notes: external.notes, runs: runs, timeLimit: timeLimit,
            externalTimeLimit: externalTimeLimit)
        try FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: hardOutput).deletingLastPathComponent().path, withIntermediateDirectories: true
        )
        try Data(document.markdown.utf8).write(to: URL(fileURLWithPath: hardOutput), options: .atomic)
        print("Wrote \(hardOutput)")
    }
}
