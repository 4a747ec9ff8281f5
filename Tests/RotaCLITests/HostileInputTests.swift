import Foundation
import Testing

/// What a careless or hostile input does to the command line: it gets a clear exit status and a short,
/// harmless message, and nothing of the user's is lost (the bad-input corpus holds the file-based cases).
@Suite("Hostile and careless input")
struct HostileInputTests {
    typealias CLI = RotaBinaryTests
    static let scenario = "scenarios/xyz-tech-2027q1.yaml"

    /// Nothing a command prints holds a control character other than a line feed.
    static func printsNoControl(_ run: CLI.Run) -> Bool {
        !(run.standardOutput + run.standardError).unicodeScalars.contains {
            ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value)
        }
    }

    @Test(arguments: ["inf", "1e308", "1e16", "9.3e15", "nan", "-1", "0", "1000001"])
    func anImpossibleTimeLimitIsAUsageError(_ limit: String) throws {
        for command in [
            ["plan", Self.scenario, "-o", "/nonexistent/never"], ["check", Self.scenario, "--optimality"],
            ["compare", Self.scenario, "-o", "/nonexistent/never"],
        ] {
            let run = try CLI.run(command + ["--time-limit=\(limit)"])
            #expect(run.status == 64, "\(command[0]) --time-limit \(limit): \(run.status) \(run.standardError)")
            #expect(run.standardError.contains("--time-limit must be"), "\(run.standardError)")
        }
    }

    @Test func holidaysAsCSVEndWithTheirLastRowWhole() throws {
        let region = try CLI.run(["holidays", "--region", "US-CA", "--year", "2026", "--format", "csv"])
        #expect(region.status == 0)
        #expect(region.standardOutput.hasSuffix(",false,false\r\n"), "\(region.standardOutput.suffix(40))")
        let lines = region.standardOutput.split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(lines.last == "")
        #expect(lines.dropLast().allSatisfy { $0.split(separator: ",").count == 6 })
        let scenario = try CLI.run(["holidays", Self.scenario, "--format", "csv"])
        #expect(scenario.status == 0)
        #expect(scenario.standardOutput.hasSuffix("\r\n"))
        #expect(!scenario.standardOutput.hasSuffix("MY-1\r\n"))
    }

    @Test func theEnvironmentNamedAsHistoryIsNotEchoed() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOf: CLI.repositoryRoot.appendingPathComponent(Self.scenario), encoding: .utf8)
        let file = folder.appendingPathComponent("environ.yaml")
        try Data((text + "\nhistory: [/proc/self/environ]\n").utf8).write(to: file)
        for format in ["text", "github"] {
            let run = try CLI.run(
                ["check", file.path, "--format", format], environment: ["ROTA_TEST_SECRET": "s3cr3t-t0ken"])
            #expect(run.status == 2)
            #expect(!(run.standardOutput + run.standardError).contains("s3cr3t-t0ken"))
            #expect(run.standardError.contains("/proc/self/environ"))
            #expect(Self.printsNoControl(run))
        }
    }

    @Test func aFIFOAndADeviceAreNamedForWhatTheyAre() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe.yaml")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let piped = try CLI.run(["plan", fifo.path, "-o", folder.appendingPathComponent("out").path])
        #expect(piped.status == 2)
        #expect(piped.standardError.contains("it is a named pipe (FIFO), not a regular file"), "\(piped.standardError)")
        let device = try CLI.run(["check", "/dev/zero"])
        #expect(device.status == 2)
        #expect(device.standardError.contains("it is a character device"), "\(device.standardError)")
    }

    @Test func aScenarioJustOverTheCapSaysBothSizesExactly() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("big.yaml")
        try Data(repeating: UInt8(ascii: "#"), count: 4_000_391).write(to: file)
        let run = try CLI.run(["plan", file.path, "-o", folder.appendingPathComponent("out").path])
        #expect(run.status == 2)
        #expect(run.standardError.contains("4,000,391 bytes, at most 4,000,000 bytes"), "\(run.standardError)")
    }

    @Test func aMissingBaselineIsNamedAsTheBaseline() throws {
        let run = try CLI.run(["plan", Self.scenario, "-o", "/nonexistent/out", "--baseline", "/nonexistent/base"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("cannot read the baseline: no such file or folder"), "\(run.standardError)")
        #expect(run.standardError.contains("--baseline"))
        #expect(!run.standardError.contains("--schedule"))
    }

    @Test func aGeneratedPeriodPastTheCalendarsIsAUsageError() throws {
        let run = try CLI.run(["generate", "--start", "2030-12-30"])
        #expect(run.status == 64, "\(run.standardError)")
        #expect(run.standardError.contains("runs to 2031-03-30"))
        #expect(!run.standardError.contains("bug"))
    }

    @Test func exportModelCreatesItsFolderBeforeSolving() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("not/yet/q1.lp")
        let run = try CLI.run([
            "plan", Self.scenario, "-o", folder.appendingPathComponent("out").path, "--export-model", model.path, "-q",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(FileManager.default.fileExists(atPath: model.path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("not/yet/q1.level5.lp").path))

        // A folder where the file should go is refused before any solving, as a file-system failure.
        let taken = folder.appendingPathComponent("taken.lp")
        try FileManager.default.createDirectory(at: taken, withIntermediateDirectories: true)
        let refused = try CLI.run([
            "plan", Self.scenario, "-o", folder.appendingPathComponent("out2").path, "--export-model", taken.path,
        ])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("is a folder"))
        #expect(!refused.standardError.contains("the solver failed"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out2").path))
    }

    @Test func aPlanRefusesFolderContentsItDidNotWriteAtAnyDepth() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("r")
        #expect(try CLI.run(["plan", Self.scenario, "-o", output.path, "-q"]).status == 0)
        let notes = output.appendingPathComponent("runbooks/team-notes.txt")
        try Data("notes".utf8).write(to: notes)
        let archive = output.appendingPathComponent("oncall-archive.ics")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: false)
        let run = try CLI.run(["plan", Self.scenario, "-o", output.path, "-q"])
        #expect(run.status == 1)
        #expect(run.standardError.contains("oncall-archive.ics/, runbooks/team-notes.txt"), "\(run.standardError)")
        #expect(FileManager.default.fileExists(atPath: notes.path))
        #expect(FileManager.default.fileExists(atPath: archive.path))
    }

    @Test func aReportFolderWithoutOwnershipIsJudgedAsItsRotation() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = CLI.repositoryRoot.appendingPathComponent("reports/xyz-tech-2027q1/rotation.csv")
        try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent("rotation.csv"))
        let byFolder = try CLI.run(["check", Self.scenario, "--schedule", folder.path])
        let byFile = try CLI.run([
            "check", Self.scenario, "--schedule", folder.appendingPathComponent("rotation.csv").path,
        ])
        #expect(byFolder.status == 0, "\(byFolder.standardError)")
        #expect(byFolder.status == byFile.status)
        #expect(byFolder.standardOutput.contains("satisfies every rotation rule"))
    }
}
