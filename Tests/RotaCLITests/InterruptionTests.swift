import Foundation
import Testing

/// Signals during a long plan: a first Ctrl-C stops the search and writes the best schedule found (exit 4); a second
/// Ctrl-C, or SIGTERM, ends the run at once (130 / 143) and the previous report stays byte-identical.
@Suite("Interrupting rota plan")
struct InterruptionTests {
    typealias CLI = RotaBinaryTests

    /// Every file under `folder`, by relative path.
    static func contents(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            files[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
        }
        return files
    }

    @Test(arguments: [([SIGINT, SIGINT], Int32(130)), ([SIGTERM], Int32(143)), ([SIGINT], Int32(4))])
    func aSignalEndsThePlanAsDocumented(_ signals: [Int32], _ status: Int32) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Last quarter's report, committed.
        let report = folder.appendingPathComponent("report")
        try FileManager.default.copyItem(
            at: CLI.repositoryRoot.appendingPathComponent("reports/xyz-tech-2027q1"), to: report)
        let before = try Self.contents(report)
        // A year with a soft duty gap: GLPK searches for the whole time limit.
        let scenario = try Self.writeLongYear(in: folder)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = [
            "plan", scenario.path, "--calendars", CLI.repositoryRoot.appendingPathComponent("calendars").path, "-o",
            report.path, "--time-limit", "60", "-q",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        Thread.sleep(forTimeInterval: 2)
        #expect(process.isRunning, "the plan ended before the signal: the test proves nothing")
        for signal in signals {
            kill(process.processIdentifier, signal)
            Thread.sleep(forTimeInterval: 0.02)
        }
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == status)
        #expect(clock.now - start < .seconds(30), "the signal did not end the run")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["report", "year.yaml"])
        if status == 4 {
            // The best schedule found, written whole and said to be unproved: it passes the rule checker.
            let text = try String(contentsOf: report.appendingPathComponent("report.md"), encoding: .utf8)
            #expect(text.contains("Solver status: not proved optimal.") && text.contains("interrupted"))
            let check = try CLI.run([
                "check", scenario.path, "--calendars", CLI.repositoryRoot.appendingPathComponent("calendars").path,
                "--schedule", report.path,
            ])
            #expect(check.status == 0, "\(check.standardOutput)")
        } else {
            #expect(try Self.contents(report) == before)
        }
    }

    @Test func aFirstCtrlCStopsEveryComparedSearchAndWritesTheComparison() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let year = try Self.writeLongYear(in: folder)
        let other = folder.appendingPathComponent("year-b.yaml")
        let text = try String(contentsOf: year, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "name: xyz-tech-2027q1", with: "name: year-b").utf8).write(to: other)
        let output = folder.appendingPathComponent("compare")
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = [
            "compare", year.path, other.path, "--calendars",
            CLI.repositoryRoot.appendingPathComponent("calendars").path, "-o", output.path, "--time-limit", "60",
            "--jobs", "2",
        ]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        Thread.sleep(forTimeInterval: 3)
        #expect(process.isRunning, "the comparison ended before the signal: the test proves nothing")
        kill(process.processIdentifier, SIGINT)
        let printed = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 4, "\(printed)")
        #expect(printed.contains("warning: interrupted: the searches were stopped by Ctrl-C"))
        let compare = try String(contentsOf: output.appendingPathComponent("compare.md"), encoding: .utf8)
        #expect(compare.contains("year-b"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("compare.csv").path))
        // Off a terminal no progress line is drawn: nothing rewrites a line in place.
        #expect(!printed.contains("\u{1B}[2K"))
    }

    /// xyz-tech over a year with min_gap_weeks 2 and a soft duty gap: GLPK cannot prove its first level within
    /// seconds (it did not in 20 s), so a plan of it runs until its time limit or a signal.
    static func writeLongYear(in folder: URL) throws -> URL {
        let yaml = try String(
            contentsOf: CLI.repositoryRoot.appendingPathComponent("scenarios/xyz-tech-2027q1.yaml"), encoding: .utf8
        )
        .replacingOccurrences(of: "weeks: 13}", with: "weeks: 52}")
        .replacingOccurrences(
            of: "rules: {min_gap_weeks: 1}",
            with: "rules: {min_gap_weeks: 2, min_duty_gap_weeks: {value: 1, soft: true}}")
        let scenario = folder.appendingPathComponent("year.yaml")
        try Data(yaml.utf8).write(to: scenario)
        return scenario
    }
}
