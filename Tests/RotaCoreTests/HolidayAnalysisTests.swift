import Foundation
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
        var random = SeededRandom(seed: seed)
        let count = 3 + Int(random.next() % 2)
        let mondays = ["2027-02-08", "2027-03-08", "2027-03-29", "2027-05-17", "2027-10-25", "2027-12-20"]
        let start = CalendarDate(iso: mondays[Int(random.next() % UInt64(mondays.count))])!
        let regions = ["MY-10", "SG", "IN-KA", "GB-ENG"]
        let ids = (0..<count).map { "e\($0)" }
        let engineers = ids.map { id in
            let region = regions[Int(random.next() % UInt64(regions.count))]
            let leave =
                random.next() % 4 == 0 ? ", leave: [\"\(start.adding(days: Int(random.next() % 14)))\"]" : ""
            return "  - {id: \(id), region: \(region)\(leave)}"
        }
        func roster() -> [String] {
            var chosen = ids.filter { _ in random.next() % 4 != 0 }
            for id in ids where chosen.count < 2 && !chosen.contains(id) { chosen.append(id) }
            return chosen
        }
        let exclusive = random.next() % 2 == 0
        let yaml = """
            name: holiday-analysis-\(seed)
            period: {start: \(start), weeks: 2}
            engineers:
            \(engineers.joined(separator: "\n"))
            pipelines:
              - {id: p0}
              - {id: p1}
            rotations:
              - {id: a, engineers: [\(roster().joined(separator: ", "))], pipelines: [p0]}
              - {id: b, engineers: [\(roster().joined(separator: ", "))], pipelines: [p1]}
            rules: {min_gap_weeks: 0, exclusive_duty: \(exclusive)}
            """
        return try ScenarioReader.parse(yaml: yaml, file: "holiday-analysis.yaml")
    }

    @Test func everyReasonAgreesWithTheBestScheduleThatAvoidsTheDuty() throws {
        var judged = 0
        var worse = 0
        var ties = 0
        for seed: UInt64 in 1...40 {
            let scenario = try Self.scenario(seed: seed)
            let all = AcrossRotationsBalanceTests.schedules(
                scenario, judging: AcrossRotationsBalanceTests.rotationRules.union([.exclusiveDuty]))
            guard let plan = try? Planner().plan(scenario) else { continue }
            let kinds = plan.levels.map(\.kind).filter { $0 != .ownershipLargest }
            func figures(_ shifts: [RotationShift]) -> [Double] {
                let report = FairnessReport(schedule: Schedule(shifts: shifts, ownership: []), scenario: scenario)
                return kinds.map { report.value(of: $0) }
            }
            let planned = figures(plan.schedule.shifts)
            for conflict in plan.holidayConflicts {
                let avoiding = all.filter { shifts in
                    guard let shift = shifts.first(where: { $0.key == conflict.week.key }) else { return false }
                    let holder = scenario.engineer(shift.engineer(for: conflict.role))!
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
