import Foundation
import LinearProgramming
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// The holiday-conflict analysis on teams of two rotations, where its questions (the level's LP bound, then the
/// nearest schedule reaching it, first within the duty's own rotation) take a path that one-rotation teams never
/// do. Every reason is judged against exhaustive search over all valid schedules.
@Suite("Holiday analysis across rotations")
struct HolidayAnalysisTests {
    /// A random two-rotation team of 3 or 4 engineers from regions with different holidays, 2 weekly shifts from a
    /// Monday in a holiday week, some leave, and `exclusive_duty` on half the teams.
    static func scenario(seed: UInt64) throws -> Scenario {
        var coin = SeededRandom(seed: seed &+ 1_000)
        return try AcrossRotationsBalanceTests.scenario(
            seed: seed, mondays: ["2027-02-08", "2027-03-08", "2027-03-29", "2027-05-17", "2027-10-25", "2027-12-20"],
            regions: ["MY-10", "SG", "IN-KA", "GB-ENG"],
            rules: "{min_gap_weeks: 0, exclusive_duty: \(coin.next() % 2 == 0)}")
    }

    @Test func everyReasonAgreesWithTheBestScheduleThatAvoidsTheDuty() throws {
        var judged = 0
        var worse = 0
        var ties = 0
        for seed: UInt64 in 1...80 {
            let scenario = try Self.scenario(seed: seed)
            let all = AcrossRotationsBalanceTests.schedules(
                scenario, judging: AcrossRotationsBalanceTests.rotationRules.union([.exclusiveDuty]))
            guard let plan = try? Planner().plan(scenario) else { continue }
            let kinds = plan.levels.map(\.kind).filter { !$0.isOwnership }
            func figures(_ shifts: [RotationShift]) -> [Double] {
                let report = FairnessReport(schedule: Schedule(shifts: shifts, ownership: []), scenario: scenario)
                return kinds.map { report.value(of: $0) }
            }
            let planned = figures(plan.schedule.shifts)
            for conflict in plan.holidayConflicts {
                let avoiding = all.filter { shifts in
                    guard let shift = shifts.first(where: { $0.key == conflict.week.key }) else { return false }
                    let holder = scenario.engineer(shift.engineer(for: conflict.role)!)!
                    return scenario.personalCalendar(holder).burden(during: shift.dates).weight == 0
                }
                judged += 1
                guard let best = avoiding.map(figures).min(by: BruteForce.lexicographicallyLess) else {
                    #expect(
                        conflict.reason == .hardRules
                            || conflict.reason.sameCase(as: .nobodyElse(onLeave: [], withHolidays: [])),
                        "seed \(seed): \(conflict.reason)")
                    continue
                }
                guard let k = best.indices.first(where: { abs(best[$0] - planned[$0]) > 1e-9 }) else {
                    #expect(conflict.reason == .tie, "seed \(seed): \(conflict.reason)")
                    ties += 1
                    continue
                }
                #expect(best[k] > planned[k], "seed \(seed): avoiding it was better")
                guard case .worse(let kind, let was, let alternative) = conflict.reason else {
                    Issue.record("seed \(seed): expected worse(\(kinds[k])), got \(conflict.reason)")
                    continue
                }
                worse += 1
                #expect(kind == kinds[k], "seed \(seed)")
                #expect(abs(was - planned[k]) < 1e-6 && abs(alternative - best[k]) < 1e-6, "seed \(seed)")
            }
        }
        // The random teams must hold conflicts of both kinds, or the comparison shows little.
        #expect(judged >= 10, "only \(judged) conflicts judged")
        #expect(worse >= 3, "only \(worse) conflicts a level keeps")
        #expect(ties >= 3, "only \(ties) ties")
    }
}

/// The first incumbent a level with a proximity start gets (``LexicographicSolver/improvedStart``): from a reference
/// that breaks rows it is repaired to a solution, and a solution reaching the level's rounded LP bound is optimal.
/// Judged against every 0/1 vector of a small covering model.
@Suite("A level's improved start")
struct ImprovedStartTests {
    @Test func anInfeasibleReferenceIsRepairedAndTheBoundReached() throws {
        var proofs = 0
        for seed: UInt64 in 1...20 {
            var random = SeededRandom(seed: seed)
            var model = Model(name: "cover")
            let x = (0..<8).map { model.addVariable("x(\($0))", .binary) }
            // Each of 6 demands is met by 2-4 of the columns; costs 1-4.
            for d in 0..<6 {
                let members = x.indices.filter { _ in random.next() % 3 == 0 }
                let chosen = members.count >= 2 ? members : [d % 8, (d + 3) % 8]
                model.add("demand(\(d))", LinearExpression.sum(chosen.map { x[$0] }) >= 1)
            }
            let costs = x.indices.map { _ in Double(1 + random.next() % 4) }
            let cost = LinearExpression.sum(zip(costs, x).map { $0 * $1 })
            model.minimize(cost)
            let level = ObjectiveLevel(kind: .holidayTotal, expression: cost)
            let all = (0..<256).map { subset in (0..<8).map { subset & (1 << $0) != 0 ? 1.0 : 0.0 } }
            let optimum = all.filter { model.isFeasible($0) }.map { cost.evaluate($0) }.min()!
            let nothing = [Double](repeating: 0, count: 8)
            #expect(!model.isFeasible(nothing))
            let solver = LexicographicSolver(options: SolveOptions())
            let start = try solver.improvedStart(
                model, level: level, from: nothing, options: SolveOptions(), nodeLimit: 200)
            let values = try #require(start.values, "seed \(seed): no start")
            #expect(model.isFeasible(values), "seed \(seed)")
            #expect(cost.evaluate(values) >= optimum - 1e-9, "seed \(seed)")
            // The LP bound rounded up is reached whenever it is the optimum; the rounds do the rest within their nodes.
            var relaxed = SolveOptions()
            relaxed.relaxationOnly = true
            let bound = (try model.solve(relaxed).objectiveValue! - 1e-6).rounded(.up)
            if bound == optimum { #expect(cost.evaluate(values) == optimum, "seed \(seed)") }
            // A value it calls proved is the optimum, and the start has it.
            if let proved = start.provedValue {
                proofs += 1
                #expect(proved == optimum && cost.evaluate(values) == proved, "seed \(seed)")
            }
        }
        #expect(proofs > 0, "no start was proved by its bound: the check shows nothing")
    }
}
