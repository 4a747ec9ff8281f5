import PropertyBased
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// The rules over consecutive shifts reach back into the history's shifts just before the period: the backup of the
/// last history shift becomes the first primary, and gaps and runs count the duty done there.
@Suite("History before the first shift")
struct HistoryLeadTests {
    /// Four engineers in GB-ENG over `weeks` weeks from 2027-01-04, with `history` as the shifts before it.
    static func scenario(weeks: Int = 4, rules: Rules, history: [DutyHistory.Shift]) -> Scenario {
        let period = PlanningPeriod(start: CalendarDate(iso: "2027-01-04")!, shiftCount: weeks)
        let team = ["ana", "ben", "cai", "dee"].map { Engineer(id: $0, name: $0, region: "GB-ENG") }
        return Scenario(
            name: "lead", title: "Lead", period: period, engineers: team,
            pipelines: [Pipeline(id: "p", name: "P", area: "Profit", investorFacing: false, onCall: true, weight: 1)],
            rules: rules, calendar: TestScenarios.calendar(["GB-ENG"], period),
            history: DutyHistory(shifts: history, files: ["q4.csv"]))
    }

    /// A history shift of the week starting `monday`.
    static func shift(_ monday: String, _ primary: String, _ backup: String, line: Int) -> DutyHistory.Shift {
        let first = CalendarDate(iso: monday)!
        return DutyHistory.Shift(
            dates: DateRange(first: first, last: first.adding(days: 6))!, primary: primary, backup: backup,
            source: "q4.csv:\(line)")
    }

    static let lastTwoWeeks = [
        shift("2026-12-21", "cai", "dee", line: 2), shift("2026-12-28", "ana", "cai", line: 3),
    ]

    @Test func theLeadIsTheHistoryRunningUpToTheFirstShift() {
        let scenario = Self.scenario(rules: Rules(), history: Self.lastTwoWeeks)
        let lead = scenario.historyLeads[0]
        #expect(lead.shifts.map(\.source) == ["q4.csv:2", "q4.csv:3"])
        #expect(lead.holds("cai", DutyRole.allCases, at: -1) && lead.holds("cai", DutyRole.allCases, at: -2))
        #expect(!lead.holds("ana", [.backup], at: -1) && lead.holds("ana", [.primary], at: -1))
        #expect(lead.count("cai", DutyRole.allCases, inLast: 2) == 2 && lead.count("dee", [.backup], inLast: 1) == 0)
        #expect(lead.lastBackup == "cai")
        // A day between the history and the period breaks the lead; so do two rows ending on the same day.
        let early = Self.scenario(rules: Rules(), history: [Self.shift("2026-12-21", "ana", "ben", line: 2)])
        #expect(early.historyLeads[0].count == 0)
        let doubled = Self.scenario(
            rules: Rules(), history: Self.lastTwoWeeks + [Self.shift("2026-12-28", "ben", "dee", line: 4)])
        #expect(doubled.historyLeads[0].count == 0)
    }

    @Test func theLastHistoryBackupIsTheFirstPrimary() throws {
        let scenario = Self.scenario(
            rules: Rules(minGapWeeks: 0, backupBecomesPrimary: true), history: Self.lastTwoWeeks)
        let plan = try Planner().plan(scenario)
        #expect(plan.schedule.shifts[0].primary == "cai")
        let checker = RuleChecker(scenario: scenario)
        #expect(checker.check(plan.schedule).isEmpty)
        // A schedule that starts with someone else breaks the chain at the boundary, and says so.
        var weeks = plan.schedule.shifts
        let first = weeks[0]
        weeks[0] = RotationShift(
            number: 1, dates: first.dates, primary: first.backup == "dee" ? "ben" : "dee", backup: first.backup)
        let findings = checker.checkRotation(weeks).filter { $0.rule == .backupBecomesPrimary && $0.week == 1 }
        #expect(findings.contains { $0.message.contains("q4.csv:3") && $0.message.contains("has backup cai") })
    }

    @Test func gapsAndRunsCountTheHistorysDuty() throws {
        // cai was on duty in both history weeks, ana was primary in the last.
        let gap = Self.scenario(rules: Rules(minGapWeeks: 1), history: Self.lastTwoWeeks)
        #expect(try Planner().plan(gap).schedule.shifts[0].primary != "ana")
        let dutyGap = Self.scenario(rules: Rules(minGapWeeks: 0, minDutyGapWeeks: 1), history: Self.lastTwoWeeks)
        let first = try Planner().plan(dutyGap).schedule.shifts[0]
        #expect(![first.primary, first.backup].contains("ana") && ![first.primary, first.backup].contains("cai"))
        let run = Self.scenario(rules: Rules(minGapWeeks: 0, maxConsecutiveDutyWeeks: 2), history: Self.lastTwoWeeks)
        let start = try Planner().plan(run).schedule.shifts[0]
        #expect(start.primary != "cai" && start.backup != "cai")
        // The greedy start keeps them as well.
        for scenario in [gap, dutyGap, run] {
            let start = try #require(StartingSchedule.build(scenario, TeamAvailability(scenario: scenario)))
            #expect(RuleChecker(scenario: scenario).check(start).isEmpty)
        }
        // The checker finds each of these at the boundary, naming the history's shift.
        let dates = gap.shifts[0].dates
        let weeks = [RotationShift(number: 1, dates: dates, primary: "ana", backup: "cai")]
        let findings = RuleChecker(scenario: gap).checkRotation(weeks).filter { $0.rule == .minGapWeeks }
        #expect(findings.count == 1 && findings[0].message.contains("the history's shift 2026-12-28..2027-01-03"))
        let runFindings = RuleChecker(scenario: run).checkRotation(weeks).filter { $0.rule == .maxConsecutiveDutyWeeks }
        #expect(
            runFindings.map(\.message) == [
                "cai is on duty in the history's last 2 shifts and week 1, 3 in a row; max_consecutive_duty_weeks is 2"
            ])
    }

    /// Every schedule of the rotation, by brute force: (primary, backup) for each shift.
    static func everySchedule(_ scenario: Scenario) -> [[RotationShift]] {
        let ids = scenario.engineers.map(\.id)
        let pairs = ids.flatMap { p in ids.filter { $0 != p }.map { (p, $0) } }
        var schedules: [[RotationShift]] = [[]]
        for shift in scenario.shifts {
            schedules = schedules.flatMap { prefix in
                pairs.map {
                    prefix + [RotationShift(number: shift.number, dates: shift.dates, primary: $0.0, backup: $0.1)]
                }
            }
        }
        return schedules
    }

    /// With random history leads and rules, the planner finds a schedule exactly when brute force finds one the
    /// independent checker accepts; what it finds is accepted.
    @Test func thePlannerAndTheCheckerAgreeOnTheBoundary() async {
        await propertyCheck(
            count: 30, input: Gen.int(in: 2...3), Gen.int(in: 1...3), Gen.int(in: 0...2), Gen.int(in: 0...1_000_000)
        ) { weeks, leadLength, ruleSet, seed in
            var random = SeededRandom(seed: UInt64(seed))
            let ids = ["ana", "ben", "cai", "dee"]
            var history: [DutyHistory.Shift] = []
            for k in 0..<leadLength {
                let p = Int(random.next() % 4)
                let b = (p + 1 + Int(random.next() % 3)) % 4
                let monday = CalendarDate(iso: "2027-01-04")!.adding(days: -7 * (leadLength - k))
                history.append(Self.shift(monday.description, ids[p], ids[b], line: k + 2))
            }
            var rules = Rules(minGapWeeks: Int(random.next() % 3))
            switch ruleSet {
            case 0: rules.minDutyGapWeeks = 1 + Int(random.next() % 2)
            case 1: rules.maxConsecutiveDutyWeeks = 1 + Int(random.next() % 2)
            default: rules.backupBecomesPrimary = true
            }
            var scenario = Self.scenario(weeks: weeks, rules: rules, history: history)
            // Leave for one engineer in one week, sometimes: the boundary rules then may not be met.
            if random.next() % 2 == 0 {
                let who = Int(random.next() % 4)
                scenario.engineers[who].leave = [scenario.shifts[Int(random.next() % UInt64(weeks))].dates]
            }
            let checker = RuleChecker(scenario: scenario)
            let label = "seed \(seed) weeks \(weeks) lead \(leadLength) rules \(ruleSet)"
            let valid = Self.everySchedule(scenario).filter { checker.hard(checker.checkRotation($0)).isEmpty }
            // The greedy start (offered to GLPK) keeps the boundary rules too.
            if let start = StartingSchedule.build(scenario, TeamAvailability(scenario: scenario)) {
                #expect(checker.hard(checker.checkRotation(start.shifts)).isEmpty, "\(label): the start")
            }
            do {
                let plan = try Planner(options: PlanOptions(timeLimit: 30)).plan(scenario)
                #expect(checker.check(plan.schedule).isEmpty, "\(label): \(checker.check(plan.schedule))")
                #expect(!valid.isEmpty, "\(label)")
            } catch PlanningError.noSchedule {
                #expect(valid.isEmpty, "\(label): brute force found \(valid.first ?? [])")
            } catch {
                Issue.record("\(label): \(error)")
            }
        }
    }
}
