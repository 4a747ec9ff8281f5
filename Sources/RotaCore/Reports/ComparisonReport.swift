import RotaChecking
import RotaModel
import RotaPlanning

/// compare.md and compare.csv: several scenarios' plans side by side (`rota compare`).
public enum ComparisonReport {
    public static let fileNames: Set<String> = ["compare.md", "compare.csv"]

    /// Both files, by name, in writing order.
    public static func render(_ comparison: Comparison) -> [(name: String, contents: String)] {
        [("compare.md", markdown(comparison)), ("compare.csv", csv(comparison))]
    }

    // MARK: Shared figures

    /// "proved optimal", "not proved optimal (…)" or "no schedule".
    static func status(_ entry: ComparedScenario) -> String {
        guard let plan = entry.plan else { return "no schedule" }
        if plan.provedOptimal { return "proved optimal" }
        let open = plan.levels.filter { $0.status != .optimal }.map { level in
            level.kind.rawValue + (level.gap.map { " gap \(TextFormatting.percent($0))" } ?? " \(level.status)")
        }
        return "not proved optimal (\(open.joined(separator: "; ")))"
    }

    /// A level's value in one entry, marked when not proved optimal.
    static func levelCell(_ entry: ComparedScenario, _ kind: ObjectiveKind) -> String {
        guard let plan = entry.plan, let level = plan.levels.first(where: { $0.kind == kind }), let value = level.value
        else { return "—" }
        let number = TextFormatting.number(value)
        guard level.status == .optimal else {
            return number + (level.gap.map { " (gap \(TextFormatting.percent($0)))" } ?? " (not proved)")
        }
        return number
    }

    /// The figures of one engineer in one entry, by measure name (nil when the engineer is not in it).
    static func figures(_ entry: ComparedScenario, _ id: String) -> [(measure: String, value: String)]? {
        guard let plan = entry.plan, let engineer = plan.fairness.engineers.first(where: { $0.engineer.id == id })
        else { return nil }
        let hours = plan.hours.totals(of: id)
        var figures = [
            ("primary_weeks", String(engineer.primaryWeeks)),
            ("backup_weeks", String(engineer.backupWeeks)),
            ("holiday_burden", String(engineer.holidayBurden)),
            ("festival_days", String(entry.festivalDays(of: engineer))),
            ("ownership_load", TextFormatting.number(engineer.ownershipLoad)),
        ]
        // Hours on duty by kind, as hours.csv names them, and the total.
        figures += HourKind.allCases.map { kind in
            (kind == .outOfHours ? "out_of_hours" : "\(kind.rawValue)_hours", HoursCSV.hours(hours[kind] ?? 0))
        }
        figures.append(("total_hours", HoursCSV.hours(hours.values.reduce(0, +))))
        if let pay = plan.hours.pay { figures.append(("pay_\(pay.currency)", pay.text(plan.hours.pay(of: id) ?? 0))) }
        return figures
    }

    static func displayName(_ id: String?, in comparison: Comparison) -> String {
        guard let id else { return "—" }
        for entry in comparison.entries {
            if let engineer = entry.scenario.engineer(id) { return engineer.name }
        }
        return id
    }

    // MARK: Markdown

    public static func markdown(_ comparison: Comparison) -> String {
        let cell = TextFormatting.markdownCell
        let entries = comparison.entries
        var lines: [String] = []
        lines.append("# Comparison: \(cell(comparison.base.title))")
        lines.append("")
        lines.append(
            "\(entries.count) scenarios, each planned with GLPK; the first is the base the others are compared with. "
                + "Figures are those of each scenario's report.md.")
        lines.append("")
        lines.append("| Scenario | Title | Source | Shifts | Solver |")
        lines.append("|---|---|---|---|---|")
        for (index, entry) in entries.enumerated() {
            let period = entry.scenario.period
            lines.append(
                "| \(index == 0 ? "**\(cell(entry.name))** (base)" : cell(entry.name)) | \(cell(entry.title)) | "
                    + "\(cell(entry.source)) | \(period.shiftCount) × \(period.shiftDays) days from \(period.start) | "
                    + "\(cell(status(entry))) |")
        }
        let header = "| " + entries.map { cell($0.name) }.joined(separator: " | ") + " |"
        let rule = String(repeating: "---:|", count: entries.count)
        lines += ["", "## Objective levels", "", "| Level | Unit " + header, "|---|---|" + rule]
        for kind in comparison.levelKinds {
            lines.append(
                "| \(kind.title) | \(kind.unit) | "
                    + entries.map { levelCell($0, kind) }.joined(separator: " | ") + " |")
        }
        /// One row per engineer, each scenario's cell made from the engineer's figures there by measure name.
        func engineerRows(_ text: ([String: String]) -> String) -> [String] {
            comparison.engineerIDs.map { id in
                let cells = entries.map { entry -> String in
                    guard let figures = figures(entry, id) else { return "—" }
                    return text(Dictionary(uniqueKeysWithValues: figures.map { ($0.measure, $0.value) }))
                }
                return "| \(cell(displayName(id, in: comparison))) | " + cells.joined(separator: " | ") + " |"
            }
        }
        lines += [
            "", "## Engineers", "",
            "P primary weeks · B backup weeks · H holiday burden (points) · F days of their own observed festivals on "
                + "duty · O ownership load.", "", "| Engineer " + header, "|---|" + rule,
        ]
        lines += engineerRows { value in
            "P \(value["primary_weeks"]!) · B \(value["backup_weeks"]!) · H \(value["holiday_burden"]!) · "
                + "F \(value["festival_days"]!) · O \(value["ownership_load"]!)"
        }
        lines += [
            "", "## On-call hours", "",
            "Hours on duty by kind (as each scenario's hours.csv counts them): W working hours · N out of hours · "
                + "E weekend · PH public holiday · F festival · T total.", "", "| Engineer " + header, "|---|" + rule,
        ]
        lines += engineerRows { value in
            "W \(value["working_hours"]!) · N \(value["out_of_hours"]!) · E \(value["weekend_hours"]!) · "
                + "PH \(value["public_holiday_hours"]!) · F \(value["festival_hours"]!) · T \(value["total_hours"]!)"
        }
        if entries.count > 1 {
            lines += ["", "## Differences from the base"]
            for index in entries.indices.dropFirst() {
                lines += ["", "### \(cell(entries[index].name)): \(cell(entries[index].title))", ""]
                guard let difference = comparison.difference(of: index) else {
                    lines.append(
                        comparison.base.plan == nil
                            ? "The base has no schedule to compare with." : "No schedule: see below.")
                    continue
                }
                if difference.isEmpty {
                    lines.append("Same rotation and ownership as the base.")
                    continue
                }
                let plan = entries[index].plan!
                let duties =
                    2
                    * Set(comparison.base.plan!.schedule.shifts.map(\.dates.first))
                    .union(plan.schedule.shifts.map(\.dates.first)).count
                let roles =
                    2
                    * Set(comparison.base.scenario.pipelines.map(\.id)).union(plan.scenario.pipelines.map(\.id))
                    .count
                lines.append(
                    "\(difference.weeks.count) of \(duties) duty assignments and \(difference.ownership.count) of "
                        + "\(roles) ownership roles differ.")
                let names = (cell(comparison.base.name), cell(entries[index].name))
                func name(_ id: String?) -> String { cell(displayName(id, in: comparison)) }
                lines += changeTable(
                    "Week starting", "Role", names,
                    difference.weeks.map {
                        (
                            ($0.rotation.isEmpty ? "" : "\($0.rotation) ") + "\($0.start)", $0.role.rawValue,
                            name($0.base),
                            name($0.other)
                        )
                    })
                lines += changeTable(
                    "Pipeline", "Owner", names,
                    difference.ownership.map { (cell($0.pipeline), $0.role, name($0.base), name($0.other)) })
            }
        }
        let failed = entries.filter { $0.plan == nil }
        if !failed.isEmpty {
            lines += ["", "## No schedule"]
            for entry in failed {
                guard case .failure(let error) = entry.outcome else { continue }
                lines += ["", "### \(cell(entry.name)): \(cell(entry.title))", ""]
                lines += reasons(error).map { "- \(cell($0))" }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Markdown table of changes (what, role, base's assignee, other's), with a blank line before; nothing if empty.
    static func changeTable(
        _ what: String, _ role: String, _ names: (String, String), _ rows: [(String, String, String, String)]
    ) -> [String] {
        guard !rows.isEmpty else { return [] }
        return ["", "| \(what) | \(role) | \(names.0) | \(names.1) |", "|---|---|---|---|"]
            + rows.map { "| \($0.0) | \($0.1) | \($0.2) | \($0.3) |" }
    }

    /// Why there is no plan, one reason per line.
    static func reasons(_ error: PlanningError) -> [String] {
        switch error {
        case .noSchedule(let reasons): return reasons
        default: return [error.description]
        }
    }

    // MARK: CSV

    /// Long format, one figure per row: `scenario,section,subject,measure,value,base_value`.
    public static func csv(_ comparison: Comparison) -> String {
        var table = CSVTable(header: ["scenario", "section", "subject", "measure", "value", "base_value"])
        let base = comparison.base
        for (index, entry) in comparison.entries.enumerated() {
            let isBase = index == 0
            table.append([entry.name, "status", "", "solver", status(entry), isBase ? "" : status(base)])
            if case .failure(let error) = entry.outcome {
                for reason in reasons(error) { table.append([entry.name, "status", "", "explanation", reason, ""]) }
            }
            for kind in comparison.levelKinds {
                table.append([
                    entry.name, "level", kind.rawValue, "value", levelCell(entry, kind),
                    isBase ? "" : levelCell(base, kind),
                ])
            }
            for id in comparison.engineerIDs {
                guard let figures = figures(entry, id) else { continue }
                let baseFigures = isBase ? nil : Self.figures(base, id)
                for (position, figure) in figures.enumerated() {
                    table.append([
                        entry.name, "engineer", id, figure.measure, figure.value, baseFigures?[position].value ?? "",
                    ])
                }
            }
            guard let difference = comparison.difference(of: index) else { continue }
            for change in difference.weeks {
                table.append([
                    entry.name, "week",
                    (change.rotation.isEmpty ? "" : "\(change.rotation) ") + change.start.description,
                    change.role.rawValue, change.other ?? "",
                    change.base ?? "",
                ])
            }
            for change in difference.ownership {
                table.append([
                    entry.name, "ownership", change.pipeline, change.role, change.other ?? "", change.base ?? "",
                ])
            }
        }
        return table.render()
    }
}
