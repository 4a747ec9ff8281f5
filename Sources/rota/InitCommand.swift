import ArgumentParser
import Foundation
import RotaChecking
import RotaCore
import RotaModel
import RotaPlanning

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter scenario that plans as it is.",
        discussion: """
            Asks nothing unless --interactive (and only on a terminal): the values come from the options, with \
            defaults for each. An existing file is never replaced unless --force.

            Exit status: 0 written; 1 the file could not be written; 2 bad input (an option, or the file exists).
            """)

    @Argument(help: "The scenario file to write, e.g. team.yaml.") var file: String
    @Option(help: "Engineer ids, comma-separated.") var engineers: String = "ana,ben,cai,dee"
    @Option(help: "A region code for everyone, or one per engineer, comma-separated (see `rota regions`).")
    var region: String = "GB-ENG"
    @Option(help: "The first handoff day (YYYY-MM-DD; default: the next Monday).") var start: String?
    @Option(help: "Weeks in the period.") var weeks: Int = 13
    @Option(help: "The scenario's name (default: the file's name without .yaml).") var name: String?
    @Flag(help: "Ask for each value on the terminal.") var interactive = false
    @Flag(help: "Replace the file if it exists.") var force = false
    @OptionGroup var calendarOptions: CalendarOptions

    func run() throws {
        let library = try calendarOptions.library()
        var values = (
            name: name ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent.lowercased(),
            engineers: engineers, region: region, start: start, weeks: weeks
        )
        if interactive {
            guard isatty(STDIN_FILENO) == 1 else {
                Terminal.error("--interactive needs a terminal; give the values as options instead")
                throw ExitStatus.badInput
            }
            func ask(_ question: String, _ current: String) -> String {
                Terminal.write("\(question) [\(current)]: ")
                let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces)
                return answer.isEmpty ? current : answer
            }
            values.name = ask("Scenario name", values.name)
            values.engineers = ask("Engineer ids, comma-separated", values.engineers)
            values.region = ask("Region (one, or one per engineer)", values.region)
            values.start = ask("First handoff day", values.start ?? Self.nextMonday().description)
            values.weeks = Int(ask("Weeks", String(values.weeks))) ?? values.weeks
        }
        guard let first = values.start.map({ CalendarDate(iso: $0) }) ?? Self.nextMonday() else {
            Terminal.error("--start: expected a date YYYY-MM-DD, found \(TextSafety.quoted(values.start ?? ""))")
            throw ExitStatus.badInput
        }
        let split = { (text: String) in
            text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let template = ScenarioTemplate(
            name: values.name, engineers: split(values.engineers),
            regions: split(values.region).map { library.regionCode(for: $0) ?? $0 }, start: first,
            weeks: values.weeks)
        if let problem = template.problem(library: library) {
            Terminal.error(problem)
            throw ExitStatus.badInput
        }
        if InputFile.exists(file) && !force {
            Terminal.error("\(file) exists; nothing was written\n  hint: choose another name, or --force to replace it")
            throw ExitStatus.badInput
        }
        do {
            try Data(template.text.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            Terminal.error("cannot write \(file): \(error.localizedDescription)")
            throw ExitStatus.failure
        }
        Terminal.out(
            "Wrote \(file): \(template.engineers.count) engineers, \(template.weeks) weeks from \(first). Next: rota plan \(file)"
        )
    }

    /// The first Monday after today (UTC).
    static func nextMonday() -> CalendarDate {
        let today = Instant(secondsSince1970: Int(Date().timeIntervalSince1970)).utcDate
        return today.adding(days: 8 - today.isoWeekday)
    }
}
