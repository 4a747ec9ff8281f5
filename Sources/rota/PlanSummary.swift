import RotaChecking
import RotaCore
import RotaModel
import RotaPlanning

/// What `rota plan` prints when it has written a report.
struct PlanSummary {
    let plan: Plan
    let folder: String
    let files: [(name: String, contents: String)]
    let seconds: Double

    var text: String {
        let scenario = plan.scenario
        let fairness = plan.fairness
        var lines = [
            "Planned \(scenario.name): \(scenario.period.shiftCount) \(scenario.period.shiftWord)s, \(scenario.engineers.count) engineers, "
                + "\(scenario.pipelines.count) pipelines in \(format(seconds * 1000)) ms "
                + "(\(plan.size.rows) rows, \(plan.size.columns) columns)"
        ]
        for level in plan.levels {
            lines.append(
                "  \(plan.number(of: level)). \(level.kind.title): \(format(fairness.value(of: level.kind))) \(level.kind.unit), "
                    + "\(level.status) (\(format(level.seconds * 1000)) ms)")
        }
        let timings = plan.timings
        lines.append(
            "  Time: start \(format(timings.start * 1000)) ms, levels \(format(timings.solve * 1000)) ms, "
                + "holiday analysis \(format(timings.holidayAnalysis * 1000)) ms "
                + "(\(plan.holidayConflicts.count) holiday \(plan.holidayConflicts.count == 1 ? "duty" : "duties"))")
        if let changes = plan.changes, let baseline = plan.baseline {
            let frozen = changes.frozenWeeks.isEmpty ? "" : ", \(changes.frozenWeeks.count) frozen"
            lines.append(
                "Replanned from \(baseline.source): \(changes.changes.count) assignment(s) changed\(frozen) "
                    + "(listed in report.md)")
        }
        if !plan.exportedModels.isEmpty {
            lines.append("Model written to \(plan.exportedModels.joined(separator: ", "))")
        }
        lines.append("Wrote \(folder)/: \(ReportSet.summary(files))")
        return lines.joined(separator: "\n")
    }

    private func format(_ value: Double) -> String { TextFormatting.number(value) }
}
