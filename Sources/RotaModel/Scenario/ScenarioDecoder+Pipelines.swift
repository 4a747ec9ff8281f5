import Foundation

/// `pipelines:`: weights, owners and runbooks.
extension ScenarioDecoder {
    func pipelines(_ value: YAMLValue, engineers: [String]) throws(ScenarioError) -> [Pipeline] {
        let problemsBefore = log.problems.count
        let pipelines = try entries(
            value, allowed: ScenarioReader.pipelineFields, idHint: "a short id such as `aggregate-profit`"
        ) { fields, id throws(ScenarioError) in
            let primary = try fields["primary_owner"].map { value throws(ScenarioError) in
                try ownerPin(value, engineers: engineers)
            }
            let secondary = try fields["secondary_owner"].map { value throws(ScenarioError) in
                try ownerPin(value, engineers: engineers)
            }
            if let primary, primary == secondary, let value = fields["secondary_owner"] {
                throw .invalidValue(
                    value.location, field: value.path, value: TextSafety.quoted(primary.name),
                    expected: "an owner other than the primary owner",
                    hint: "a pipeline's primary and secondary owners are different")
            }
            var pipeline = Pipeline(
                id: id,
                name: try fields["name"]?.singleLine() ?? id,
                area: try fields["area"]?.singleLine() ?? "General",
                investorFacing: try fields["investor_facing"]?.bool() ?? false,
                onCall: try fields["on_call"]?.bool() ?? true,
                weight: try fields["weight"]?.number(
                    in: 0.1...100, hint: "weights compare pipelines' effort; 1 is an ordinary pipeline") ?? 1,
                primaryOwner: primary, secondaryOwner: secondary,
                runbook: try fields["runbook"].map { value throws(ScenarioError) in try runbook(value) })
            if let value = fields["escalation"] {
                pipeline.escalation = try escalation(value, pipeline: pipeline, engineers: engineers)
            }
            return pipeline
        }
        // An entry with a problem is left out: the list as a whole is judged once every entry reads.
        guard log.problems.count == problemsBefore else { return pipelines }
        if pipelines.isEmpty {
            throw .invalidValue(
                value.location, field: "pipelines", value: "an empty list", expected: "at least one pipeline",
                hint: "list the pipelines that need owners")
        }
        if !pipelines.contains(where: \.onCall) {
            throw .invalidValue(
                value.location, field: "pipelines", value: "no pipeline with on_call: true",
                expected: "at least one pipeline covered by the on-call rotation",
                hint: "set `on_call: true` on the production pipelines")
        }
        return pipelines
    }

    /// A pipeline's `runbook:` block; every section optional.
    func runbook(_ value: YAMLValue) throws(ScenarioError) -> Runbook {
        let fields = try value.mapping(allowed: ScenarioReader.runbookFields) { log.problems.append($0) }
        var runbook = Runbook()
        runbook.purpose = try fields["purpose"]?.nonEmptyString()
        runbook.audience = try fields["audience"]?.nonEmptyString()
        func texts(_ value: YAMLValue) throws(ScenarioError) -> [String] {
            var result: [String] = []
            for entry in try value.list() { result.append(try entry.nonEmptyString()) }
            return result
        }
        if let sourcesValue = fields["sources"] {
            var sources: [Runbook.Source] = []
            for entry in try sourcesValue.list() {
                if entry.isMapping {
                    let source = try entry.mapping(allowed: ["name", "owner"])
                    sources.append(
                        Runbook.Source(
                            name: try source.required("name", hint: "what the source is").nonEmptyString(),
                            owner: try source["owner"]?.nonEmptyString()))
                } else {
                    sources.append(Runbook.Source(name: try entry.nonEmptyString()))
                }
            }
            runbook.sources = sources
        }
        runbook.outputs = try fields["outputs"].map { value throws(ScenarioError) in try texts(value) }
        runbook.transformations = try fields["transformations"].map { value throws(ScenarioError) in try texts(value) }
        runbook.validation = try fields["validation"].map { value throws(ScenarioError) in try texts(value) }
        runbook.monitoring = try fields["monitoring"].map { value throws(ScenarioError) in try texts(value) }
        runbook.documentation = try fields["documentation"].map { value throws(ScenarioError) in try texts(value) }
        runbook.schedule = try fields["schedule"]?.nonEmptyString()
        if let alertsValue = fields["alerts"] {
            var alerts: [Runbook.Alert] = []
            for entry in try alertsValue.list() {
                let alert = try entry.mapping(allowed: ["condition", "threshold"])
                alerts.append(
                    Runbook.Alert(
                        condition: try alert.required("condition", hint: "what fires, e.g. `Data lag`")
                            .nonEmptyString(),
                        threshold: try alert.required("threshold", hint: "when, e.g. `> 16 h`").nonEmptyString()))
            }
            runbook.alerts = alerts
        }
        if let failuresValue = fields["failures"] {
            var failures: [Runbook.Failure] = []
            for entry in try failuresValue.list() {
                // A failure named in words only (`- Accounting API downtime`) is kept; the runbook asks for steps.
                guard entry.isMapping else {
                    failures.append(
                        Runbook.Failure(name: try entry.nonEmptyString(), symptoms: nil, diagnosis: [], recovery: []))
                    continue
                }
                let failure = try entry.mapping(allowed: ["name", "symptoms", "diagnosis", "recovery"])
                failures.append(
                    Runbook.Failure(
                        name: try failure.required("name", hint: "e.g. `Late source data`").nonEmptyString(),
                        symptoms: try failure["symptoms"]?.nonEmptyString(),
                        diagnosis: try failure["diagnosis"].map { value throws(ScenarioError) in try texts(value) }
                            ?? [],
                        recovery: try failure["recovery"].map { value throws(ScenarioError) in try texts(value) } ?? [])
                )
            }
            runbook.failures = failures
        }
        runbook.escalateAfterHours = try fields["escalate_after_hours"]?.number(
            in: 0.25...72, hint: "hours before calling the next person in the chain; 2 is common")
        runbook.outsideTeam = try fields["outside_team"]?.nonEmptyString()
        if let requiredValue = fields["required"] {
            for entry in try requiredValue.list() {
                runbook.required.append(try entry.oneOf(RunbookSection.self, kind: "a runbook section"))
            }
        }
        return runbook
    }

    /// `escalation:`: a list of steps, each exactly one of `on_call: primary|backup`, `owner: primary|secondary`,
    /// `team: NAME` (with an optional `contact`) or `engineer: ID`, and `after_hours` (default the runbook's
    /// `escalate_after_hours`, else 2).
    func escalation(
        _ value: YAMLValue, pipeline: Pipeline, engineers: [String]
    ) throws(ScenarioError) -> [EscalationStep] {
        if let book = pipeline.runbook, book.outsideTeam != nil {
            throw .invalidValue(
                value.location, field: value.path, value: "a list", expected: "no runbook.outside_team beside it",
                hint: "write the outside team as an escalation step: `- {team: \(book.outsideTeam!)}`")
        }
        let hours = pipeline.runbook?.escalateAfterHours ?? 2
        var steps: [EscalationStep] = []
        for entry in try value.list() {
            let fields = try entry.mapping(allowed: ScenarioReader.escalationStepFields)
            let kinds = ["on_call", "owner", "team", "engineer"].filter { fields[$0] != nil }
            guard kinds.count == 1 else {
                throw .invalidValue(
                    entry.location, field: entry.path,
                    value: kinds.isEmpty ? "no target" : kinds.joined(separator: " and "),
                    expected: "exactly one of on_call, owner, team, engineer",
                    hint: "e.g. `- {on_call: primary, after_hours: 1}` or `- {team: Business Analytics}`")
            }
            let target: EscalationStep.Target
            switch kinds[0] {
            case "on_call":
                let role = try fields["on_call"]!.oneOf(DutyRole.self, kind: "an on-call role")
                if !pipeline.onCall {
                    throw .invalidValue(
                        entry.location, field: "\(entry.path).on_call", value: role.rawValue,
                        expected: "a pipeline covered by on-call (this one has `on_call: false`)",
                        hint: "escalate to its owners instead: `- {owner: primary}`")
                }
                target = .onCall(role)
            case "owner":
                let text = try fields["owner"]!.string()
                guard text == "primary" || text == "secondary" else {
                    throw .invalidValue(
                        fields["owner"]!.location, field: "\(entry.path).owner", value: TextSafety.quoted(text),
                        expected: "primary or secondary", hint: "the pipeline's primary or secondary owner")
                }
                target = .owner(primary: text == "primary")
            case "team":
                target = .team(try fields["team"]!.singleLine())
            default:
                let idValue = fields["engineer"]!
                let id = try idValue.identifier()
                guard engineers.contains(id) else {
                    throw .invalidValue(
                        idValue.location, field: idValue.path, value: TextSafety.quoted(id),
                        expected: "the id of an engineer",
                        hint: Suggestions.didYouMean(id, engineers) ?? "engineers: \(engineers.joined(separator: ", "))"
                    )
                }
                target = .engineer(id)
            }
            if let contact = fields["contact"], !target.isTeam {
                throw .invalidValue(
                    contact.location, field: contact.path, value: "a contact",
                    expected: "a contact on a team step only",
                    hint: "engineers are reached through `contacts:` under engineers")
            }
            let step = EscalationStep(
                target: target,
                afterHours: try fields["after_hours"]?.number(
                    in: 0...72, hint: "hours to wait for an answer or a fix before the next step") ?? hours,
                contact: try fields["contact"]?.singleLine())
            if steps.contains(where: { $0.target == step.target }) {
                throw .invalidValue(
                    entry.location, field: entry.path, value: "a step listed before", expected: "each target once",
                    hint: "remove the second one")
            }
            steps.append(step)
        }
        if steps.isEmpty {
            throw .invalidValue(
                value.location, field: value.path, value: "an empty list", expected: "at least one step",
                hint: "leave `escalation:` out for Rota's default chain")
        }
        return steps
    }

    /// `primary_owner:` / `secondary_owner:`: an engineer's id, or `{team: NAME}` for a team outside the rota.
    func ownerPin(_ value: YAMLValue, engineers: [String]) throws(ScenarioError) -> OwnerPin {
        if value.isMapping {
            let fields = try value.mapping(allowed: ["team"])
            let team = try fields.required("team", hint: "the team's name, e.g. `{team: Business Analytics}`")
                .singleLine()
            if engineers.contains(team) {
                throw .invalidValue(
                    value.location, field: value.path, value: "{team: \(team)}",
                    expected: "a team name that is not an engineer's id", hint: "write `\(team)` for the engineer")
            }
            return .team(team)
        }
        let id: String
        do { id = try value.identifier() } catch {
            // A name that is no id (`Finance BI`) most likely names a team outside the rota.
            guard let written = try? value.singleLine() else { throw error }
            throw .invalidValue(
                value.location, field: value.path, value: TextSafety.quoted(written),
                expected: "the id of an engineer, or `{team: NAME}` for a team outside the rota",
                hint: Suggestions.didYouMean(written, engineers)
                    ?? "for a team outside the rota write `{team: \(written)}`")
        }
        guard engineers.contains(id) else {
            throw .invalidValue(
                value.location, field: value.path, value: TextSafety.quoted(id),
                expected: "the id of an engineer, or `{team: NAME}` for a team outside the rota",
                hint: Suggestions.didYouMean(id, engineers)
                    ?? "engineers: \(engineers.joined(separator: ", ")); for a team outside the rota write "
                    + "`{team: \(id)}`")
        }
        return .engineer(id)
    }
}
