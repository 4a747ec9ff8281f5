import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// Leave for part of a day: written as times, or read from calendar exports through the leave filter.
@Suite("Part-day leave")
struct PartDayLeaveTests {
    static let workday = CalendarFileTests.fixtures.appendingPathComponent("google-workday.ics").path

    static func scenario(_ leave: String, weeks: Int = 8, handoff: String = "") throws -> Scenario {
        try ScenarioReader.parse(
            yaml: """
                name: part-day
                period: {start: 2027-01-04, weeks: \(weeks)\(handoff)}
                engineers:
                  - {id: ana, region: GB-ENG, leave: [\(leave)]}
                  - {id: ben, region: GB-ENG}
                  - {id: cai, region: GB-ENG}
                pipelines:
                  - {id: revenue, name: Revenue, investor_facing: true}
                """, file: "part-day.yaml")
    }

    @Test func aWorkCalendarCountsOnlyItsDaysOffAndLongAbsences() throws {
        let scenario = try Self.scenario("{ics: \(Self.workday)}")
        let ana = scenario.engineers[0]
        // The all-day vacation counts although Google marks it free; the six-hour doctor's visit counts as hours.
        #expect(ana.leave.map(\.description) == ["2027-02-15..2027-02-19"])
        #expect(ana.timedLeave.map(\.description) == ["2027-02-03T13:00:00Z..2027-02-03T19:00:00Z"])
        #expect(ana.timedLeave[0].note.hasPrefix("Doctor and recovery (") == true)
        // Stand-ups (repeating, 40 weekdays in 8 weeks), the 1:1 and the dentist (short), focus time (free).
        let notice = try #require(scenario.notices.first { $0.contains("not counted as ana's leave") })
        #expect(
            notice.hasSuffix(
                "43 events not counted as ana's leave: 1 marked free, 40 repeating meetings, 2 shorter than 4 h (set "
                    + "match, min_hours, recurring: true or free: true on the ics entry to count them)"))
        // Available: every week but the doctor's (week 5) and the vacation (week 7).
        let availability = TeamAvailability(scenario: scenario)
        #expect(availability.availableShifts(0) == 6)
        #expect(availability.shifts[0].enumerated().filter(\.element.onLeave).map(\.offset) == [4, 6])
    }

    @Test func theFilterIsTheUsersToSet() throws {
        let matched = try Self.scenario("{ics: \(Self.workday), match: \"doctor|dentist\", min_hours: 1}")
        #expect(matched.engineers[0].leave.isEmpty)
        #expect(matched.engineers[0].timedLeave.count == 2)
        let notice = try #require(matched.notices.first { $0.contains("not counted") })
        #expect(notice.contains("not matching \"doctor|dentist\""))
        let everything = try Self.scenario(
            "{ics: \(Self.workday), min_hours: 0, recurring: true, free: true}")
        // 40 stand-ups, the 1:1, the dentist, focus time and the doctor: every timed event is leave now.
        #expect(everything.engineers[0].timedLeave.count == 44)
        #expect(!everything.notices.contains { $0.contains("not counted") })
        #expect(TeamAvailability(scenario: everything).availableShifts(0) == 0)
    }

    @Test func partDayLeaveBlocksTheShiftsWhoseHoursItTouches() throws {
        // Handoff Mondays 09:00 London: leave 08:00–10:00 on Monday 18 January touches weeks 2 and 3.
        let handoff = ", handoff: {time: \"09:00\", time_zone: Europe/London}"
        let early = try Self.scenario("\"2027-01-18T08:00..2027-01-18T10:00\"", handoff: handoff)
        #expect(early.engineers[0].timedLeave.map(\.description) == ["2027-01-18T08:00:00Z..2027-01-18T10:00:00Z"])
        #expect(
            TeamAvailability(scenario: early).shifts[0].enumerated().filter(\.element.onLeave).map(\.offset) == [1, 2])
        // Without a handoff time shifts change at midnight: only week 3.
        let midnight = try Self.scenario("\"2027-01-18T08:00..2027-01-18T10:00\"")
        #expect(
            TeamAvailability(scenario: midnight).shifts[0].enumerated().filter(\.element.onLeave).map(\.offset) == [2])
        // An offset is taken as written; the planner keeps ana off, the checker finds her when she is put there.
        let offset = try Self.scenario("\"2027-01-18T13:00+05:00..2027-01-18T17:00+05:00\"")
        #expect(offset.engineers[0].timedLeave.map(\.description) == ["2027-01-18T08:00:00Z..2027-01-18T12:00:00Z"])
        let plan = try Planner().plan(offset)
        #expect(plan.schedule.shifts[2].primary != "ana" && plan.schedule.shifts[2].backup != "ana")
        var weeks = plan.schedule.shifts
        let holder = weeks[2]
        weeks[2] = RotationShift(
            number: 3, dates: holder.dates, primary: "ana", backup: holder.primary == "ben" ? "cai" : "ben")
        let checker = RuleChecker(scenario: offset)
        let findings = checker.checkRotation(weeks).filter { $0.rule == .leave }
        #expect(
            findings.map(\.message) == [
                "week 3 (2027-01-18..2027-01-24): ana is primary but on leave 2027-01-18T08:00:00Z..2027-01-18T12:00:00Z"
            ])
        // Covered for those hours, she may hold the week.
        let cover = Cover(
            rotation: "", role: .primary, engineer: weeks[1].primary == "ana" ? "cai" : weeks[1].primary,
            span: TimeSpan(
                start: try Instant.parse("2027-01-18T08:00Z").get(), end: try Instant.parse("2027-01-18T12:00Z").get())!,
            reason: "")
        #expect(checker.checkRotation(weeks, covers: [cover]).filter { $0.rule == .leave }.isEmpty)
    }

    @Test func leaveOutsideThePeriodOrMostOfItIsNamed() throws {
        let typo = try Self.scenario("\"2026-02-01..2026-02-05\"")
        #expect(
            typo.notices.contains {
                $0.contains("engineers[0].leave[0]: leave 2026-02-01..2026-02-05 lies wholly outside")
                    && $0.contains("a year typo? the period is in 2027")
            })
        let away = try Self.scenario("\"2027-01-04..2027-02-14\"")
        #expect(away.notices.contains { $0.hasPrefix("ana is on leave on 42 of the 56 days shifts cover") })
        let fine = try Self.scenario("\"2027-01-04..2027-01-08\"")
        #expect(fine.notices.isEmpty)
    }

    @Test func aVariantAddsPartDayLeave() throws {
        let folder = try TemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let path = try folder.write(
            "team.yaml",
            """
            name: part-day
            period: {start: 2027-01-04, weeks: 4}
            engineers:
              - {id: ana, region: GB-ENG}
              - {id: ben, region: GB-ENG}
              - {id: cai, region: GB-ENG}
            pipelines: [{id: revenue}]
            variants:
              - name: dentist
                engineers: {ana: {add_leave: ["2027-01-19T13:00..2027-01-19T17:00"]}}
            """)
        let (base, variants) = try ScenarioReader.readWithVariants(path: path, library: TestScenarios.library)
        #expect(base.engineers[0].timedLeave.isEmpty)
        #expect(
            variants[0].scenario.engineers[0].timedLeave.map(\.description) == [
                "2027-01-19T13:00:00Z..2027-01-19T17:00:00Z"
            ])
    }
}
