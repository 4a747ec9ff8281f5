import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// The level `across_rotations_balance`: each engineer's weeks of a role summed over the rotations, against their
/// summed fair shares. Judged against exhaustive search over small two-rotation teams: the plan's levels are the
/// lexicographic optimum with the new level in place, so the levels before it are what they were without it.
@Suite("Balance across rotations")
struct AcrossRotationsBalanceTests {
    /// A random two-rotation team: 3 or 4 engineers (in Selangor, or drawn from `regions`), rosters of 2 or more
    /// drawn from them, 2 weekly shifts from one of `mondays` (near holidays), some leave, and `rules` (small enough
    /// to enumerate every schedule).
    static func scenario(
        seed: UInt64,
        mondays: [String] = ["2027-01-25", "2027-02-01", "2027-03-01", "2027-05-17", "2027-10-25", "2027-12-20"],
        regions: [String] = ["MY-10"],
        rules: String =
            "{min_gap_weeks: 0, priorities: [on_call_balance, across_rotations_balance, holiday_burden, ownership_balance]}"
    ) throws -> Scenario {
        var random = SeededRandom(seed: seed)
        let count = 3 + Int(random.next() % 2)
        let weeks = 2
        let start = CalendarDate(iso: mondays[Int(random.next() % UInt64(mondays.count))])!
        let ids = (0..<count).map { "e\($0)" }
        var engineers: [String] = []
        for id in ids {
            let region = regions.count == 1 ? regions[0] : regions[Int(random.next() % UInt64(regions.count))]
            var leave = ""
            if random.next() % 4 == 0 {
                let day = start.adding(days: Int(random.next() % UInt64(7 * weeks)))
                leave = ", leave: [\"\(day)\"]"
            }
            engineers.append("  - {id: \(id), region: \(region)\(leave)}")
        }
        func roster() -> [String] {
            var chosen = ids.filter { _ in random.next() % 4 != 0 }
            for id in ids where chosen.count < 2 && !chosen.contains(id) { chosen.append(id) }
            return chosen
        }
        let yaml = """
            name: across-\(seed)
            period: {start: \(start), weeks: \(weeks)}
            engineers:
            \(engineers.joined(separator: "\n"))
            pipelines:
              - {id: p0}
              - {id: p1}
            rotations:
              - {id: a, engineers: [\(roster().joined(separator: ", "))], pipelines: [p0]}
              - {id: b, engineers: [\(roster().joined(separator: ", "))], pipelines: [p1]}
            rules: \(rules)
            """
        return try ScenarioReader.parse(yaml: yaml, file: "across.yaml")
    }

    static let rotationRules: Set<Rule> = [.unknownEngineer, .distinctRoles, .leave, .minGapWeeks, .exclusivePrimary]

    /// Every valid two-rotation schedule: each shift's (primary, backup) from its rotation's roster, pruned by the
    /// independent checker on each prefix.
    static func schedules(_ scenario: Scenario, judging rules: Set<Rule> = rotationRules) -> [[RotationShift]] {
        let checker = RuleChecker(scenario: scenario)
        let slots = scenario.rotations.flatMap { rotation in
            rotation.period.allShifts.enumerated().map { (rotation, $0.offset + 1, $0.element) }
        }
        var valid: [[RotationShift]] = []
        func extend(_ prefix: [RotationShift]) {
            if prefix.count == slots.count {
                valid.append(prefix)
                return
            }
            let (rotation, number, dates) = slots[prefix.count]
            for primary in rotation.roster {
                for backup in rotation.roster where backup != primary {
                    let next =
                        prefix + [
                            RotationShift(
                                rotation: rotation.id, number: number, dates: dates, primary: primary, backup: backup)
                        ]
                    let findings = checker.check(Schedule(shifts: next, ownership: []))
                    if !findings.contains(where: { rules.contains($0.rule) }) { extend(next) }
                }
            }
        }
        extend([])
        return valid
    }

    @Test func thePlanIsTheLexicographicOptimumWithTheLevelInPlace() throws {
        var improved = 0
        var compared = 0
        for seed: UInt64 in 1...28 {
            let scenario = try Self.scenario(seed: seed)
            let all = Self.schedules(scenario)
            guard let plan = try? Planner().plan(scenario) else {
                #expect(all.isEmpty, "seed \(seed): the planner found no schedule but one exists")
                continue
            }
            compared += 1
            let kinds = plan.levels.map(\.kind).filter { !$0.isOwnership }
            #expect(kinds.prefix(3) == [.primaryBalance, .backupBalance, .acrossRotationsBalance], "seed \(seed)")
            func figures(_ shifts: [RotationShift]) -> [Double] {
                let report = FairnessReport(schedule: Schedule(shifts: shifts, ownership: []), scenario: scenario)
                return kinds.map { report.value(of: $0) }
            }
            let best = all.map(figures).min(by: BruteForce.lexicographicallyLess)!
            let planned = figures(plan.schedule.shifts)
            for (index, kind) in kinds.enumerated() {
                #expect(abs(planned[index] - best[index]) < 1e-9, "seed \(seed) \(kind)")
                // The solver's value is the independent evaluator's.
                if let value = plan.levels.first(where: { $0.kind == kind })?.value {
                    #expect(abs(value - planned[index]) < 1e-6, "seed \(seed) \(kind)")
                }
            }
            // Without the level, a schedule as balanced per rotation could be worse across them: count the teams
            // where the worst such schedule is.
            let perRotation = all.filter { shifts in
                let values = figures(shifts)
                return abs(values[0] - best[0]) < 1e-9 && abs(values[1] - best[1]) < 1e-9
            }
            if let worst = perRotation.map({ figures($0)[2] }).max(), worst > best[2] + 1e-9 { improved += 1 }
        }
        #expect(compared >= 14)
        #expect(improved > 0, "no random team needed the level: the test shows nothing")
    }

    @Test func oneRotationHasNoSuchLevelAndItIsOnlyThereWhenNamed() throws {
        let plan = try Planner().plan(try TestScenarios.seed("xyz-tech-2027q1"))
        #expect(!plan.levels.contains { $0.kind == .acrossRotationsBalance })
        var unnamed = try Self.scenario(seed: 1)
        unnamed.rules.priorities = PlanningGoal.allCases.map(Priority.goal)
        #expect(!(try Planner().plan(unnamed)).levels.contains { $0.kind == .acrossRotationsBalance })
    }
}
