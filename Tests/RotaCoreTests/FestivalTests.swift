import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

@Suite("Festivals, weekends and calendar files in scenarios")
struct FestivalTests {
    /// Four engineers in Selangor from Monday 8 February 2027. Chinese New Year (6–7 February) falls on the
    /// weekend, so only its substitute day, Monday 8 February, weighs; Nuzul Al-Quran (Wednesday 24 February)
    /// weighs in week 3. Choo observes Chinese New Year with weight 3.
    func team(choObserves: Bool) throws -> Scenario {
        let yaml = """
            name: festival
            period: {start: 2027-02-08, weeks: 4}
            engineers:
              - {id: choo, region: MY-10\(choObserves ? ", observes: {Lunar New Year: 3}" : "")}
              - {id: aidil, region: MY-10}
              - {id: thiru, region: MY-10}
              - {id: spencer, region: MY-10}
            pipelines:
              - {id: profit}
            rules: {min_gap_weeks: 0}
            """
        return try ScenarioReader.parse(yaml: yaml, file: "festival.yaml")
    }

    @Test func anObservedFestivalMakesTheOptimalRotationDifferFromRoundRobin() throws {
        let scenario = try team(choObserves: true)
        #expect(scenario.engineers[0].observes.first?.name == "Lunar New Year")  // an alias of Chinese New Year
        let plan = try Planner().plan(scenario)
        let week1 = try #require(plan.schedule.shifts.first)
        // The plan keeps Choo off duty in his festival's week …
        #expect(week1.primary != "choo" && week1.backup != "choo")
        // … where round robin (primary in list order, backup the next) puts him on as primary.
        let ids = scenario.engineers.map(\.id)
        let roundRobin = Schedule(
            shifts: plan.schedule.shifts.enumerated().map { index, week in
                RotationShift(
                    number: week.number, dates: week.dates, primary: ids[index % 4], backup: ids[(index + 1) % 4])
            }, ownership: [])
        #expect(roundRobin.shifts[0].primary == "choo")
        // Holiday burden, by hand: week 1 has one weighing day (the substitute Monday), week 3 one (Nuzul
        // Al-Quran); primary counts 2, backup 1. Plan: 2 + 1 in each week = 6. Round robin: Choo primary in
        // week 1 at weight 3 → 6, backup 1, week 3: 3 → 10.
        let planned = FairnessReport(schedule: plan.schedule, scenario: scenario)
        let naive = FairnessReport(schedule: roundRobin, scenario: scenario)
        #expect(planned.totalHolidayBurden == 6)
        #expect(naive.totalHolidayBurden == 10)
        // Without the festival every engineer is alike and Choo may as well take week 1: the optimum is the same 6.
        let plain = try Planner().plan(try team(choObserves: false))
        #expect(
            FairnessReport(schedule: plain.schedule, scenario: try team(choObserves: false)).totalHolidayBurden == 6)
    }

    @Test func aHolidayOnTheRegionsWeekendWeighsNothing() throws {
        // Friday 1 January 2027, New Year's Day: a working day in Selangor, the weekend in Kedah (Friday–Saturday).
        let friday = CalendarDate(iso: "2027-01-01")!
        let holiday = Holiday(date: friday, region: "MY", name: "New Year's Day")
        let period = PlanningPeriod(start: CalendarDate(iso: "2026-12-28")!, shiftCount: 1)
        let calendar = TestScenarios.calendar(["MY-10", "MY-02"], period)
        for (region, expected) in [("MY-10", 1), ("MY-02", 0)] {
            let personal = PersonalCalendar(
                engineer: Engineer(id: "e", name: "E", region: region), calendar: calendar, rules: Rules())
            #expect(personal.weight(of: friday, holidays: [holiday]) == expected, "\(region)")
        }
    }

    @Test func anObservedFestivalOnTheWeekendWeighsUnlessTheScenarioSaysIgnore() throws {
        // Chinese New Year 2027 is Saturday 6 and Sunday 7 February in Selangor (weekend Saturday–Sunday).
        let counting = try team(choObserves: true)
        let choo = counting.engineers[0]
        let aidil = counting.engineers[1]
        let week = DateRange(first: CalendarDate(iso: "2027-02-01")!, last: CalendarDate(iso: "2027-02-07")!)!
        // Choo observes it with weight 3: both weekend days weigh 3; Aidil does not: a public holiday on the
        // weekend weighs nothing (its substitute, Monday 8 February, is outside this week).
        #expect(counting.personalCalendar(choo).burden(during: week).weight == 6)
        #expect(counting.personalCalendar(aidil).burden(during: week).weight == 0)
        var ignoring = counting
        ignoring.rules.weekendFestivals = .ignore
        #expect(ignoring.personalCalendar(choo).burden(during: week).weight == 0)
        // Read from the scenario, with its name.
        let yaml = """
            name: weekend
            period: {start: 2027-02-01, weeks: 2}
            engineers:
              - {id: choo, region: MY-10, observes: [Chinese New Year]}
              - {id: aidil, region: MY-10}
            pipelines:
              - {id: p}
            rules: {min_gap_weeks: 0, weekend_festivals: ignore}
            """
        #expect(try ScenarioReader.parse(yaml: yaml, file: "w.yaml").rules.weekendFestivals == .ignore)
        #expect(throws: ScenarioError.self) {
            try ScenarioReader.parse(
                yaml: yaml.replacingOccurrences(of: "weekend_festivals: ignore", with: "weekend_festivals: skip"),
                file: "w.yaml")
        }
    }

    @Test func thePlannerKeepsSomeoneOffDutyOverTheirFestivalsWeekend() throws {
        // The seed scenario with Mei Ling observing Chinese New Year: the shift holding 6–7 February is not hers,
        // and the rule checker's burden counts those days for anyone who observes the festival.
        let scenario = try TestScenarios.seed("selangor-festivals-2027q1")
        let plan = try Planner().plan(scenario)
        let week5 = try #require(plan.schedule.shifts.first { $0.dates.contains(CalendarDate(iso: "2027-02-06")!) })
        let meiLing = try #require(scenario.engineer("mei-ling"))
        #expect(meiLing.observes.contains { $0.name == "Chinese New Year" })
        #expect(week5.primary != meiLing.id && week5.backup != meiLing.id)
        #expect(scenario.personalCalendar(meiLing).burden(during: week5.dates).weight >= 4)
    }

    @Test func leaveAndCompanyDaysComeFromCalendarFiles() throws {
        let fixtures = CalendarFileTests.fixtures.path
        let yaml = """
            name: from-ics
            period: {start: 2027-01-04, weeks: 13}
            calendars: [\(fixtures)/company-days.ics]
            engineers:
              - {id: aidil, region: MY-10, leave: [{ics: \(fixtures)/google-leave.ics}, 2027-03-29]}
              - {id: choo, region: SG, leave: [{ics: \(fixtures)/outlook-leave.ics}]}
            pipelines:
              - {id: profit}
            """
        let scenario = try ScenarioReader.parse(yaml: yaml, file: "from-ics.yaml")
        let aidil = scenario.engineers[0]
        #expect(aidil.leave.map(\.description).contains("2027-02-08..2027-02-12"))
        #expect(aidil.leave.map(\.description).contains("2027-03-29"))
        #expect(
            aidil.leaveNotes[
                DateRange(first: CalendarDate(iso: "2027-02-08")!, last: CalendarDate(iso: "2027-02-12")!)!]?
                .contains("Annual leave; Johor") == true)
        // Choo's timed out-of-office is read in Singapore's time zone (the region's).
        #expect(scenario.engineers[1].timeZone == "Asia/Singapore")
        #expect(scenario.engineers[1].leave.map(\.description).contains("2027-02-22..2027-02-26"))
        // The team calendar's days are company days for everyone, and weigh like public holidays.
        #expect(
            scenario.engineers.allSatisfy {
                $0.companyDays.map(\.date.description) == ["2027-02-03", "2027-02-04", "2027-03-01"]
            })
        let personal = scenario.personalCalendar(aidil)
        #expect(personal.burden(during: scenario.period.shift(4)).weight == 2)  // the offsite, 3–4 February
        #expect(personal.burden(during: scenario.period.shift(8)).weight == 1)  // Monday 1 March, family day
        // What the reader saw but did not use is passed on.
        #expect(scenario.notices.contains { $0.contains("VTODO ignored") })
        #expect(scenario.notices.contains { $0.contains("cancelled event") })
    }

    @Test func aTeamCalendarIsReadInEachEngineersTimeZone() throws {
        // Out of office from midnight 22 February to midnight 27 February, Singapore time (an Outlook export):
        // in London that begins at 16:00 on 21 February.
        let yaml = """
            name: zones
            period: {start: 2027-02-15, weeks: 2}
            calendars: [\(CalendarFileTests.fixtures.path)/outlook-leave.ics]
            engineers:
              - {id: choo, region: SG}
              - {id: ed, region: GB-ENG}
            pipelines:
              - {id: profit}
            """
        let scenario = try ScenarioReader.parse(yaml: yaml, file: "zones.yaml")
        let days = scenario.engineers.map { $0.companyDays.map(\.date.description) }
        #expect(days[0] == ["2027-02-22", "2027-02-23", "2027-02-24", "2027-02-25", "2027-02-26"])
        #expect(days[1] == ["2027-02-21", "2027-02-22", "2027-02-23", "2027-02-24", "2027-02-25", "2027-02-26"])
        // The file is read once: its notice (an ignored VTODO) appears once.
        #expect(scenario.notices.filter { $0.contains("VTODO") }.count == 1)
    }

    @Test func anUnknownFestivalOrBrokenCalendarFileIsLocated() throws {
        let bad = """
            name: bad
            period: {start: 2027-01-04, weeks: 4}
            engineers:
              - {id: aidil, region: MY-10, observes: [Deepavalli]}
              - {id: choo, region: MY-10}
            pipelines:
              - {id: profit}
            """
        let error = #expect(throws: ScenarioError.self) { try ScenarioReader.parse(yaml: bad, file: "bad.yaml") }
        #expect(error?.location.line == 4)
        #expect(error?.description.contains("did you mean \"Deepavali\"") == true)
        let broken = bad.replacingOccurrences(
            of: "observes: [Deepavalli]", with: "leave: [{ics: \(CalendarFileTests.fixtures.path)/missing-end.ics}]")
        let icsError = #expect(throws: ScenarioError.self) { try ScenarioReader.parse(yaml: broken, file: "bad.yaml") }
        #expect(icsError?.location.line == 4)
        #expect(icsError?.description.contains("missing-end.ics:7: END:VCALENDAR, but BEGIN:VEVENT on line 3") == true)
    }
}
