import ArgumentParser
import Foundation
import RotaChecking
import RotaCore
import RotaModel
import RotaPlanning

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Judge a committed or hand-made schedule: hard rules, fairness bounds, freshness, optimality.",
        discussion: """
            Reads rotation.csv and ownership.csv (a report folder) or a single rotation.csv, and judges it with the \
            rule checker that is independent of the planner: every week covered once with the period's dates, known \
            engineers, distinct primary and backup, no duty during leave, the gap between primary weeks, one primary \
            and a different secondary owner per pipeline, the investor-facing cap, and the bounds the scenario \
            declares under rules.fairness. Given a single rotation.csv, only the rotation rules are judged.

            Freshness: `rota plan` writes manifest.json beside the schedule with a digest of every input (the \
            scenario, its .ics files, each region's holidays in the period, observed festival names, Rota's model \
            version; the scenario without comments, layout or variants). If any differs now, the schedule is stale. A schedule without manifest.json (written by hand) \
            is not judged for freshness.

            --optimality re-solves the scenario and fails when the schedule is worse than the best found at the \
            first objective level where they differ by more than --tolerance.

            Exit status: 0 fair; 1 findings (or worse than the best with --optimality); 2 bad input; 70 a GLPK internal \
            error with --optimality; 3 stale \
            (findings are still listed).
            """
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @OptionGroup var calendarOptions: CalendarOptions

    @Option(help: "A report folder or a rotation.csv (default: reports/<scenario name>/).")
    var schedule: String?

    @Option(
        help: ArgumentHelp(
            "text (one finding per line, file:line first), json, junit (JUnit XML, one test case per rule), "
                + "github (GitHub Actions annotations) or markdown (a CI job summary).", valueName: "format"))
    var format: CheckFormat = .text

    @Option(
        help: ArgumentHelp(
            "Also write the verdict as JUnit XML to this file (replaced whole, whatever --format prints).",
            valueName: "file"))
    var junit: String?

    @Option(
        help: ArgumentHelp(
            "Also append the verdict as Markdown to this file (a CI job summary such as $GITHUB_STEP_SUMMARY).",
            valueName: "file"))
    var summary: String?

    @Flag(help: "Also re-solve the scenario and fail if the schedule is worse than the best at any objective level.")
    var optimality = false

    @Option(help: "With --optimality: the largest difference at a level that still counts as equal (level units).")
    var tolerance: Double = 0

    @Option(help: "With --optimality: seconds for the re-solve.")
    var timeLimit: Double = 60

    @Option(
        help: ArgumentHelp(
            "The day of judging (YYYY-MM-DD, default today, UTC): leave in a shift or cover that ended before it is "
                + "history, not a finding; a stale schedule's hint replans from it.", valueName: "date"))
    var asOf: String?

    /// --as-of as a date, or today's.
    var judgingDay: CalendarDate {
        if let asOf, let day = CalendarDate(iso: asOf) { return day }
        return Instant(secondsSince1970: Int(Date().timeIntervalSince1970)).utcDate
    }

    func validate() throws {
        if let asOf, CalendarDate(iso: asOf) == nil {
            throw ValidationError("--as-of: expected a date YYYY-MM-DD, found \(TextSafety.quoted(asOf))")
        }
        guard tolerance >= 0 else { throw ValidationError("--tolerance must be 0 or more") }
        if let problem = PlanOptions.timeLimitProblem(timeLimit) { throw ValidationError(problem) }
    }
}

enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case junit
    case github
    case markdown
}
