import RotaChecking
import RotaModel
import RotaPlanning

/// fairness.csv: `engineer,name,region,available_weeks,primary_weeks,backup_weeks,holiday_burden,ownership_load,
/// cover_hours` (hours covering others, coverage.csv's cover rows).
public struct FairnessCSV: ReportFile {
    public init() {}
    public var fileName: String { "fairness.csv" }

    public func render(_ plan: Plan) -> String {
        var table = CSVTable(header: [
            "engineer", "name", "region", "available_weeks", "primary_weeks", "backup_weeks", "holiday_burden",
            "ownership_load", "cover_hours",
        ])
        for row in plan.fairness.engineers {
            table.append([
                row.engineer.id, row.engineer.name, row.engineer.region, String(row.availableShifts),
                String(row.primaryWeeks),
                String(row.backupWeeks), String(row.holidayBurden), TextFormatting.number(row.ownershipLoad),
                TextFormatting.number(row.coverHours),
            ])
        }
        return table.render()
    }
}
