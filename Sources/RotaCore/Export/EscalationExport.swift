import Foundation
import RotaModel

/// `rota export` also writes each on-call pipeline's escalation policy (`escalation:`, or Rota's default chain) in
/// the paging tool's own request (PagerDuty, Opsgenie, GoAlert; Grafana OnCall takes schedules by iCal only). Every
/// tool's policy is the same list of resolved steps (``Step``): an on-call step targets the covering rotation's
/// schedule of that role (`pager:`), an owner (as ownership.csv has them) or a named engineer their identity in the
/// tool (`contacts:`). No tool's rules can reach a team outside the rota, so team steps, team owners and on-call
/// roles without a schedule are left out and said so; a target already called earlier is not repeated. A left-out
/// step's wait is kept: the step before it waits for it too, so every kept step is reached when the policy says.
extension PagingExport {
    /// The escalation policies of the plan's on-call pipelines whose rotation names a schedule of `tool`, and in
    /// words the steps left out of them. Grafana OnCall has none (its schedules come in by iCal).
    public static func escalationPolicies(
        _ tool: PagerTargets.Tool, scenario: Scenario, file: ScheduleFile
    ) throws(ExportError) -> (files: [File], leftOut: [String]) {
        let policies = EscalationExport.policies(tool, scenario: scenario, ownership: file.schedule.ownership)
        if !policies.missing.isEmpty { throw .missingIdentities(tool: tool.rawValue, fields: policies.missing) }
        let files: [File] = policies.policies.map { policy in
            let contents: String
            switch tool {
            case .pagerduty: contents = PagerDutyEscalation.body(policy, scenario: scenario)
            case .opsgenie: contents = OpsgenieEscalation.body(policy, scenario: scenario)
            case .goalert: contents = GoAlertEscalation.request(policy, scenario: scenario)
            case .grafanaOncall: preconditionFailure("Grafana OnCall has no escalation export")
            }
            return File(
                name: escalationFileName(tool, policy.pipeline.id), schedule: "", contents: contents, rows: [])
        }
        return (files, policies.leftOut)
    }

    /// Whether `tool` times each escalation rule from the alert (Opsgenie: a rule's delay counts from the alert's
    /// creation) rather than from the rule before it (PagerDuty's `escalation_delay_in_minutes`, GoAlert's
    /// `delayMinutes`: how long a rule waits before the next).
    static func timesRulesFromTheAlert(_ tool: PagerTargets.Tool) -> Bool {
        switch tool {
        case .opsgenie: true
        case .pagerduty, .goalert, .grafanaOncall: false
        }
    }

    /// The waits a rule of `tool` may have, in minutes (GoAlert: `validate.Range("DelayMinutes", …, 1, 9000)` in
    /// target/goalert escalation/step.go at 2458b9d).
    static func waitRange(_ tool: PagerTargets.Tool) -> ClosedRange<Int> {
        switch tool {
        case .goalert: 1...9000
        case .pagerduty, .opsgenie, .grafanaOncall: 0...Int.max
        }
    }

    /// Whether `tool` takes escalation policies from `rota export`.
    public static func exportsEscalation(_ tool: PagerTargets.Tool) -> Bool {
        switch tool {
        case .pagerduty, .opsgenie, .goalert: true
        case .grafanaOncall: false
        }
    }
}

enum EscalationExport {
    /// One kept step of a policy.
    struct Step: Equatable {
        enum Target: Equatable {
            /// A schedule of the tool, by its id or name as `pager:` gives it.
            case schedule(String)
            /// A user of the tool, by the engineer's identity there.
            case user(String)
        }
        let target: Target
        /// When the policy reaches the step, in minutes after the alert (for tools that time each rule from it).
        let atMinute: Int
        /// How long the step waits before the next kept one, the waits of left-out steps between them included; the
        /// last kept step waits its own and every later step's wait (for tools that time each rule from the last).
        let waitMinutes: Int
    }

    struct Policy {
        let pipeline: Pipeline
        let steps: [Step]
    }

    /// The policies with at least one kept step, the steps left out (in words), and the engineers named in them
    /// without an identity in the tool (each engineer's field path).
    static func policies(_ tool: PagerTargets.Tool, scenario: Scenario, ownership: [OwnershipAssignment]) -> (
        policies: [Policy], leftOut: [String], missing: [String]
    ) {
        guard PagingExport.exportsEscalation(tool) else { return ([], [], []) }
        let field = PagingExport.identity(tool)
        var policies: [Policy] = []
        var leftOut: [String] = []
        var missing: [String] = []
        let owners = Dictionary(ownership.map { ($0.pipeline, $0) }, uniquingKeysWith: { first, _ in first })
        func user(_ id: String) -> String? {
            guard let e = scenario.engineers.firstIndex(where: { $0.id == id }) else { return nil }
            guard let user = scenario.engineers[e].contacts[field] else {
                let path = "engineers[\(e)].contacts.\(field.rawValue) (\(id))"
                if !missing.contains(path) { missing.append(path) }
                return nil
            }
            return user
        }
        for pipeline in scenario.pipelines where pipeline.onCall {
            guard let rotation = scenario.rotations.first(where: { $0.pipelines.contains(pipeline.id) }),
                let schedules = rotation.pager.schedules[tool]
            else { continue }
            var kept: [(target: Step.Target, at: Int)] = []
            var seen: [Step.Target] = []
            var minute = 0
            for step in pipeline.escalationPolicy {
                defer { minute += Int((step.afterHours * 60).rounded()) }
                let target: Step.Target?
                switch step.target {
                case .onCall(let role):
                    target = schedules[role].map(Step.Target.schedule)
                    if target == nil {
                        leftOut.append(
                            "\(pipeline.id): the on-call \(role.rawValue) (no \(tool.displayName) schedule for it)")
                    }
                case .owner(let primary):
                    let who = primary ? owners[pipeline.id]?.primary : owners[pipeline.id]?.secondary
                    let engineer = who.flatMap { id in scenario.engineers.contains { $0.id == id } ? id : nil }
                    target = engineer.flatMap(user).map(Step.Target.user)
                    if engineer == nil {
                        leftOut.append(
                            "\(pipeline.id): the \(primary ? "primary" : "secondary") owner \(who ?? "") (a team)")
                    }
                case .team(let name):
                    target = nil
                    leftOut.append(
                        "\(pipeline.id): the team \(name) (\(tool.displayName) rules target users and schedules)")
                case .engineer(let id):
                    target = user(id).map(Step.Target.user)
                }
                guard let target, !seen.contains(target) else { continue }
                seen.append(target)
                kept.append((target, minute))
            }
            guard !kept.isEmpty else { continue }
            if !PagingExport.timesRulesFromTheAlert(tool), kept[0].at > 0 {
                leftOut.append(
                    "\(pipeline.id): so its first rule pages at once, where the policy reaches that step after "
                        + "\(TextFormatting.number(Double(kept[0].at) / 60)) h (\(tool.displayName) pages the first rule "
                        + "when the alert opens)")
            }
            let steps = kept.indices.map { i in
                let wait = (i + 1 < kept.count ? kept[i + 1].at : minute) - kept[i].at
                let range = PagingExport.waitRange(tool)
                let taken = min(max(wait, range.lowerBound), range.upperBound)
                if taken != wait {
                    leftOut.append(
                        "\(pipeline.id): rule \(i + 1) waits \(taken) min, not \(wait) (\(tool.displayName) takes "
                            + "\(range.lowerBound)–\(range.upperBound) min)")
                }
                return Step(target: kept[i].target, atMinute: kept[i].at, waitMinutes: taken)
            }
            policies.append(Policy(pipeline: pipeline, steps: steps))
        }
        return (policies, leftOut, missing)
    }

    /// The policy's name and description in every tool.
    static func name(_ policy: Policy) -> String { "\(policy.pipeline.name) (Rota)" }

    static func description(_ policy: Policy, scenario: Scenario) -> String {
        "The escalation of \(policy.pipeline.name) as scenario \(scenario.name) orders it, written by rota export."
    }

    /// Pretty, sorted JSON with a final newline: the same policy, the same bytes.
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and numbers cannot fail.
        return String(decoding: try! encoder.encode(value), as: UTF8.self) + "\n"
    }
}
