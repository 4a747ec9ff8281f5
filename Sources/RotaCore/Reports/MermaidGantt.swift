import RotaChecking
import RotaModel
import RotaPlanning

/// The rotation as a Mermaid gantt chart (GitHub renders it): a section per engineer with their primary
/// weeks (highlighted), backup weeks and leave inside the period.
enum MermaidGantt {
    static func lines(_ plan: Plan) -> [String] {
        var out = [
            "```mermaid", "gantt", "    title On-call rotation", "    dateFormat YYYY-MM-DD", "    axisFormat %d %b",
        ]
        let period = plan.scenario.coveredDates
        for engineer in plan.scenario.engineers {
            out.append("    section \(TextFormatting.mermaidLabel(engineer.name))")
            let several = plan.scenario.rotations.count > 1
            for week in plan.schedule.shifts {
                let days = week.dates.last.dayNumber - week.dates.first.dayNumber + 1
                let rotation = several ? " \(TextFormatting.mermaidLabel(week.rotation))" : ""
                if week.primary == engineer.id {
                    out.append("    Primary\(rotation) :crit, \(week.dates.first), \(days)d")
                }
                if week.backup == engineer.id {
                    out.append("    Backup\(rotation) :active, \(week.dates.first), \(days)d")
                }
            }
            for leave in engineer.leave.sorted(by: { ($0.first, $0.last) < ($1.first, $1.last) })
            where leave.overlaps(period) {
                let first = max(leave.first, period.first)
                let last = min(leave.last, period.last)
                out.append("    Leave :done, \(first), \(last.dayNumber - first.dayNumber + 1)d")
            }
        }
        out.append("```")
        return out
    }
}
