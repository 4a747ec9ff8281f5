import BenchmarkSupport
import Testing

@testable import RotaChecking
@testable import RotaModel
@testable import RotaPlanning

/// The benchmark's baselines do what the tools they stand for do.
@Suite("the benchmark's baselines")
struct BaselineScheduleTests {
    /// ana, ben and cat in England, one rotation from 2027-03-01; `benOnLeave` a leave day of ben's.
    static func threeEngineers(weeks: Int, benOnLeave: String? = nil) throws -> Scenario {
        let leave = benOnLeave.map { ", leave: [\"\($0)\"]" } ?? ""
        return try ScenarioReader.parse(
            yaml: """
                name: oncall
                period: {start: 2027-03-01, weeks: \(weeks)}
                engineers:
                  - {id: ana, region: GB-ENG}
                  - {id: ben, region: GB-ENG\(leave)}
                  - {id: cat, region: GB-ENG}
                pipelines:
                  - {id: p1, name: P1, investor_facing: false, on_call: true}
                """, file: "oncall.yaml")
    }

    /// Worked by hand from Oncall's default.py. Week 1: everyone is new, so the roster's first two. Week 2: ben is on
    /// vacation; cat is the one never primary, ana the one never secondary. Week 3: ben is the last never primary,
    /// cat the last never secondary. Week 4: everyone has held both, so the primary is whoever was primary longest
    /// ago (ana, week 1) and the secondary likewise among the free ben and cat (ben, week 1).
    @Test func oncallsDefaultSchedulerOnAWorkedExample() throws {
        let scenario = try Self.threeEngineers(weeks: 4, benOnLeave: "2027-03-10")
        let shifts = HeuristicSchedule.linkedInOncall.schedule(for: scenario).shifts
        #expect(shifts.map(\.primary) == ["ana", "cat", "ben", "ana"])
        #expect(shifts.map(\.backup) == ["ben", "ana", "cat", "ben"])
    }

    /// The history's shifts are past events: whoever was primary last before the period is primary last now.
    @Test func oncallReadsTheHistoryAsPastEvents() throws {
        var scenario = try Self.threeEngineers(weeks: 3)
        // The last three weeks before the period, most recent first: ben/ana, cat/ben, ana/cat.
        scenario.history = DutyHistory(
            shifts: DutyHistory.Shift.weekly(
                before: scenario.period.dates.first, [("ben", "ana"), ("cat", "ben"), ("ana", "cat")]))
        let shifts = HeuristicSchedule.linkedInOncall.schedule(for: scenario).shifts
        #expect(shifts.map(\.primary) == ["ana", "cat", "ben"])
        #expect(shifts.map(\.backup) == ["cat", "ben", "ana"])
    }

    /// With a team per rotation, each rotation's schedule is what Oncall writes for that rotation alone; with one
    /// rotation the two readings agree; on a two-rotation team they differ (duty elsewhere no longer counts).
    @Test func aTeamPerRotationIsEachRotationAlone() throws {
        let scenario = try GeneratorTests.generate(GeneratorSpec(size: .m, seed: 2)).scenario
        #expect(scenario.rotations.count == 2)
        let apart = HeuristicSchedule.linkedInOncallTeamPerRotation.schedule(for: scenario).shifts
        for rotation in scenario.rotations {
            var alone = scenario
            alone.declaredRotations = scenario.declaredRotations?.filter { $0.id == rotation.id }
            let own = HeuristicSchedule.linkedInOncall.schedule(for: alone).shifts
            #expect(apart.filter { $0.rotation == rotation.id } == own, "\(rotation.id)")
        }
        #expect(apart != HeuristicSchedule.linkedInOncall.schedule(for: scenario).shifts)
        let single = try GeneratorTests.generate(GeneratorSpec(size: .s, seed: 1)).scenario
        #expect(
            HeuristicSchedule.linkedInOncallTeamPerRotation.schedule(for: single).shifts
                == HeuristicSchedule.linkedInOncall.schedule(for: single).shifts)
    }

    /// On generated teams, every choice is the one Oncall's rules make, judged event by event against the
    /// schedule itself: the holder is free unless everyone is busy; a free member never in the role before, if
    /// any, is taken first in roster order; otherwise no free member's last shift in the role ended earlier.
    @Test(arguments: [GeneratorSize.s, .m])
    func everyOncallChoiceFollowsItsRules(_ size: GeneratorSize) throws {
        for seed: UInt64 in 1...3 {
            let scenario = try GeneratorTests.generate(GeneratorSpec(size: size, seed: seed)).scenario
            let schedule = HeuristicSchedule.linkedInOncall.schedule(for: scenario)
            let slots = scenario.shifts
            let rotations = scenario.rotations
            #expect(Set(slots.map(\.dates)).count == slots.count / rotations.count, "rotations share their weeks")
            let engineers = Dictionary(uniqueKeysWithValues: scenario.engineers.map { ($0.id, $0) })
            let clocks = scenario.shiftClocks
            // (slot, role) in Oncall's order: by start, primaries first, then rotation order.
            let events = slots.indices.flatMap { t in DutyRole.allCases.map { (t, $0) } }.sorted {
                (slots[$0.0].dates.first, $0.1 == .primary ? 0 : 1, $0.0) < (
                    slots[$1.0].dates.first, $1.1 == .primary ? 0 : 1, $1.0
                )
            }
            var past: [(id: String, role: DutyRole, dates: DateRange)] = []
            var leaveTaken = 0
            for (t, role) in events {
                let dates = slots[t].dates
                let holder = try #require(schedule.shifts[t].engineer(for: role))
                let roster = rotations[slots[t].rotation].roster
                let free = roster.filter { id in
                    !engineers[id]!.isOnLeave(during: dates, span: clocks[slots[t].rotation].span(of: dates))
                        && !past.contains { $0.id == id && $0.dates.overlaps(dates) }
                }
                func lastEnd(_ id: String) -> CalendarDate? {
                    past.filter { $0.id == id && $0.role == role && $0.dates.last < dates.first }.map(\.dates.last)
                        .max()
                }
                if free.isEmpty {
                    leaveTaken += 1
                } else if let new = free.first(where: { lastEnd($0) == nil }) {
                    #expect(holder == new, "\(scenario.name) \(role) in slot \(t)")
                } else {
                    #expect(free.contains(holder))
                    let earliest = free.compactMap(lastEnd).min()!
                    #expect(lastEnd(holder) == earliest, "\(scenario.name) \(role) in slot \(t)")
                }
                past.append((holder, role, dates))
            }
            let quality = ScheduleQuality(schedule: schedule, scenario: scenario)
            #expect(quality.leaveViolations <= leaveTaken)
            #expect(schedule.shifts.allSatisfy { $0.primary != $0.backup })
            // It knows no fair shares: never better than the optimum when it breaks no hard rule.
            if size == .s, quality.leaveViolations == 0, quality.otherViolations == 0 {
                let optimum = try Planner().plan(scenario)
                #expect(quality.primaryDeviation >= optimum.levels[0].value! - 1e-9)
            }
        }
    }
}
