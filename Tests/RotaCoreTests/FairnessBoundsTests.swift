import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// `rules.fairness`: bounds the planner holds as constraints and the rule checker judges on any schedule.
@Suite("Declared fairness bounds")
struct FairnessBoundsTests {
    static func withBounds(_ name: String, _ bounds: FairnessBounds) throws -> Scenario {
        var scenario = try TestScenarios.seed(name)
        scenario.rules.fairness = bounds
        return scenario
    }

    @Test func boundsAreReadWithTheirFieldNames() throws {
        let yaml = try String(
            contentsOf: TestScenarios.repositoryRoot.appendingPathComponent("scenarios/xyz-tech-2027q1.yaml"),
            encoding: .utf8)
        let bounded = yaml.replacingOccurrences(
            of: "rules: {min_gap_weeks: 1}",
            with: "rules:\n  min_gap_weeks: 1\n  fairness: {max_deviation: 1.5, max_holiday_burden: 6, "
                + "max_total_holiday_burden: 20, max_ownership_load: 7.5}")
        #expect(bounded != yaml)
        let scenario = try ScenarioReader.parse(yaml: bounded, file: "x.yaml")
        #expect(
            scenario.rules.fairness
                == FairnessBounds(
                    maxDeviation: 1.5, maxHolidayBurden: 6, maxTotalHolidayBurden: 20, maxOwnershipLoad: 7.5))
        let misspelt = yaml.replacingOccurrences(
            of: "rules: {min_gap_weeks: 1}", with: "rules:\n  fairness: {max_holiday_burdn: 6}")
        #expect {
            try ScenarioReader.parse(yaml: misspelt, file: "x.yaml")
        } throws: { error in
            let text = "\(error)"
            let line = misspelt.components(separatedBy: "\n").firstIndex { $0.contains("max_holiday_burdn") }! + 1
            return text.contains("x.yaml:\(line):") && text.contains("max_holiday_burdn")
                && text.contains("max_holiday_burden")
        }
    }

    /// Every bound set just below what the unbounded plan reaches is found by the checker, for each engineer over it.
    @Test(arguments: TestScenarios.seedNames)
    func theCheckerFindsEachBoundBelowThePlannedFigures(_ name: String) throws {
        let scenario = try TestScenarios.seed(name)
        let plan = try Planner().plan(scenario)
        let fairness = plan.fairness
        var tight = scenario
        tight.rules.fairness = FairnessBounds(
            maxDeviation: max(fairness.largestPrimaryDeviation, fairness.largestBackupDeviation) - 0.01,
            maxHolidayBurden: fairness.largestHolidayBurden - 1,
            maxTotalHolidayBurden: fairness.totalHolidayBurden - 1,
            maxOwnershipLoad: fairness.largestOwnershipLoad - 0.01)
        let findings = RuleChecker(scenario: tight).check(plan.schedule)
        let overLoad = fairness.engineers.filter { $0.ownershipLoad == fairness.largestOwnershipLoad }.map(
            \.engineer.id)
        #expect(findings.filter { $0.rule == .maxOwnershipLoad }.map(\.engineer) == overLoad)
        let overHoliday = fairness.engineers.filter { $0.holidayBurden == fairness.largestHolidayBurden }
        #expect(findings.filter { $0.rule == .maxHolidayBurden }.count == overHoliday.count)
        #expect(findings.filter { $0.rule == .maxTotalHolidayBurden }.count == 1)
        #expect(!findings.filter { $0.rule == .maxDeviation }.isEmpty)
        // At the planned figures exactly, nothing is found.
        var exact = scenario
        exact.rules.fairness = FairnessBounds(
            maxDeviation: max(fairness.largestPrimaryDeviation, fairness.largestBackupDeviation),
            maxHolidayBurden: fairness.largestHolidayBurden, maxTotalHolidayBurden: fairness.totalHolidayBurden,
            maxOwnershipLoad: fairness.largestOwnershipLoad)
        #expect(RuleChecker(scenario: exact).check(plan.schedule).isEmpty)
    }

    /// A bound on the largest holiday burden below the lexicographic optimum's: the planner must find a schedule that
    /// keeps it (paying with a higher total, which is minimized first without the bound) or say no schedule does.
    @Test(arguments: TestScenarios.seedNames)
    func thePlannerKeepsABoundOrSaysWhichOneCannotHold(_ name: String) throws {
        let unbounded = try Planner().plan(try TestScenarios.seed(name))
        let largest = unbounded.fairness.largestHolidayBurden
        guard largest > 0 else { return }
        let scenario = try Self.withBounds(name, FairnessBounds(maxHolidayBurden: largest - 1))
        let result = Result { () throws(PlanningError) -> Plan in try Planner().plan(scenario) }
        switch result {
        case .success(let plan):
            #expect(plan.fairness.largestHolidayBurden <= largest - 1)
            // The bound only removes schedules: the bounded plan cannot be lexicographically better.
            let kinds = unbounded.levels.map(\.kind)
            let before = kinds.map { unbounded.fairness.value(of: $0) }
            let after = kinds.map { plan.fairness.value(of: $0) }
            let first = zip(before, after).first { abs($0 - $1) > 1e-9 }
            #expect(first.map { $0.1 > $0.0 } ?? true, "\(before) → \(after)")
            #expect(RuleChecker(scenario: scenario).check(plan.schedule).isEmpty)
        case .failure(let error):
            // The explanation names the bound and the best figure a schedule can have without it (as one way out;
            // relaxing leave or the gap rule once may be another).
            #expect("\(error)".contains("raise rules.fairness.max_holiday_burden to \(largest)"), "\(error)")
        }
    }

    @Test func aBoundThatMovesTheScheduleIsKept() throws {
        // Four engineers in AU-NSW, IN-KA, GB-ENG and MY-14 over 8 weeks from 2026-03-16 (Easter, Hari Raya). The
        // lexicographic optimum has largest holiday burden 2 at backup deviation 0.4; keeping everyone at 1 or less
        // costs backup balance (0.87), which the bound ranks above it. Found by searching random scenarios.
        var scenario = TestScenarios.random(engineers: 4, weeks: 8, pipelines: 3, minGap: 1, seed: 54)
        let unbounded = try Planner().plan(scenario)
        #expect(unbounded.fairness.largestHolidayBurden == 2)
        scenario.rules.fairness = FairnessBounds(maxHolidayBurden: 1)
        let plan = try Planner().plan(scenario)
        #expect(plan.fairness.largestHolidayBurden == 1)
        #expect(plan.fairness.largestBackupDeviation > unbounded.fairness.largestBackupDeviation + 0.4)
        #expect(plan.provedOptimal)
        #expect(RuleChecker(scenario: scenario).check(plan.schedule).isEmpty)
        #expect(RuleChecker(scenario: scenario).check(unbounded.schedule).map(\.rule).contains(.maxHolidayBurden))
    }

    @Test func anImpossibleDeviationIsExplainedWithTheBestFigures() throws {
        // Fair shares in xyz-tech are not whole numbers, so no schedule has deviation 0. Both deviation rows (primary
        // and backup) must be relaxed, and the suggestion is the best deviation of the unbounded plan.
        let best = try Planner().plan(try TestScenarios.seed("xyz-tech-2027q1")).fairness
        let value = TextFormatting.number(max(best.largestPrimaryDeviation, best.largestBackupDeviation))
        let scenario = try Self.withBounds("xyz-tech-2027q1", FairnessBounds(maxDeviation: 0))
        #expect {
            try Planner().plan(scenario)
        } throws: { error in
            guard case PlanningError.noSchedule(let reasons) = error else { return false }
            return reasons.count == 2
                && reasons[0].contains("the fewest rule instances to give up is 2 (proved by GLPK")
                && reasons[1] == "either raise rules.fairness.max_deviation to \(value)"
        }
    }
}
