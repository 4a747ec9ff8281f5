import RotaChecking
import RotaModel
import RotaPlanning

/// Who to call, in order, when a pipeline breaks: its escalation policy (``Pipeline/escalationPolicy``; by default
/// this shift's on-call primary → its backup → the primary owner → the secondary owner → a team outside the rota)
/// with the plan's people in it. Someone already called earlier in the chain is not repeated.
struct Escalation {
    struct Step: Equatable {
        /// What the step is: "on-call primary", "primary owner of Aggregate profit", "outside team".
        let role: String
        /// An engineer's id, or a team's name.
        let who: String
        let isTeam: Bool
        /// Hours to wait before the next step.
        let afterHours: Double
        /// How to reach a team step.
        let contact: String?
        /// Whether the step is the shift's on-call primary or backup.
        var isOnCall = false

        /// "Aidil (on-call primary)"; teams by name.
        func label(_ name: (String) -> String) -> String { "\(isTeam ? who : name(who)) (\(role))" }
    }

    /// The chain of `pipeline` in `week` of the rotation covering it (nil: no rotation, and no on-call steps).
    static func chain(_ plan: Plan, week: RotationShift?, pipeline: Pipeline, suffix: String = "") -> [Step] {
        var steps: [Step] = []
        let row = plan.owners[pipeline.id]
        for step in pipeline.escalationPolicy {
            let role: String
            let who: String?
            var isTeam = false
            switch step.target {
            case .onCall(let duty):
                role = "on-call \(duty.rawValue)"
                who = week?.engineer(for: duty)
            case .owner(let primary):
                role = (primary ? "primary owner" : "secondary owner") + suffix
                who = primary ? row?.primary : row?.secondary
                if case .team = primary ? pipeline.primaryOwner : pipeline.secondaryOwner { isTeam = true }
            case .team(let name):
                role = "outside team" + suffix
                who = name
                isTeam = true
            case .engineer(let id):
                role = "escalation contact" + suffix
                who = id
            }
            guard let who, !steps.contains(where: { $0.who == who }) else { continue }
            var made = Step(role: role, who: who, isTeam: isTeam, afterHours: step.afterHours, contact: step.contact)
            if case .onCall = step.target { made.isOnCall = true }
            steps.append(made)
        }
        return steps
    }

    /// The chains of a rotation's shift over the pipelines it covers: one merged chain (owners named by pipeline)
    /// while they all follow the default policy, else one chain per pipeline, each with the pipeline's name.
    static func chains(_ plan: Plan, week: RotationShift, rotation: Rotation) -> [(pipeline: String?, steps: [Step])] {
        let covers = Set(rotation.pipelines)
        let covered = plan.scenario.pipelines.filter { covers.contains($0.id) }
        guard covered.contains(where: { $0.escalation != nil }) else {
            var merged: [Step] = []
            for pipeline in covered {
                let suffix = covered.count > 1 ? " of \(pipeline.name)" : ""
                for step in chain(plan, week: week, pipeline: pipeline, suffix: suffix)
                where !merged.contains(where: { $0.who == step.who }) {
                    merged.append(step)
                }
            }
            return [(nil, merged)]
        }
        return covered.map { ($0.name, chain(plan, week: week, pipeline: $0)) }
    }
}
