import Foundation
import RotaChecking
import RotaModel
import RotaPlanning

/// report.md's parts for the hours on top of the shifts (covers) and for a schedule edited after planning.
extension MarkdownReport {
    /// "Covers and swaps": each edit since planning with what it changed, then every cover in the schedule.
    func coversSection(_ plan: Plan, name: (String) -> String) -> [String] {
        let covers = plan.schedule.covers
        guard !covers.isEmpty || !plan.edits.isEmpty else { return [] }
        var out = ["## Covers and swaps", ""]
        if !plan.edits.isEmpty {
            out += ["Changes made after planning, in order (`rota cover`, `rota swap`):", ""]
            for (number, edit) in plan.edits.enumerated() {
                var line = "\(number + 1). \(TextFormatting.markdownCell(edit.summary))"
                if !edit.fairness.isEmpty {
                    line += " Fairness: " + edit.fairness.map(TextFormatting.markdownCell).joined(separator: "; ") + "."
                }
                if !edit.accepted.isEmpty {
                    line +=
                        " **Accepted with --force:** "
                        + edit.accepted.map(TextFormatting.markdownCell).joined(separator: "; ") + "."
                }
                out.append(line)
            }
            out.append("")
        }
        if !covers.isEmpty {
            let scenario = plan.scenario
            let clocks = scenario.shiftClocks
            let several = scenario.rotations.count > 1
            out += [
                "Who stands in for whom (times in the rotation's handoff zone; coverage.csv has them in UTC):", "",
                (several ? "| Rotation " : "") + "| Role | Covered by | Instead of | From | To | Reason |",
                (several ? "|---" : "") + "|---|---|---|---|---|---|",
            ]
            for cover in covers.sorted(by: { ($0.rotation, $0.span.start) < ($1.rotation, $1.span.start) }) {
                let r = scenario.rotationIndex(of: cover.rotation)
                let zone = r.map { clocks[$0].zone } ?? TimeZone(identifier: "UTC")!
                let holders = plan.schedule.shifts.filter { shift in
                    scenario.rotationIndex(of: shift.rotation) == r
                        && r.map { clocks[$0].span(of: shift.dates).overlaps(cover.span) } == true
                }.compactMap { $0.engineer(for: cover.role).map(name) }
                let reason = cover.reason.isEmpty ? "—" : TextFormatting.markdownCell(cover.reason)
                out.append(
                    (several ? "| \(TextFormatting.markdownCell(cover.rotation)) " : "")
                        + "| \(cover.role.rawValue) | \(name(cover.engineer)) | \(holders.joined(separator: ", ")) "
                        + "| \(cover.span.start.local(in: zone)) | \(cover.span.end.local(in: zone)) | \(reason) |")
            }
            out.append("")
        }
        return out
    }

    /// The reason the record gives for a duty over a holiday, when that duty is as planned.
    func recordedReason(_ plan: Plan, _ conflict: HolidayConflict, name: (String) -> String) -> String {
        let reasons = plan.recorded?.plan?.holidayReasons ?? []
        if let recorded = reasons.first(where: {
            $0.rotation == conflict.week.rotation && $0.shift == conflict.week.number && $0.role == conflict.role
                && $0.engineer == conflict.engineer
        }) {
            return recorded.reason + " (as planned)"
        }
        return "On this duty since an edit after planning; not analysed (plan again to analyse it)."
    }

    /// The solver section of an edited schedule: each level's value now beside the value and status the solve
    /// recorded.
    func editedSolverSection(_ plan: Plan) -> [String] {
        guard let record = plan.recorded?.plan else {
            return ["The manifest holds no record of the solve (planned by an older Rota).", ""]
        }
        var out = [
            "Planned with \(record.solver), branch-and-cut; the levels in the order they were minimized (docs/model.md). "
                + "The schedule was edited after planning, so its values now are measured on the schedule as it is, "
                + "not minimized.",
            "",
            "| # | Level | Value now | Value as planned | Status as planned |",
            "|---:|---|---:|---:|---|",
        ]
        for (position, level) in record.levels.enumerated() {
            let kind = ObjectiveKind.named(level.name)
            let now = kind.map { "\(TextFormatting.number(plan.fairness.value(of: $0))) \($0.unit)" } ?? "—"
            let planned = "\(TextFormatting.number(level.value))" + (kind.map { " \($0.unit)" } ?? "")
            out.append(
                "| \(position + 1) | \(kind?.title ?? level.name) | \(now) | \(planned) | \(level.status) |")
        }
        return out
    }
}

extension PlanRecord {
    /// The record of a plan just solved, as report.md states it.
    public init(_ plan: Plan) {
        let report = MarkdownReport()
        let names = Dictionary(
            plan.scenario.engineers.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let status = report.statusLine(plan)
        self.init(
            solver: Solver.name, provedOptimal: plan.provedOptimal,
            status: status.replacingOccurrences(of: "**Solver status:** ", with: "")
                .replacingOccurrences(of: "**Solver status: not proved optimal.** ", with: "not proved optimal: "),
            levels: plan.levelOrder.map { kind in
                PlanRecord.Level(
                    name: kind.rawValue, value: plan.fairness.value(of: kind),
                    status: plan.levels.first { $0.kind == kind }.map { "\($0.status)" } ?? "not solved")
            },
            holidayReasons: plan.holidayConflicts.map { conflict in
                PlanRecord.HolidayReason(
                    rotation: conflict.week.rotation, shift: conflict.week.number, role: conflict.role,
                    engineer: conflict.engineer,
                    reason: report.reasonText(conflict.reason) { TextFormatting.markdownCell(names[$0] ?? $0) })
            })
    }
}
