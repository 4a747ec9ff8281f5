import RotaModel

/// A policy (``EscalationExport``) as the body of PagerDuty's `POST /escalation_policies`:
/// `pagerduty-escalation-<pipeline>.json`. Each kept step is one escalation rule, its
/// `escalation_delay_in_minutes` how long it waits before the next; schedules are `schedule_reference`s, engineers
/// `user_reference`s (`contacts.pagerduty`).
enum PagerDutyEscalation {
    struct Body: Encodable {
        struct Policy: Encodable {
            struct Rule: Encodable {
                struct Target: Encodable {
                    let id: String
                    let type: String
                }
                let escalationDelayInMinutes: Int
                let targets: [Target]

                enum CodingKeys: String, CodingKey {
                    case escalationDelayInMinutes = "escalation_delay_in_minutes"
                    case targets
                }
            }
            let type = "escalation_policy"
            let name: String
            let description: String
            let numLoops = 0
            let escalationRules: [Rule]

            enum CodingKeys: String, CodingKey {
                case type, name, description
                case numLoops = "num_loops"
                case escalationRules = "escalation_rules"
            }
        }
        let escalationPolicy: Policy

        enum CodingKeys: String, CodingKey { case escalationPolicy = "escalation_policy" }
    }

    static func body(_ policy: EscalationExport.Policy, scenario: Scenario) -> String {
        let rules = policy.steps.map { step in
            let target: Body.Policy.Rule.Target =
                switch step.target {
                case .schedule(let id): .init(id: id, type: "schedule_reference")
                case .user(let id): .init(id: id, type: "user_reference")
                }
            return Body.Policy.Rule(escalationDelayInMinutes: step.waitMinutes, targets: [target])
        }
        return EscalationExport.json(
            Body(
                escalationPolicy: .init(
                    name: EscalationExport.name(policy),
                    description: EscalationExport.description(policy, scenario: scenario), escalationRules: rules)))
    }
}
