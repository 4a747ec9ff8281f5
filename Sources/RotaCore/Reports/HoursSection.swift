import RotaChecking
import RotaModel
import RotaPlanning

/// report.md's "On-call hours": each engineer's hours by kind over all rotations and roles (and pay), the picture
/// of them (hours.svg), and how they are counted.
enum HoursSection {
    static func lines(_ plan: Plan, name: (String) -> String) -> [String] {
        let hours = plan.hours
        let scenario = plan.scenario
        var out = ["## On-call hours", ""]
        let kinds = HourKind.allCases
        var header = "| Engineer | " + kinds.map(\.title).joined(separator: " | ") + " | Total |"
        var rule = "|---|" + kinds.map { _ in "---:|" }.joined() + "---:|"
        if let pay = hours.pay {
            header += " Pay (\(pay.currency)) |"
            rule += "---:|"
        }
        out += [header, rule]
        let engineers = scenario.engineers.filter { engineer in hours.rows.contains { $0.engineer == engineer.id } }
        for engineer in engineers {
            let totals = hours.totals(of: engineer.id)
            var line =
                "| \(name(engineer.id)) | "
                + kinds.map { HoursCSV.hours(totals[$0] ?? 0) }.joined(separator: " | ")
                + " | \(HoursCSV.hours(totals.values.reduce(0, +))) |"
            if let pay = hours.pay { line += " \(pay.text(hours.pay(of: engineer.id) ?? 0)) |" }
            out.append(line)
        }
        out += ["", "![On-call hours by kind, per engineer](\(HoursPicture().fileName))", ""]
        let custom = scenario.engineers.filter { $0.workingHours != nil }
        let team = scenario.workingHours ?? .standard
        var how =
            "Hours held as primary or backup, from coverage.csv (covers count for whoever holds the pager), each in "
            + "its holder's time zone and calendar: a day of a festival they observe, then their region's weekend, "
            + "then a public or company holiday, and on a working day inside or outside their working hours "
            + "(\(team.description)"
            + (custom.isEmpty
                ? ""
                : "; "
                    + custom.map { "\(name($0.id)) \(($0.workingHours ?? team).description)" }.joined(separator: ", "))
            + "). Elapsed hours: a day a clock change shortens counts 23. Per rotation and role in hours.csv."
        if let pay = hours.pay {
            let rates = kinds.compactMap { kind -> String? in
                guard let rate = pay.rates[kind] else { return nil }
                return
                    "\(kind.title.lowercased()) \(pay.text(rate.amount)) \(rate.unit == .perHour ? "an hour" : "a day")"
            }
            how +=
                " Pay: " + (rates.isEmpty ? "no rates" : rates.joined(separator: ", "))
                + (pay.backupShare == 1000
                    ? ""
                    : "; the backup is paid \(TextFormatting.number(Double(pay.backupShare) / 10)) % of it")
                + "; a day's rate pro rata to the hours held (24 h a day); each row of hours.csv rounded once to the "
                + "nearest \(pay.decimals == 0 ? "unit" : "cent") (halves up), totals summed from the rows."
        }
        out += [how, ""]
        return out
    }
}
