import Foundation
import RotaModel

/// `rota export --to pagerduty` also writes each on-call pipeline's escalation policy (`escalation:`, or Rota's
/// default chain) as the body of PagerDuty's `POST /escalation_policies`: `pagerduty-escalation-<pipeline>.json`.
/// Each step is one escalation rule, its delay the step's hours in minutes: an on-call step targets the covering
/// rotation's schedule of that role (`pager:`), an owner or a named engineer their PagerDuty user. PagerDuty rules
/// target users and schedules only, so team steps, and on-call steps whose role has no schedule there, are left out
/// and said so; a rule's target already called earlier is not repeated.
extension PagingExport {
    /// PagerDuty's escalation policies of the plan's on-call pipelines (``PagerDutyEscalation``), and in words the
    /// steps left out of them.
    public static func pagerDutyEscalationPolicies(scenario: Scenario, file: ScheduleFile) throws(ExportError) -> (
        files: [File], leftOut: [String]
    ) {
        let made = PagerDutyEscalation.files(scenario: scenario, ownership: file.schedule.ownership)
        if !made.missing.isEmpty { throw .missingIdentities(tool: "pagerduty", fields: made.missing) }
        return (made.files, made.leftOut)
    }
}

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

    /// The policies, what was left out of them, and the engineers named in them without a PagerDuty user (each
    /// engineer's field path).
    static func files(scenario: Scenario, ownership: [OwnershipAssignment]) -> (
        files: [PagingExport.File], leftOut: [String], missing: [String]
    ) {
        var files: [PagingExport.File] = []
        var leftOut: [String] = []
        var missing: [String] = []
        let owners = Dictionary(ownership.map { ($0.pipeline, $0) }, uniquingKeysWith: { first, _ in first })
        func user(_ id: String) -> String? {
            guard let e = scenario.engineers.firstIndex(where: { $0.id == id }) else { return nil }
            guard let user = scenario.engineers[e].contacts[.pagerduty] else {
                let path = "engineers[\(e)].contacts.pagerduty (\(id))"
                if !missing.contains(path) { missing.append(path) }
                return nil
            }
            return user
        }
        for pipeline in scenario.pipelines where pipeline.onCall {
            guard let rotation = scenario.rotations.first(where: { $0.pipelines.contains(pipeline.id) }),
                let schedules = rotation.pager.schedules[.pagerduty]
            else { continue }
            var rules: [Body.Policy.Rule] = []
            var seen = Set<String>()
            for step in pipeline.escalationPolicy {
                let target: Body.Policy.Rule.Target?
                switch step.target {
                case .onCall(let role):
                    target = schedules[role].map { .init(id: $0, type: "schedule_reference") }
                    if target == nil {
                        leftOut.append("\(pipeline.id): the on-call \(role.rawValue) (no PagerDuty schedule for it)")
                    }
                case .owner(let primary):
                    let who = primary ? owners[pipeline.id]?.primary : owners[pipeline.id]?.secondary
                    let engineer = who.flatMap { id in scenario.engineers.contains { $0.id == id } ? id : nil }
                    target = engineer.flatMap(user).map { .init(id: $0, type: "user_reference") }
                    if engineer == nil {
                        leftOut.append(
                            "\(pipeline.id): the \(primary ? "primary" : "secondary") owner \(who ?? "") (a team)")
                    }
                case .team(let name):
                    target = nil
                    leftOut.append("\(pipeline.id): the team \(name) (PagerDuty rules target users and schedules)")
                case .engineer(let id):
                    target = user(id).map { .init(id: $0, type: "user_reference") }
                }
                guard let target, seen.insert(target.id).inserted else { continue }
                rules.append(
                    .init(escalationDelayInMinutes: Int((step.afterHours * 60).rounded()), targets: [target]))
            }
            guard !rules.isEmpty else { continue }
            let body = Body(
                escalationPolicy: .init(
                    name: "\(pipeline.name) (Rota)",
                    description: "The escalation of \(pipeline.name) as scenario \(scenario.name) orders it, "
                        + "written by rota export.", escalationRules: rules))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let text = String(decoding: try! encoder.encode(body), as: UTF8.self) + "\n"
            files.append(
                PagingExport.File(
                    name: PagingExport.fileName(.pagerduty, "escalation-\(pipeline.id)"), schedule: "", contents: text,
                    rows: []))
        }
        return (files, leftOut, missing)
    }
}
