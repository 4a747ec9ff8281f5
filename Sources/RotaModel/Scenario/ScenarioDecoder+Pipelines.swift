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
            return Pipeline(
                id: id,
                name: try fields["name"]?.singleLine() ?? id,
                area: try fields["area"]?.singleLine() ?? "General",
                investorFacing: try fields["investor_facing"]?.bool() ?? false,
                onCall: try fields["on_call"]?.bool() ?? true,
                weight: try fields["weight"]?.number(
                    in: 0.1...100, hint: "weights compare pipelines' effort; 1 is an ordinary pipeline") ?? 1,
                primaryOwner: primary, secondaryOwner: secondary,
                runbook: try fields["runbook"].map { value throws(ScenarioError) in try runbook(value) })
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
                let failure = try entry.mapping(allowed: ["name", "symptoms", "diagnosis", "recovery"])
                failures.append(
                    Runbook.Failure(
                        name: try failure.required("name", hint: "e.g. `Late source data`").nonEmptyString(),
                        symptoms: try failure.required("symptoms", hint: "what one sees").nonEmptyString(),
                        diagnosis: try texts(failure.required("diagnosis", hint: "a list of steps")),
                        recovery: try texts(failure.required("recovery", hint: "a list of steps"))))
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
