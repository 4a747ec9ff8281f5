import ArgumentParser
import RotaChecking
import RotaCore
import RotaModel
import RotaPlanning

/// `--baseline DIR [--from DATE]`, shared by `rota plan` and `rota compare`: plan as a replan of a schedule.
struct BaselineOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Replan from this schedule (a report folder or rotation.csv): the fewest assignments change.",
            valueName: "DIR"))
    var baseline: String?

    @Option(
        name: .customLong("from"),
        help: ArgumentHelp(
            "With --baseline: keep every shift that starts before this day exactly as it was.", valueName: "DATE"))
    var fromDate: String?

    func validate() throws {
        if fromDate != nil && baseline == nil {
            throw ValidationError("--from needs --baseline (the schedule whose earlier shifts are kept)")
        }
        if let fromDate, CalendarDate(iso: fromDate) == nil {
            throw ValidationError("--from: expected a date YYYY-MM-DD, found \(TextSafety.quoted(fromDate))")
        }
    }

    /// The baseline read, or nil without --baseline; a bad file is printed and exits 2.
    func read() throws -> PlanBaseline? {
        guard let baseline else { return nil }
        do {
            let file = try ScheduleReader.read(path: baseline, as: .baseline)
            return PlanBaseline(
                schedule: file.schedule, from: fromDate.flatMap(CalendarDate.init(iso:)), source: baseline)
        } catch {
            Terminal.error(error.description)
            throw ExitStatus.badInput
        }
    }
}
