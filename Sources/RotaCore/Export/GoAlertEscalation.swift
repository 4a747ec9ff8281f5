import RotaModel

/// A policy (``EscalationExport``) as a GraphQL request to GoAlert calling `createEscalationPolicy(input:
/// CreateEscalationPolicyInput!)` (target/goalert `graphql2/`): `goalert-escalation-<pipeline>.json`. Each kept step
/// is one step whose `delayMinutes` is how long it waits before the next, with one action: the schedule
/// (`builtin-schedule`, `schedule_id`) or the user (`builtin-user`, `user_id` from `contacts.goalert`). `repeat: 0`:
/// the policy runs once, as Rota's chain does.
enum GoAlertEscalation {
    struct Request: Encodable {
        struct Variables: Encodable {
            struct Input: Encodable {
                struct Step: Encodable {
                    struct Action: Encodable {
                        let type: String
                        let args: [String: String]
                    }
                    let delayMinutes: Int
                    let actions: [Action]
                }
                let name: String
                let description: String
                let `repeat` = 0
                let steps: [Step]
            }
            let input: Input
        }
        static let query = """
            mutation RotaEscalationPolicy($input: CreateEscalationPolicyInput!) {
              createEscalationPolicy(input: $input) { id }
            }
            """
        let query = Self.query
        let variables: Variables
    }

    static func request(_ policy: EscalationExport.Policy, scenario: Scenario) -> String {
        let steps = policy.steps.map { step in
            let action: Request.Variables.Input.Step.Action =
                switch step.target {
                case .schedule(let id): .init(type: "builtin-schedule", args: ["schedule_id": id])
                case .user(let id): .init(type: "builtin-user", args: ["user_id": id])
                }
            return Request.Variables.Input.Step(delayMinutes: step.waitMinutes, actions: [action])
        }
        return EscalationExport.json(
            Request(
                variables: .init(
                    input: .init(
                        name: EscalationExport.name(policy),
                        description: EscalationExport.description(policy, scenario: scenario), steps: steps))))
    }
}
