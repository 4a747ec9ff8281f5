import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// `holiday_handover: backup`, seed 002's "during public holidays, backup takes over primary role; if both are
/// unavailable, rotate to next person in list".
@Suite("Holiday handover")
struct HolidayHandoverTests {
    /// ana (England) is pinned primary over Easter Monday 2027-03-29; `backup` names who is pinned backup.
    static func scenario(backup: String, handover: Bool = true) throws -> Scenario {
        let team = [("ana", "GB-ENG"), ("ben", "GB-ENG"), ("cai", "MY-10"), ("dee", "MY-10")].map { id, region in
            let pin =
                id == "ana"
                ? ", pinned: [{dates: 2027-03-29, role: primary}]"
                : id == backup ? ", pinned: [{dates: 2027-03-29, role: backup}]" : ""
            return "  - {id: \(id), region: \(region)\(pin)}"
        }
        return try ScenarioReader.parse(
            yaml: """
                name: handover
                period: {start: 2027-03-22, weeks: 2, handoff: {time: "09:00", time_zone: Europe/London}}
                engineers:
                \(team.joined(separator: "\n"))
                pipelines:
                  - {id: revenue, name: Revenue, investor_facing: true}
                \(handover ? "rules: {holiday_handover: backup}" : "")
                """, file: "handover.yaml")
    }

    static func describe(_ covers: [Cover]) -> [String] {
        covers.map { "\($0.role.rawValue) \($0.engineer) \($0.span)" }
    }

    @Test func theBackupTakesOverAndTheNextFreePersonBacksUp() throws {
        let scenario = try Self.scenario(backup: "cai")
        let plan = try Planner().plan(scenario)
        // Easter Monday in London (BST) within week 2, which starts at the 09:00 handoff.
        #expect(
            Self.describe(plan.schedule.covers) == [
                "primary cai 2027-03-29T08:00:00Z..2027-03-29T23:00:00Z",
                "backup dee 2027-03-29T08:00:00Z..2027-03-29T23:00:00Z",
            ])
        #expect(plan.schedule.covers[0].reason == "ana's public holiday (Easter Monday)")
        let checker = RuleChecker(scenario: scenario)
        #expect(checker.check(plan.schedule).isEmpty)
        // Without the covers the rule is broken, once per missing cover.
        var bare = plan.schedule
        bare.covers = []
        #expect(checker.check(bare).map(\.rule) == [.holidayHandover, .holidayHandover])
        let report = MarkdownReport().render(plan)
        #expect(report.contains("| holiday_handover | backup | hard | 0 |"))
        #expect(report.contains("| primary | cai | ana | 2027-03-29T09:00+01:00 | 2027-03-30T00:00+01:00 |"))
    }

    @Test func whenTheBackupIsOffTooTheNextFreePersonTakesPrimary() throws {
        let plan = try Planner().plan(try Self.scenario(backup: "ben"))
        #expect(Self.describe(plan.schedule.covers) == ["primary cai 2027-03-29T08:00:00Z..2027-03-29T23:00:00Z"])
        #expect(RuleChecker(scenario: plan.scenario).check(plan.schedule).isEmpty)
        // Nobody else on the roster is free: the primary keeps the day.
        let english = try ScenarioReader.parse(
            yaml: """
                name: all-english
                period: {start: 2027-03-22, weeks: 2}
                engineers:
                  - {id: ana, region: GB-ENG, pinned: [{dates: 2027-03-29, role: primary}]}
                  - {id: ben, region: GB-ENG}
                  - {id: eve, region: GB-ENG}
                pipelines:
                  - {id: revenue, name: Revenue, investor_facing: true}
                rules: {holiday_handover: backup}
                """, file: "english.yaml")
        #expect(try Planner().plan(english).schedule.covers.isEmpty)
    }

    @Test func withoutTheRuleNothingIsHandedOverAndABadValueIsNamed() throws {
        #expect(try Planner().plan(try Self.scenario(backup: "cai", handover: false)).schedule.covers.isEmpty)
        #expect {
            try ScenarioReader.parse(
                yaml: """
                    name: x
                    period: {start: 2027-03-22, weeks: 2}
                    engineers: [{id: ana, region: GB-ENG}, {id: ben, region: GB-ENG}]
                    pipelines: [{id: revenue}]
                    rules: {holiday_handover: next}
                    """, file: "x.yaml")
        } throws: { error in
            "\(error)".contains("rules.holiday_handover: expected backup, found \"next\"")
        }
    }
}
