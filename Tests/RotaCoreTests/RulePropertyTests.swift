import PropertyBased
import Testing

@testable import LinearProgramming
@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// The planner property test of the first issue, extended to every rule: random scenarios with random rules (hard
/// or soft), pins, forbidden and undesired duty, judged by the independent checker.
@Suite("Planner properties with every rule")
struct RulePropertyTests {
    /// Random rules for `scenario`, fully determined by `seed`.
    /// `cycles: false` leaves the cycle rules and fixed_order out (the regressions below predate them).
    static func withRandomRules(_ scenario: Scenario, seed: UInt64, cycles: Bool = true) -> Scenario {
        var random = SeededRandom(seed: seed ^ 0x5EED)
        func chance(_ n: UInt64) -> Bool { random.next() % n == 0 }
        var result = scenario
        var rules = result.rules
        let weeks = scenario.period.shiftCount
        if chance(3) { rules.minDutyGapWeeks = min(1, weeks - 1) }
        if chance(3) { rules.maxConsecutiveDutyWeeks = 1 + Int(random.next() % 2) }
        rules.backupBecomesPrimary = chance(4)
        rules.everyoneSecondaryOwner = chance(3)
        if chance(3) { rules.maxInvestorPrimaries = 1 + Int(random.next() % 2) }
        // The cycle rules and fixed_order are drawn after everything else, so that the draws before (and the
        // regressions below, which name seeds) stay as they were.
        let cycleRules: Set<Rule> = [.eachPrimaryOnce, .eachBackupAtLeastOnce, .fixedOrder]
        for rule in Rule.configurable where !cycleRules.contains(rule) && chance(3) { rules.soft.insert(rule) }
        result.rules = rules
        for e in result.engineers.indices where chance(2) {
            let t = Int(random.next() % UInt64(weeks))
            let dates = scenario.period.shift(t)
            let role: DutyRole = chance(2) ? .primary : .backup
            switch random.next() % 3 {
            case 0: result.engineers[e].pinned.append(DutyRequest(dates: DateRange(day: dates.first), role: role))
            case 1: result.engineers[e].forbidden.append(DutyRequest(dates: dates, role: chance(2) ? role : nil))
            default: result.engineers[e].undesired.append(DutyRequest(dates: dates, role: chance(2) ? role : nil))
            }
        }
        guard cycles else { return result }
        if chance(3), weeks >= scenario.engineers.count {
            result.rules.cycleWeeks = scenario.engineers.count
            result.rules.eachPrimaryOnce = chance(2)
            result.rules.eachBackupAtLeastOnce = !result.rules.eachPrimaryOnce || chance(2)
        }
        if chance(4) { result.rules.fixedOrder = ["": scenario.engineers.map(\.id).reversed()] }
        for rule in cycleRules where chance(2) { result.rules.soft.insert(rule) }
        return result
    }

    /// Seed 934938 of the property below: GLPK's LP presolver called the held holiday level infeasible (the perturbed
    /// simplex ended 1.1e-7 outside its 1e-7 bound tolerance) though the level before had just found a solution
    /// meeting it; infeasibility is now believed only from the unpresolved problem.
    @Test func aLevelThePresolverCallsInfeasibleIsSolvedWithoutIt() throws {
        var scenario = TestScenarios.random(engineers: 4, weeks: 6, pipelines: 1, minGap: 0, seed: 934938)
        scenario.rules = Rules(
            minGapWeeks: 0, maxConsecutiveDutyWeeks: 2, backupBecomesPrimary: true,
            soft: [.forbiddenDuty, .undesiredDuty, .everyoneSecondaryOwner, .maxConsecutiveDutyWeeks])
        let plan = try Planner(options: PlanOptions(timeLimit: 30)).plan(scenario)
        #expect(plan.provedOptimal)
        #expect(plan.levels.first { $0.kind == .holidayLargest }?.value == 1)
        #expect(RuleChecker(scenario: scenario).check(plan.schedule).isEmpty)
    }

    /// A planned schedule breaks no hard rule and its soft counts equal the solver's level values; when no schedule
    /// fits, every option of the explanation is a schedule that breaks only rules the option names.
    @Test func everyRuleIsKeptOrItsBreakIsExplained() async {
        await propertyCheck(
            count: 40, input: Gen.int(in: 2...5), Gen.int(in: 2...6), Gen.int(in: 1...4), Gen.int(in: 0...1),
            Gen.int(in: 0...1_000_000)
        ) { engineers, weeks, pipelines, gap, seed in
            let base = TestScenarios.random(
                engineers: engineers, weeks: weeks, pipelines: pipelines, minGap: min(gap, weeks - 1),
                seed: UInt64(seed))
            let scenario = Self.withRandomRules(base, seed: UInt64(seed))
            let checker = RuleChecker(scenario: scenario)
            let label = "seed \(seed) \(engineers)/\(weeks)/\(pipelines)/\(gap)"
            do {
                let plan = try Planner(options: PlanOptions(timeLimit: 30)).plan(scenario)
                #expect(checker.check(plan.schedule).isEmpty, "\(label): \(checker.check(plan.schedule))")
                #expect(plan.provedOptimal, "\(label)")
                for level in plan.levels {
                    guard let value = level.value else { continue }
                    // GLPK's value of a continuous deviation may sit a few millionths off the exact figure.
                    #expect(abs(plan.fairness.value(of: level.kind) - value) < 1e-4, "\(label) \(level.kind)")
                }
            } catch PlanningError.noSchedule(let reasons) {
                #expect(!reasons.isEmpty)
                guard Planner.weeksWithoutTwoEngineers(scenario, TeamAvailability(scenario: scenario)).isEmpty else {
                    return
                }
                let explanation = InfeasibilityExplanation.of(scenario)
                #expect(!explanation.options.isEmpty, "\(label): \(reasons)")
                for option in explanation.options {
                    let named = Set(option.instances.map(\.rule))
                    let broken = Set(checker.check(option.schedule).map(\.rule))
                    #expect(broken.isSubset(of: named), "\(label): breaks \(broken) but names \(named)")
                    #expect(!broken.isEmpty, "\(label): the option's schedule keeps every rule, so one existed")
                }
            } catch {
                Issue.record("\(label): \(error)")
            }
        }
    }

    /// Regression: with GLPK's MIP presolver on, this 3-engineer, 2-week scenario with random rules (the draw of seed
    /// 123 below) made a counterfactual solve hand GLPK's cover-cut generator a problem without columns, and GLPK
    /// aborted the whole process (glp_add_cols: ncs = 0). It must now be planned, or explained, like any other.
    /// A CI draw (4 engineers, 5 weeks, 1 pipeline, gap 0, seed 345526): GLPK reported the backup deviation as
    /// 0.8235264 where the counts give 0.8235294; held at the reported value + 10⁻⁶, the next level was infeasible
    /// and the plan was not proved optimal. Deviation levels are now held with 10⁻⁴ relative slack.
    @Test func aDeviationGLPKReportsSlightlyLowIsHeldWithoutMakingTheNextLevelInfeasible() throws {
        let base = TestScenarios.random(engineers: 4, weeks: 5, pipelines: 1, minGap: 0, seed: 345_526)
        let scenario = Self.withRandomRules(base, seed: 345_526, cycles: false)
        let plan = try Planner(options: PlanOptions(timeLimit: 30)).plan(scenario)
        #expect(RuleChecker(scenario: scenario).check(plan.schedule).isEmpty)
        #expect(plan.provedOptimal)
        #expect(plan.levels.count == plan.expectedLevelCount)
    }

    @Test func theScenarioThatMadeGLPKAbortIsPlanned() throws {
        var random = SeededRandom(seed: 123 &* 7919)
        let engineers = 2 + Int(random.next() % 4)
        let weeks = 2 + Int(random.next() % 5)
        let pipelines = 1 + Int(random.next() % 4)
        let gap = Int(random.next() % 2)
        #expect([engineers, weeks, pipelines, gap] == [3, 2, 3, 1])
        let base = TestScenarios.random(
            engineers: engineers, weeks: weeks, pipelines: pipelines, minGap: min(gap, weeks - 1), seed: 123)
        let scenario = Self.withRandomRules(base, seed: 123, cycles: false)
        let plan = try Planner(options: PlanOptions(timeLimit: 30)).plan(scenario)
        #expect(RuleChecker(scenario: scenario).check(plan.schedule).isEmpty)
        #expect(plan.provedOptimal)
        #expect(!plan.holidayConflicts.isEmpty, "the counterfactual analysis ran")
    }
}
