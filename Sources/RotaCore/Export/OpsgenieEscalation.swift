import RotaModel

/// A policy (``EscalationExport``) as the body of Opsgenie's Create Escalation, `POST /v2/escalations`
/// (`CreateEscalationPayload` of opsgenie/opsgenie-oas): `opsgenie-escalation-<pipeline>.json`. Each kept step is
/// one rule that notifies if the alert is not acknowledged, its delay the minutes after the alert at which the
/// policy reaches the step (Opsgenie times every rule from the alert's creation and orders rules by it). A schedule
/// is a `schedule` recipient by id when `pager:` gives a UUID, else by name; an engineer a `user` recipient by
/// username (`contacts.opsgenie`).
enum OpsgenieEscalation {
    struct Body: Encodable {
        struct Rule: Encodable {
            struct Delay: Encodable {
                let timeAmount: Int
                let timeUnit = "minutes"
            }
            struct Recipient: Encodable {
                let type: String
                let id: String?
                let name: String?
                let username: String?
            }
            let condition = "if-not-acked"
            let notifyType = "default"
            let delay: Delay
            let recipient: Recipient
        }
        let name: String
        let description: String
        let rules: [Rule]
    }

    static func body(_ policy: EscalationExport.Policy, scenario: Scenario) -> String {
        let rules = policy.steps.map { step in
            let recipient: Body.Rule.Recipient =
                switch step.target {
                // A UUID (the shape of a GoAlert schedule id) is an Opsgenie schedule id; anything else its name.
                case .schedule(let schedule) where PagerTargets.accepts(schedule, for: .goalert):
                    .init(type: "schedule", id: schedule, name: nil, username: nil)
                case .schedule(let schedule): .init(type: "schedule", id: nil, name: schedule, username: nil)
                case .user(let username): .init(type: "user", id: nil, name: nil, username: username)
                }
            return Body.Rule(delay: .init(timeAmount: step.atMinute), recipient: recipient)
        }
        return EscalationExport.json(
            Body(
                name: EscalationExport.name(policy),
                description: EscalationExport.description(policy, scenario: scenario),
                rules: rules))
    }
}
