import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// What `rota plan` writes, `rota check` reads back as the same schedule: for every value the scenario accepts.
@Suite("Plan → check round trip")
struct RoundTripTests {
    /// Characters a spreadsheet, CSV, YAML or Markdown treats specially, and some that Swift groups oddly.
    static let alphabet = Array("=+-@'\"`,;:|#*_[]<> aZé\u{301}日本\u{1F600}&%$!?/\\.")

    static func hostileName(_ random: inout SeededRandom) -> String {
        let length = 1 + Int(random.next() % 10)
        var name = String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
        name = name.trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? "x" : name
    }

    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    @Test func everyAcceptedTeamAndEngineerNameSurvivesTheCSVFiles() throws {
        var random = SeededRandom(seed: 18_010)
        var judged = 0
        for round in 0..<12 {
            let teams = (0..<8).map { _ in Self.hostileName(&random) }
            let fixed = ["@data-platform", "-Finance", "'=quoted", "+1 team", "=SUM(A1)", "\tTabbed"]
            let names = (round == 0 ? fixed + teams.prefix(2) : teams)
            var yaml = """
                name: roundtrip
                title: \(Self.yamlQuoted(Self.hostileName(&random)))
                period: {start: 2027-02-01, weeks: 4}
                engineers:
                  - {id: ana, name: \(Self.yamlQuoted(Self.hostileName(&random))), region: GB-ENG}
                  - {id: ben, name: \(Self.yamlQuoted(Self.hostileName(&random))), region: GB-ENG}
                  - {id: cai, region: GB-ENG}
                pipelines:

                """
            for (index, team) in names.enumerated() {
                yaml += "  - {id: p\(index), name: \(Self.yamlQuoted(team)), area: \(Self.yamlQuoted(team)), "
                yaml += "primary_owner: {team: \(Self.yamlQuoted(team))}}\n"
            }
            let scenario: Scenario
            do {
                scenario = try ScenarioReader.parse(yaml: yaml, file: "roundtrip.yaml", library: TestScenarios.library)
            } catch {
                // Two random names may coincide; that is the scenario's error, not the round trip's.
                continue
            }
            let plan = try Planner().plan(scenario)
            let folder = try TemporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder.url) }
            for (name, contents) in ReportSet.render(plan) { try folder.write(name, contents) }
            let file = try ScheduleReader.read(path: folder.path)
            #expect(file.schedule.ownership == plan.schedule.ownership, "round \(round)")
            #expect(file.schedule.shifts == plan.schedule.shifts, "round \(round)")
            let result = CheckResult(scenario: scenario, file: file, regenerateCommand: "rota plan")
            #expect(result.findings.isEmpty, "round \(round): \(result.findings.map(\.message))")
            judged += 1
        }
        #expect(judged >= 10)
    }

    @Test func theGuardIsUndoneExactly() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<5_000 {
            let cell = Self.hostileName(&random) + (random.next() % 2 == 0 ? "" : "\r")
            let written = FormulaGuard.guarded(cell)
            #expect(FormulaGuard.unguarded(written) == cell, "\(cell.debugDescription)")
            if let first = written.unicodeScalars.first { #expect(!"=+-@\t\r".unicodeScalars.contains(first)) }
        }
    }

    /// Last quarter's report, Wednesday rotation included, is this quarter's history: each rotation's history ends
    /// before its own first shift, not the period's Monday.
    @Test func aReportWithAWednesdayRotationIsNextQuartersHistory() throws {
        let root = TestScenarios.repositoryRoot
        var yaml = try String(
            contentsOf: root.appendingPathComponent("scenarios/xyz-tech-rotations-2027q2.yaml"), encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "start: 2027-04-05", with: "start: 2027-07-05")
        yaml += "\nhistory: [\(root.appendingPathComponent("reports/xyz-tech-rotations-2027q2").path)]\n"
        let scenario = try ScenarioReader.parse(yaml: yaml, file: "q3.yaml", library: TestScenarios.library)
        let wednesday = try #require(scenario.rotations.first { $0.period.start.isoWeekday == 3 })
        let lastOfItsHistory = try #require(
            scenario.history.shifts.filter { $0.rotation == wednesday.id }.map(\.dates.last).max())
        #expect(lastOfItsHistory < wednesday.period.start)
        #expect(lastOfItsHistory >= scenario.period.start)  // the case that was refused
        // A history row that does reach into its own rotation's first shift is still refused.
        let folder = try TemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let history = try String(
            contentsOf: root.appendingPathComponent("reports/xyz-tech-rotations-2027q2/rotation.csv"), encoding: .utf8)
        let shifted = history.replacingOccurrences(of: "2027-06-30,2027-07-06", with: "2027-07-01,2027-07-07")
        #expect(shifted != history)
        let path = try folder.write("rotation.csv", shifted)
        let overlapping = yaml.replacingOccurrences(
            of: root.appendingPathComponent("reports/xyz-tech-rotations-2027q2").path, with: path)
        #expect(throws: ScenarioError.self) {
            _ = try ScenarioReader.parse(yaml: overlapping, file: "q3.yaml", library: TestScenarios.library)
        }
    }
}
