import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// `history:` from the paging tool's own exports.
@Suite("History from a paging tool")
struct PagingHistoryTests {
    static let fixtures = TestScenarios.repositoryRoot.appendingPathComponent("Tests/Fixtures/paging-tools")

    static func scenario(_ history: String, files: [String: Data]) throws -> Scenario {
        try ScenarioReader.parse(
            yaml: """
                name: paged-history
                period: {start: 2027-01-04, weeks: 4}
                engineers:
                  - {id: ana, name: Ana, region: GB-ENG, contacts: {pagerduty: PEYSGVA, goalert: 11111111-2222-4333-8444-555555555555}}
                  - {id: ben, name: Ben, region: GB-ENG, contacts: {pagerduty: PEYSGVF, goalert: 21111111-2222-4333-8444-555555555555}}
                  - {id: cai, name: Cai, region: GB-ENG, contacts: {pagerduty: PAB12CD, goalert: 31111111-2222-4333-8444-555555555555, grafana: cai.g}}
                pipelines: [{id: revenue, name: Revenue, investor_facing: true}]
                rules: {history_weeks: 4}
                history: [\(history)]
                """, file: "/virtual/team.yaml", library: TestScenarios.library, files: .memory(files))
    }

    @Test func pagerDutyAndGoAlertExportsBecomeShiftsByMostHours() throws {
        let files = [
            "/virtual/past/oncalls.json": try Data(
                contentsOf: Self.fixtures.appendingPathComponent("pagerduty-oncalls.json")),
            "/virtual/past/shifts.json": try Data(
                contentsOf: Self.fixtures.appendingPathComponent("goalert-shifts.json")),
        ]
        let scenario = try Self.scenario(
            "{primary: {pagerduty: past/oncalls.json}, backup: {goalert: past/shifts.json}}", files: files)
        let shifts = scenario.history.shifts
        #expect(shifts.map(\.dates.first.description) == ["2026-12-07", "2026-12-14", "2026-12-21", "2026-12-28"])
        // Week of 14 December: Ben held all but Cai's four hours; 28 December: Tim Wright (not in the team) had one
        // day, Ana six.
        #expect(shifts.map(\.primary) == ["ana", "ben", "cai", "ana"])
        #expect(shifts.map(\.backup) == ["ben", "cai", "ana", "ben"])
        #expect(
            scenario.notices.contains {
                $0.hasSuffix(
                    "1 of 7 pagerduty entries are of people not in the team (matched by contacts.pagerduty); they are left out of the history"
                )
            })
        // The history counts in fairness like a rotation.csv's.
        #expect(scenario.history.count("ana", .primary, rotation: scenario.rotations[0], in: scenario) == 2)
        #expect(scenario.sources.filter { $0.kind == .history }.count == 2)
    }

    @Test func aCalendarFeedNamesPeopleByTitle() throws {
        var calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Grafana Labs//Grafana OnCall//EN\r\n"
        for (n, (who, start, end)) in [
            ("Ana", "20261207T000000Z", "20261214T000000Z"), ("cai.g", "20261214T000000Z", "20261221T000000Z"),
            ("ben", "20261221T000000Z", "20261228T000000Z"), ("Somebody Else", "20261228T000000Z", "20270104T000000Z"),
        ].enumerated() {
            calendar +=
                "BEGIN:VEVENT\r\nUID:\(n)@test\r\nDTSTAMP:20261201T000000Z\r\nDTSTART:\(start)\r\nDTEND:\(end)\r\n"
                + "SUMMARY:\(who)\r\nEND:VEVENT\r\n"
        }
        calendar += "END:VCALENDAR\r\n"
        let files = [
            "/virtual/past/oncalls.json": try Data(
                contentsOf: Self.fixtures.appendingPathComponent("pagerduty-oncalls.json")),
            "/virtual/past/backup.ics": Data(calendar.utf8),
        ]
        let scenario = try Self.scenario(
            "{primary: {pagerduty: past/oncalls.json}, backup: {ics: past/backup.ics}}", files: files)
        // The fourth week's backup is nobody of the team: that shift is left out, and said so.
        #expect(scenario.history.shifts.map(\.backup) == ["ana", "cai", "ben"])
        #expect(
            scenario.notices.contains {
                $0.contains("1 of the 4 shifts before the period have no primary or no backup")
            })
        // A bad file is located at its field.
        #expect {
            try Self.scenario(
                "{primary: {pagerduty: past/backup.ics}, backup: {ics: past/backup.ics}}", files: files)
        } throws: { error in
            "\(error)".contains("history[0].primary.pagerduty") && "\(error)".contains("it is not JSON")
        }
        #expect {
            try Self.scenario("{primary: {pagerduty: past/oncalls.json}}", files: files)
        } throws: { error in "\(error)".contains("history[0].backup") }
    }
}
