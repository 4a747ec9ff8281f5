/// One step of a pipeline's escalation policy (`escalation:` under a pipeline): whom to call, and how long to wait
/// for an answer or a fix before the next step. Without a policy the chain is Rota's default: the shift's on-call
/// primary, its backup, the pipeline's primary owner, its secondary owner, then the runbook's `outside_team`, each
/// after `escalate_after_hours` (2 h).
public struct EscalationStep: Sendable, Equatable {
    public enum Target: Sendable, Equatable {
        /// The holder of this role in the shift of the rotation covering the pipeline.
        case onCall(DutyRole)
        /// The pipeline's primary (true) or secondary (false) owner in the plan.
        case owner(primary: Bool)
        /// A team outside the rota, by name.
        case team(String)
        /// A named engineer of the scenario, by id.
        case engineer(String)

        public var isTeam: Bool { if case .team = self { true } else { false } }
    }

    public var target: Target
    /// Hours to wait before the next step.
    public var afterHours: Double
    /// How to reach a team step (a channel, a phone number, an address); engineers are reached by `contacts:`.
    public var contact: String?

    public init(target: Target, afterHours: Double, contact: String? = nil) {
        self.target = target
        self.afterHours = afterHours
        self.contact = contact
    }

    /// Rota's default chain, each step after `hours`: on-call primary, backup, primary owner, secondary owner, and an
    /// outside team when the runbook names one.
    public static func defaultPolicy(hours: Double, outsideTeam: String?) -> [EscalationStep] {
        [
            EscalationStep(target: .onCall(.primary), afterHours: hours),
            EscalationStep(target: .onCall(.backup), afterHours: hours),
            EscalationStep(target: .owner(primary: true), afterHours: hours),
            EscalationStep(target: .owner(primary: false), afterHours: hours),
        ] + (outsideTeam.map { [EscalationStep(target: .team($0), afterHours: hours)] } ?? [])
    }
}

extension Pipeline {
    /// The runbook sections the scenario writes for this pipeline: its `runbook:` block's, and escalation when it
    /// has an `escalation:` policy.
    public var writtenRunbookSections: Set<RunbookSection> {
        (runbook?.written ?? []).union(escalation == nil ? [] : [.escalation])
    }

    /// The escalation policy the scenario writes, or the default one.
    public var escalationPolicy: [EscalationStep] {
        escalation
            ?? EscalationStep.defaultPolicy(
                hours: runbook?.escalateAfterHours ?? 2, outsideTeam: runbook?.outsideTeam)
    }
}
