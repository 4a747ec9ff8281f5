import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// Each rule on a tiny scenario where it changes the answer: the plan without the rule breaks it (as the independent
/// checker judges), the plan with it keeps it, and soft rules count what they break.
@Suite("Rules: each changes the answer")
struct RulesTests {
    /// Four engineers in England over six weeks of February and March 2027 (no English holiday inside), two
    /// pipelines; `rules`, engineer extras and pipeline extras are spliced into the YAML.
    static func tiny(
        rules: String = "{min_gap_weeks: 1}", engineers: Int = 4, extras: [String: String] = [:],
        pipelines: String? = nil, weeks: Int = 6
    ) throws(ScenarioError) -> Scenario {
        let ids = ["ana", "ben", "cai", "dee", "eve"].prefix(engineers)
        let team = ids.map { id in
            "  - {id: \(id), name: \(id.capitalized), region: GB-ENG\(extras[id].map { ", " + $0 } ?? "")}"
        }.joined(separator: "\n")
        let work =
            pipelines ?? """
                  - {id: revenue, name: Revenue, investor_facing: true, weight: 2}
                  - {id: growth, name: Growth, investor_facing: true, weight: 1}
                """
        let yaml = """
            name: tiny
            period: {start: 2027-02-01, weeks: \(weeks)}
            engineers:
            \(team)
            pipelines:
            \(work)
            rules: \(rules)
            """
        return try ScenarioReader.parse(yaml: yaml, file: "tiny.yaml")
    }

    /// Plans `without` and `with`; the first must break `rule` (judged against `with`), the second must not.
    func expectChangesTheAnswer(_ rule: Rule, without: Scenario, with: Scenario) throws {
        let plain = try Planner().plan(without)
        let ruled = try Planner().plan(with)
        let checker = RuleChecker(scenario: with)
        let before = (checker.check(plain.schedule) + checker.softFindings(plain.schedule)).filter { $0.rule == rule }
        #expect(!before.isEmpty, "the plan without \(rule) already keeps it: the test proves nothing")
        #expect(checker.check(ruled.schedule).isEmpty, "\(checker.check(ruled.schedule))")
        #expect(ruled.provedOptimal)
    }

    @Test func minDutyGapSpacesEveryDuty() throws {
        try expectChangesTheAnswer(
            .minDutyGapWeeks, without: try Self.tiny(),
            with: try Self.tiny(rules: "{min_gap_weeks: 1, min_duty_gap_weeks: 1}"))
    }

    @Test func maxConsecutiveDutyBreaksRuns() throws {
        try expectChangesTheAnswer(
            .maxConsecutiveDutyWeeks, without: try Self.tiny(engineers: 3),
            with: try Self.tiny(rules: "{min_gap_weeks: 1, max_consecutive_duty_weeks: 1}", engineers: 4))
    }

    @Test func backupBecomesNextPrimary() throws {
        let with = try Self.tiny(rules: "{min_gap_weeks: 1, backup_becomes_primary: true}")
        try expectChangesTheAnswer(.backupBecomesPrimary, without: try Self.tiny(), with: with)
        let plan = try Planner().plan(with)
        for (week, next) in zip(plan.schedule.shifts, plan.schedule.shifts.dropFirst()) {
            #expect(week.backup == next.primary)
        }
    }

    @Test func everyoneIsSecondaryOwnerOnce() throws {
        let four = """
              - {id: revenue, name: Revenue, investor_facing: true, weight: 3}
              - {id: growth, name: Growth, investor_facing: true, weight: 3}
              - {id: engagement, name: Engagement, weight: 1}
              - {id: experiments, name: Experiments, weight: 1}
            """
        let with = try Self.tiny(rules: "{everyone_secondary_owner: true}", pipelines: four)
        try expectChangesTheAnswer(.everyoneSecondaryOwner, without: try Self.tiny(pipelines: four), with: with)
        let plan = try Planner().plan(with)
        #expect(Set(plan.schedule.ownership.map(\.secondary)).count == 4)
    }

    @Test func investorPrimariesAreCapped() throws {
        // Two engineers, three investor pipelines: the default cap is ⌈3 ÷ 2⌉ = 2; raising it to 3 lets the planner
        // balance load differently, and lowering it to 1 leaves no schedule (explained below).
        let three = """
              - {id: revenue, name: Revenue, investor_facing: true, weight: 1}
              - {id: growth, name: Growth, investor_facing: true, weight: 1}
              - {id: engagement, name: Engagement, investor_facing: true, weight: 1}
            """
        let plan = try Planner().plan(try Self.tiny(engineers: 2, pipelines: three))
        let counts = Dictionary(grouping: plan.schedule.ownership, by: \.primary).mapValues(\.count)
        #expect(counts.values.max() == 2)
        let capped = try Self.tiny(rules: "{max_investor_primaries: 1}", engineers: 2, pipelines: three)
        #expect(capped.rules.investorPrimaryCap(investorFacing: 3, engineers: 2) == 1)
        #expect(
            RuleChecker(scenario: capped).check(plan.schedule).contains { $0.rule == .maxInvestorPrimaries },
            "the default plan breaks a cap of 1")
    }

    @Test func pinnedDutyIsKept() throws {
        let plain = try Planner().plan(try Self.tiny())
        let week2 = plain.schedule.shifts[1]
        let other = ["ana", "ben", "cai", "dee"].first { $0 != week2.primary && $0 != week2.backup }!
        let with = try Self.tiny(extras: [other: "pinned: [{dates: 2027-02-10, role: primary}]"])
        try expectChangesTheAnswer(.pinnedDuty, without: try Self.tiny(), with: with)
        #expect(try Planner().plan(with).schedule.shifts[1].primary == other)
    }

    @Test func forbiddenDutyIsAvoided() throws {
        let plain = try Planner().plan(try Self.tiny())
        let person = plain.schedule.shifts[2].primary
        let with = try Self.tiny(extras: [person: "forbidden: [2027-02-15..2027-02-21]"])
        try expectChangesTheAnswer(.forbiddenDuty, without: try Self.tiny(), with: with)
        let week = try Planner().plan(with).schedule.shifts[2]
        #expect(week.primary != person && week.backup != person)
    }

    @Test func undesiredDutyIsAPreferenceCountedLast() throws {
        let plainScenario = try Self.tiny()
        let plain = try Planner().plan(plainScenario)
        let person = plain.schedule.shifts[2].primary
        let with = try Self.tiny(extras: [person: "undesired: [{dates: 2027-02-15, role: primary}]"])
        let plan = try Planner().plan(with)
        // The last level counts it; fairness levels are as good as without the preference.
        #expect(plan.levels.last?.kind == .soft(.undesiredDuty))
        #expect(plan.levels.last?.value == 0)
        #expect(plan.schedule.shifts[2].primary != person)
        #expect(plan.fairness.largestPrimaryDeviation <= plain.fairness.largestPrimaryDeviation + 1e-9)
        // A preference never fails the check; it is reported as a soft finding.
        let checker = RuleChecker(scenario: with)
        #expect(checker.check(plain.schedule).isEmpty)
        #expect(checker.softFindings(plain.schedule).map(\.rule).filter { $0 != .runbookDefault } == [.undesiredDuty])
    }

    @Test func aSoftRuleIsBrokenOnlyAsMuchAsNeeded() throws {
        // Three engineers cannot keep min_duty_gap_weeks: 1 (every week takes two of three people); soft, the
        // planner breaks the fewest windows and says how many, and the checker counts the same.
        let scenario = try Self.tiny(
            rules: "{min_gap_weeks: 0, min_duty_gap_weeks: {value: 1, soft: true}}", engineers: 3)
        let plan = try Planner().plan(scenario)
        #expect(plan.levels.first?.kind == .soft(.minDutyGapWeeks))
        let broken = RuleChecker(scenario: scenario).softFindings(plan.schedule).filter { $0.rule == .minDutyGapWeeks }
            .count
        #expect(broken > 0)
        #expect(Double(broken) == plan.levels.first?.value)
        #expect(RuleChecker(scenario: scenario).check(plan.schedule).isEmpty)
    }

    @Test func ownersOutsideTheRotaArePinned() throws {
        let teams = """
              - {id: revenue, name: Revenue, investor_facing: true, weight: 3, primary_owner: {team: Business Analytics}}
              - {id: growth, name: Growth, investor_facing: true, weight: 3, primary_owner: {team: Accounts}}
              - {id: experiments, name: Experiments, weight: 1, primary_owner: ana, secondary_owner: ben}
            """
        let scenario = try Self.tiny(pipelines: teams)
        let plan = try Planner().plan(scenario)
        let rows = Dictionary(uniqueKeysWithValues: plan.schedule.ownership.map { ($0.pipeline, $0) })
        #expect(rows["revenue"]?.primary == "Business Analytics")
        #expect(rows["growth"]?.primary == "Accounts")
        #expect(rows["experiments"]?.primary == "ana" && rows["experiments"]?.secondary == "ben")
        #expect(Set(["ana", "ben", "cai", "dee"]).contains(rows["revenue"]!.secondary))
        // Team owners carry no load: the engineers' loads are the secondary roles and the pinned pipeline.
        let load: Double = plan.fairness.engineers.reduce(0) { $0 + $1.ownershipLoad }
        #expect(load == 9)
        let checker = RuleChecker(scenario: scenario)
        #expect(checker.check(plan.schedule).isEmpty)
        var moved = plan.schedule
        moved.ownership[0] = OwnershipAssignment(
            pipeline: "revenue", primary: "cai", secondary: rows["revenue"]!.secondary)
        #expect(checker.check(moved).map(\.rule).contains(.ownerPin))
    }

    @Test func soft_rulesNotInThePrioritiesComeFirstAndPreferencesLast() {
        var rules = Rules(soft: [.minGapWeeks])
        #expect(
            rules.levelOrder(replanning: true, softInUse: [.minGapWeeks, .undesiredDuty]) == [
                .changes, .rule(.minGapWeeks), .goal(.onCallBalance), .goal(.holidayBurden), .goal(.ownershipBalance),
                .rule(.undesiredDuty),
            ])
        rules.priorities = [
            .goal(.onCallBalance), .rule(.minGapWeeks), .goal(.holidayBurden), .goal(.ownershipBalance),
        ]
        #expect(
            rules.levelOrder(replanning: false, softInUse: [.minGapWeeks]) == [
                .goal(.onCallBalance), .rule(.minGapWeeks), .goal(.holidayBurden), .goal(.ownershipBalance),
            ])
    }

    /// The configurable rules are exactly those `isConfigurable` says, each once, and soft rules the priorities do
    /// not name take their levels in that list's order (the order the model has always used: ownership rules after
    /// the spacing rules, investor cap before requests).
    @Test func unnamedSoftRulesTakeLevelsInTheConfigurableOrder() {
        #expect(Set(Rule.configurable) == Set(Rule.allCases.filter(\.isConfigurable)))
        #expect(Set(Rule.configurable).count == Rule.configurable.count)
        let inUse: Set<Rule> = [.maxInvestorPrimaries, .avoidRepeatHolidays, .everyoneSecondaryOwner, .pinnedDuty]
        #expect(
            Rules(soft: inUse).levelOrder(replanning: false, softInUse: inUse).prefix(4) == [
                .rule(.everyoneSecondaryOwner), .rule(.avoidRepeatHolidays), .rule(.maxInvestorPrimaries),
                .rule(.pinnedDuty),
            ])
    }

    /// report.md's Rules table comes from `Rule.allCases`: with every rule set, its rows are each rule's scenario
    /// name, in the order the table has always had, and the basic rules stay in the preamble.
    @Test func theRulesTableListsEverySetRuleInItsOrder() {
        var scenario = HistoryLeadTests.scenario(rules: Rules(), history: [])
        scenario.pipelines[0].investorFacing = true
        scenario.pipelines[0].primaryOwner = .engineer("ana")
        scenario.engineers[0].pinned = [DutyRequest(dates: scenario.shifts[0].dates, role: .primary)]
        scenario.engineers[1].forbidden = [DutyRequest(dates: scenario.shifts[1].dates)]
        scenario.engineers[2].undesired = [DutyRequest(dates: scenario.shifts[2].dates)]
        scenario.rules = Rules(
            minGapWeeks: 1, minDutyGapWeeks: 1, maxConsecutiveDutyWeeks: 2, backupBecomesPrimary: true,
            everyoneSecondaryOwner: true, avoidRepeatHolidays: true, maxInvestorPrimaries: 1,
            soft: [.avoidRepeatHolidays],
            fairness: FairnessBounds(
                maxDeviation: 1, maxHolidayBurden: 3, maxTotalHolidayBurden: 9, maxOwnershipLoad: 4))
        let rows = Rule.allCases.compactMap { RulesSection.row($0, scenario) }
        #expect(
            rows.map(\.name) == [
                "min_gap_weeks", "min_duty_gap_weeks", "max_consecutive_duty_weeks", "backup_becomes_primary",
                "avoid_repeat_holidays", "max_investor_primaries", "everyone_secondary_owner", "owner pins",
                "pinned_duty", "forbidden_duty", "undesired_duty", "fairness.max_deviation",
                "fairness.max_holiday_burden",
                "fairness.max_total_holiday_burden", "fairness.max_ownership_load",
            ])
        #expect(rows.filter { $0.kind == "soft" }.map(\.name) == ["avoid_repeat_holidays", "undesired_duty"])
        #expect(rows.first { $0.name == "pinned_duty" }?.setting == "1 request")
        // Exclusivity only has a row with two rotations.
        #expect(RulesSection.row(.exclusivePrimary, scenario) == nil)
    }

    @Test func twoWeekShiftsAndHandoffAreRead() throws {
        let yaml = """
            name: fortnight
            period: {start: 2027-02-01, weeks: 13, shift_days: 14, handoff: {weekday: monday, time: "09:00", time_zone: Europe/London}}
            engineers:
              - {id: ana, region: GB-ENG}
              - {id: ben, region: GB-ENG}
              - {id: cai, region: GB-ENG}
            pipelines:
              - {id: revenue, name: Revenue}
            """
        let scenario = try ScenarioReader.parse(yaml: yaml, file: "fortnight.yaml")
        #expect(scenario.period.shiftCount == 7)
        #expect(
            scenario.period.shift(1)
                == DateRange(first: CalendarDate(iso: "2027-02-15")!, last: CalendarDate(iso: "2027-02-28")!))
        #expect(scenario.period.handoffTime == "09:00" && scenario.period.handoffTimeZone == "Europe/London")
        let plan = try Planner().plan(scenario)
        #expect(plan.schedule.shifts.count == 7)
        // 13 weeks end on 2027-05-02; the seventh shift runs to its end.
        #expect(plan.schedule.shifts.last?.dates.last == CalendarDate(iso: "2027-05-09"))
        #expect(RuleChecker(scenario: scenario).check(plan.schedule).isEmpty)
        let markdown = MarkdownReport().render(plan)
        #expect(markdown.contains("each shift of 14 days, handing over on Mondays at 09:00 (Europe/London)"))
    }

    @Test func badRuleSettingsAreLocated() {
        let cases: [(String, String)] = [
            ("{min_duty_gap_weeks: {value: 1, soft: maybe}}", "soft: expected"),
            ("{priorities: [min_gap_weeks, on_call_balance, holiday_burden, ownership_balance]}", "a soft rule"),
            ("{max_consecutive_duty_weeks: 0}", "max_consecutive_duty_weeks"),
        ]
        for (rules, expected) in cases {
            let result = Result { () throws(ScenarioError) -> Scenario in try Self.tiny(rules: rules) }
            guard case .failure(let error) = result else {
                Issue.record("\(rules) was accepted")
                continue
            }
            #expect(error.description.contains(expected), "\(error)")
            #expect(error.location.line == 11, "\(error)")
        }
        let pin = Result { () throws(ScenarioError) -> Scenario in
            try Self.tiny(extras: ["ana": "pinned: [2027-02-10]"])
        }
        guard case .failure(let error) = pin else {
            Issue.record("a pin without a role was accepted")
            return
        }
        #expect(error.description.contains("pinned[0].role is required"), "\(error)")
    }
}
