import RotaChecking
import RotaModel
import RotaPlanning

/// Who to call, in order, when a pipeline breaks: this shift's on-call primary → its backup → the pipeline's primary
/// owner → its secondary owner → a team outside the rota (a team owner, or the runbook's `outside_team`). People who
/// already appear earlier in the chain are not repeated.
struct Escalation {
    struct Step: Equatable {
        /// What the step is: "on-call primary", "primary owner of Aggregate profit", "outside team".
        let role: String
        /// An engineer's id, or a team's name.
        let who: String
        let isTeam: Bool

        /// "Aidil (on-call primary)"; teams by name.
        func label(_ name: (String) -> String) -> String { "\(isTeam ? who : name(who)) (\(role))" }
    }

    /// The chain for one shift of a rotation: its primary and backup, then the owners of each pipeline it covers
    /// (or of `pipeline` alone).
    static func chain(_ plan: Plan, week: RotationShift, rotation: Rotation, pipeline: Pipeline? = nil) -> [Step] {
        var steps = [
            Step(role: "on-call primary", who: week.primary, isTeam: false),
            Step(role: "on-call backup", who: week.backup, isTeam: false),
        ]
        let scenario = plan.scenario
        let covered =
            pipeline.map { [$0] }
            ?? {
                let covers = Set(rotation.pipelines)
                return scenario.pipelines.filter { covers.contains($0.id) }
            }()
        let several = covered.count > 1
        for pipeline in covered {
            guard let row = plan.owners[pipeline.id] else { continue }
            let suffix = several ? " of \(pipeline.name)" : ""
            for (role, who, pin) in [
                ("primary owner", row.primary, pipeline.primaryOwner),
                ("secondary owner", row.secondary, pipeline.secondaryOwner),
            ] {
                var isTeam = false
                if case .team = pin { isTeam = true }
                guard !steps.contains(where: { $0.who == who }) else { continue }
                steps.append(Step(role: role + suffix, who: who, isTeam: isTeam))
            }
            if let team = pipeline.runbook?.outsideTeam, !steps.contains(where: { $0.who == team }) {
                steps.append(Step(role: "outside team" + suffix, who: team, isTeam: true))
            }
        }
        return steps
    }
}
