import RotaChecking
import RotaModel
import RotaPlanning

/// report.md: the plan for people — rotation with holidays, ownership, fairness against fair shares, the
/// holiday conflicts and why they stay, a Mermaid chart, and the solver's figures. CommonMark, no timestamps.
public struct MarkdownReport: ReportFile {
    public init() {}
    public var fileName: String { "report.md" }

    public func render(_ plan: Plan) -> String {
        let scenario = plan.scenario
        let fairness = plan.fairness
        let names = Dictionary(scenario.engineers.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        func name(_ id: String) -> String { TextFormatting.markdownCell(names[id] ?? id) }
        var out: [String] = []

        out += ["# \(TextFormatting.markdownCell(scenario.title))", ""]
        let period = scenario.period.dates
        let investor = scenario.investorFacingPipelines.count
        let onCall = scenario.onCallPipelines.count
        let word = scenario.period.shiftWord
        out += [
            "Scenario `\(scenario.name)`: \(scenario.period.shiftCount) \(word)s from \(period.first) (\(period.first.weekdayName)) "
                + "to \(period.last), \(scenario.engineers.count) engineers, \(scenario.pipelines.count) pipelines "
                + "(\(investor) investor-facing, \(onCall) on call).", "",
            statusLine(plan), "",
        ]

        // Rotation(s).
        let rotations = scenario.rotations
        let several = rotations.count > 1
        out += [several ? "## On-call rotations" : "## On-call rotation", ""]
        let pipelineNames = Dictionary(
            scenario.pipelines.map { ($0.id, TextFormatting.markdownCell($0.name)) }, uniquingKeysWith: { a, _ in a })
        var anyProvisional = false
        for (r, rotation) in rotations.enumerated() {
            let rotationPeriod = rotation.period
            let handoff =
                rotationPeriod.handoffTime.map { time in
                    " at \(time)" + (rotationPeriod.handoffTimeZone.map { " (\($0))" } ?? "")
                } ?? ""
            let each =
                rotationPeriod.shiftDays == 7 ? "each week" : "each shift of \(rotationPeriod.shiftDays) days"
            if several {
                let roster =
                    rotation.roster.count == scenario.engineers.count
                    ? "everyone" : rotation.roster.map(name).joined(separator: ", ")
                out += [
                    "### \(TextFormatting.markdownCell(rotation.name)) (`\(rotation.id)`)", "",
                    "\(rotationPeriod.shiftCount) \(rotationPeriod.shiftWord)s from \(rotationPeriod.start) "
                        + "(\(rotationPeriod.start.weekdayName)), roster: \(roster).", "",
                ]
            }
            out += [
                (rotation.hasBackup ? "One primary and one backup" : "One engineer on call, with no backup,")
                    + " \(each), handing over on \(rotationPeriod.start.weekdayName)s\(handoff). "
                    + "The rotation covers: \(rotation.pipelines.compactMap { pipelineNames[$0] }.joined(separator: ", ")).",
                "",
            ]
            let word = rotationPeriod.shiftWord
            out += [
                "| \(word.capitalized) | Dates | Primary |" + (rotation.hasBackup ? " Backup |" : "")
                    + (rotation.hasShadow ? " Shadow |" : "") + " Holidays on working days (who has them) |",
                "|---:|---|---|" + (rotation.hasBackup ? "---|" : "") + (rotation.hasShadow ? "---|" : "") + "---|",
            ]
            for week in plan.schedule.shifts where scenario.rotationIndex(of: week.rotation) == r {
                guard let slot = scenario.slot(rotation: week.rotation, number: week.number) else { continue }
                let holidays = teamHolidays(plan, slot: slot, roster: rotation.roster)
                anyProvisional = anyProvisional || holidays.contains { $0.provisional }
                let cell = holidays.isEmpty ? "—" : holidays.map(\.text).joined(separator: "; ")
                out.append(
                    "| \(week.number) | \(week.dates.first) – \(week.dates.last) | \(name(week.primary)) | "
                        + (rotation.hasBackup ? "\(week.backup.map(name) ?? "—") | " : "")
                        + (rotation.hasShadow ? "\(week.shadow.map(name) ?? "—") | " : "") + "\(cell) |")
            }
            out.append("")
        }
        if anyProvisional { out += ["† provisional: the date is not yet officially confirmed.", ""] }

        // Ownership.
        out += coversSection(plan, name: name)

        out += ["## Pipeline ownership", ""]
        out += [
            "| Pipeline | Area | Investor-facing | On call | Weight | Primary owner | Secondary owner |",
            "|---|---|---|---|---:|---|---|",
        ]
        let owners = Dictionary(
            plan.schedule.ownership.map { ($0.pipeline, $0) }, uniquingKeysWith: { first, _ in first })
        /// An owner's cell: the engineer's name, or the team's with "(team)"; pinned owners marked.
        func owner(_ id: String?, _ pin: OwnerPin?) -> String {
            guard let id else { return "—" }
            switch pin {
            case .team(let team): return "\(TextFormatting.markdownCell(team)) (team)"
            case .engineer: return "\(name(id)) (pinned)"
            case nil: return name(id)
            }
        }
        for pipeline in scenario.pipelines {
            let row = owners[pipeline.id]
            out.append(
                "| \(TextFormatting.markdownCell(pipeline.name)) | \(TextFormatting.markdownCell(pipeline.area)) | "
                    + "\(pipeline.investorFacing ? "yes" : "no") | \(pipeline.onCall ? "yes" : "no") | "
                    + "\(TextFormatting.number(pipeline.weight)) | \(owner(row?.primary, pipeline.primaryOwner)) | "
                    + "\(owner(row?.secondary, pipeline.secondaryOwner)) |")
        }
        out.append("")
        if investor > 0 {
            let cap = scenario.rules.investorPrimaryCap(investorFacing: investor, engineers: scenario.engineers.count)
            out += ["Nobody is primary owner of more than \(cap) of the \(investor) investor-facing pipelines.", ""]
        }

        // Fairness.
        let categories = scenario.rules.holidayCategories.filter { $0 != .company }.sorted().map(\.rawValue)
            .joined(separator: ", ")
        out += ["## Fairness", ""]
        // Without a backup on any rotation, the backup column is left out.
        let backups = scenario.rotations.contains(where: \.hasBackup)
        let header =
            "| Engineer | Region | Available weeks | Primary weeks (fair share) |"
            + (backups ? " Backup weeks (fair share) |" : "") + " Holiday burden | Ownership load |"
        let rule = backups ? "|---|---|---:|---:|---:|---:|---:|" : "|---|---|---:|---:|---:|---:|"
        if fairness.hasHistory {
            let files = scenario.history.files.map { "`\($0)`" }.joined(separator: ", ")
            out += [
                "History: \(scenario.history.shifts.count) earlier shifts from \(files), within "
                    + "\(scenario.rules.historyWeeks) weeks before the period, count in the fair shares and the holiday "
                    + "burden. Each figure below is history + this period.",
                "", header, rule,
            ]
            for row in fairness.engineers {
                let backup =
                    "\(row.historyBackupWeeks) + \(row.backupWeeks) (\(TextFormatting.number(row.backupFairShare))) | "
                out.append(
                    "| \(TextFormatting.markdownCell(row.engineer.name)) | \(row.engineer.region) | "
                        + "\(row.availableShifts) of \(row.shifts) | "
                        + "\(row.historyPrimaryWeeks) + \(row.primaryWeeks) (\(TextFormatting.number(row.fairShare))) | "
                        + (backups ? backup : "")
                        + "\(row.historyHolidayBurden) + \(row.holidayBurden) | \(TextFormatting.number(row.ownershipLoad)) |"
                )
            }
        } else {
            out += [header, rule]
            for row in fairness.engineers {
                let share = TextFormatting.number(row.fairShare)
                let backup = "\(row.backupWeeks) (\(TextFormatting.number(row.backupFairShare))) | "
                out.append(
                    "| \(TextFormatting.markdownCell(row.engineer.name)) | \(row.engineer.region) | "
                        + "\(row.availableShifts) of \(row.shifts) | \(row.primaryWeeks) (\(share)) | "
                        + (backups ? backup : "")
                        + "\(row.holidayBurden) | \(TextFormatting.number(row.ownershipLoad)) |")
            }
        }
        if several {
            out += [
                "",
                "Balance is judged per rotation (each has its own roster and shares):",
                "",
                "| Engineer | Rotation | Available | Primary (fair share) |"
                    + (backups ? " Backup (fair share) |" : ""),
                backups ? "|---|---|---:|---:|---:|" : "|---|---|---:|---:|",
            ]
            for row in fairness.engineers {
                for figures in row.rotations {
                    let hasBackup = scenario.rotations.first { $0.id == figures.rotation }?.hasBackup ?? true
                    let backup =
                        hasBackup
                        ? " \(figures.backupWeeks) (\(TextFormatting.number(figures.backupFairShare))) |" : " — |"
                    out.append(
                        "| \(TextFormatting.markdownCell(row.engineer.name)) | `\(figures.rotation)` | "
                            + "\(figures.availableShifts) of \(figures.shifts) | "
                            + "\(figures.primaryWeeks) (\(TextFormatting.number(figures.fairShare))) |"
                            + (backups ? backup : ""))
                }
            }
        }
        out += [
            "",
            "Fair share = weeks × the engineer's available weeks ÷ all engineers' available weeks (a week is unavailable when it "
                + "overlaps their leave). Holiday burden = the holiday days inside the engineer's duty weeks, counted 2 as primary "
                + "and 1 as backup: a day counts 1 when a holiday of their own region (\(categories)) or a company day falls on it, "
                + "the festival weight when it is a festival they observe, and 0 on their weekend (the substitute day counts "
                + "instead). Ownership load = Σ pipeline weight × (2 as primary owner, 1 as secondary).",
            "",
        ]
        if Rule.eligibility.isDeclared(by: scenario) {
            out += [
                "Each role's fair share counts only the weeks the engineer may hold that role (`can:`, `from:`); "
                    + "available weeks are those they may hold some role in.",
                "",
            ]
        }
        if let limit = scenario.rules.coveredLeave {
            out += [
                "Under covered_leave a week whose leave is within its limit (\(limit)) counts as available: its holder "
                    + "may keep it while someone covers those hours.",
                "",
            ]
        }
        let covering = fairness.engineers.filter { $0.coverHours > 0 }
        if !covering.isEmpty {
            out += [
                "Hours covering others: "
                    + covering.map { "\(name($0.engineer.id)) \(TextFormatting.number($0.coverHours)) h" }
                    .joined(separator: ", ")
                    + ". A covered holder keeps the whole shift in the counts above; covers add no holiday burden.",
                "",
            ]
        }

        out += HoursSection.lines(plan, name: name)
        out += RulesSection.lines(plan)
        out += ChangesSection.lines(plan, name: name)

        // Holidays inside each engineer's duty weeks.
        out += ["## Holidays in duty weeks", ""]
        for row in fairness.engineers {
            let observes = row.engineer.observes.map { festival in
                "\(TextFormatting.markdownCell(festival.name)) ×\(festival.weight ?? scenario.rules.festivalWeight)"
            }
            let heading =
                "- **\(TextFormatting.markdownCell(row.engineer.name))** (\(row.engineer.region)"
                + (observes.isEmpty ? "" : "; observes \(observes.joined(separator: ", "))") + "): "
            if row.holidayDuty.isEmpty {
                out.append(heading + "no holiday in a duty week.")
                continue
            }
            let personal = scenario.personalCalendar(row.engineer)
            let weeks = row.holidayDuty.map { duty in
                let days = duty.holidays.map { holiday in
                    let festival = personal.observedFestival(holiday).map {
                        " (observed: \(TextFormatting.markdownCell($0.name)))"
                    }
                    return "\(Self.label(holiday)) (\(holiday.date.shortDescription))" + (festival ?? "")
                }
                let label = (several ? "\(duty.rotation) " : "") + "\(scenario.period.shiftWord) \(duty.week)"
                return
                    "\(label) \(duty.role.rawValue): \(days.joined(separator: ", ")), \(duty.burden) point\(duty.burden == 1 ? "" : "s")"
            }
            out.append(heading + weeks.joined(separator: "; ") + ".")
        }
        out.append("")

        // Holiday conflicts.
        out += ["## Holidays on duty", ""]
        if plan.holidayConflicts.isEmpty {
            out += ["Nobody is on duty in a week with a public holiday of their own region.", ""]
        } else {
            out += [
                "Every week in which someone is on duty over a public holiday of their own region, and why the plan keeps it "
                    + "(found by solving again with that duty forbidden to everyone who has a holiday that week):",
                "",
            ]
            for conflict in plan.holidayConflicts {
                let days = conflict.holidays.map { "\(Self.label($0)) (\($0.date.shortDescription))" }
                let label =
                    several
                    ? "\(conflict.week.rotation) \(scenario.period.shiftWord) "
                    : "\(scenario.period.shiftWord.capitalized) "
                out.append(
                    "- **\(label)\(conflict.week.number)** (\(conflict.week.dates.first) – \(conflict.week.dates.last)): "
                        + "\(name(conflict.engineer)) is \(conflict.role.rawValue) over \(days.joined(separator: ", ")). "
                        + (plan.recorded == nil
                            ? reasonText(conflict.reason, name: name) : recordedReason(plan, conflict, name: name)))
            }
            out.append("")
        }

        // Chart.
        out += ["## Rotation chart", ""]
        out += MermaidGantt.lines(plan)
        out.append("")

        // Solver.
        out += ["## Solver", ""]
        if plan.recorded != nil { return (out + editedSolverSection(plan)).joined(separator: "\n") + "\n" }
        out += [
            "\(Solver.name), branch-and-cut. The levels are minimized in this order; each is then held at its value "
                + "while the next is minimized (the integer program is stated in docs/model.md).",
            "",
        ]
        out += [
            "| # | Level | Value | Status | Best bound | Gap | Simplex iterations | Branch-and-bound nodes |",
            "|---:|---|---:|---|---:|---:|---:|---:|",
        ]
        for (position, kind) in plan.levelOrder.enumerated() {
            // The value is the written schedule's, also for a level no solve reached (then not minimized).
            let value = "\(TextFormatting.number(fairness.value(of: kind))) \(kind.unit)"
            guard let level = plan.levels.first(where: { $0.kind == kind }) else {
                out.append(
                    "| \(position + 1) | \(kind.title) | \(value) | not solved (stopped before it) | — | — | 0 | 0 |")
                continue
            }
            out.append(
                "| \(position + 1) | \(kind.title) | \(value) | \(level.status) | "
                    + "\(level.bound.map { TextFormatting.number($0) } ?? "—") | \(level.gap.map(TextFormatting.percent) ?? "—") | "
                    + "\(level.simplexIterations) | \(level.branchNodes) |")
        }
        let byBounds = plan.levelOrder.indices.filter { position in
            plan.levels.first { $0.kind == plan.levelOrder[position] }?.provedByBounds ?? false
        }
        if !byBounds.isEmpty {
            let numbers = byBounds.map { String($0 + 1) }
            let list =
                numbers.count == 1
                ? "Level \(numbers[0]) was"
                : "Levels \(numbers.dropLast().joined(separator: ", ")) and \(numbers.last!) were"
            out += [
                "",
                "\(list) proved without a search: the schedule offered to \(numbers.count == 1 ? "it" : "each") (the "
                    + "constructive start, or the previous level's) already reached the least value its variables' bounds "
                    + "allow (a deviation at its fair-share bound, a load at its lower bound, a count or burden of 0).",
            ]
        }
        out += [
            "",
            "Model of the last level: \(plan.size.rows) rows, \(plan.size.columns) columns, \(plan.size.nonzeros) non-zeros "
                + "(the on-call and the ownership part together; no row links them, so each is solved on its own). "
                + "Solve times are printed by `rota plan` on standard output and left out here, so that the same inputs always give "
                + "the same report.",
        ]
        return out.joined(separator: "\n") + "\n"
    }

    func statusLine(_ plan: Plan) -> String {
        if let recorded = plan.recorded {
            let edits = plan.edits.count
            return
                "**Solver status:** as planned, \(recorded.plan?.status ?? "not recorded (planned by an older Rota).") "
                + "Edited since by \(edits) \(edits == 1 ? "change" : "changes") (under *Covers and swaps*), "
                + "judged by the rule checker, not solved again."
        }
        if plan.provedOptimal { return "**Solver status:** every objective level proved optimal." }
        let open = plan.levels.filter { $0.status != .optimal }.map { level in
            "\(level.kind.title.lowercased()): \(level.status)"
                + (level.gap.map { ", gap \(TextFormatting.percent($0))" } ?? "")
        }
        let missing = plan.unsolvedLevels.map { $0.title.lowercased() }
        return "**Solver status: not proved optimal.** " + open.joined(separator: "; ")
            + (missing.isEmpty ? "" : "; not solved: \(missing.joined(separator: ", "))") + "."
    }

    func reasonText(_ reason: ConflictReason, name: (String) -> String) -> String {
        switch reason {
        case .nobodyElse(let onLeave, let withHolidays):
            var parts: [String] = []
            if !withHolidays.isEmpty { parts.append("holidays: \(withHolidays.map(name).joined(separator: ", "))") }
            if !onLeave.isEmpty { parts.append("on leave: \(onLeave.map(name).joined(separator: ", "))") }
            return "Unavoidable: everyone has a holiday or leave this week (\(parts.joined(separator: "; ")))."
        case .hardRules:
            return
                "Unavoidable: every rotation without it breaks a hard rule (leave, min_gap_weeks, one role per week, or "
                + "who may hold the role)."
        case .worse(let kind, let planned, let alternative):
            return
                "Kept because avoiding it would raise the \(kind.title.lowercased()) from \(TextFormatting.number(planned)) "
                + "to \(TextFormatting.number(alternative)) \(kind.unit)."
        case .tie:
            return
                "An equally good rotation avoids it by moving holiday burden to someone else; the solver's tie-break kept this one."
        case .avoidable:
            return
                "Avoidable: the plan was not proved optimal and a better rotation exists; plan again with a longer --time-limit."
        case .notAnalysed:
            return "Not analysed (the analysis is limited in count, model size and time)."
        }
    }

    private struct TeamHoliday {
        let text: String
        let provisional: Bool
    }

    /// A holiday's name for a table cell: marks substitute days, and provisional dates with †.
    static func label(_ holiday: Holiday) -> String {
        TextFormatting.markdownCell(holiday.name) + (holiday.observedSubstitute ? " (substitute day)" : "")
            + (holiday.provisional ? " †" : "")
    }

    /// Holidays of the roster's regions in a shift: `1 Jan New Year's Day (Aidil, Choo)`.
    private func teamHolidays(_ plan: Plan, slot: Int, roster: [String]) -> [TeamHoliday] {
        var groups: [String: (holiday: Holiday, people: [String])] = [:]
        var order: [String] = []
        for (e, engineer) in plan.scenario.engineers.enumerated() where roster.contains(engineer.id) {
            for holiday in plan.availability.shifts[e][slot].holidays {
                let key = "\(holiday.date) \(holiday.name)"
                if groups[key] == nil {
                    groups[key] = (holiday, [])
                    order.append(key)
                }
                groups[key]!.people.append(engineer.name)
            }
        }
        return order.sorted().map { key in
            let (holiday, people) = groups[key]!
            let names = people.map(TextFormatting.markdownCell).joined(separator: ", ")
            return TeamHoliday(
                text:
                    "\(holiday.date.shortDescription) \(Self.label(holiday)) (\(names))",
                provisional: holiday.provisional)
        }
    }
}
