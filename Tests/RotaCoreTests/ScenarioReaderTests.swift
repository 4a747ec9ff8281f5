import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

@Suite("Reading scenarios")
struct ScenarioReaderTests {
    static let valid = """
        name: team-2027q1
        title: Team, Q1 2027
        period: {start: 2027-01-04, weeks: 13}
        engineers:
          - {id: aidil, name: Aidil, region: MY-14, leave: ["2027-03-08..2027-03-12", "2027-02-01"]}
          - {id: choo, region: MY-10}
        pipelines:
          - {id: aggregate-profit, name: Aggregate profit for investors, area: Profit,
             investor_facing: true, on_call: true, weight: 3}
          - {id: experiments}
        rules: {min_gap_weeks: 1}
        """

    @Test func readsEveryFieldAndAppliesDefaults() throws {
        let scenario = try ScenarioReader.parse(yaml: Self.valid, file: "t.yaml")
        #expect(scenario.name == "team-2027q1")
        #expect(scenario.title == "Team, Q1 2027")
        #expect(scenario.period == PlanningPeriod(start: CalendarDate(iso: "2027-01-04")!, shiftCount: 13))
        #expect(scenario.engineers[0].leave.map(\.description) == ["2027-03-08..2027-03-12", "2027-02-01"])
        #expect(scenario.engineers[1].name == "choo")
        let defaults = scenario.pipelines[1]
        #expect(
            defaults.name == "experiments" && defaults.area == "General" && !defaults.investorFacing && defaults.onCall)
        #expect(defaults.weight == 1)
        #expect(scenario.rules == Rules(minGapWeeks: 1, priorities: PlanningGoal.allCases.map(Priority.goal)))
    }

    @Test func everySeedScenarioReads() throws {
        for name in TestScenarios.seedNames {
            let scenario = try TestScenarios.seed(name)
            #expect(scenario.name == name)
            #expect(scenario.engineers.count == 4)
            #expect(scenario.pipelines.count == 5)
            #expect(scenario.investorFacingPipelines.count == 3)
        }
    }

    struct BadCase: CustomTestStringConvertible, Sendable {
        let label: String
        let yaml: String
        let line: Int?
        let fragments: [String]
        var testDescription: String { label }
    }

    static func replacing(_ old: String, _ new: String) -> String {
        precondition(valid.contains(old), "test setup: \(old) not in the valid scenario")
        return valid.replacingOccurrences(of: old, with: new)
    }

    static let badCases: [BadCase] = [
        BadCase(label: "empty file", yaml: "", line: 1, fragments: ["the file is empty"]),
        BadCase(
            label: "not a mapping", yaml: "- a\n- b\n", line: 1,
            fragments: ["expected a mapping of fields", "found a list"]),
        BadCase(
            label: "tab indentation", yaml: replacing("  - {id: choo", "\t- {id: choo"), line: 6,
            fragments: ["not valid YAML"]),
        BadCase(
            label: "unclosed flow mapping", yaml: replacing("weeks: 13}", "weeks: 13"), line: 4,
            fragments: ["not valid YAML"]),
        BadCase(
            label: "duplicate key", yaml: replacing("title: Team, Q1 2027", "title: A\ntitle: B"), line: nil,
            fragments: ["a key appears twice", "title"]),
        BadCase(
            label: "unknown top-level field with a typo", yaml: replacing("rules:", "rule:"), line: 11,
            fragments: ["rule: unknown field", "did you mean \"rules\""]),
        BadCase(
            label: "unknown engineer field", yaml: replacing("region: MY-10}", "regoin: MY-10}"), line: 6,
            fragments: ["engineers[1].regoin: unknown field", "did you mean \"region\""]),
        BadCase(
            label: "missing name", yaml: replacing("name: team-2027q1\n", ""), line: 1,
            fragments: ["name is required", "report folder"]),
        BadCase(
            label: "missing region", yaml: replacing("{id: choo, region: MY-10}", "{id: choo}"), line: 6,
            fragments: ["engineers[1].region is required"]),
        BadCase(
            label: "weeks is text", yaml: replacing("weeks: 13", "weeks: thirteen"), line: 3,
            fragments: ["period.weeks: expected a whole number", "\"thirteen\""]),
        BadCase(
            label: "zero weeks", yaml: replacing("weeks: 13", "weeks: 0"), line: 3,
            fragments: ["period.weeks: expected a whole number from 1 to 260", "found 0"]),
        BadCase(
            label: "impossible date", yaml: replacing("\"2027-02-01\"", "\"2027-02-30\""), line: 5,
            fragments: ["engineers[0].leave[1]", "\"2027-02-30\"", "2027-02 has 28 days"]),
        BadCase(
            label: "inverted range", yaml: replacing("2027-03-08..2027-03-12", "2027-03-12..2027-03-08"), line: 5,
            fragments: ["start is not after its end", "2027-03-08..2027-03-12"]),
        BadCase(
            label: "bad start date", yaml: replacing("start: 2027-01-04", "start: 2027-1-4"), line: 3,
            fragments: ["period.start", "\"2027-1-4\""]),
        BadCase(
            label: "duplicate engineer id", yaml: replacing("{id: choo, region: MY-10}", "{id: aidil, region: MY-10}"),
            line: 6, fragments: ["engineers[1].id: id \"aidil\" is used twice (first on line 5)"]),
        BadCase(
            label: "duplicate pipeline id", yaml: replacing("{id: experiments}", "{id: aggregate-profit}"), line: 10,
            fragments: ["pipelines[1].id: id \"aggregate-profit\" is used twice"]),
        BadCase(
            label: "unknown region", yaml: replacing("region: MY-10}", "region: MY-1O}"), line: 6,
            fragments: ["no holiday calendar for region \"MY-1O\"", "did you mean", "MY-10"]),
        BadCase(
            label: "one engineer", yaml: replacing("  - {id: choo, region: MY-10}\n", ""), line: 5,
            fragments: ["1 listed, but a rotation needs at least 2"]),
        BadCase(
            label: "wrong type for investor_facing",
            yaml: replacing("investor_facing: true", "investor_facing: \"yes\""),
            line: 9, fragments: ["pipelines[0].investor_facing: expected true or false"]),
        BadCase(
            label: "negative weight", yaml: replacing("weight: 3", "weight: -2"), line: 9,
            fragments: ["pipelines[0].weight: expected a number from 0.1 to 100", "-2"]),
        BadCase(
            label: "huge weight", yaml: replacing("weight: 3", "weight: 1e9"), line: 9,
            fragments: ["pipelines[0].weight", "1e9"]),
        BadCase(
            label: "id with a path separator", yaml: replacing("{id: experiments}", "{id: ../experiments}"), line: 10,
            fragments: ["pipelines[1].id", "letters, digits"]),
        BadCase(
            label: "period outside the holiday data", yaml: replacing("start: 2027-01-04", "start: 2030-12-02"),
            line: 3,
            fragments: [
                "period: the holiday calendar of MY-10 covers 2025–2030, not 2030–2031", "generate_calendars.py",
            ]),
        BadCase(
            label: "gap too large", yaml: replacing("min_gap_weeks: 1", "min_gap_weeks: 13"), line: 11,
            fragments: ["rules.min_gap_weeks: expected a whole number from 0 to 12"]),
        BadCase(
            label: "unknown priority",
            yaml: replacing("rules: {min_gap_weeks: 1}", "rules: {priorities: [holiday_burdn]}"),
            line: 11, fragments: ["rules.priorities[0]", "did you mean \"holiday_burden\""]),
        BadCase(
            label: "incomplete priorities",
            yaml: replacing("rules: {min_gap_weeks: 1}", "rules: {priorities: [holiday_burden]}"),
            line: 11, fragments: ["add on_call_balance, ownership_balance"]),
        BadCase(
            label: "no on-call pipeline",
            yaml: replacing("on_call: true, weight: 3}\n  - {id: experiments}", "on_call: false, weight: 3}"),
            line: 8, fragments: ["no pipeline with on_call: true"]),
        BadCase(
            label: "leave is not a list",
            yaml: replacing("leave: [\"2027-03-08..2027-03-12\", \"2027-02-01\"]", "leave: 2027-02-01"),
            line: 5, fragments: ["engineers[0].leave: expected a list"]),
    ]

    @Test(arguments: badCases)
    func badInputIsLocatedAndExplained(_ bad: BadCase) {
        do {
            _ = try ScenarioReader.parse(yaml: bad.yaml, file: "scenarios/t.yaml")
            Issue.record("\(bad.label): expected an error")
        } catch {
            let text = error.description
            #expect(text.hasPrefix("scenarios/t.yaml:" + (bad.line.map { "\($0)" } ?? "")), "\(text)")
            for fragment in bad.fragments { #expect(text.contains(fragment), "\(bad.label): \(text)") }
        }
    }

    @Test func bytesThatAreNotUTF8OrHoldNULAreRefused() {
        #expect(throws: ScenarioError.self) {
            try ScenarioReader.parse(data: Data([0x6E, 0x61, 0xFF, 0xFE]), file: "x.yaml")
        }
        do {
            _ = try ScenarioReader.parse(data: Data("name: a\n\0\n".utf8), file: "x.yaml")
            Issue.record("expected an error")
        } catch { #expect(error.description.contains("x.yaml:2: not valid YAML: the file contains a NUL byte")) }
    }

    @Test func aByteOrderMarkAndCRLFAreAccepted() throws {
        let text = "\u{FEFF}" + Self.valid.replacingOccurrences(of: "\n", with: "\r\n")
        let scenario = try ScenarioReader.parse(data: Data(text.utf8), file: "bom.yaml")
        #expect(scenario.engineers.count == 2)
    }

    @Test func aMissingFileSaysSo() {
        do {
            _ = try ScenarioReader.read(path: "/nonexistent/scenario.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description
                    == "/nonexistent/scenario.yaml: cannot read the scenario: no such file\n  hint: check the path; scenarios are YAML files like scenarios/*.yaml"
            )
        }
    }

    @Test func suggestionsRankByEditDistance() {
        #expect(Suggestions.editDistance("kitten", "sitting") == 3)
        #expect(Suggestions.closest(to: "regoin", in: ["region", "leave", "name"]) == ["region"])
        #expect(Suggestions.closest(to: "zzzzzz", in: ["region", "leave"]).isEmpty)
    }
}

/// The decoder reads the files a scenario names only through its `InputSource`.
@Suite("Files through one seam")
struct InputSourceTests {
    @Test func aScenarioIsReadWithItsCalendarAndHistoryFromMemory() throws {
        let calendar = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//test//EN\r
            BEGIN:VEVENT\r
            UID:a@test\r
            DTSTART;VALUE=DATE:20270111\r
            DTEND;VALUE=DATE:20270113\r
            SUMMARY:Leave\r
            END:VEVENT\r
            END:VCALENDAR\r

            """
        let history = "week,start,end,primary,backup\r\n1,2026-12-28,2027-01-03,ben,cai\r\n"
        let source = InputSource.memory([
            "/nowhere/leave/ana.ics": Data(calendar.utf8), "/nowhere/last/rotation.csv": Data(history.utf8),
        ])
        let scenario = try ScenarioReader.parse(
            yaml: """
                name: in-memory
                period: {start: 2027-01-04, weeks: 4}
                engineers:
                  - {id: ana, region: GB-ENG, leave: [{ics: leave/ana.ics}]}
                  - {id: ben, region: GB-ENG}
                  - {id: cai, region: GB-ENG}
                pipelines: [{id: revenue}]
                history: [last]
                """, file: "/nowhere/team.yaml", library: TestScenarios.library, files: source)
        #expect(scenario.engineers[0].leave.map(\.description) == ["2027-01-11..2027-01-12"])
        #expect(scenario.history.shifts.map(\.primary) == ["ben"])
        #expect(scenario.sources.map(\.kind).contains(.calendarFile))
        // A path the source does not hold is reported as missing, located at the field.
        #expect {
            try ScenarioReader.parse(
                yaml: """
                    name: in-memory
                    period: {start: 2027-01-04, weeks: 4}
                    engineers:
                      - {id: ana, region: GB-ENG, leave: [{ics: leave/other.ics}]}
                      - {id: ben, region: GB-ENG}
                    pipelines: [{id: revenue}]
                    """, file: "/nowhere/team.yaml", library: TestScenarios.library, files: source)
        } throws: { error in
            "\(error)".contains("engineers[0].leave[0].ics") && "\(error)".contains("no such file")
        }
    }
}
