import RotaChecking
import RotaModel

/// The ways on-call tools fill a rotation, as baselines to compare the optimizer's schedules with.
/// None looks ahead, balances holidays or knows the rules beyond what its name says; all hand out ownership in
/// the same round robin (pinned owners kept), so comparisons are about the rotation.
public enum HeuristicSchedule: String, Sendable, CaseIterable {
    /// Strict round robin: in each rotation, shift i goes to roster[i mod n] as primary and roster[i + 1 mod n] as
    /// backup (none in a rotation of primaries alone), whatever anyone's leave (PagerDuty's and Opsgenie's default
    /// layer).
    case roundRobin = "round robin"
    /// LinkedIn Oncall's default scheduler as its code does it (``LinkedInOncallSchedule``): event by event in
    /// date order, an available member never yet in the role, else the one longest since their last shift in it;
    /// the scenario as one Oncall team with a roster per rotation.
    case linkedInOncall = "LinkedIn Oncall's default scheduler"
    /// The same with each rotation an Oncall team of its own.
    case linkedInOncallTeamPerRotation = "LinkedIn Oncall's default scheduler, a team per rotation"

    /// The schedule this heuristic writes for `scenario`.
    public func schedule(for scenario: Scenario) -> Schedule {
        let weeks =
            switch self {
            case .roundRobin: Self.roundRobinWeeks(scenario)
            case .linkedInOncall: LinkedInOncallSchedule.shifts(scenario, teamPerRotation: false)
            case .linkedInOncallTeamPerRotation: LinkedInOncallSchedule.shifts(scenario, teamPerRotation: true)
            }
        return Schedule(shifts: weeks, ownership: Self.roundRobinOwnership(scenario))
    }

    private static func roundRobinWeeks(_ scenario: Scenario) -> [RotationShift] {
        let rotations = scenario.rotations
        return scenario.shifts.map { shift in
            let rotation = rotations[shift.rotation]
            let roster = rotation.roster
            let i = shift.number - 1
            return RotationShift(
                rotation: rotation.id, number: shift.number, dates: shift.dates,
                primary: roster[i % roster.count], backup: rotation.hasBackup ? roster[(i + 1) % roster.count] : nil)
        }
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
