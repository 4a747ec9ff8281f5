import Foundation
import Testing

/// `rota swap` and `rota cover` as a user runs them: exit statuses, messages, and the folder left whole.
@Suite("rota swap and rota cover")
struct EditCommandTests {
    static func folderCopy() throws -> (URL, String) {
        let root = try RotaBinaryTests.temporaryFolder()
        let path = root.appendingPathComponent("report").path
        try FileManager.default.copyItem(
            atPath: RotaBinaryTests.repositoryRoot.appendingPathComponent("reports/xyz-tech-2027q1").path, toPath: path)
        return (root, path)
    }

    @Test func exitStatusesAreZeroOneAndTwo() throws {
        let (root, path) = try Self.folderCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let scenario = "scenarios/xyz-tech-2027q1.yaml"
        let swap = try RotaBinaryTests.run(["swap", scenario, "thiru", "choo", "--shift", "9", "--schedule", path])
        #expect(swap.status == 0, "\(swap.standardError)")
        #expect(swap.standardOutput.contains("Fairness: thiru: primary weeks 3 → 2, backup weeks 3 → 4"))
        #expect(swap.standardOutput.contains("Wrote \(path)/: rotation.csv, coverage.csv"))
        let refused = try RotaBinaryTests.run(["swap", scenario, "aidil", "choo", "--shift", "1", "--schedule", path])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("refused: the change breaks a hard rule:\n  min_gap_weeks:"))
        #expect(refused.standardError.contains("hint: --force"))
        let offset = try RotaBinaryTests.run([
            "cover", scenario, "--engineer", "spencer", "--from", "2027-01-05T09:00", "--to", "2027-01-05T10:00Z",
            "--schedule", path,
        ])
        #expect(offset.status == 2)
        #expect(offset.standardError.hasPrefix("error: --from: \"2027-01-05T09:00\" has no offset"))
        let role = try RotaBinaryTests.run([
            "cover", scenario, "--engineer", "spencer", "--from", "2027-01-05T09:00Z", "--to", "2027-01-05T10:00Z",
            "--role", "secondary", "--schedule", path,
        ])
        #expect(role.status == 64)
        let check = try RotaBinaryTests.run(["check", scenario, "--schedule", path])
        #expect(check.status == 0, "\(check.standardOutput)")
        let forced = try RotaBinaryTests.run([
            "swap", scenario, "aidil", "choo", "--shift", "1", "--schedule", path, "--force",
        ])
        #expect(forced.status == 0)
        #expect(forced.standardOutput.contains("Accepted with --force: min_gap_weeks:"))
        let accepted = try RotaBinaryTests.run(["check", scenario, "--schedule", path])
        #expect(accepted.status == 0)
        #expect(accepted.standardOutput.contains("accepted min_gap_weeks"))
    }
}

/// `rota export` as a user runs it.
@Suite("rota export")
struct ExportCommandTests {
    @Test func writesOneFilePerScheduleAndExitsTwoForAMissingIdentity() throws {
        let root = try RotaBinaryTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let scenario = root.appendingPathComponent("team.yaml").path
        let yaml = """
            name: team
            period: {start: 2027-01-04, weeks: 4}
            pager: {pagerduty: {primary: PI7DH85}}
            engineers:
              - {id: ana, region: GB-ENG, contacts: {pagerduty: PEYSGVA}}
              - {id: ben, region: GB-ENG, contacts: {pagerduty: PEYSGVF}}
              - {id: cai, region: GB-ENG CONTACTS}
            pipelines: [{id: revenue, name: Revenue, investor_facing: true}]
            """
        try Data(yaml.replacingOccurrences(of: " CONTACTS", with: ", contacts: {email: cai@example.com}").utf8)
            .write(to: URL(fileURLWithPath: scenario))
        let report = root.appendingPathComponent("report").path
        let out = root.appendingPathComponent("out").path
        #expect(try RotaBinaryTests.run(["plan", scenario, "-o", report, "-q"]).status == 0)
        let missing = try RotaBinaryTests.run([
            "export", scenario, "--to", "pagerduty", "--schedule", report, "-o", out,
        ])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("engineers[2].contacts.pagerduty (cai)"))
        #expect(!missing.standardError.contains("cai@example.com"))
        #expect(!FileManager.default.fileExists(atPath: out))
        try Data(yaml.replacingOccurrences(of: " CONTACTS", with: ", contacts: {pagerduty: PAB12CD}").utf8)
            .write(to: URL(fileURLWithPath: scenario))
        #expect(try RotaBinaryTests.run(["plan", scenario, "-o", report, "-q"]).status == 0)
        let written = try RotaBinaryTests.run([
            "export", scenario, "--to", "pagerduty", "--schedule", report, "-o", out,
        ])
        #expect(written.status == 0, "\(written.standardError)")
        #expect(written.standardOutput.contains("pagerduty-PI7DH85.json (4 spans on call)"))
        // The pipeline's escalation policy too; the backup step has no schedule here, and the output says so.
        #expect(written.standardOutput.contains("pagerduty-escalation-revenue.json (escalation policy)"))
        #expect(
            written.standardOutput.contains(
                "left out of the escalation policy of revenue: the on-call backup (no PagerDuty schedule for it)"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [
                "pagerduty-PI7DH85.json", "pagerduty-escalation-revenue.json",
            ])
    }
}

/// `rota init` as a user runs it.
@Suite("rota init")
struct InitCommandTests {
    @Test func writesAScenarioThatPlansAndNeverReplacesAFile() throws {
        let root = try RotaBinaryTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("team.yaml").path
        let made = try RotaBinaryTests.run([
            "init", file, "--engineers", "ada,ben,cho", "--region", "my-10", "--start", "2027-04-05",
        ])
        #expect(made.status == 0, "\(made.standardError)")
        #expect(made.standardOutput.contains("Next: rota plan \(file)"))
        let plan = try RotaBinaryTests.run(["plan", file, "-o", root.appendingPathComponent("r").path, "-q"])
        #expect(plan.status == 0, "\(plan.standardError)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let again = try RotaBinaryTests.run(["init", file])
        #expect(again.status == 2 && again.standardError.contains("exists; nothing was written"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == text)
        let bad = try RotaBinaryTests.run(["init", root.appendingPathComponent("x.yaml").path, "--engineers", "ada"])
        #expect(bad.status == 2 && bad.standardError.contains("at least two ids"))
        let piped = try RotaBinaryTests.run(["init", root.appendingPathComponent("y.yaml").path, "--interactive"])
        #expect(piped.status == 2 && piped.standardError.contains("--interactive needs a terminal"))
    }
}

/// Help and mistyped commands.
@Suite("Help and typos")
struct HelpTests {
    @Test func aMistypedCommandGetsItsLikelyMeaningAndHelpListsExitStatuses() throws {
        let typo = try RotaBinaryTests.run(["plna", "team.yaml"])
        #expect(typo.status == 64)
        #expect(typo.standardError.contains("unknown command \"plna\"\n  hint: did you mean \"plan\"?"))
        let plan = try RotaBinaryTests.run(["plan", "--help"])
        #expect(plan.standardOutput.contains("Exit status: 0 planned"))
        let compare = try RotaBinaryTests.run(["compare", "--help"])
        #expect(!compare.standardOutput.contains("(default: 2)"))
        #expect(compare.standardOutput.contains("number of cores, here"))
        let check = try RotaBinaryTests.run(["check", "--help"])
        #expect(check.standardOutput.contains("70 a GLPK internal"))
    }
}
