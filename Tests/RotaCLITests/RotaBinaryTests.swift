import Foundation
import Testing

/// Runs the built `rota` executable as a user would and checks exit statuses, messages and files.
@Suite("The rota command")
struct RotaBinaryTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Run {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    /// The `rota` binary beside this test bundle (SwiftPM builds it because this target depends on it).
    static var binary: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("rota")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return repositoryRoot.appendingPathComponent(".build/debug/rota")
    }

    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws
        -> Run
    {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        process.currentDirectoryURL = directory ?? repositoryRoot
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rota-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func planWritesTheReportFilesAndMatchesTheCommittedOnes() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out")
        let run = try Self.run(["plan", "scenarios/xyz-tech-2027q1.yaml", "-o", output.path])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("Wrote \(output.path)/"))
        let top = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(
            top == [
                "coverage.csv", "fairness.csv", "hours.csv", "hours.svg", "manifest.json", "oncall-aidil.ics",
                "oncall-choo.ics",
                "oncall-spencer.ics",
                "oncall-thiru.ics", "oncall.ics", "ownership.csv", "report.md", "rotation.csv", "rotation.svg",
                "runbooks",
            ])
        let runbooks = try FileManager.default.contentsOfDirectory(
            atPath: output.appendingPathComponent("runbooks").path)
        #expect(
            runbooks.sorted() == ["README.md", "aggregate-engagement.md", "aggregate-growth.md", "aggregate-profit.md"])
        #expect(
            run.standardOutput.contains(
                "rotation.csv, coverage.csv, ownership.csv, fairness.csv, hours.csv, report.md, rotation.svg, hours.svg, "
                    + "manifest.json, "
                    + "oncall.ics (+4 personal), "
                    + "runbooks/ (3)"
            ))
        let files = top.filter { $0 != "runbooks" } + runbooks.map { "runbooks/\($0)" }
        for file in files {
            let committed = try Data(
                contentsOf: Self.repositoryRoot.appendingPathComponent("reports/xyz-tech-2027q1/\(file)"))
            #expect(try Data(contentsOf: output.appendingPathComponent(file)) == committed, "\(file)")
        }
    }

    @Test func badInputExitsTwoWithFileLineAndFieldAndWritesNothing() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("bad.yaml")
        try Data("name: bad\nperiod: {start: 2027-02-30, weeks: 4}\nengineers: []\npipelines: []\n".utf8).write(
            to: scenario)
        let run = try Self.run(["plan", scenario.path, "-o", folder.appendingPathComponent("out").path])
        #expect(run.status == 2)
        #expect(run.standardError.contains("bad.yaml:2:"))
        #expect(run.standardError.contains("period.start"))
        #expect(run.standardError.contains("2027-02 has 28 days"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test func noScheduleExitsThreeAndNamesTheWeek() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("tight.yaml")
        try Data(
            """
            name: tight
            period: {start: 2027-01-04, weeks: 3}
            engineers:
              - {id: a, region: GB-ENG, leave: ["2027-01-11..2027-01-15"]}
              - {id: b, region: GB-ENG}
              - {id: c, region: GB-ENG, leave: ["2027-01-12"]}
            pipelines:
              - {id: p}
            """.utf8
        ).write(to: scenario)
        let run = try Self.run(["plan", scenario.path, "-o", folder.appendingPathComponent("out").path])
        #expect(run.status == 3)
        #expect(run.standardError.contains("week 2 (2027-01-11..2027-01-17): only b is free of leave"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test func usageErrorsExitSixtyFour() throws {
        #expect(try Self.run(["plan"]).status == 64)
        #expect(try Self.run(["plan", "scenarios/xyz-tech-2027q1.yaml", "--gap", "2"]).status == 64)
    }

    @Test func aFolderWithOtherFilesIsNotReplaced() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("keep me".utf8).write(to: folder.appendingPathComponent("thesis.tex"))
        let run = try Self.run(["plan", "scenarios/xyz-tech-2027q1.yaml", "-o", folder.path])
        #expect(run.status == 1)
        #expect(run.standardError.contains("refusing to replace"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["thesis.tex"])
    }

    @Test func exportModelWritesOneLPFilePerLevel() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("model.lp")
        let run = try Self.run([
            "plan", "scenarios/xyz-tech-2027q1.yaml", "-o", folder.appendingPathComponent("out").path,
            "--export-model", model.path,
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".lp") }
            .sorted()
        #expect(
            files == [
                "model.level2.lp", "model.level3.lp", "model.level4.lp", "model.level5.lp", "model.level6.lp",
                "model.lp",
            ])
        let first = try String(contentsOf: model, encoding: .utf8)
        #expect(first.contains("Minimize"))
        #expect(first.contains("primary_cover(1):"))
        #expect(first.contains("gap(aidil,1):"))
        // Levels 2–4 hold the on-call levels before them; level 5 is the ownership part, a model of its own
        // (no row links it to on-call duty), so it holds nothing and has no duty column.
        let fourth = try String(contentsOf: folder.appendingPathComponent("model.level4.lp"), encoding: .utf8)
        #expect(fourth.contains("hold_holiday_burden_total:"))
        #expect(!fourth.contains("ownership_load("))
        let last = try String(contentsOf: folder.appendingPathComponent("model.level5.lp"), encoding: .utf8)
        #expect(last.contains("ownership_load(aidil):"))
        #expect(!last.contains("primary_cover(") && !last.contains("hold_"))

        // Another reader of the format, GLPK's own glpsol, solves the exported files to the levels' values.
        let glpsol = URL(fileURLWithPath: "/usr/bin/glpsol")
        if FileManager.default.isExecutableFile(atPath: glpsol.path) {
            let report = try String(contentsOf: folder.appendingPathComponent("out/report.md"), encoding: .utf8)
            #expect(
                report.contains("| 1 | Largest deviation of primary weeks from fair share | 0.68 weeks | optimal |"))
            #expect(report.contains("| 5 | Largest ownership load | 4 weighted pipelines | optimal |"))
            for (file, objective) in [("model.lp", "obj = 0.6808510638"), ("model.level5.lp", "obj = 4 ")] {
                let solution = folder.appendingPathComponent(file + ".sol")
                let process = Process()
                process.executableURL = glpsol
                process.arguments = ["--lp", folder.appendingPathComponent(file).path, "-o", solution.path]
                process.standardOutput = FileHandle.nullDevice
                try process.run()
                process.waitUntilExit()
                #expect(try String(contentsOf: solution, encoding: .utf8).contains(objective), "\(file)")
            }
        }
    }
}
