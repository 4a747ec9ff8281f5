import RotaChecking
import RotaModel
import RotaPlanning

/// rotation.csv: `week,start,end,primary,backup`, one row per shift, engineer ids, ISO dates (end = last day); with
/// several rotations a leading `rotation` column holds the rotation's id (one rotation keeps the shape unchanged);
/// `backup` is empty in a rotation of primaries alone; a `shadow` column, when a rotation has shadows, names who
/// shadows each shift (empty: nobody).
public struct RotationCSV: ReportFile {
    public init() {}
    public var fileName: String { "rotation.csv" }

    public func render(_ plan: Plan) -> String {
        let several = plan.scenario.rotations.count > 1
        let shadows = plan.scenario.rotations.contains(where: \.hasShadow)
        var table = CSVTable(
            header: (several ? ["rotation"] : []) + ["week", "start", "end", "primary", "backup"]
                + (shadows ? ["shadow"] : []))
        for week in plan.schedule.shifts {
            table.append(
                (several ? [week.rotation] : []) + [
                    String(week.number), week.dates.first.description, week.dates.last.description, week.primary,
                    week.backup ?? "",
                ] + (shadows ? [week.shadow ?? ""] : []))
        }
        return table.render()
    }
}
