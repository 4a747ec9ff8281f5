import Foundation
import Testing

/// `rota plan --baseline DIR --from DATE` end to end: the committed report as baseline, new leave in the scenario.
@Suite("rota plan --baseline")
struct ReplanCommandTests {
    typealias CLI = RotaBinaryTests

    @Test func newLeaveIsReplannedWithTheFewestChangesAndListed() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Choo is primary in week 9 of the committed plan; now Choo takes that week off.
        let rotation = try String(
            contentsOf: CLI.repositoryRoot.appendingPathComponent("reports/xyz-tech-2027q1/rotation.csv"),
            encoding: .utf8)
        let week9 = rotation.components(separatedBy: "\r\n")[9].split(separator: ",").map(String.init)
        #expect(week9[0] == "9")
        let person = week9[3]
        let yaml = try String(
            contentsOf: CLI.repositoryRoot.appendingPathComponent("scenarios/xyz-tech-2027q1.yaml"), encoding: .utf8)
        // Every engineer's line has a leave list: the week is added in front of it.
        let edited = yaml.components(separatedBy: "\n").map { line in
            line.hasPrefix("  - {id: \(person),")
                ? line.replacingOccurrences(of: "leave: [", with: "leave: [\"\(week9[1])..\(week9[2])\", ") : line
        }.joined(separator: "\n")
        #expect(edited != yaml)
        let scenario = folder.appendingPathComponent("xyz.yaml")
        try Data(edited.utf8).write(to: scenario)
        let output = folder.appendingPathComponent("replanned")
        let run = try CLI.run([
            "plan", scenario.path, "--calendars", "calendars", "--baseline", "reports/xyz-tech-2027q1", "--from",
            "2027-02-15", "-o", output.path,
        ])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("Replanned from reports/xyz-tech-2027q1: "), "\(run.standardOutput)")
        #expect(run.standardOutput.contains(", 6 frozen (listed in report.md)"), "\(run.standardOutput)")
        let replanned = try String(contentsOf: output.appendingPathComponent("rotation.csv"), encoding: .utf8)
        let before = rotation.components(separatedBy: "\r\n")
        let after = replanned.components(separatedBy: "\r\n")
        #expect(Array(after.prefix(7)) == Array(before.prefix(7)), "weeks 1–6 are frozen")
        #expect(after[9] != before[9])
        let report = try String(contentsOf: output.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("## Changes from the baseline"))
        #expect(report.contains("weeks 1–6 are kept as they were (they start before 2027-02-15)"))
        #expect(report.contains("| 9 | \(week9[1]) – \(week9[2]) | primary |"), "\(report)")
        #expect(report.contains("leave: week 9 (\(week9[1])..\(week9[2])): \(person) is primary but on leave"))

        // --from without --baseline is a usage error; a baseline that is not a schedule is bad input.
        let usage = try CLI.run(["plan", "scenarios/xyz-tech-2027q1.yaml", "--from", "2027-02-15"])
        #expect(usage.status == 64)
        let bad = try CLI.run([
            "plan", "scenarios/xyz-tech-2027q1.yaml", "--baseline", folder.appendingPathComponent("nothing").path,
            "-o", folder.appendingPathComponent("out").path,
        ])
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("no such file or folder"))
    }
}
