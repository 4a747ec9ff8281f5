import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// Several rotations in one scenario: each with its roster, pipelines, shift length and handoff; rules across them.
@Suite("Several rotations")
struct RotationsTests {
    static func twoRotations(rules: String = "{min_gap_weeks: 1}", engineers: Int = 4, extra: String = "")
        throws(ScenarioError) -> Scenario
    {
        let team = ["ana", "ben", "cai", "dee"].prefix(engineers).map { "  - {id: \($0), region: GB-ENG}" }
            .joined(separator: "\n")
        let yaml = """
            name: two
            period: {start: 2027-02-01, weeks: 6}
            engineers:
            \(team)
            pipelines:
              - {id: revenue, name: Revenue, investor_facing: true}
              - {id: growth, name: Growth, investor_facing: true}
            rotations:
              - {id: main, pipelines: [revenue]}
              - {id: growth, pipelines: [growth], handoff: {weekday: wednesday}\(extra)}
            rules: \(rules)
            """
        return try ScenarioReader.parse(yaml: yaml, file: "two.yaml")
    }

    @Test func rotationsAreReadWithTheirOwnShifts() throws {
        let scenario = try Self.twoRotations(extra: ", shift_days: 14, engineers: [ana, ben, cai]")
        #expect(scenario.rotations.map(\.id) == ["main", "growth"])
        let growth = scenario.rotations[1]
        #expect(growth.period.start == CalendarDate(iso: "2027-02-03"))
        // Six weeks end on 2027-03-14; two-week shifts from a Wednesday: 3 shifts, the last to 2027-03-16.
        #expect(growth.period.shiftCount == 3 && growth.period.dates.last == CalendarDate(iso: "2027-03-16"))
        #expect(growth.roster == ["ana", "ben", "cai"])
        #expect(scenario.shifts.count == 6 + 3)
        let plan = try Planner().plan(scenario)
        #expect(RuleChecker(scenario: scenario).check(plan.schedule).isEmpty)
        #expect(
            plan.schedule.shifts.filter { $0.rotation == "growth" }.allSatisfy {
                $0.primary != "dee" && $0.backup != "dee"
            })
        let csv = RotationCSV().render(plan)
        #expect(csv.hasPrefix("rotation,week,start,end,primary,backup\r\nmain,1,2027-02-01,2027-02-07,"))
        #expect(csv.contains("\r\ngrowth,3,2027-03-03,2027-03-16,"))
    }

    @Test func calendarsCountOnTheDaysALastShiftRunsPastThePeriod() throws {
        // Six weeks end on Sunday 2027-03-14; the Wednesday rotation's last shift runs to Tuesday 2027-03-16.
        let folder = try TemporaryFolder()
        func event(_ day: String, _ summary: String) -> String {
            "BEGIN:VEVENT\r\nUID:\(day)@test\r\nDTSTAMP:20270101T000000Z\r\nDTSTART;VALUE=DATE:\(day)\r\n"
                + "SUMMARY:\(summary)\r\nEND:VEVENT\r\n"
        }
        try folder.write(
            "leave.ics",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + event("20270316", "Dentist")
                + event("20270320", "After every shift") + "END:VCALENDAR\r\n")
        try folder.write(
            "closures.ics",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + event("20270316", "Closure")
                + "END:VCALENDAR\r\n")
        let path = try folder.write(
            "overrun.yaml",
            """
            name: overrun
            period: {start: 2027-02-01, weeks: 6}
            holidays: [{date: 2027-03-15, name: Offsite}]
            calendars: [closures.ics]
            engineers:
              - {id: ana, region: GB-ENG, leave: [{ics: leave.ics}]}
              - {id: ben, region: GB-ENG}
              - {id: cai, region: GB-ENG}
            pipelines:
              - {id: growth, name: Growth, investor_facing: true}
            rotations:
              - {id: growth, pipelines: [growth], handoff: {weekday: wednesday}}
            """)
        let scenario = try ScenarioReader.read(path: path)
        let lastShift = try #require(scenario.shifts.last).dates
        let overrun = try #require(CalendarDate(iso: "2027-03-16"))
        #expect(lastShift == DateRange(first: try #require(CalendarDate(iso: "2027-03-10")), last: overrun))
        let ana = try #require(scenario.engineer("ana"))
        // Company days and .ics leave on the overrun days are read; those after every shift are not.
        #expect(ana.companyDays.map(\.date.description).sorted() == ["2027-03-15", "2027-03-16"])
        #expect(ana.leave == [DateRange(first: overrun, last: overrun)])
        let ben = try #require(scenario.engineer("ben"))
        #expect(scenario.personalCalendar(ben).burden(during: lastShift).weight == 2)
        let plan = try Planner().plan(scenario)
        #expect(RuleChecker(scenario: scenario).check(plan.schedule).isEmpty)
        let last = try #require(plan.schedule.shifts.last)
        #expect(last.primary != "ana" && last.backup != "ana")
    }

    @Test func nobodyIsPrimaryOnTwoRotationsAtOnce() throws {
        // Three engineers, two weekly rotations: without exclusive_primary the planner is free to double up.
        let off = try Self.twoRotations(rules: "{min_gap_weeks: 0, exclusive_primary: false}", engineers: 3)
        let on = try Self.twoRotations(rules: "{min_gap_weeks: 0}", engineers: 3)
        let plan = try Planner().plan(on)
        let checker = RuleChecker(scenario: on)
        #expect(checker.check(plan.schedule).isEmpty)
        let loose = try Planner().plan(off)
        // A schedule with one person primary on both at once is flagged, with both shifts named.
        var doubled = plan.schedule
        let main1 = doubled.shifts[0]
        let index = doubled.shifts.firstIndex { $0.rotation == "growth" && $0.number == 1 }!
        let growth1 = doubled.shifts[index]
        doubled.shifts[index] = RotationShift(
            rotation: "growth", number: 1, dates: growth1.dates, primary: main1.primary,
            backup: growth1.backup == main1.primary ? main1.backup : growth1.backup)
        let findings = checker.check(doubled).filter { $0.rule == .exclusivePrimary }
        #expect(findings.count >= 1)
        #expect(findings.first?.message.contains("is primary in main week 1 and growth week 1 at once") == true)
        #expect(RuleChecker(scenario: off).check(loose.schedule).isEmpty)
        // The rule changes the answer: the loose plan does double up.
        #expect(checker.check(loose.schedule).contains { $0.rule == .exclusivePrimary })
    }

    @Test func rotationMistakesAreLocated() {
        let cases: [(String, String)] = [
            (", engineers: [ana, zed]", "rotations[1].engineers[1]: expected the id of an engineer"),
            (", engineers: [ana]", "at least 2"),
        ]
        for (extra, expected) in cases {
            let result = Result { () throws(ScenarioError) -> Scenario in try Self.twoRotations(extra: extra) }
            guard case .failure(let error) = result else {
                Issue.record("accepted: \(extra)")
                continue
            }
            #expect(error.description.contains(expected), "\(error)")
            #expect(error.location.line == 13, "\(error)")
        }
        let uncovered = """
            name: gap
            period: {start: 2027-02-01, weeks: 4}
            engineers: [{id: ana, region: GB-ENG}, {id: ben, region: GB-ENG}]
            pipelines: [{id: revenue}, {id: growth}]
            rotations: [{id: main, pipelines: [revenue]}]
            """
        let result = Result { () throws(ScenarioError) -> Scenario in
            try ScenarioReader.parse(yaml: uncovered, file: "gap.yaml")
        }
        guard case .failure(let error) = result else {
            Issue.record("an on-call pipeline without a rotation was accepted")
            return
        }
        #expect(error.description.contains("no rotation covering growth"), "\(error)")
    }

    @Test func aScheduleWithoutTheRotationColumnIsCoverageBroken() throws {
        let scenario = try Self.twoRotations()
        let plan = try Planner().plan(scenario)
        // Rows that name no rotation cannot be placed when there are two.
        let flattened = plan.schedule.shifts.map {
            RotationShift(number: $0.number, dates: $0.dates, primary: $0.primary, backup: $0.backup)
        }
        let findings = RuleChecker(scenario: scenario).checkRotation(flattened)
        #expect(findings.contains { $0.rule == .coverage && $0.message.contains("names rotation \"\"") })
        #expect(findings.contains { $0.message.contains("main week 1 (2027-02-01..2027-02-07) has no primary") })
    }
}
