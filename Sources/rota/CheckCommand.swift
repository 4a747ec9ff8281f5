import ArgumentParser

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Judge a committed or hand-made schedule against the scenario's hard rules.",
        discussion: """
            Reads rotation.csv and ownership.csv (a report folder) or a single rotation.csv, and checks every hard \
            rule with the rule checker that is independent of the planner: every week covered once with the \
            period's dates, known engineers, distinct primary and backup, no duty during leave, the gap between \
            primary weeks, one primary and a different secondary owner per pipeline, the investor-facing cap. \
            Given a single rotation.csv, only the rotation rules are judged. \
            Exit status: 0 no finding; 1 findings; 2 bad input.
            """
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @OptionGroup var calendarOptions: CalendarOptions

    @Option(help: "A report folder or a rotation.csv (default: reports/<scenario name>/).")
    var schedule: String?

    @Option(help: "text (one finding per line, file:line first) or json.")
    var format: CheckFormat = .text
}

enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
