import RotaChecking
import RotaModel

/// The two ways on-call tools usually fill a rotation, as baselines to compare the optimizer's schedules with.
/// Neither looks ahead, balances holidays or knows the rules beyond what its name says; both hand out ownership in
/// the same round robin (pinned owners kept), so comparisons are about the rotation.
public enum HeuristicSchedule: String, Sendable, CaseIterable {
    /// Strict round robin: in each rotation, shift i goes to roster[i mod n] as primary and roster[i + 1 mod n] as
    /// backup, whatever anyone's leave (PagerDuty's and Opsgenie's default layer).
    case roundRobin = "round robin"
    /// Longest since last shift: shift by shift in date order, the two people who have been off duty longest (any
    /// rotation; ties in roster order) and are not on leave nor on duty in an overlapping shift of another rotation
    /// become primary and backup. Only if fewer than two such people exist is someone on leave taken.
    case longestIdle = "longest since last shift, skipping leave"

    /// The schedule this heuristic writes for `scenario`.
    public func schedule(for scenario: Scenario) -> Schedule {
        let availability = TeamAvailability(scenario: scenario)
        let weeks =
            switch self {
            case .roundRobin: Self.roundRobinWeeks(scenario)
            case .longestIdle: Self.longestIdleWeeks(scenario, availability)
            }
        return Schedule(shifts: weeks, ownership: Self.roundRobinOwnership(scenario))
    }

    private static func roundRobinWeeks(_ scenario: Scenario) -> [RotationShift] {
        let rotations = scenario.rotations
        return scenario.shifts.map { shift in
            let roster = rotations[shift.rotation].roster
            let i = shift.number - 1
            return RotationShift(
                rotation: rotations[shift.rotation].id, number: shift.number, dates: shift.dates,
                primary: roster[i % roster.count], backup: roster[(i + 1) % roster.count])
        }
    }

    private static func longestIdleWeeks(_ scenario: Scenario, _ availability: TeamAvailability) -> [RotationShift] {
        let rotations = scenario.rotations
        let shifts = scenario.shifts
        let index = Dictionary(uniqueKeysWithValues: scenario.engineers.enumerated().map { ($1.id, $0) })
        /// Last day of each engineer's latest duty (nil: none yet, which counts as longest).
        var lastDuty = [Int?](repeating: nil, count: scenario.engineers.count)
        var busy: [(engineer: Int, dates: DateRange)] = []
        var result = [RotationShift?](repeating: nil, count: shifts.count)
        let order = shifts.indices.sorted { (shifts[$0].dates.first, $0) < (shifts[$1].dates.first, $1) }
        for t in order {
            let shift = shifts[t]
            let roster = rotations[shift.rotation].roster.compactMap { index[$0] }
            func idleOrder(_ a: Int, _ b: Int) -> Bool {
                (lastDuty[a] ?? Int.min, roster.firstIndex(of: a)!) < (
                    lastDuty[b] ?? Int.min, roster.firstIndex(of: b)!
                )
            }
            let elsewhere = Set(busy.filter { $0.dates.overlaps(shift.dates) }.map(\.engineer))
            let free = roster.filter { !availability.shifts[$0][t].onLeave && !elsewhere.contains($0) }.sorted(
                by: idleOrder)
            let fallback = roster.filter { !free.contains($0) }.sorted(by: idleOrder)
            let chosen = Array((free + fallback).prefix(2))
            for e in chosen {
                lastDuty[e] = shift.dates.last.dayNumber
                busy.append((e, shift.dates))
            }
            result[t] = RotationShift(
                rotation: rotations[shift.rotation].id, number: shift.number, dates: shift.dates,
                primary: scenario.engineers[chosen[0]].id, backup: scenario.engineers[chosen[1]].id)
        }
        return result.map { $0! }
    }

    /// Pipeline k: primary owner engineer k mod n, secondary the next one; pinned owners (engineer or team) kept.
    private static func roundRobinOwnership(_ scenario: Scenario) -> [OwnershipAssignment] {
        let ids = scenario.engineers.map(\.id)
        return scenario.pipelines.enumerated().map { k, pipeline in
            let primary = pipeline.primaryOwner?.name ?? ids[k % ids.count]
            var secondary = pipeline.secondaryOwner?.name ?? ids[(k + 1) % ids.count]
            if secondary == primary { secondary = ids[(k + 2) % ids.count] }
            return OwnershipAssignment(pipeline: pipeline.id, primary: primary, secondary: secondary)
        }
    }
}
