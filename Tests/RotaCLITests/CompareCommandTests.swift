import Foundation
import Testing

@Suite("rota compare")
struct CompareCommandTests {
    typealias CLI = RotaBinaryTests

    @Test func variantsAreComparedAndAnInfeasibleOneIsReportedNotFatal() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("compare")
        let run = try CLI.run(["compare", "scenarios/xyz-tech-2027q1.yaml", "-o", output.path, "--jobs", "2"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(
            run.standardOutput.hasPrefix(
                "Wrote \(output.path)/compare.md and compare.csv: 6 scenarios (1 without a schedule) planned in "))
        #expect(run.standardError.contains("warning: conference-in-hari-raya-week: no schedule satisfies the rules:"))
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(files == ["compare.csv", "compare.md"])
        for file in files {
            let committed = try Data(
                contentsOf: CLI.repositoryRoot.appendingPathComponent("reports/xyz-tech-2027q1-compare/\(file)"))
            #expect(try Data(contentsOf: output.appendingPathComponent(file)) == committed, "\(file)")
        }
    }

    @Test func twoScenarioFilesCompareTheSecondWithTheFirst() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("compare")
        let run = try CLI.run([
            "compare", "scenarios/pipeline-plan-2026q4.yaml", "scenarios/week5-maintenance-2027q1.yaml", "-o",
            output.path, "-q",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
        let markdown = try String(contentsOf: output.appendingPathComponent("compare.md"), encoding: .utf8)
        #expect(markdown.contains("| **pipeline-plan-2026q4** (base) |"))
        #expect(markdown.contains("| week5-maintenance-2027q1 |"))
        // Different teams: every engineer appears, with "—" where absent.
        #expect(markdown.contains("| Alice | — |"))
    }

    @Test func badInputExitsTwoAndWritesNothing() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("compare")
        let alone = try CLI.run(["compare", "scenarios/pipeline-plan-2026q4.yaml", "-o", output.path])
        #expect(alone.status == 2)
        #expect(alone.standardError.contains("has no variants and no other scenario was given: nothing to compare"))
        let original = try String(
            contentsOf: CLI.repositoryRoot.appendingPathComponent("scenarios/xyz-tech-2027q1.yaml"), encoding: .utf8)
        let scenario = folder.appendingPathComponent("xyz.yaml")
        try Data(original.replacingOccurrences(of: "spencer: {region: GB-ENG}", with: "spencer: {region: GB-ENK}").utf8)
            .write(to: scenario)
        let bad = try CLI.run(["compare", scenario.path, "-o", output.path])
        #expect(bad.status == 2)
        #expect(
            bad.standardError.contains(
                "in variant spencer-to-london: engineers[1].region: no holiday calendar for region \"GB-ENK\""))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
