import RotaChecking
import RotaModel
import RotaPlanning

/// hours.csv: `rotation,engineer,name,role,working_hours,out_of_hours,weekend_hours,public_holiday_hours,
/// festival_hours,total_hours`, and with `pay:` `pay,currency`: one row per rotation, engineer and role, hours as
/// decimals (elapsed time, from coverage.csv), pay in the currency's units, rounded once per row.
public struct HoursCSV: ReportFile {
    public init() {}
    public var fileName: String { "hours.csv" }

    static func hours(_ seconds: Int) -> String { TextFormatting.number(Double(seconds) / 3600) }

    public func render(_ plan: Plan) -> String {
        let hours = plan.hours
        var header = ["rotation", "engineer", "name", "role"]
        header += HourKind.allCases.map { $0 == .outOfHours ? "out_of_hours" : "\($0.rawValue)_hours" }
        header.append("total_hours")
        if hours.pay != nil { header += ["pay", "currency"] }
        var table = CSVTable(header: header)
        for row in hours.rows {
            var cells = [
                row.rotation, row.engineer, plan.scenario.engineer(row.engineer)?.name ?? row.engineer,
                row.role.rawValue,
            ]
            cells += HourKind.allCases.map { Self.hours(row.seconds[$0] ?? 0) }
            cells.append(Self.hours(row.totalSeconds))
            if let pay = hours.pay { cells += [pay.text(row.pay ?? 0), pay.currency] }
            table.append(cells)
        }
        return table.render()
    }
}
