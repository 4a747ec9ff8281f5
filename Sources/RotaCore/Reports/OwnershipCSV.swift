import RotaChecking
import RotaModel
import RotaPlanning

/// ownership.csv: `pipeline,name,area,investor_facing,primary,secondary`, in scenario order.
public struct OwnershipCSV: ReportFile {
    public init() {}
    public var fileName: String { "ownership.csv" }

    public func render(_ plan: Plan) -> String {
        var table = CSVTable(header: ["pipeline", "name", "area", "investor_facing", "primary", "secondary"])
        let owners = Dictionary(
            plan.schedule.ownership.map { ($0.pipeline, $0) }, uniquingKeysWith: { first, _ in first })
        for pipeline in plan.scenario.pipelines {
            let row = owners[pipeline.id]
            table.append([
                pipeline.id, pipeline.name, pipeline.area, pipeline.investorFacing ? "true" : "false",
                row?.primary ?? "", row?.secondary ?? "",
            ])
        }
        return table.render()
    }
}
