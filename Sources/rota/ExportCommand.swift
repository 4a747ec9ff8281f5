import ArgumentParser
import Foundation
import RotaChecking
import RotaCore
import RotaModel
import RotaPlanning

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a committed schedule as the paging tool's own requests (one file per target schedule).",
        discussion: """
            Reads the report folder's coverage.csv (its instants are the only ones exported) and writes, for each \
            rotation and role with a schedule under `pager:`, the body of the tool's create-overrides request; \
            docs/paging-tools.md shows how to send it and how to undo it. Identities come from `engineers[].contacts`; \
            an engineer on duty without one is an error. The same schedule gives the same bytes.

            --to pagerduty: `pagerduty-<schedule id>.json`, the body of POST /schedules/{id}/overrides. --to opsgenie: \
            `opsgenie-<schedule>.jsonl`, one body of POST /v2/schedules/{identifier}/overrides per line, each with an \
            alias to send again or delete it by. --to goalert: `goalert-<schedule id>.json`, a setTemporarySchedule \
            GraphQL request (query and variables) covering the exported span. --to grafana-oncall: \
            `grafana-oncall-<name>.ics`, the calendar its iCal import reads (event titles are Grafana usernames).

            Exit status: 0 written; 1 the folder could not be written; 2 bad input (a missing identity or schedule \
            id names the field).
            """)

    @Argument(help: "The scenario file (YAML).") var scenario: String
    @Option(help: "The paging tool: pagerduty, opsgenie, goalert or grafana-oncall.") var to: PagerTargets.Tool
    @Option(help: "The report folder to export (default: reports/<scenario name>/).") var schedule: String?
    @Option(help: "Export only duty that starts at or after this instant (RFC 3339 with Z or an offset).")
    var since: String?
    @Option(name: [.customShort("o"), .long], help: "The folder to write (default: exports/<scenario name>/).")
    var output: String?
    @OptionGroup var calendarOptions: CalendarOptions

    func run() throws {
        let loaded = try calendarOptions.scenario(scenario)
        let folder = schedule ?? "reports/\(loaded.name)"
        var start: Instant?
        if let since {
            switch Instant.parse(since) {
            case .success(let instant): start = instant
            case .failure:
                Terminal.error(
                    "--since: expected an RFC 3339 instant with Z or an offset, found \(TextSafety.quoted(since))\n"
                        + "  hint: e.g. 2027-02-15T00:00:00Z, or the --from day of the replan")
                throw ExitStatus.badInput
            }
        }
        guard InputFile.isFolder(folder) else {
            Terminal.error(
                "\(folder): not a report folder\n  hint: name the folder `rota plan` wrote with --schedule (its "
                    + "coverage.csv is what is exported)")
            throw ExitStatus.badInput
        }
        let file: ScheduleFile
        do { file = try ScheduleReader.read(path: folder) } catch {
            Terminal.error(error.description)
            throw ExitStatus.badInput
        }
        var files: [PagingExport.File]
        var leftOut: [String] = []
        do {
            files = try PagingExport.files(to, scenario: loaded, file: file, since: start)
            // The pipelines' escalation policies too (not cut by --since: a policy has no time).
            if PagingExport.exportsEscalation(to), !files.isEmpty {
                let policies = try PagingExport.escalationPolicies(to, scenario: loaded, file: file)
                files += policies.files
                leftOut = policies.leftOut
            }
        } catch {
            Terminal.error(error.description)
            throw ExitStatus.badInput
        }
        if files.isEmpty {
            Terminal.out("Nothing starts at or after --since \(since ?? ""); nothing written.")
            return
        }
        let target = output ?? "exports/\(loaded.name)"
        do {
            // An earlier export of any tool may be replaced; anything else in the folder is someone's.
            try ReportFolderWriter.write(files.map { ($0.name, $0.contents) }, to: target) { path, isFolder in
                !isFolder && !path.contains("/")
                    && (path.hasSuffix(".json") || path.hasSuffix(".jsonl") || path.hasSuffix(".ics"))
                    && PagerTargets.Tool.allCases.contains { path.hasPrefix($0.rawValue + "-") }
            }
        } catch {
            Terminal.error(error.description)
            throw ExitStatus.failure
        }
        let written = files.map { file in
            file.schedule.isEmpty
                ? "\(file.name) (escalation policy)"
                : "\(file.name) (\(file.rows.count) span\(file.rows.count == 1 ? "" : "s") on call)"
        }
        Terminal.out("Wrote \(target.hasSuffix("/") ? target : target + "/"): \(written.joined(separator: ", "))")
        for step in leftOut { Terminal.out("  left out of the escalation policy of \(step)") }
    }
}

extension PagerTargets.Tool: ExpressibleByArgument {}
