import RotaChecking
import RotaModel
import RotaPlanning

/// coverage.csv: the effective on-call timeline, `rotation,role,engineer,start,end,kind,reason`, start and end as
/// RFC 3339 instants in UTC (end exclusive). `kind` is `shift` (the holder in rotation.csv, at the rotation's handoff
/// time and zone) or `cover` (someone standing in); per rotation and role the rows follow one another without gap or
/// overlap over the whole period. `rota check` reads the `cover` rows back and judges the rest against rotation.csv.
public struct CoverageCSV: ReportFile {
    public static let columns = ["rotation", "role", "engineer", "start", "end", "kind", "reason"]

    public init() {}
    public var fileName: String { "coverage.csv" }

    public func render(_ plan: Plan) -> String {
        var table = CSVTable(header: Self.columns)
        for interval in CoverageTimeline.intervals(plan.schedule, scenario: plan.scenario) {
            table.append([
                interval.rotation, interval.role.rawValue, interval.engineer, interval.span.start.description,
                interval.span.end.description, interval.kind.rawValue, interval.reason,
            ])
        }
        return table.render()
    }
}
