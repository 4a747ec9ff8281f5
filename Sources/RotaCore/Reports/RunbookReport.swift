import RotaChecking
import RotaModel
import RotaPlanning

/// runbooks/<pipeline-id>.md: the runbook of one investor-facing pipeline (or one with a `runbook:` block), with
/// the real names of the plan in its escalation chain and its on-call table. Sections the scenario does not write are
/// Rota's defaults for the pipeline's area, marked "default — review".
public struct RunbookReport: Sendable {
    public let pipeline: Pipeline

    public init(pipeline: Pipeline) { self.pipeline = pipeline }

    public var fileName: String { "runbooks/\(pipeline.id).md" }

    public func render(_ plan: Plan) -> String {
        let scenario = plan.scenario
        let book = pipeline.runbook ?? Runbook()
        let written = pipeline.writtenRunbookSections
        let area = RunbookDefaults.Area(pipeline.area)
        let names = Dictionary(scenario.engineers.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        func name(_ id: String) -> String { TextFormatting.markdownCell(names[id] ?? id) }
        func cell(_ text: String) -> String { TextFormatting.markdownCell(text) }
        func heading(_ title: String, _ section: RunbookSection) -> String {
            "## \(title)" + (written.contains(section) ? "" : " *(default — review)*")
        }
        var out: [String] = ["# Runbook: \(cell(pipeline.name))", ""]
        out += [
            "Pipeline `\(pipeline.id)` · area \(cell(pipeline.area)) · "
                + (pipeline.investorFacing ? "reported to investors" : "internal") + " · "
                + (pipeline.onCall ? "covered by on-call" : "no on-call (office hours)")
                + " · written by `rota plan` for \(cell(scenario.title)).",
            "",
        ]
        let missing = RunbookSection.allCases.filter { !written.contains($0) }
        if !missing.isEmpty {
            out += [
                "> Sections marked *default — review* are Rota's defaults for the \(cell(pipeline.area)) area, not "
                    + "this team's words: write them under `runbook:` in the scenario (missing: "
                    + missing.map(\.rawValue).joined(separator: ", ") + ").",
                "",
            ]
        }

        out += [heading("Purpose and audience", .purpose), ""]
        out += [cell(book.purpose ?? RunbookDefaults.purpose(pipeline, area)), ""]
        out += [
            "**Audience:** " + cell(book.audience ?? RunbookDefaults.audience(pipeline, area))
                + (book.audience == nil && written.contains(.purpose) ? " *(default — review)*" : ""), "",
        ]

        out += [heading("Data sources and outputs", .sources), ""]
        out += ["| Source | Owner |", "|---|---|"]
        for source in book.sources ?? RunbookDefaults.sources(area) {
            out.append("| \(cell(source.name)) | \(source.owner.map(cell) ?? "— (name the source's owner)") |")
        }
        let outputs = (book.outputs ?? RunbookDefaults.outputs(area)).map(cell).joined(separator: "; ")
        let outputsMark = book.outputs == nil && written.contains(.sources) ? " *(default — review)*" : ""
        out += ["", "**Outputs:** " + outputs + outputsMark, ""]

        func numbered(_ title: String, _ section: RunbookSection, _ written: [String]?, _ defaults: [String]) {
            out += [heading(title, section), ""]
            out += (written ?? defaults).enumerated().map { "\($0 + 1). \(cell($1))" } + [""]
        }
        numbered("Transformations", .transformations, book.transformations, RunbookDefaults.transformations(area))
        numbered("Data validation", .validation, book.validation, RunbookDefaults.validation(area))

        out += [heading("Schedule and SLA", .schedule), ""]
        out += [cell(book.schedule ?? RunbookDefaults.schedule), ""]

        out += [heading("Monitoring alerts", .alerts), ""]
        out += ["| Alert | Threshold |", "|---|---|"]
        for alert in book.alerts ?? RunbookDefaults.alerts(area) {
            out.append("| \(cell(alert.condition)) | \(cell(alert.threshold)) |")
        }
        out.append("")

        numbered("Monitoring tools and dashboards", .monitoring, book.monitoring, RunbookDefaults.monitoring(area))

        out += [heading("Common failures", .failures), ""]
        for (n, failure) in (book.failures ?? RunbookDefaults.failures(area)).enumerated() {
            out += ["### \(n + 1). \(cell(failure.name))", ""]
            if let symptoms = failure.symptoms { out += ["**Symptoms:** \(cell(symptoms))", ""] }
            for (title, list) in [("Diagnosis", failure.diagnosis), ("Recovery", failure.recovery)] where !list.isEmpty
            {
                out += ["**\(title):**", ""] + list.enumerated().map { "\($0 + 1). \(cell($1))" } + [""]
            }
            let unwritten = [
                ("symptoms", failure.symptoms == nil), ("diagnosis", failure.diagnosis.isEmpty),
                ("recovery", failure.recovery.isEmpty),
            ].filter(\.1).map(\.0)
            if !unwritten.isEmpty {
                out += [
                    "*Not written yet: \(unwritten.joined(separator: ", ")) (add them under this failure in the "
                        + "scenario's `runbook.failures`).*", "",
                ]
            }
        }

        // Escalation, with the plan's names.
        let policy = pipeline.escalationPolicy
        let delays = Set(policy.map(\.afterHours))
        out += [heading("Escalation", .escalation), ""]
        let rotations = scenario.rotations
        let covering = rotations.firstIndex { $0.pipelines.contains(pipeline.id) }
        let rotation = covering.map { rotations[$0] }
        let weeks =
            covering.map { r in plan.schedule.shifts.filter { scenario.rotationIndex(of: $0.rotation) == r } } ?? []
        out += [
            "Call in this order; move to the next when there is no answer or no fix within "
                + (delays.count == 1 ? "\(TextFormatting.number(delays.first!)) h:" : "the hours given:"),
            "",
        ]
        var steps: [String] = []
        let row = plan.owners[pipeline.id]
        for step in policy {
            let text: String?
            switch step.target {
            case .onCall(let role):
                // No rotation, or a rotation without the role (primaries alone): no step.
                text =
                    rotation.map { $0.roles.contains(role) } != true
                    ? nil
                    : role == .primary ? "This week's on-call primary (table below)" : "This week's on-call backup"
            case .owner(let primary):
                let label = primary ? "Primary owner" : "Secondary owner"
                let who = primary ? row?.primary : row?.secondary
                if case .team = primary ? pipeline.primaryOwner : pipeline.secondaryOwner {
                    text = who.map { "\(label): \(cell($0)) (team)" }
                } else {
                    text = who.map { "\(label): \(name($0))" }
                }
            case .team(let team):
                text = "Outside team: \(cell(team))" + (step.contact.map { " (\(cell($0)))" } ?? "")
            case .engineer(let id):
                text = "Escalation contact: \(name(id))"
            }
            guard let text else { continue }
            steps.append(text + (delays.count == 1 ? "" : " — next after \(TextFormatting.number(step.afterHours)) h"))
        }
        out += steps.enumerated().map { "\($0 + 1). \($1)" } + [""]
        let reachable = (rotation?.roster ?? []).compactMap { scenario.engineer($0) }.filter { !$0.contacts.isEmpty }
        if !reachable.isEmpty {
            out += ["How to reach the rotation's people (`contacts:` in the scenario):", ""]
            out += reachable.map { "- \(cell($0.name)): \(cell($0.contacts.summary))" } + [""]
        }
        numbered("Documentation", .documentation, book.documentation, RunbookDefaults.documentation(area))

        if let rotation {
            let several = rotations.count > 1
            out += ["## Who is on call", ""]
            out += [
                "Rotation" + (several ? " `\(rotation.id)` (\(cell(rotation.name)))" : "") + ", handing over on "
                    + "\(rotation.period.start.weekdayName)s"
                    + (rotation.period.handoffTime.map {
                        " at \($0)" + (rotation.period.handoffTimeZone.map { " (\($0))" } ?? "")
                    } ?? "")
                    + ". With the owners above, each week's full chain is:",
                "",
            ]
            let word = rotation.period.shiftWord.capitalized
            // The default chain starts with the shift's primary and backup: the last column says who comes next.
            let custom = pipeline.escalation != nil
            // A rotation of primaries alone has no Backup column.
            let backup = rotation.hasBackup
            out += [
                "| \(word) | Dates | Primary |" + (backup ? " Backup |" : "") + " \(custom ? "Escalation" : "Then") |",
                backup ? "|---:|---|---|---|---|" : "|---:|---|---|---|",
            ]
            for week in weeks {
                // The default chain's on-call steps are the table's own columns.
                let chain = Escalation.chain(plan, week: week, pipeline: pipeline).filter { custom || !$0.isOnCall }
                let then = chain.map { $0.label { names[$0] ?? $0 } }.map(cell).joined(separator: " → ")
                out.append(
                    "| \(week.number) | \(week.dates.first) – \(week.dates.last) | \(name(week.primary)) | "
                        + (backup ? "\(week.backup.map(name) ?? "—") | " : "") + "\(then.isEmpty ? "—" : then) |")
            }
            out.append("")
        } else {
            out += [
                "## Who is on call", "",
                "No rotation covers this pipeline: issues are handled during office hours by its owners.", "",
            ]
        }
        return out.joined(separator: "\n")
    }
}

/// runbooks/README.md: the index of the runbooks in a report folder.
public struct RunbookIndex: Sendable {
    public init() {}
    public var fileName: String { "runbooks/README.md" }

    public func render(_ plan: Plan) -> String {
        let scenario = plan.scenario
        var out = ["# Runbooks: \(TextFormatting.markdownCell(scenario.title))", ""]
        out += [
            "One runbook per investor-facing pipeline (and per pipeline with a `runbook:` block in the scenario), "
                + "written by `rota plan` with the names of this plan. Sections marked *default — review* are Rota's "
                + "defaults for the pipeline's area.",
            "",
            "| Pipeline | Area | Primary owner | Secondary owner | Sections from the scenario |",
            "|---|---|---|---|---|",
        ]
        let names = Dictionary(scenario.engineers.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for pipeline in scenario.pipelines where pipeline.needsRunbook {
            let row = plan.owners[pipeline.id]
            let written = pipeline.writtenRunbookSections
            let sections = RunbookSection.allCases.filter(written.contains).map(\.rawValue)
            out.append(
                "| [\(TextFormatting.markdownCell(pipeline.name))](\(pipeline.id).md) | "
                    + "\(TextFormatting.markdownCell(pipeline.area)) | "
                    + "\(TextFormatting.markdownCell(row.map { names[$0.primary] ?? $0.primary } ?? "—")) | "
                    + "\(TextFormatting.markdownCell(row.map { names[$0.secondary] ?? $0.secondary } ?? "—")) | "
                    + "\(sections.isEmpty ? "none (all defaults)" : sections.joined(separator: ", ")) |")
        }
        out.append("")
        return out.joined(separator: "\n")
    }
}
