import RotaChecking
import RotaModel
import RotaPlanning

/// report.md's rotation chart. A small team gets a Mermaid gantt (GitHub renders it) in compact mode: a section
/// per engineer per rotation, whose primary shifts, backup shifts and leave share one row where they do not overlap,
/// and a legend. A bigger team gets rotation.svg (``RotationPicture``) instead, which stays readable at any size.
enum MermaidGantt {
    /// Above this many rows (engineers × rotations they are in) or days, the picture replaces the gantt.
    static let largestRows = 16
    static let largestDays = 200

    static func fits(_ scenario: Scenario) -> Bool {
        let rows = scenario.rotations.map(\.roster.count).reduce(0, +)
        let period = scenario.coveredDates
        return rows <= largestRows && period.last.dayNumber - period.first.dayNumber + 1 <= largestDays
    }

    static func lines(_ plan: Plan) -> [String] {
        let picture = RotationPicture().fileName
        guard fits(plan.scenario) else {
            let rows = RotationPicture.rows(plan.scenario).filter { $0.engineer != nil }.count
            return [
                "![On-call rotation, one row per engineer per rotation](\(picture))", "",
                "One row per engineer per rotation (\(rows) rows, too many for a Mermaid chart): primary shifts red, "
                    + "backup shifts blue, leave grey, holidays that count in the burden as orange ticks. Each bar "
                    + "names its person, role and dates when pointed at.",
            ]
        }
        var out = [
            "```mermaid", "---", "displayMode: compact", "---", "gantt", "    title On-call rotation",
            "    dateFormat YYYY-MM-DD", "    axisFormat %d %b",
        ]
        let scenario = plan.scenario
        let period = scenario.coveredDates
        let several = scenario.rotations.count > 1
        for rotation in scenario.rotations {
            for id in rotation.roster {
                guard let engineer = scenario.engineer(id) else { continue }
                let section = several ? "\(engineer.name) · \(rotation.name)" : engineer.name
                out.append("    section \(TextFormatting.mermaidLabel(section))")
                for shift in plan.schedule.shifts where shift.rotation == rotation.id {
                    let days = shift.dates.last.dayNumber - shift.dates.first.dayNumber + 1
                    if shift.primary == engineer.id {
                        out.append("    Primary \(shift.number) :crit, \(shift.dates.first), \(days)d")
                    }
                    if shift.backup == engineer.id {
                        out.append("    Backup \(shift.number) :active, \(shift.dates.first), \(days)d")
                    }
                }
                for leave in engineer.leave.sorted(by: { ($0.first, $0.last) < ($1.first, $1.last) })
                where leave.overlaps(period) {
                    let first = max(leave.first, period.first)
                    let last = min(leave.last, period.last)
                    out.append("    Leave :done, \(first), \(last.dayNumber - first.dayNumber + 1)d")
                }
            }
        }
        out += [
            "```", "",
            "Legend: **Primary** shifts are red (`crit`), **Backup** shifts blue (`active`), **Leave** grey (`done`); "
                + "each row is one engineer in one rotation. The same rotation as a picture, with the holidays that "
                + "count in the burden: [\(picture)](\(picture)).",
        ]
        return out
    }
}
