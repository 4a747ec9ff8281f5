import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// each_primary_once, each_backup_at_least_once and fixed_order: the planner's schedule is the lexicographic
/// optimum over every schedule the independent checker accepts (hard), or the one with the fewest broken instances
/// the checker counts and then the best levels (soft), on tiny teams searched exhaustively.
@Suite("Cycles and fixed order")
struct CycleRuleTests {
    /// Three engineers over 4–5 weekly shifts with random leave, and a random choice of the three rules, each hard
    /// or soft; cycles of 3 or 4 shifts, sometimes starting a week before the period (that first cycle then has no
    /// history to reach into and is not judged).
    static func scenario(seed: UInt64) -> Scenario {
        var random = SeededRandom(seed: seed &* 7919 &+ 17)
        let weeks = 4 + Int(random.next() % 2)
        var scenario = TestScenarios.random(
            engineers: 3, weeks: weeks, pipelines: 1, minGap: Int(random.next() % 2), seed: seed)
        var rules = scenario.rules
        rules.cycleWeeks = 3 + Int(random.next() % 2)
        let which = 1 + Int(random.next() % 7)
        rules.eachPrimaryOnce = which & 1 != 0
        rules.eachBackupAtLeastOnce = which & 2 != 0
        if which & 4 != 0 {
            var ids = scenario.engineers.map(\.id)
            if random.next() % 2 == 0 { ids.reverse() }
            rules.fixedOrder = ["": ids]
        }
        for rule in [Rule.eachPrimaryOnce, .eachBackupAtLeastOnce, .fixedOrder] where random.next() % 2 == 0 {
            rules.soft.insert(rule)
        }
        if random.next() % 4 == 0 { rules.cycleStart = scenario.period.start.adding(days: -7) }
        scenario.rules = rules
        return scenario
    }

    static let newRules: Set<Rule> = [.eachPrimaryOnce, .eachBackupAtLeastOnce, .fixedOrder]

    /// Every schedule keeping roster, leave, distinct roles and the gap (the rules under test left out of the search
    /// and judged on each complete schedule).
    static func everySchedule(_ scenario: Scenario) -> [[RotationShift]] {
        var basic = scenario
        basic.rules.eachPrimaryOnce = false
        basic.rules.eachBackupAtLeastOnce = false
        basic.rules.fixedOrder = nil
        return AcrossRotationsBalanceTests.schedules(
            basic, judging: [.unknownEngineer, .distinctRoles, .leave, .minGapWeeks])
    }

    @Test func thePlanIsTheOptimumOverEverySchedule() throws {
        var restricted = 0
        var infeasible = 0
        var softCounted = 0
        for seed: UInt64 in 1...36 {
            let scenario = Self.scenario(seed: seed)
            let checker = RuleChecker(scenario: scenario)
            let hard = Self.newRules.filter { $0.isDeclared(by: scenario) && !$0.isSoft(in: scenario.rules) }
            let all = Self.everySchedule(scenario)
            let valid = all.filter { shifts in
                !checker.checkRotation(shifts).contains { hard.contains($0.rule) }
            }
            if valid.count < all.count { restricted += 1 }
            let label = "seed \(seed)"
            guard let plan = try? Planner(options: PlanOptions(timeLimit: 30)).plan(scenario) else {
                #expect(valid.isEmpty, "\(label): no plan, but \(valid.count) schedules keep every rule")
                infeasible += 1
                continue
            }
            #expect(!valid.isEmpty, "\(label): planned, but the checker accepts no schedule")
            #expect(checker.check(plan.schedule).isEmpty, "\(label): \(checker.check(plan.schedule))")
            let kinds = BruteForce.expectOptimum(plan, over: valid, scenario, label)
            if kinds.contains(where: { $0.softRule.map(Self.newRules.contains) ?? false }) { softCounted += 1 }
        }
        // The draws must exercise the rules: some bind, some make a team impossible, some are counted soft.
        #expect(restricted >= 10, "only \(restricted) teams were restricted by the rules")
        #expect(infeasible >= 1)
        #expect(softCounted >= 5)
    }

    /// Four engineers, the history's last shifts (cai/dee, then ana/cai) run up to the period, cycles of four from
    /// the history's last shift: that cycle is judged with ana's primary week in it.
    static func historyScenario(_ rules: Rules, leave: [String: String] = [:]) -> Scenario {
        var scenario = HistoryLeadTests.scenario(weeks: 4, rules: rules, history: HistoryLeadTests.lastTwoWeeks)
        for (id, day) in leave {
            let e = scenario.engineers.firstIndex { $0.id == id }!
            let first = CalendarDate(iso: day)!
            scenario.engineers[e].leave = [DateRange(first: first, last: first.adding(days: 4))!]
        }
        return scenario
    }

    @Test func aCycleReachingIntoTheHistoryCountsItsDuty() throws {
        var rules = Rules(minGapWeeks: 1)
        rules.cycleWeeks = 4
        rules.cycleStart = CalendarDate(iso: "2026-12-28")
        rules.eachPrimaryOnce = true
        let scenario = Self.historyScenario(rules)
        #expect(scenario.cycles(ofRotation: 0, leadCount: 2) == [-1..<3])
        let plan = try Planner().plan(scenario)
        // ana was primary in the cycle's history shift; ben, cai and dee each take one of weeks 1–3.
        #expect(Set(plan.schedule.shifts.prefix(3).map(\.primary)) == ["ben", "cai", "dee"])
        let checker = RuleChecker(scenario: scenario)
        #expect(checker.check(plan.schedule).isEmpty)
        // ana primary in week 2 instead leaves someone without a turn: the checker names them and the cycle.
        var weeks = plan.schedule.shifts
        let missing = weeks[1].primary
        weeks[1] = RotationShift(
            number: 2, dates: weeks[1].dates, primary: "ana",
            backup: weeks[1].backup == "ana" ? missing : weeks[1].backup)
        let findings = checker.checkRotation(weeks).filter { $0.rule == .eachPrimaryOnce }
        #expect(findings.map(\.engineer) == [missing])
        #expect(findings.first?.message.contains("the history's last shift and weeks 1–3") ?? false)
        // Without the history's shifts, that cycle cannot be judged, and cycles start at the period.
        var noHistory = scenario
        noHistory.history = DutyHistory()
        #expect(noHistory.cycles(ofRotation: 0, leadCount: 0).isEmpty)
        var fromThePeriod = rules
        fromThePeriod.cycleStart = nil
        noHistory.rules = fromThePeriod
        #expect(noHistory.cycles(ofRotation: 0, leadCount: 0) == [0..<4])
    }

    @Test func theFixedOrderFollowsTheHistoryAndSkipsLeave() throws {
        var rules = Rules(minGapWeeks: 1)
        rules.fixedOrder = ["": ["ana", "ben", "cai", "dee"]]
        let plan = try Planner().plan(Self.historyScenario(rules))
        // The history's last primary is ana: ben, cai, dee and ana follow.
        #expect(plan.schedule.shifts.map(\.primary) == ["ben", "cai", "dee", "ana"])
        // dee on leave in week 3: her turn is skipped, ana follows cai, and ben follows ana.
        let away = Self.historyScenario(rules, leave: ["dee": "2027-01-18"])
        let skipped = try Planner().plan(away)
        #expect(skipped.schedule.shifts.map(\.primary) == ["ben", "cai", "ana", "ben"])
        let checker = RuleChecker(scenario: away)
        #expect(checker.check(skipped.schedule).isEmpty)
        // Swapping weeks 3 and 4 departs twice; the checker says whom the order expected and why.
        var weeks = skipped.schedule.shifts
        weeks[2] = RotationShift(number: 3, dates: weeks[2].dates, primary: "ben", backup: "cai")
        weeks[3] = RotationShift(number: 4, dates: weeks[3].dates, primary: "ana", backup: "cai")
        let findings = checker.checkRotation(weeks).filter { $0.rule == .fixedOrder }
        #expect(findings.map(\.week) == [3, 4])
        #expect(
            findings.first?.message.contains("has ana after cai, primary in week 2, skipping dee (on leave)") ?? false)
    }

    /// Someone still onboarding is outside the order this period, as outside the cycles: a hard order and a newcomer
    /// who needs more backup shifts than come before their turn plan (it was infeasible), the others follow the order
    /// among themselves, the newcomer does backups and no primary, the checker agrees and the report says so.
    @Test func aNewcomerJoinsTheOrderOnceOnboarded() throws {
        let scenario = try ScenarioReader.parse(
            yaml: """
                name: order-onboarding
                period: {start: 2027-03-01, weeks: 10}
                engineers:
                  - {id: ana, region: GB-ENG}
                  - {id: ben, region: GB-ENG}
                  - {id: cat, region: GB-ENG}
                  - {id: dev, region: GB-ENG, onboarding: {backup_shifts: 5}}
                pipelines:
                  - {id: p}
                rules: {min_gap_weeks: 0, fixed_order: true}
                """, file: "order-onboarding.yaml")
        #expect(scenario.fixedOrder(of: scenario.rotations[0]) == ["ana", "ben", "cat"])
        let plan = try Planner().plan(scenario)
        let primaries = plan.schedule.shifts.map(\.primary)
        #expect(!primaries.contains("dev"))
        let order = ["ana", "ben", "cat"]
        for (a, b) in zip(primaries, primaries.dropFirst()) {
            #expect(order[(order.firstIndex(of: a)! + 1) % 3] == b, "\(primaries)")
        }
        #expect(plan.schedule.shifts.contains { $0.backup == "dev" })
        #expect(RuleChecker(scenario: scenario).check(plan.schedule).isEmpty)
        #expect(MarkdownReport().render(plan).contains("ana → ben → cat → dev (dev joins once onboarded)"))
        // Onboarded by the history, dev is in the order again.
        var onboarded = scenario
        onboarded.history = DutyHistory(
            shifts: DutyHistory.Shift.weekly(
                before: scenario.period.dates.first, (1...5).map { (["ana", "ben", "cat"][$0 % 3], "dev") }))
        #expect(onboarded.fixedOrder(of: onboarded.rotations[0]) == ["ana", "ben", "cat", "dev"])
    }

    @Test func aSoftOrderCountsDeparturesAndAHardOneThatCannotHoldIsExplained() throws {
        // ben is forbidden in week 1, where the order wants him after ana.
        var rules = Rules(minGapWeeks: 1)
        rules.fixedOrder = ["": ["ana", "ben", "cai", "dee"]]
        var scenario = Self.historyScenario(rules)
        let ben = scenario.engineers.firstIndex { $0.id == "ben" }!
        scenario.engineers[ben].forbidden = [
            DutyRequest(dates: DateRange(day: CalendarDate(iso: "2027-01-04")!), role: .primary)
        ]
        #expect(throws: PlanningError.self) { try Planner().plan(scenario) }
        let explanation = InfeasibilityExplanation.of(scenario)
        #expect(explanation.options.contains { Set($0.instances.map(\.rule)) == [.fixedOrder] })
        #expect(explanation.reasons.joined().contains("depart from fixed_order"))
        scenario.rules.soft.insert(.fixedOrder)
        let plan = try Planner().plan(scenario)
        let level = plan.levels.first { $0.kind.softRule == .fixedOrder }
        // Someone else in week 1 is one departure; the order then follows on from them.
        let broken = RuleChecker(scenario: scenario).softFindings(plan.schedule).filter { $0.rule == .fixedOrder }
        #expect(level?.value == Double(broken.count))
        #expect(broken.count == 1)
    }
}
