import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `rota check` as CI runs it: stale schedules (exit 3), --optimality, and the JUnit and GitHub formats.
@Suite("rota check in CI")
struct CheckFormatsTests {
    typealias CLI = RotaBinaryTests

    /// A scenario and a copy of its committed report in a temporary folder, the scenario edited by `edit`.
    static func staleCopy(edit: (String) -> String) throws -> (folder: URL, scenario: URL, report: URL) {
        let folder = try CLI.temporaryFolder()
        let report = try CheckCommandTests.copyOfReport("xyz-tech-2027q1")
        let moved = folder.appendingPathComponent("report")
        try FileManager.default.moveItem(at: report, to: moved)
        try? FileManager.default.removeItem(at: report.deletingLastPathComponent())
        let original = try String(
            contentsOf: CLI.repositoryRoot.appendingPathComponent("scenarios/xyz-tech-2027q1.yaml"), encoding: .utf8)
        let scenario = folder.appendingPathComponent("xyz-tech-2027q1.yaml")
        let edited = edit(original)
        #expect(edited != original)
        try Data(edited.utf8).write(to: scenario)
        return (folder, scenario, moved)
    }

    @Test func addedLeaveMakesTheScheduleStaleWithExitThreeAndTheCommandToRegenerate() throws {
        // Whoever is primary in week 1 of the committed schedule takes that week off: the schedule now puts them on
        // duty during leave, and its inputs changed.
        let committed = try String(
            contentsOf: CLI.repositoryRoot.appendingPathComponent("reports/xyz-tech-2027q1/rotation.csv"),
            encoding: .utf8)
        let weekOne = committed.split(whereSeparator: \.isNewline)[1].split(separator: ",").map(String.init)
        let onDuty = weekOne[3]
        let copy = try Self.staleCopy { yaml in
            yaml.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.contains("{id: \(onDuty), ")
                    ? line.replacingOccurrences(of: "leave: [", with: "leave: [2027-01-04, ") : String(line)
            }.joined(separator: "\n")
        }
        defer { try? FileManager.default.removeItem(at: copy.folder) }
        let run = try CLI.run(["check", copy.scenario.path, "--schedule", copy.report.path])
        #expect(run.status == 3, "\(run.standardOutput)\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.contains("\(copy.report.path)/manifest.json: stale: scenario xyz-tech-2027q1.yaml changed"))
        #expect(
            lines.contains(
                "  hint: regenerate with `rota plan \(copy.scenario.path) -o \(copy.report.path)` and commit the report"
            ))
        // Their duty in week 1 is a finding too, listed above the stale verdict.
        #expect(lines.contains { $0.contains("rotation.csv:2: leave: week 1 (2027-01-04..2027-01-10): \(onDuty) is") })
        #expect(lines.last == "stale: \(copy.report.path)/rotation.csv no longer matches its inputs (1 finding above)")

        // Regenerating clears it.
        let plan = try CLI.run(["plan", copy.scenario.path, "-o", copy.report.path, "-q"])
        #expect(plan.status == 0, "\(plan.standardError)")
        let again = try CLI.run(["check", copy.scenario.path, "--schedule", copy.report.path])
        #expect(again.status == 0, "\(again.standardOutput)")
        #expect(again.standardOutput.hasSuffix("; inputs unchanged since planned\n"))
    }

    @Test func aFairnessBoundBrokenByTheCommittedScheduleIsAFinding() throws {
        // The committed xyz-tech schedule has a largest holiday burden above 1.
        let copy = try Self.staleCopy {
            $0.replacingOccurrences(
                of: "rules: {min_gap_weeks: 1}", with: "rules: {min_gap_weeks: 1, fairness: {max_holiday_burden: 1}}")
        }
        defer { try? FileManager.default.removeItem(at: copy.folder) }
        let run = try CLI.run(["check", copy.scenario.path, "--schedule", copy.report.path, "--format", "json"])
        #expect(run.status == 3)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(json["status"] as? String == "stale")
        let findings = json["findings"] as? [[String: Any]] ?? []
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0["rule"] as? String == "max_holiday_burden" })
        #expect(
            findings.allSatisfy {
                ($0["message"] as? String)?.hasSuffix("rules.fairness.max_holiday_burden is 1") == true
            })
        let rules = json["rules"] as? [[String: Any]] ?? []
        #expect(rules.first { $0["rule"] as? String == "max_holiday_burden" }?["status"] as? String == "failed")
        #expect(rules.first { $0["rule"] as? String == "max_deviation" }?["status"] as? String == "skipped")
        #expect((json["freshness"] as? [String: Any])?["status"] as? String == "stale")
    }

    /// The JSON keys are an interface CI scripts read: snake_case, as documented, whatever the Swift names.
    @Test func jsonKeysAreTheDocumentedSnakeCaseNames() throws {
        let run = try CLI.run(["check", "scenarios/pipeline-plan-2026q4.yaml", "--optimality", "--format", "json"])
        #expect(run.status == 0, "\(run.standardOutput)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(
            Set(json.keys) == [
                "scenario", "status", "findings", "soft_findings", "accepted_findings", "rules", "freshness",
                "optimality",
            ])
        #expect((json["soft_findings"] as? [[String: Any]])?.isEmpty == false)  // the defaulted runbook sections
        let levels = (json["optimality"] as? [String: Any])?["levels"] as? [[String: Any]] ?? []
        #expect(!levels.isEmpty)
        #expect(levels.allSatisfy { Set($0.keys) == ["level", "schedule", "best", "solver_status"] })
    }

    @Test func optimalityPassesThePlannedScheduleAndNamesTheLevelWhereAHandMadeOneIsWorse() throws {
        let planned = try CLI.run(["check", "scenarios/xyz-tech-2027q1.yaml", "--optimality"])
        #expect(planned.status == 0, "\(planned.standardOutput)")
        #expect(
            planned.standardOutput.contains(
                "optimality: every objective level (6) equals the best found, proved optimal"))

        let handMade = "scenarios/hand-made/xyz-tech-2027q1/rotation.csv"
        let run = try CLI.run(["check", "scenarios/xyz-tech-2027q1.yaml", "--schedule", handMade, "--optimality"])
        #expect(run.status == 1)
        // Seed 000's round robin: 13 weeks over 4 engineers with leave; its primary weeks stray 0.96 from the fair
        // share, the optimum 0.68 (the figures report.md gives for the planned schedule).
        #expect(
            run.standardOutput.contains(
                "optimality: worse at level primary_balance (largest deviation of primary weeks from fair share): "
                    + "0.96 weeks in the schedule, 0.68 at best (proved optimal); tolerance 0"))
        // A tolerance above the difference moves the verdict to a later level.
        let tolerant = try CLI.run([
            "check", "scenarios/xyz-tech-2027q1.yaml", "--schedule", handMade, "--optimality", "--tolerance", "0.3",
        ])
        #expect(!tolerant.standardOutput.contains("worse at level primary_balance"))
        #expect(tolerant.standardOutput.contains("optimality: worse at level holiday_burden_total"))
        #expect(tolerant.standardOutput.contains("equal at primary_balance, backup_balance; tolerance 0.3"))
    }

    @Test func junitHasOneTestCasePerRuleAndCountsThatMatch() throws {
        let run = try CLI.run([
            "check", "scenarios/xyz-tech-2027q1.yaml", "--schedule", "scenarios/hand-made/xyz-tech-2027q1/rotation.csv",
            "--format", "junit",
        ])
        #expect(run.status == 1)
        let parsed = try JUnitDocument(Data(run.standardOutput.utf8))
        // 35 rules + freshness; the two leave findings are one failing case.
        #expect(parsed.cases.count == 36)
        #expect(
            parsed.cases.map(\.name).prefix(6) == [
                "coverage", "unknown_engineer", "distinct_roles", "leave", "eligibility", "onboarding",
            ])
        #expect(parsed.cases.filter(\.failed).map(\.name) == ["leave"])
        // Skipped: the 29 rules other than coverage, unknown_engineer, distinct_roles, leave, covers and min_gap_weeks (not
        // declared by the scenario, or about ownership, and there is no ownership.csv), and freshness (no manifest).
        #expect(parsed.cases.filter(\.skipped).count == 30)
        #expect(parsed.suiteAttributes["tests"] == "36")
        #expect(parsed.suiteAttributes["failures"] == "1")
        #expect(parsed.suiteAttributes["skipped"] == "30")
        #expect(
            parsed.failureText.contains(
                "rotation.csv:6: week 5 (2027-02-01..2027-02-07): aidil is primary but on leave"))

        let clean = try CLI.run(["check", "scenarios/xyz-tech-2027q1.yaml", "--format", "junit", "--optimality"])
        #expect(clean.status == 0)
        let ok = try JUnitDocument(Data(clean.standardOutput.utf8))
        #expect(ok.cases.count == 37)
        #expect(ok.cases.filter(\.failed).isEmpty)
        #expect(ok.cases.contains { $0.name == "freshness" && !$0.skipped })
    }

    @Test func githubAnnotationsFollowTheWorkflowCommandSyntax() throws {
        let run = try CLI.run([
            "check", "scenarios/xyz-tech-2027q1.yaml", "--schedule", "scenarios/hand-made/xyz-tech-2027q1/rotation.csv",
            "--format", "github",
        ])
        #expect(run.status == 1)
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        // ::error file=F,line=N,title=T::message — no raw ':' or ',' inside property values.
        let pattern = try Regex("^::error file=[^,:]+,line=[0-9]+,title=[^,:]+::[^\\r\\n]+$")
        #expect(lines.allSatisfy { $0.wholeMatch(of: pattern) != nil }, "\(lines)")
        #expect(
            lines[0]
                == "::error file=scenarios/hand-made/xyz-tech-2027q1/rotation.csv,line=6,title=rota check%3A leave::"
                + "week 5 (2027-02-01..2027-02-07): aidil is primary but on leave 2027-02-01")
        let ok = try CLI.run(["check", "scenarios/xyz-tech-2027q1.yaml", "--format", "github"])
        #expect(ok.status == 0)
        // Soft findings (runbook sections left to defaults) are notices on their lines; the verdict is the last.
        let okLines = ok.standardOutput.split(separator: "\n").map(String.init)
        #expect(okLines.last?.hasPrefix("::notice title=rota check::ok: reports/xyz-tech-2027q1/rotation.csv") == true)
        let notice = try Regex(
            "^::notice file=[^,:]+,line=[0-9]+,title=rota check%3A soft runbook_default::[^\\r\\n]+$")
        #expect(okLines.dropLast().allSatisfy { $0.wholeMatch(of: notice) != nil }, "\(okLines)")
    }

    @Test func oneRunPrintsAnnotationsWritesJUnitAndAppendsAJobSummary() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let junit = folder.appendingPathComponent("check.xml")
        let summary = folder.appendingPathComponent("summary.md")
        // A job summary collects several steps: what is there stays.
        try Data("## earlier step\n".utf8).write(to: summary)
        let failing = try CLI.run([
            "check", "scenarios/xyz-tech-2027q1.yaml", "--schedule", "scenarios/hand-made/xyz-tech-2027q1/rotation.csv",
            "--format", "github", "--junit", junit.path, "--summary", summary.path,
        ])
        #expect(failing.status == 1)
        #expect(
            failing.standardOutput.hasPrefix("::error file=scenarios/hand-made/xyz-tech-2027q1/rotation.csv,line=6"))
        let parsed = try JUnitDocument(try Data(contentsOf: junit))
        #expect(parsed.cases.filter(\.failed).map(\.name) == ["leave"])
        let passing = try CLI.run(["check", "scenarios/xyz-tech-2027q1.yaml", "--summary", summary.path])
        #expect(passing.status == 0)
        let text = try String(contentsOf: summary, encoding: .utf8)
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("#") }
        #expect(
            headings == [
                "## earlier step", "### rota check: xyz-tech-2027q1 — ❌ findings",
                "### rota check: xyz-tech-2027q1 — ✅ fair",
            ])
        // The failing run lists its finding with its line, and the rule's row says failed.
        #expect(text.contains("- scenarios/hand-made/xyz-tech-2027q1/rotation.csv:6: **leave**: week 5"))
        #expect(text.contains("| leave | **failed**: 2 findings |"))
        #expect(text.contains("| freshness | passed: inputs unchanged since planned |"))
        // --format markdown prints the same section.
        let printed = try CLI.run(["check", "scenarios/xyz-tech-2027q1.yaml", "--format", "markdown"])
        #expect(text.hasSuffix(printed.standardOutput + "\n"))
    }

    @Test func aStaleScheduleSaysSoInTheJobSummaryWithTheCommandToRegenerate() throws {
        let copy = try Self.staleCopy { $0.replacingOccurrences(of: "rules: {min_gap_weeks: 1}", with: "rules: {}") }
        defer { try? FileManager.default.removeItem(at: copy.folder) }
        let run = try CLI.run(["check", copy.scenario.path, "--schedule", copy.report.path, "--format", "markdown"])
        #expect(run.status == 3)
        #expect(run.standardOutput.hasPrefix("### rota check: xyz-tech-2027q1 — ⚠️ stale\n"))
        #expect(run.standardOutput.contains("| freshness | **stale**: scenario xyz-tech-2027q1.yaml changed |"))
        #expect(run.standardOutput.contains("Regenerate with rota plan "))
    }

    @Test func anUnwritableJUnitFileIsExitOneAfterTheVerdict() throws {
        let run = try CLI.run([
            "check", "scenarios/xyz-tech-2027q1.yaml", "--junit", "/nonexistent-folder/check.xml",
        ])
        #expect(run.status == 1)
        #expect(run.standardOutput.split(separator: "\n").last?.hasPrefix("ok: ") == true)
        #expect(run.standardError.contains("cannot write \"/nonexistent-folder/check.xml\""))
    }
}

/// The parts of a JUnit XML document the tests look at, read with Foundation's XML parser (so it must be well formed).
final class JUnitDocument: NSObject, XMLParserDelegate {
    struct TestCase {
        let name: String
        var failed = false
        var skipped = false
    }
    private(set) var cases: [TestCase] = []
    private(set) var suiteAttributes: [String: String] = [:]
    private(set) var failureText = ""
    private var inFailure = false

    init(_ data: Data) throws {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        guard parser.parse() else {
            throw parser.parserError ?? CocoaError(.coderReadCorrupt)
        }
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch element {
        case "testsuite": suiteAttributes = attributes
        case "testcase": cases.append(TestCase(name: attributes["name"] ?? ""))
        case "failure":
            cases[cases.count - 1].failed = true
            inFailure = true
        case "skipped": cases[cases.count - 1].skipped = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        if element == "failure" { inFailure = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inFailure { failureText += string }
    }
}
