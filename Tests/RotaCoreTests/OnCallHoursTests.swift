import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// On-call hours by kind: against a minute-by-minute count made with Foundation's calendar (a different path from
/// the instants the report uses), across daylight-saving changes; the kinds partition the timeline; pay is exact.
@Suite("On-call hours")
struct OnCallHoursTests {
    /// A scenario of three engineers in zones with daylight saving, over March–May 2027 (London changes on
    /// 28 March, New York on 14 March, Sydney on 4 April); ana observes Good Friday (festivals.csv counts it as a
    /// name of Easter, so Easter Monday with it).
    static func scenario(workingHours: WorkingHours? = nil) throws -> Scenario {
        let yaml = """
            name: hours
            period: {start: 2027-03-01, weeks: 10, handoff: {weekday: monday, time: "10:00", time_zone: Europe/London}}
            engineers:
              - {id: ana, region: GB-ENG, observes: [Good Friday]}
              - {id: ben, region: US-NY}
              - {id: cho, region: AU-NSW, working_hours: {start: "08:30", end: "17:00"}}
            pipelines:
              - {id: p}
            """
        var scenario = try ScenarioReader.parse(yaml: yaml, file: "hours.yaml")
        scenario.workingHours = workingHours
        return scenario
    }

    /// Minute by minute, with Foundation's Calendar in the engineer's zone: each minute's local date and time decide
    /// its kind by the rules as documented (festival, weekend, counted holiday, then working hours).
    static func bruteForce(_ span: TimeSpan, engineer: Engineer, scenario: Scenario) -> [HourKind: Int] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: engineer.timeZone)!
        let personal = scenario.personalCalendar(engineer)
        let hours = scenario.workingHours(of: engineer)
        var result: [HourKind: Int] = [:]
        var minute = span.start.secondsSince1970
        while minute < span.end.secondsSince1970 {
            let parts = calendar.dateComponents(
                [.year, .month, .day, .hour, .minute], from: Date(timeIntervalSince1970: TimeInterval(minute)))
            let date = CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
            let wall = parts.hour! * 3600 + parts.minute! * 60
            let onDay = personal.holidays(during: DateRange(first: date, last: date)!)
            let kind: HourKind
            if onDay.contains(where: { personal.observedFestival($0) != nil }) {
                kind = .festival
            } else if personal.region!.weekend.contains(
                calendar.component(
                    .weekday,
                    from: Date(
                        timeIntervalSince1970: TimeInterval(minute))) == 1
                    ? 7
                    : calendar.component(
                        .weekday,
                        from: Date(
                            timeIntervalSince1970: TimeInterval(minute))) - 1)
            {
                kind = .weekend
            } else if onDay.contains(where: { scenario.rules.holidayCategories.contains($0.category) }) {
                kind = .publicHoliday
            } else {
                kind = hours.start <= wall && wall < hours.end ? .working : .outOfHours
            }
            result[kind, default: 0] += 60
            minute += 60
        }
        return result
    }

    static func nonZero(_ kinds: [HourKind: Int]) -> [HourKind: Int] { kinds.filter { $0.value > 0 } }

    @Test func randomSpansAcrossClockChangesMatchAMinuteByMinuteCount() throws {
        let scenario = try Self.scenario()
        var random = SeededRandom(seed: 5)
        let first = Instant(wall: CalendarDate(iso: "2027-03-01")!, seconds: 0, in: TimeZone(identifier: "UTC")!)
        for _ in 0..<60 {
            let engineer = scenario.engineers[Int(random.next() % 3)]
            // Anywhere in the eight weeks, minute-aligned, up to four days long.
            let start = first.adding(seconds: Int(random.next() % UInt64(54 * 1440)) * 60)
            let span = TimeSpan(start: start, end: start.adding(seconds: (1 + Int(random.next() % 5760)) * 60))!
            let days = OnCallHours.DayKinds(engineer: engineer, scenario: scenario)
            let counted = OnCallHours.split(span, engineer: engineer, scenario: scenario, days: days)
            #expect(
                Self.nonZero(counted) == Self.bruteForce(span, engineer: engineer, scenario: scenario),
                "\(engineer.id) \(span)")
        }
    }

    @Test func aDayTheClockSkipsHas23HoursAndOneItRepeatsHas25() throws {
        let scenario = try Self.scenario()
        let ana = scenario.engineers[0]
        let london = TimeZone(identifier: "Europe/London")!
        let days = OnCallHours.DayKinds(engineer: ana, scenario: scenario)
        // Sunday 28 March 2027, London: clocks go forward at 01:00.
        let spring = TimeSpan.day(CalendarDate(iso: "2027-03-28")!, in: london)
        #expect(OnCallHours.split(spring, engineer: ana, scenario: scenario, days: days) == [.weekend: 23 * 3600])
        // Ben in New York: Sunday 14 March 2027 is 23 hours long there.
        let ben = scenario.engineers[1]
        let newYork = TimeZone(identifier: "America/New_York")!
        let benDays = OnCallHours.DayKinds(engineer: ben, scenario: scenario)
        let skipped = TimeSpan.day(CalendarDate(iso: "2027-03-14")!, in: newYork)
        #expect(OnCallHours.split(skipped, engineer: ben, scenario: scenario, days: benDays) == [.weekend: 23 * 3600])
        // Cho in Sydney: Sunday 4 April 2027, clocks go back: 25 hours.
        let cho = scenario.engineers[2]
        let sydney = TimeZone(identifier: "Australia/Sydney")!
        let choDays = OnCallHours.DayKinds(engineer: cho, scenario: scenario)
        let repeated = TimeSpan.day(CalendarDate(iso: "2027-04-04")!, in: sydney)
        #expect(OnCallHours.split(repeated, engineer: cho, scenario: scenario, days: choDays) == [.weekend: 25 * 3600])
    }

    @Test func aWeekdaySplitsAtTheWorkingHoursAndAnObservedFestivalWinsOverTheHoliday() throws {
        let scenario = try Self.scenario(workingHours: WorkingHours(start: 10 * 3600, end: 16 * 3600))
        let ana = scenario.engineers[0]
        let london = TimeZone(identifier: "Europe/London")!
        let days = OnCallHours.DayKinds(engineer: ana, scenario: scenario)
        let tuesday = TimeSpan.day(CalendarDate(iso: "2027-03-09")!, in: london)
        #expect(
            OnCallHours.split(tuesday, engineer: ana, scenario: scenario, days: days)
                == [.working: 6 * 3600, .outOfHours: 18 * 3600])
        // Good Friday (26 March 2027) is a bank holiday in England, and ana observes it: a festival day.
        let friday = TimeSpan.day(CalendarDate(iso: "2027-03-26")!, in: london)
        #expect(OnCallHours.split(friday, engineer: ana, scenario: scenario, days: days) == [.festival: 24 * 3600])
        // The early May bank holiday is one she does not observe as a festival.
        let monday = TimeSpan.day(CalendarDate(iso: "2027-05-03")!, in: london)
        #expect(OnCallHours.split(monday, engineer: ana, scenario: scenario, days: days) == [.publicHoliday: 24 * 3600])
        // Cho's own hours override the team's: 08:30–17:00 in Sydney.
        let cho = scenario.engineers[2]
        let sydney = TimeZone(identifier: "Australia/Sydney")!
        let choDays = OnCallHours.DayKinds(engineer: cho, scenario: scenario)
        let choTuesday = TimeSpan.day(CalendarDate(iso: "2027-03-09")!, in: sydney)
        #expect(
            OnCallHours.split(choTuesday, engineer: cho, scenario: scenario, days: choDays)
                == [.working: 8 * 3600 + 1800, .outOfHours: 15 * 3600 + 1800])
    }

    @Test func theKindsPartitionEveryHoldersTimeOnTheTimeline() throws {
        for name in TestScenarios.seedNames {
            let plan = try Planner().plan(try TestScenarios.seed(name))
            let intervals = CoverageTimeline.intervals(plan.schedule, scenario: plan.scenario)
            for row in plan.hours.rows {
                let held = intervals.filter {
                    $0.rotation == row.rotation && $0.engineer == row.engineer && $0.role == row.role
                }.map(\.span.seconds).reduce(0, +)
                #expect(row.totalSeconds == held, "\(name) \(row.rotation) \(row.engineer) \(row.role)")
            }
            // Every duty second is someone's: the rows add up to the whole timeline.
            #expect(
                plan.hours.rows.map(\.totalSeconds).reduce(0, +) == intervals.map(\.span.seconds).reduce(0, +),
                "\(name)")
        }
    }

    @Test func payIsSummedExactlyAndRoundedOnceHalvesUp() {
        let rates = PayRates(
            currency: "MYR",
            rates: [
                .weekend: .init(amount: 15_000, unit: .perDay), .outOfHours: .init(amount: 1_000, unit: .perHour),
                .working: .init(amount: 1, unit: .perHour),
            ], backupShare: 500)
        // 24 h of weekend: 150.00; half of it as backup: 75.00.
        var sum = PayRates.Sum()
        sum.add(seconds: 86_400, kind: .weekend, role: .primary, rates: rates)
        #expect(sum.minorUnits == 15_000)
        var backup = PayRates.Sum()
        backup.add(seconds: 86_400, kind: .weekend, role: .backup, rates: rates)
        #expect(backup.minorUnits == 7_500)
        // Random pieces: the sum equals the exact rational total, rounded half up, computed here over a common
        // denominator (86,400,000 per minor unit).
        var random = SeededRandom(seed: 9)
        for _ in 0..<200 {
            var row = PayRates.Sum()
            var numerator = 0
            for _ in 0..<(1 + Int(random.next() % 6)) {
                let seconds = Int(random.next() % 200_000)
                let kind = [HourKind.weekend, .outOfHours, .working, .festival][Int(random.next() % 4)]
                let role = random.next() % 2 == 0 ? DutyRole.primary : .backup
                row.add(seconds: seconds, kind: kind, role: role, rates: rates)
                guard let rate = rates.rates[kind] else { continue }
                let share = role == .primary ? 1000 : 500
                numerator += seconds * rate.amount * share * (rate.unit == .perHour ? 24 : 1)
            }
            let denominator = 86_400_000
            let expected = numerator / denominator + (2 * (numerator % denominator) >= denominator ? 1 : 0)
            #expect(row.minorUnits == expected)
        }
        #expect(rates.text(123_450) == "1234.50" && rates.text(5) == "0.05")
        #expect(PayRates(currency: "JPY", rates: [:]).text(1500) == "1500")
    }

    @Test func payAndWorkingHoursAreReadExactlyAndBadValuesAreLocated() throws {
        let base = """
            name: paid
            period: {start: 2027-03-01, weeks: 2}
            engineers:
              - {id: ana, region: GB-ENG}
              - {id: ben, region: GB-ENG, working_hours: {start: "07:00", end: "24:00"}}
            pipelines:
              - {id: p}
            working_hours: {start: "08:00", end: "17:30"}
            """
        let scenario = try ScenarioReader.parse(
            yaml: base + "\npay: {currency: GBP, rates: {weekend: {per_day: 120.5}, out_of_hours: {per_hour: 0.07}}, "
                + "backup_share: 0.5}",
            file: "paid.yaml")
        #expect(scenario.workingHours == WorkingHours(start: 8 * 3600, end: 17 * 3600 + 1800))
        #expect(scenario.engineers[1].workingHours == WorkingHours(start: 7 * 3600, end: 86_400))
        #expect(scenario.pay?.rates[.weekend] == .init(amount: 12_050, unit: .perDay))
        #expect(scenario.pay?.rates[.outOfHours] == .init(amount: 7, unit: .perHour))
        #expect(scenario.pay?.backupShare == 500)
        for (pay, fragment) in [
            ("{currency: gbp, rates: {}}", "expected an ISO 4217 currency code"),
            ("{currency: GBP, rates: {weekend: {per_day: 1.005}}}", "expected an amount with at most 2 decimals"),
            ("{currency: JPY, rates: {weekend: {per_day: 1.5}}}", "expected a whole amount"),
            ("{currency: GBP, rates: {weekends: {per_day: 1}}}", "pay.rates.weekends: unknown field"),
            (
                "{currency: GBP, rates: {weekend: {per_day: 1, per_hour: 2}}}",
                "expected one amount, per_hour or per_day"
            ),
        ] {
            #expect(throws: ScenarioError.self) {
                try ScenarioReader.parse(yaml: base + "\npay: \(pay)", file: "paid.yaml")
            }
            do { _ = try ScenarioReader.parse(yaml: base + "\npay: \(pay)", file: "paid.yaml") } catch {
                #expect(error.description.contains(fragment), "\(error)")
            }
        }
        let badHours = base.replacingOccurrences(of: "end: \"17:30\"", with: "end: \"07:30\"")
        do {
            _ = try ScenarioReader.parse(yaml: badHours, file: "paid.yaml")
            Issue.record("an end before the start was accepted")
        } catch {
            #expect(error.description.contains("working_hours: expected a start before the end"), "\(error)")
        }
    }
}
