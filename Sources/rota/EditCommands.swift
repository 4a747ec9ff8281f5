import ArgumentParser
import RotaChecking
import RotaCore
import RotaModel
import RotaPlanning

/// What `rota swap` and `rota cover` share: the scenario, the report folder, --force, and the one atomic write.
struct EditOptions: ParsableArguments {
    @OptionGroup var calendarOptions: CalendarOptions

    @Option(help: "The report folder to edit (default: reports/<scenario name>/).")
    var schedule: String?

    @Flag(help: "Make a change that breaks hard rules anyway, recorded as an accepted exception `rota check` lists.")
    var force = false

    /// Reads the scenario and the folder, applies `edit`, writes every file of the folder in one step, and prints
    /// what changed. Bad input exits 2, a refused change 1.
    func run(scenario path: String, _ edit: ScheduleEdit) throws {
        let scenario = try calendarOptions.scenario(path)
        let folder = schedule ?? "reports/\(scenario.name)"
        guard InputFile.isFolder(folder) else {
            Terminal.error("\(folder): not a report folder\n  hint: name the folder `rota plan` wrote with --schedule")
            throw ExitStatus.badInput
        }
        let file: ScheduleFile
        do { file = try ScheduleReader.read(path: folder) } catch {
            Terminal.error(error.description)
            throw ExitStatus.badInput
        }
        let freshness = Freshness(recorded: file.manifest, manifestFile: file.manifestFile, scenario: scenario)
        if case .stale(let manifest, let changes) = freshness {
            Terminal.warning(
                "\(manifest): stale: \(changes.joined(separator: "; ")); the change is made on the schedule as "
                    + "planned, which stays stale")
        }
        let outcome: ScheduleEditOutcome
        do {
            outcome = try ScheduleEditor.apply(edit, scenario: scenario, file: file, force: force)
        } catch {
            Terminal.error(error.description)
            if case .refused = error { throw ExitStatus.failure }
            throw ExitStatus.badInput
        }
        let files = outcome.files
        do {
            try ReportFolderWriter.write(files, to: folder)
        } catch {
            Terminal.error(error.description)
            throw ExitStatus.failure
        }
        var lines = [outcome.summary]
        lines.append(
            outcome.fairness.isEmpty
                ? "Fairness: unchanged." : "Fairness: " + outcome.fairness.joined(separator: "; ") + ".")
        for finding in outcome.accepted { lines.append("Accepted with --force: \(finding)") }
        lines.append("Wrote \(folder.hasSuffix("/") ? folder : folder + "/"): \(ReportSet.summary(files))")
        Terminal.out(lines.joined(separator: "\n"))
    }
}

struct SwapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swap",
        abstract: "Exchange two engineers' duties in a committed schedule, without planning again.",
        discussion: """
            In shift N, ENGINEER_A and ENGINEER_B exchange their duties: both on duty swap roles; one on duty hands \
            it to the other. With --with-shift M, A's duty in N goes to B and B's duty in M to A. --role limits \
            the swap to that role. Every file of the report folder is rewritten in one step (rotation.csv, \
            coverage.csv, fairness.csv, report.md, the calendars, runbooks; manifest.json records the edit), after \
            the rule checker judges the result: a change that breaks a hard rule is refused unless --force.

            Exit status: 0 done; 1 refused (the findings are printed) or the folder could not be written; 2 bad input.
            """)

    @Argument(help: "The scenario file (YAML).") var scenario: String
    @Argument(help: "An engineer id.") var engineerA: String
    @Argument(help: "Another engineer id.") var engineerB: String
    @Option(help: "The shift number (as in rotation.csv's week column).") var shift: Int
    @Option(help: "Exchange A's duty in --shift for B's duty in this shift.") var withShift: Int?
    @Option(help: "The rotation's id (needed when the scenario has several).") var rotation: String?
    @Option(help: "Only this role: primary or backup.") var role: DutyRole?
    @OptionGroup var options: EditOptions

    func run() throws {
        try options.run(
            scenario: scenario,
            .swap(
                first: engineerA, second: engineerB, shift: shift, withShift: withShift, rotation: rotation, role: role)
        )
    }
}

struct CoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cover",
        abstract: "Make an engineer cover whoever is on duty for some hours, without planning again.",
        discussion: """
            --from and --to are RFC 3339 instants with Z or an offset (2027-04-07T09:00+08:00). The cover lies inside \
            the rotation's shifts and may span a handoff; it must not overlap another cover of the role. The report \
            folder is rewritten in one step: coverage.csv gains the cover and the shift is cut around it, the \
            calendars split the event (the first part keeps its UID with a higher SEQUENCE), report.md lists it, \
            manifest.json records it. The rule checker judges the result (the coverer on leave, on the other role \
            then, covering themselves): a change that breaks a hard rule is refused unless --force.

            Exit status: 0 done; 1 refused (the findings are printed) or the folder could not be written; 2 bad input.
            """)

    @Argument(help: "The scenario file (YAML).") var scenario: String
    @Option(help: "The engineer who covers.") var engineer: String
    @Option(help: "The cover's start (RFC 3339 with Z or an offset).") var from: String
    @Option(help: "The cover's end, exclusive (RFC 3339 with Z or an offset).") var to: String
    @Option(help: "The role covered: primary or backup.") var role: DutyRole = .primary
    @Option(help: "The rotation's id (needed when the scenario has several).") var rotation: String?
    @Option(help: "Why, in a few words (shown in coverage.csv, report.md and the calendars).") var reason: String = ""
    @OptionGroup var options: EditOptions

    func run() throws {
        try options.run(
            scenario: scenario,
            .cover(engineer: engineer, from: from, to: to, role: role, rotation: rotation, reason: reason))
    }
}

extension DutyRole: ExpressibleByArgument {}
