/// rotation.csv: `week,start,end,primary,backup`, one row per week, engineer ids, ISO dates (end = last day).
public struct RotationCSV: ReportFile {
    public init() {}
    public var fileName: String { "rotation.csv" }

    public func render(_ plan: Plan) -> String {
        var table = CSVTable(header: ["week", "start", "end", "primary", "backup"])
        for week in plan.schedule.weeks {
            table.append([
                String(week.number), week.dates.first.description, week.dates.last.description, week.primary,
                week.backup,
            ])
        }
        return table.render()
    }
}
