import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// `can:` and `from:` (who may hold which role, from when) and `onboarding` (backup shifts before the first primary
/// one). The planner's schedule is the lexicographic optimum over every schedule the independent checker accepts
/// (hard onboarding), or the one with the fewest early primary shifts it counts and then the best levels (soft), with
/// each role's fair share narrowed to the shifts the engineer may hold it in; a team the limits make impossible is
/// explained.
@Suite("Eligibility and onboarding")
struct EligibilityTests {
    /// A tiny team with random leave; each engineer, by chance, limited to one role, or starting a role (or all duty)
    /// some weeks into the period, and onboarding with one or two backup shifts; onboarding soft in half the teams.
    static func scenario(seed: UInt64) -> Scenario {
        var random = SeededRandom(seed: seed &* 6151 &+ 3)
        // Four engineers over three shifts, or three over four or five: the exhaustive search stays small.
        let four = random.next() % 3 == 0
        let weeks = four ? 3 : 4 + Int(random.next() % 2)
        var scenario = TestScenarios.random(
            engineers: four ? 4 : 3, weeks: weeks, pipelines: 1, minGap: Int(random.next() % 2), seed: seed)
        let start = scenario.period.start
        for e in scenario.engineers.indices {
            let day = start.adding(days: 7 * (1 + Int(random.next() % UInt64(weeks - 1))))
            switch random.next() % 7 {
            case 0: scenario.engineers[e].eligibility = Eligibility(primary: .never)
            case 1: scenario.engineers[e].eligibility = Eligibility(backup: .never)
            case 2: scenario.engineers[e].eligibility = Eligibility(primary: .from(day))
            case 3: scenario.engineers[e].eligibility = Eligibility(primary: .from(day), backup: .from(day))
            default: break
            }
            if random.next() % 3 == 0 { scenario.engineers[e].onboardingBackupShifts = 1 + Int(random.next() % 2) }
        }
        if random.next() % 2 == 0 { scenario.rules.soft.insert(.onboarding) }
        return scenario
    }

    @Test func thePlanIsTheOptimumOverEverySchedule() throws {
        var restricted = 0
        var infeasible = 0
        var sharesMoved = 0
        var softCounted = 0
        var hardOnboarding = 0
        for seed: UInt64 in 1...40 {
            let scenario = Self.scenario(seed: seed)
            let checker = RuleChecker(scenario: scenario)
            let all = AcrossRotationsBalanceTests.schedules(
                scenario, judging: [.unknownEngineer, .distinctRoles, .leave, .minGapWeeks])
            let hard: Set<Rule> = scenario.rules.isSoft(.onboarding) ? [.eligibility] : [.eligibility, .onboarding]
            let valid = all.filter { !checker.checkRotation($0).contains { hard.contains($0.rule) } }
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
            if kinds.contains(where: { $0.softRule == .onboarding }) { softCounted += 1 }
            if Rule.onboarding.isDeclared(by: scenario), !scenario.rules.isSoft(.onboarding) { hardOnboarding += 1 }
            let report = plan.fairness
            if report.engineers.contains(where: { abs($0.fairShare - $0.backupFairShare) > 1e-9 }) { sharesMoved += 1 }
        }
        #expect(restricted >= 20, "only \(restricted) teams were restricted")
        #expect(infeasible >= 1)
        // Limits on one role give the two roles different shares in some teams.
        #expect(sharesMoved >= 10, "only \(sharesMoved) teams had a role's share moved")
        #expect(softCounted >= 4, "only \(softCounted) teams counted a soft onboarding")
        #expect(hardOnboarding >= 4, "only \(hardOnboarding) teams were planned under a hard onboarding")
    }

    static let yaml = """
        name: eligibility
        period: {start: 2027-01-04, weeks: 8}
        engineers:
          - {id: ana, region: GB-ENG}
          - {id: ben, region: GB-ENG}
          - {id: cat, region: GB-ENG}
          - {id: dev, region: GB-ENG, can: [backup]}
          - {id: eve, region: GB-ENG, from: 2027-02-01, can: {backup: 2027-01-18, primary: 2027-02-15}}
        pipelines:
          - {id: p1, name: P1, investor_facing: false, on_call: true, weight: 1}
        """

    @Test func theReaderTakesRolesDatesAndTheLaterOfTwoStarts() throws {
        let scenario = try ScenarioReader.parse(yaml: Self.yaml, file: "eligibility.yaml")
        let byId = Dictionary(uniqueKeysWithValues: scenario.engineers.map { ($0.id, $0.eligibility) })
        #expect(byId["ana"] == .unrestricted)
        #expect(byId["dev"] == Eligibility(primary: .never, backup: .always))
        // from: 2027-02-01 is later than backup's own 2027-01-18.
        let february = CalendarDate(iso: "2027-02-01")!
        #expect(byId["eve"] == Eligibility(primary: .from(CalendarDate(iso: "2027-02-15")!), backup: .from(february)))
        #expect(byId["eve"]?.summary == "primary from 2027-02-15; backup from 2027-02-01")
        #expect(byId["dev"]?.summary == "backup only")
        #expect(Rule.eligibility.isDeclared(by: scenario))
    }

    @Test func theLimitsHoldAndNarrowEachRolesShare() throws {
        let scenario = try ScenarioReader.parse(yaml: Self.yaml, file: "eligibility.yaml")
        let plan = try Planner().plan(scenario)
        let weeks = plan.schedule.shifts
        #expect(!weeks.contains { $0.primary == "dev" })
        #expect(
            !weeks.contains {
                $0.dates.first < CalendarDate(iso: "2027-02-01")! && [$0.primary, $0.backup].contains("eve")
            })
        #expect(!weeks.contains { $0.dates.first < CalendarDate(iso: "2027-02-15")! && $0.primary == "eve" })
        // 8 primary shifts over 8 + 8 + 8 + 0 + 2 available; 8 backup shifts over 8 + 8 + 8 + 8 + 4.
        let rows = Dictionary(uniqueKeysWithValues: plan.fairness.engineers.map { ($0.engineer.id, $0) })
        #expect(abs(rows["ana"]!.fairShare - 64.0 / 26) < 1e-9)
        #expect(abs(rows["dev"]!.fairShare) < 1e-9)
        #expect(abs(rows["dev"]!.backupFairShare - 64.0 / 36) < 1e-9)
        #expect(abs(rows["eve"]!.fairShare - 16.0 / 26) < 1e-9)
        #expect(abs(rows["eve"]!.backupFairShare - 32.0 / 36) < 1e-9)
        #expect(rows["eve"]!.availableShifts == 4)
        // The report's table shows each role's own share.
        let report = MarkdownReport().render(plan)
        #expect(report.contains("| dev | GB-ENG | 8 of 8 | 0 (0) | \(rows["dev"]!.backupWeeks) (1.78) |"))
        #expect(
            report.contains(
                "| eligibility | dev: backup only, eve: primary from 2027-02-15; backup from 2027-02-01 | hard |"))
    }

    @Test func theCheckerNamesTheLimitABreachCrosses() throws {
        let scenario = try ScenarioReader.parse(yaml: Self.yaml, file: "eligibility.yaml")
        var weeks = try Planner().plan(scenario).schedule.shifts
        let first = weeks[0]
        weeks[0] = RotationShift(
            number: 1, dates: first.dates, primary: "dev", backup: first.primary == "dev" ? first.backup : first.primary
        )
        weeks[1] = RotationShift(
            number: 2, dates: weeks[1].dates, primary: weeks[1].primary == "eve" ? "ana" : weeks[1].primary,
            backup: "eve")
        if weeks[1].primary == "eve" || weeks[1].primary == weeks[1].backup {
            weeks[1] = RotationShift(number: 2, dates: weeks[1].dates, primary: "ben", backup: "eve")
        }
        let findings = RuleChecker(scenario: scenario).checkRotation(weeks).filter { $0.rule == .eligibility }
        #expect(findings.map(\.week) == [1, 2])
        #expect(findings[0].message.contains("dev is primary but may hold only backup"))
        #expect(findings[1].message.contains("eve is backup but may be backup only from 2027-02-01"))
    }

    @Test func aTeamTheLimitsMakeImpossibleIsExplained() throws {
        // Week 2: ben and dev away, dev may hold only backup anyway, eve may be primary only from week 4.
        let yaml = """
            name: impossible
            period: {start: 2027-01-04, weeks: 4}
            engineers:
              - {id: ana, region: GB-ENG}
              - {id: ben, region: GB-ENG, leave: ["2027-01-11..2027-01-15"]}
              - {id: dev, region: GB-ENG, can: [backup], leave: ["2027-01-11"]}
              - {id: eve, region: GB-ENG, can: {primary: 2027-01-25}}
            rules: {min_gap_weeks: 0}
            pipelines:
              - {id: p1, name: P1, investor_facing: false, on_call: true, weight: 1}
            """
        let scenario = try ScenarioReader.parse(yaml: yaml, file: "impossible.yaml")
        #expect(throws: PlanningError.self) { try Planner().plan(scenario) }
        let explanation = InfeasibilityExplanation.of(scenario)
        #expect(explanation.options.contains { Set($0.instances.map(\.rule)) == [.eligibility] })
        #expect(
            explanation.reasons.joined().contains(
                "let eve be primary in week 2 (2027-01-11..2027-01-17), though the scenario says eve may be primary "
                    + "only from 2027-01-25"))
    }
    @Test func onboardingCountsTheHistorysBackupShifts() throws {
        // cai and dee were each backup once in the history; two are asked for, so one more comes before their first
        // primary shift.
        var scenario = HistoryLeadTests.scenario(
            weeks: 6, rules: Rules(minGapWeeks: 1), history: HistoryLeadTests.lastTwoWeeks)
        for id in ["cai", "dee"] {
            scenario.engineers[scenario.engineers.firstIndex { $0.id == id }!].onboardingBackupShifts = 2
        }
        let plan = try Planner().plan(scenario)
        let weeks = plan.schedule.shifts
        let firstPrimary = try #require(weeks.firstIndex { $0.primary == "dee" })
        #expect(weeks[..<firstPrimary].filter { $0.backup == "dee" }.count >= 1)
        let checker = RuleChecker(scenario: scenario)
        #expect(checker.check(plan.schedule).isEmpty)
        // dee primary in week 1 instead: one finding, which counts the history's shift.
        var early = weeks
        let first = early[0]
        early[0] = RotationShift(
            number: 1, dates: first.dates, primary: "dee", backup: first.backup == "dee" ? first.primary : first.backup)
        let findings = checker.checkRotation(early).filter { $0.rule == .onboarding }
        #expect(findings.map(\.week) == [1])
        #expect(
            findings.first?.message
                == "week 1: dee is primary after 1 backup shift (1 in the history); onboarding asks for 2 first")
        let cai = try #require(weeks.firstIndex { $0.primary == "cai" })
        #expect(weeks[..<cai].filter { $0.backup == "cai" }.count >= 1)
    }

    @Test func aHardOnboardingThatCannotHoldIsExplainedAndSoftItIsCounted() throws {
        // Four weeks, ana away for the last two and ben for the first two: cai and dee, both onboarding with two
        // backup shifts, would have to be primary before them.
        let yaml = """
            name: onboarding
            period: {start: 2027-01-04, weeks: 4}
            engineers:
              - {id: ana, region: GB-ENG, leave: ["2027-01-18..2027-01-29"]}
              - {id: ben, region: GB-ENG, leave: ["2027-01-04..2027-01-15"]}
              - {id: cai, region: GB-ENG, onboarding: {backup_shifts: 2}}
              - {id: dee, region: GB-ENG, onboarding: {backup_shifts: 2}}
            rules: {min_gap_weeks: 1}
            pipelines:
              - {id: p1, name: P1, investor_facing: false, on_call: true, weight: 1}
            """
        var scenario = try ScenarioReader.parse(yaml: yaml, file: "onboarding.yaml")
        #expect(throws: PlanningError.self) { try Planner().plan(scenario) }
        let explanation = InfeasibilityExplanation.of(scenario)
        #expect(explanation.options.contains { Set($0.instances.map(\.rule)) == [.onboarding] })
        #expect(explanation.reasons.joined().contains("before 2 as backup (onboarding;"))
        scenario.rules.soft.insert(.onboarding)
        let plan = try Planner().plan(scenario)
        let level = try #require(plan.levels.first { $0.kind.softRule == .onboarding })
        let broken = RuleChecker(scenario: scenario).softFindings(plan.schedule).filter { $0.rule == .onboarding }
        #expect(level.value == Double(broken.count))
        #expect(broken.count >= 1)
    }
    @Test func cyclesAskNoTurnOfSomeoneWhoMayNotTakeItOrIsOnboarding() throws {
        // Four-week cycles, everyone primary once: dev may hold only backup, and eve is onboarding (two backup shifts
        // first). Asking either for a primary turn would make the team impossible.
        let yaml = """
            name: cycles
            period: {start: 2027-01-04, weeks: 8}
            engineers:
              - {id: ana, region: GB-ENG}
              - {id: ben, region: GB-ENG}
              - {id: cat, region: GB-ENG}
              - {id: dev, region: GB-ENG, can: [backup]}
              - {id: eve, region: GB-ENG, onboarding: {backup_shifts: 2}}
            rules: {cycle_weeks: 5, each_primary_once: true, min_gap_weeks: 0}
            pipelines:
              - {id: p1, name: P1, investor_facing: false, on_call: true, weight: 1}
            """
        let scenario = try ScenarioReader.parse(yaml: yaml, file: "cycles.yaml")
        #expect(scenario.isOnboarding(scenario.engineers[4], on: scenario.rotations[0]))
        #expect(!scenario.isOnboarding(scenario.engineers[0], on: scenario.rotations[0]))
        let plan = try Planner().plan(scenario)
        let checker = RuleChecker(scenario: scenario)
        #expect(checker.check(plan.schedule).isEmpty)
        // ana, ben and cat are each primary in the cycle of weeks 1–5.
        let firstCycle = plan.schedule.shifts.prefix(5).map(\.primary)
        #expect(Set(["ana", "ben", "cat"]).isSubset(of: Set(firstCycle)))
        // Without ana's turn, the checker names her and nobody else.
        var weeks = plan.schedule.shifts
        for (i, week) in weeks.enumerated().prefix(5) where week.primary == "ana" {
            let stand = week.backup == "ben" ? "cat" : "ben"
            weeks[i] = RotationShift(number: week.number, dates: week.dates, primary: stand, backup: week.backup)
        }
        let missing = checker.checkRotation(weeks).filter { $0.rule == .eachPrimaryOnce }
        #expect(missing.compactMap(\.engineer) == ["ana"])
    }
}
