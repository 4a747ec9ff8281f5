import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// Replanning against a baseline, history over earlier quarters, and explanations when no schedule fits.
@Suite("Replanning, history and infeasibility")
struct ReplanningTests {
    // MARK: Replanning

    @Test func anUnchangedScenarioReplannedAgainstItsOwnPlanChangesNothing() throws {
        for name in ["xyz-tech-2027q1", "week5-maintenance-2027q1"] {
            let scenario = try TestScenarios.seed(name)
            let plan = try Planner().plan(scenario)
            let baseline = PlanBaseline(schedule: plan.schedule, from: nil, source: "reports/\(name)/")
            let replanned = try Planner().plan(scenario, baseline: baseline)
            #expect(replanned.schedule == plan.schedule, "\(name)")
            #expect(replanned.changes?.changes.isEmpty == true)
            #expect(replanned.levels.first?.kind == .changes && replanned.levels.first?.value == 0)
        }
    }

    @Test func newLeaveChangesOnlyWhatItForcesAndFrozenWeeksStay() throws {
        // Whoever is primary in week 9 now takes leave that week; weeks before week 7 are frozen.
        let replan = try WeekNineLeaveReplan()
        let (plan, week9, changed, replanned) = (replan.plan, replan.week9, replan.changed, replan.replanned)
        #expect(Array(replanned.schedule.shifts.prefix(6)) == Array(plan.schedule.shifts.prefix(6)))
        #expect(replanned.changes?.frozenWeeks == Array(1...6))
        #expect(RuleChecker(scenario: changed).check(replanned.schedule).isEmpty)
        let changes = replanned.changes!.changes
        // The forced change is there, named with the leave that forced it.
        let forced = changes.first { $0.week == 9 && $0.role == "primary" }
        #expect(forced?.before == week9.primary)
        #expect(forced?.forcedBy.first?.hasPrefix("leave: week 9") == true, "\(String(describing: forced))")
        // Least change: no schedule keeping the frozen weeks and the rules changes fewer assignments. Replacing one
        // person in one week can break the gap rule next to it, so a few knock-on changes may follow; the count is
        // the changes level's proved optimum, and the ownership table (not touched by leave) stays.
        #expect(replanned.levels.first?.kind == .changes)
        #expect(replanned.levels.first?.status == .optimal)
        #expect(Double(changes.count) == replanned.levels.first?.value)
        #expect(changes.allSatisfy { $0.pipeline == nil })
        #expect(changes.count <= 4, "\(changes)")
    }

    @Test func aBaselineWithoutTheFrozenWeeksIsRefused() throws {
        let scenario = try TestScenarios.seed("xyz-tech-2027q1")
        let plan = try Planner().plan(scenario)
        let partial = Schedule(shifts: Array(plan.schedule.shifts.dropFirst(2)), ownership: plan.schedule.ownership)
        let baseline = PlanBaseline(schedule: partial, from: scenario.period.shift(4).first, source: "old/")
        let result = Result { () throws(PlanningError) -> Plan in try Planner().plan(scenario, baseline: baseline) }
        guard case .failure(.invalidBaseline(let message)) = result else {
            Issue.record("a baseline missing frozen weeks was accepted")
            return
        }
        #expect(message.contains("old/ has no shift starting 2027-01-04 (week 1)"), "\(message)")
    }

    // MARK: History

    @Test func whoHadChristmasLastYearIsNotPickedAgain() throws {
        // Seed 001's wish. Four engineers in England plan the last 4 weeks of 2027. Without history, the planner
        // gives Christmas week (2027-12-20 – 26, Christmas on Saturday, substitute Monday 27 in the next week) to
        // somebody; history says that person had the Christmas week of 2026 as primary, so now someone else gets it.
        let folder = try TemporaryFolder()
        let yaml = """
            name: christmas
            period: {start: 2027-12-06, weeks: 4}
            engineers:
              - {id: ana, region: GB-ENG}
              - {id: ben, region: GB-ENG}
              - {id: cai, region: GB-ENG}
              - {id: dee, region: GB-ENG}
            pipelines:
              - {id: revenue, name: Revenue}
            """
        let plain = try Planner().plan(
            try ScenarioReader.parse(yaml: yaml, file: folder.url.appendingPathComponent("christmas.yaml").path))
        let christmasWeek = plain.schedule.shifts.first { $0.dates.contains(CalendarDate(iso: "2027-12-28")!) }!
        let had = christmasWeek.primary
        let others = ["ana", "ben", "cai", "dee"].filter { $0 != had }
        // Last year: four weeks around Christmas 2026, `had` primary in the Christmas week; everyone else once.
        let csv = """
            week,start,end,primary,backup
            1,2026-12-07,2026-12-13,\(others[0]),\(others[1])
            2,2026-12-14,2026-12-20,\(others[1]),\(others[2])
            3,2026-12-21,2026-12-27,\(had),\(others[0])
            4,2026-12-28,2027-01-03,\(others[2]),\(had)
            """
        try folder.write("last-year.csv", csv)
        let withHistory = try ScenarioReader.parse(
            yaml: yaml + "\nhistory: [last-year.csv]\n", file: folder.url.appendingPathComponent("christmas.yaml").path)
        #expect(withHistory.history.shifts.count == 4)
        let plan = try Planner().plan(withHistory)
        let again = plan.schedule.shifts.first { $0.dates == christmasWeek.dates }!
        #expect(again.primary != had, "\(had) had Christmas 2026 and gets Christmas 2027 again")
        #expect(RuleChecker(scenario: withHistory).check(plan.schedule).isEmpty)
        // The figures count history and period together.
        let row = plan.fairness.engineers.first { $0.engineer.id == had }!
        #expect(row.historyPrimaryWeeks == 1 && row.historyBackupWeeks == 1 && row.historyHolidayBurden > 0)
        #expect(MarkdownReport().render(plan).contains("History: 4 earlier shifts from `last-year.csv`"))
    }

    @Test func avoidRepeatHolidaysKeepsLastYearsChristmasPeopleOff() throws {
        // Ben was primary and Ana backup over Christmas 2025 (Thursday and Friday). Fairness alone (a min–max of the
        // holiday burden) puts Ana on duty over Christmas 2026 (a Friday) again; avoid_repeat_holidays keeps both off
        // every shift holding a holiday they had duty over.
        let folder = try TemporaryFolder()
        try folder.write("last.csv", "week,start,end,primary,backup\n1,2025-12-22,2025-12-28,ben,ana\n")
        let yaml = """
            name: christmas
            period: {start: 2026-12-07, weeks: 4}
            engineers:
              - {id: ana, region: GB-ENG}
              - {id: ben, region: GB-ENG}
              - {id: cai, region: GB-ENG}
              - {id: dee, region: GB-ENG}
            pipelines:
              - {id: revenue, name: Revenue}
            history: [last.csv]
            """
        let file = folder.url.appendingPathComponent("christmas.yaml").path
        let plain = try ScenarioReader.parse(yaml: yaml, file: file)
        let ruled = try ScenarioReader.parse(yaml: yaml + "\nrules: {avoid_repeat_holidays: true}\n", file: file)
        let checker = RuleChecker(scenario: ruled)
        let before = checker.check(try Planner().plan(plain).schedule).filter { $0.rule == .avoidRepeatHolidays }
        #expect(
            before.map(\.message) == [
                "week 3: ana is backup over Christmas Day again (on duty over it in the history); avoid_repeat_holidays is set"
            ])
        let plan = try Planner().plan(ruled)
        #expect(checker.check(plan.schedule).isEmpty)
        let christmas = plan.schedule.shifts.first { $0.dates.contains(CalendarDate(iso: "2026-12-25")!) }!
        #expect(Set([christmas.primary, christmas.backup]).isDisjoint(with: ["ana", "ben"]))
    }

    @Test func historyThatReachesIntoThePeriodIsRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write("overlap.csv", "week,start,end,primary,backup\n1,2027-01-28,2027-02-03,ana,ben\n")
        let yaml = """
            name: overlap
            period: {start: 2027-02-01, weeks: 4}
            engineers: [{id: ana, region: GB-ENG}, {id: ben, region: GB-ENG}]
            pipelines: [{id: revenue}]
            history: [overlap.csv]
            """
        let result = Result { () throws(ScenarioError) -> Scenario in
            try ScenarioReader.parse(yaml: yaml, file: folder.url.appendingPathComponent("overlap.yaml").path)
        }
        guard case .failure(let error) = result else {
            Issue.record("an overlapping history was accepted")
            return
        }
        #expect(error.description.contains("overlap.csv:2: the shift 2027-01-28..2027-02-03 reaches into the period"))
        #expect(error.location.line == 5)
    }

    // MARK: No schedule fits

    func explanation(_ scenario: Scenario) -> [String] {
        let result = Result { () throws(PlanningError) -> Plan in try Planner().plan(scenario) }
        guard case .failure(.noSchedule(let reasons)) = result else {
            Issue.record("expected no schedule, got \(result)")
            return []
        }
        return reasons
    }

    @Test func threeEngineersCannotKeepADutyGap() throws {
        let scenario = try RulesTests.tiny(rules: "{min_gap_weeks: 0, min_duty_gap_weeks: 1}", engineers: 3)
        let reasons = explanation(scenario)
        // Every week takes two of the three, so each pair of weeks breaks a window of someone: 5 pairs in 6 weeks.
        #expect(reasons.first?.contains("the fewest rule instances to give up is 5 (proved") == true, "\(reasons)")
        #expect(reasons.dropFirst().first?.contains("i.e. lower min_duty_gap_weeks to 0") == true, "\(reasons)")
    }

    @Test func leaveAndAGapRuleNameBothWaysOut() throws {
        // cai is away weeks 2–4; ana and ben alone cannot take three primary weeks in a row with min_gap_weeks: 2.
        let scenario = try RulesTests.tiny(
            rules: "{min_gap_weeks: 2}", engineers: 3, extras: ["cai": "leave: [2027-02-08..2027-02-28]"])
        let reasons = explanation(scenario)
        #expect(reasons.count == 3, "\(reasons)")
        #expect(reasons.first?.contains("the fewest rule instances to give up is 1") == true, "\(reasons)")
        let options = reasons.dropFirst().joined(separator: "\n")
        #expect(options.contains("allow cai to be on duty in week"), "\(reasons)")
        #expect(options.contains("lower min_gap_weeks to 1"), "\(reasons)")
    }

    @Test func aCapBelowWhatThePipelinesNeedIsRaised() throws {
        let three = """
              - {id: revenue, name: Revenue, investor_facing: true}
              - {id: growth, name: Growth, investor_facing: true}
              - {id: engagement, name: Engagement, investor_facing: true}
            """
        let scenario = try RulesTests.tiny(rules: "{max_investor_primaries: 1}", engineers: 2, pipelines: three)
        let reasons = explanation(scenario)
        #expect(reasons.first?.contains("give up is 1") == true, "\(reasons)")
        #expect(reasons.dropFirst().first?.contains("i.e. raise max_investor_primaries to 2") == true, "\(reasons)")
    }

    @Test func aPinDuringLeaveIsExplained() throws {
        let scenario = try RulesTests.tiny(
            extras: ["ana": "leave: [2027-02-10], pinned: [{dates: 2027-02-09, role: primary}]"])
        let reasons = explanation(scenario).joined(separator: "\n")
        #expect(reasons.contains("drop the pin of ana in week 2"), "\(reasons)")
        #expect(
            reasons.contains("allow ana to be on duty in week 2 (2027-02-08..2027-02-14) despite leave"), "\(reasons)")
    }
}
