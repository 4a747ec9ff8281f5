import ArgumentParser
import Foundation
import RotaChecking
import RotaCore
import RotaModel
import RotaPlanning

extension GeneratorSize: ExpressibleByArgument {}

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic scenario of a given size (for benchmarks and tests).",
        discussion: """
            Sizes: s = 4 engineers, 13 weeks, 5 pipelines (the seed team, Selangor); m = 12 engineers, 26 weeks, \
            20 pipelines, 2 rotations, 3 regions; l = 40 engineers, 52 weeks, 80 pipelines, 4 rotations, 5 regions; \
            xl = 100 engineers, 52 weeks, 200 pipelines, 8 rotations, 7 regions. The other options change one \
            dimension of the size. Engineers are dealt over the regions in order; leave clusters around each \
            person's festivals (from the calendars), school holidays (July–August in GB, DE and US, December–January \
            in AU, late November–December elsewhere) and Christmas week, plus a few single days, and is trimmed so \
            that every rotation keeps three people at work each week. 30 % of the pipelines are investor-facing \
            (on call, weight 3); from the second rotation on, rosters share a fifth of the next rotation's people. \
            The same options give the same bytes. The scenario is read back before it is written.
            """
    )

    @Option(help: "A fixed size: s, m, l or xl.")
    var size: GeneratorSize = .s
    @Option(help: "Number of engineers.") var engineers: Int?
    @Option(help: "Weeks to plan.") var weeks: Int?
    @Option(help: "Number of pipelines.") var pipelines: Int?
    @Option(help: "Number of rotations.") var rotations: Int?
    @Option(help: ArgumentHelp("Region codes, comma-separated (see `rota regions`).", valueName: "codes"))
    var regions: String?
    @Option(help: "Seed of the random draws.") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("First handoff day (default 2027-01-04).", valueName: "date")) var start: String?
    @Option(help: "The scenario's name (default generated-<size>-seed<seed>).") var name: String?
    @Option(
        help:
            "Engineers (the last listed) who join in week 5 and onboard: 2 shifts shadowed, 2 as backup, then primary.")
    var newcomers: Int = 0
    @Option(name: .shortAndLong, help: "Write to this file (default: standard output).") var output: String?
    @OptionGroup var calendarOptions: CalendarOptions

    func validate() throws {
        if let start, CalendarDate(iso: start) == nil {
            throw ValidationError("--start: expected a date YYYY-MM-DD, found \"\(start)\"")
        }
        if let name, name.isEmpty || name.contains(where: { !($0.isLetter || $0.isNumber || "-_.".contains($0)) }) {
            throw ValidationError("--name: letters, digits, '-', '_' and '.' only")
        }
    }

    func run() throws {
        var spec = GeneratorSpec(size: size, seed: seed)
        if let engineers { spec.engineers = engineers }
        if let weeks { spec.weeks = weeks }
        if let pipelines { spec.pipelines = pipelines }
        if let rotations { spec.rotations = rotations }
        if let regions { spec.regions = regions.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        if let start { spec.start = CalendarDate(iso: start)! }
        if let name { spec.name = name }
        spec.newcomers = newcomers
        if let problem = spec.problem { throw ValidationError(problem) }
        let library = try calendarOptions.library()
        let text: String
        do {
            text = try ScenarioGenerator(spec: spec, library: library).yaml(command: spec.commandLine)
            _ = try ScenarioReader.parse(yaml: text, file: output ?? "<generated>", library: library)
        } catch let error as GeneratorError {
            Terminal.error(error.description)
            throw ExitStatus.badInput
        } catch ScenarioError.calendar(_, _, .yearsNotCovered(let region, _, let available)) {
            // The options asked for dates the calendars do not have: a usage error, not a bug.
            let last = spec.start.adding(days: spec.weeks * 7 - 1)
            Terminal.error(
                "--start \(spec.start) with \(spec.weeks) weeks runs to \(last), but the holiday calendar of \(region) "
                    + "covers \(available.map { "\($0.lowerBound)–\($0.upperBound)" } ?? "no years")\n"
                    + "  hint: choose an earlier --start or fewer --weeks, or pass --calendars DIR with more years")
            throw ExitStatus.usage
        } catch {
            Terminal.error("the generated scenario does not read back (a bug in rota generate): \(error)")
            throw ExitStatus.failure
        }
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            Terminal.error("\(output): cannot write: \(error.localizedDescription)")
            throw ExitStatus.failure
        }
    }
}
