import Foundation
import Testing

@Suite("rota check")
struct CheckCommandTests {
    typealias CLI = RotaBinaryTests

    /// A copy of a committed report folder to tamper with.
    static func copyOfReport(_ name: String) throws -> URL {
        let folder = try CLI.temporaryFolder()
        let copy = folder.appendingPathComponent(name)
        try FileManager.default.copyItem(at: CLI.repositoryRoot.appendingPathComponent("reports/\(name)"), to: copy)
        return copy
    }

    static func replaceLine(_ number: Int, in file: URL, with line: String) throws {
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\r\n")
        lines[number - 1] = line
        try Data(lines.joined(separator: "\r\n").utf8).write(to: file)
    }

    @Test(arguments: ["xyz-tech-2027q1", "pipeline-plan-2026q4"])
    func committedReportsPass(_ name: String) throws {
        let run = try CLI.run(["check", "scenarios/\(name).yaml"])
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        // Broken soft rules (pipeline-plan's avoid_repeat_holidays) are listed above the verdict, not failures.
        let lines = run.standardOutput.split(separator: "\n")
        #expect(lines.last?.hasPrefix("ok: reports/\(name)/rotation.csv and reports/\(name)/ownership.csv") == true)
        #expect(lines.dropLast().allSatisfy { $0.contains(": soft ") })
    }

    @Test func aTamperedRowIsNamedByFileAndLine() throws {
        let copy = try Self.copyOfReport("xyz-tech-2027q1")
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        // Week 10 (line 11) puts Aidil on primary duty during her leave 2027-03-08..2027-03-12.
        let rotation = copy.appendingPathComponent("rotation.csv")
        let week10 = try String(contentsOf: rotation, encoding: .utf8).components(separatedBy: "\r\n")[10]
        let backup = week10.components(separatedBy: ",")[4]
        try Self.replaceLine(
            11, in: rotation, with: "10,2027-03-08,2027-03-14,aidil,\(backup == "aidil" ? "choo" : backup)")
        let run = try CLI.run(["check", "scenarios/xyz-tech-2027q1.yaml", "--schedule", copy.path])
        #expect(run.status == 1)
        #expect(
            run.standardOutput.contains(
                "\(rotation.path):11: leave: week 10 (2027-03-08..2027-03-14): aidil is primary but on leave 2027-03-08..2027-03-12"
            ))
    }

    @Test func sameOwnerTwiceIsNamedInOwnershipCSV() throws {
        let copy = try Self.copyOfReport("xyz-tech-2027q1")
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        let ownership = copy.appendingPathComponent("ownership.csv")
        try Self.replaceLine(
            2, in: ownership, with: "unit-profit-experiments,Unit-level profit for experiments,Profit,false,thiru,thiru"
        )
        let run = try CLI.run(["check", "scenarios/xyz-tech-2027q1.yaml", "--schedule", copy.path, "--format", "json"])
        #expect(run.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
        let findings = json?["findings"] as? [[String: Any]] ?? []
        #expect(json?["status"] as? String == "violations")
        #expect(findings.count == 1)
        #expect(findings.first?["rule"] as? String == "distinct_owners")
        #expect(findings.first?["file"] as? String == ownership.path)
        #expect(findings.first?["line"] as? Int == 2)
    }

    @Test func aBrokenFileIsBadInput() throws {
        let copy = try Self.copyOfReport("xyz-tech-2027q1")
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        let rotation = copy.appendingPathComponent("rotation.csv")
        try Self.replaceLine(1, in: rotation, with: "week,start,end,primary")
        var run = try CLI.run(["check", "scenarios/xyz-tech-2027q1.yaml", "--schedule", copy.path])
        #expect(run.status == 2)
        #expect(run.standardError.contains("\(rotation.path):1: header: missing backup"))

        try Self.replaceLine(1, in: rotation, with: "week,start,end,primary,backup")
        try Self.replaceLine(4, in: rotation, with: "3,2027-01-18,2027-02-30,aidil,choo")
        run = try CLI.run(["check", "scenarios/xyz-tech-2027q1.yaml", "--schedule", rotation.path])
        #expect(run.status == 2)
        #expect(
            run.standardError.contains(
                "\(rotation.path):4: end: expected a date YYYY-MM-DD, not before start, found \"2027-02-30\""))
    }
}

/// The seed plans' own tables, transcribed under scenarios/hand-made/, and what `rota check` says about them
/// (check.txt, committed): a lead can audit the plan made in a doc.
@Suite("Auditing the seed plans")
struct HandMadeScheduleTests {
    static let names = [
        "data-engineering-2027q1", "four-engineers-2027q2", "pipeline-plan-2026q4", "week5-maintenance-2027q1",
        "xyz-tech-2027q1", "xyz-tech-rotations-2027q2",
    ]

    @Test(arguments: names)
    func committedVerdictIsWhatCheckSaysNow(_ name: String) throws {
        let folder = "scenarios/hand-made/\(name)"
        let hasOwnership = FileManager.default.fileExists(
            atPath: RotaBinaryTests.repositoryRoot.appendingPathComponent("\(folder)/ownership.csv").path)
        let schedule = hasOwnership ? folder : "\(folder)/rotation.csv"
        let run = try RotaBinaryTests.run(["check", "scenarios/\(name).yaml", "--schedule", schedule])
        let committed = try String(
            contentsOf: RotaBinaryTests.repositoryRoot.appendingPathComponent("\(folder)/check.txt"), encoding: .utf8)
        #expect(run.standardOutput == committed)
        let verdict = committed.split(separator: "\n").last ?? ""
        #expect(run.status == (verdict.hasPrefix("ok:") ? 0 : 1))
    }
}

@Suite("rota check with several rotations")
struct RotationColumnTests {
    typealias CLI = RotaBinaryTests

    @Test func theRotationColumnIsReadAndALineIsNamed() throws {
        let copy = try CheckCommandTests.copyOfReport("xyz-tech-rotations-2027q2")
        let clean = try CLI.run(["check", "scenarios/xyz-tech-rotations-2027q2.yaml", "--schedule", copy.path])
        #expect(clean.status == 0, "\(clean.standardOutput)")
        // Make growth week 1's primary the investor rotation's week-1 primary: the two shifts overlap.
        let file = copy.appendingPathComponent("rotation.csv")
        let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\r\n")
        // Rotations of primaries alone: the backup cell is empty.
        let investor = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let index = lines.firstIndex { $0.hasPrefix("growth,1,") }!
        var growth = lines[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(growth[5].isEmpty)
        growth[4] = investor[4]
        try CheckCommandTests.replaceLine(index + 1, in: file, with: growth.joined(separator: ","))
        let run = try CLI.run(["check", "scenarios/xyz-tech-rotations-2027q2.yaml", "--schedule", copy.path])
        #expect(run.status == 1)
        #expect(
            run.standardOutput.contains(
                "rotation.csv:\(index + 1): exclusive_primary: \(investor[4]) is primary in investor week 1 and growth week 1 at once"
            ),
            "\(run.standardOutput)")
    }
}
