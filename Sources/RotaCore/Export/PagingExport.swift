import Foundation
import RotaChecking
import RotaModel
import RotaPlanning

/// Why an export cannot be written; `rota export` exits 2 for each.
public enum ExportError: Error, CustomStringConvertible {
    /// The folder has no coverage.csv, the one source of exported instants.
    case noCoverage(folder: String)
    /// No rotation names a schedule of the tool.
    case noTargets(tool: String)
    /// Engineers on duty in the export without the identity the tool needs: each engineer's field path.
    case missingIdentities(tool: String, fields: [String])
    /// Two roles or rotations export to one schedule.
    case sharedSchedule(tool: String, rotations: [String])

    public var description: String {
        switch self {
        case .noCoverage(let folder):
            return "\(folder): no coverage.csv, the timeline exports are made from\n"
                + "  hint: plan the schedule again with `rota plan` (it writes coverage.csv)"
        case .noTargets(let tool):
            return "no rotation names a \(tool) schedule\n"
                + "  hint: add `pager: {\(tool): {primary: …, backup: …}}` (schedule ids) to each rotation (top "
                + "level without `rotations:`)"
        case .missingIdentities(let tool, let fields):
            return "\(fields.count) engineer\(fields.count == 1 ? " has" : "s have") duty in the export but no \(tool) "
                + "identity: " + fields.joined(separator: ", ")
                + "\n  hint: add `contacts: {\(tool): …}` to each, or export --since a time after their duty"
        case .sharedSchedule(let tool, let rotations):
            return "one \(tool) schedule receives the duty of \(rotations.joined(separator: " and "))\n"
                + "  hint: give each rotation and role its own schedule"
        }
    }
}

/// `rota export`: for each rotation and role with a schedule of the tool under `pager:`, the tool's create-overrides
/// requests, one override per coverage.csv row of that rotation and role, in time order. Instants come from
/// coverage.csv alone.
/// - PagerDuty: `pagerduty-<schedule>.json`, the body of `POST /schedules/{id}/overrides` (REST API v2),
///   `{overrides: [{start, end, user: {id, type: user_reference}, time_zone: UTC}]}`.
/// - Opsgenie: `opsgenie-<schedule>.jsonl`, one body of `POST /v2/schedules/{identifier}/overrides` per line,
///   `{alias, user: {type: user, username}, startDate, endDate}`; the alias (`rota-primary-20270104T010000Z`) lets a
///   body be sent again or deleted by name.
public enum PagingExport {
    /// One file, named for its schedule.
    public struct File: Sendable {
        public let name: String
        public let schedule: String
        public let contents: String
        /// The coverage rows it holds, in order (for tests: each override is exactly one of them).
        public let rows: [CoverageRow]
    }

    struct PagerDutyBody: Encodable {
        struct Override: Encodable {
            struct User: Encodable {
                let id: String
                let type = "user_reference"
            }
            let start: String
            let end: String
            let user: User
            let timeZone = "UTC"

            enum CodingKeys: String, CodingKey {
                case start, end, user
                case timeZone = "time_zone"
            }
        }
        let overrides: [Override]
    }

    struct OpsgenieBody: Encodable {
        struct User: Encodable {
            let type = "user"
            let username: String
        }
        let alias: String
        let user: User
        let startDate: String
        let endDate: String
    }

    struct GoAlertRequest: Encodable {
        struct Variables: Encodable {
            struct Input: Encodable {
                struct Shift: Encodable {
                    let userID: String
                    let start: String
                    let end: String
                }
                let scheduleID: String
                let start: String
                let end: String
                let shifts: [Shift]
            }
            let input: Input
        }
        static let query = """
            mutation RotaTemporarySchedule($input: SetTemporaryScheduleInput!) {
              setTemporarySchedule(input: $input)
            }
            """
        let query = Self.query
        let variables: Variables
    }

    /// The identity field each tool needs.
    static func identity(_ tool: PagerTargets.Tool) -> Contacts.Field {
        switch tool {
        case .pagerduty: .pagerduty
        case .opsgenie: .opsgenie
        case .goalert: .goalert
        case .grafanaOncall: .grafana
        }
    }

    /// The file of a pipeline's escalation policy: one JSON body in every tool.
    static func escalationFileName(_ tool: PagerTargets.Tool, _ pipeline: String) -> String {
        let name = fileName(tool, "escalation-\(pipeline)")
        // File names are ASCII here (``fileName(_:_:)``); dropped by scalar all the same.
        return name.hasSuffix(".jsonl") ? String(String.UnicodeScalarView(name.unicodeScalars.dropLast())) : name
    }

    /// A schedule name or id made safe for a file name.
    static func fileName(_ tool: PagerTargets.Tool, _ schedule: String) -> String {
        let safe = String(
            String.UnicodeScalarView(
                schedule.unicodeScalars.map {
                    CharacterSet.alphanumerics.contains($0) && $0.isASCII || "._-".unicodeScalars.contains($0)
                        ? $0 : "-"
                }))
        switch tool {
        case .pagerduty: return "pagerduty-\(safe).json"
        case .opsgenie: return "opsgenie-\(safe).jsonl"
        case .goalert: return "goalert-\(safe).json"
        case .grafanaOncall: return "grafana-oncall-\(safe).ics"
        }
    }

    /// The files for the schedule read as `file`; rows starting before `since` are left out.
    public static func files(
        _ tool: PagerTargets.Tool, scenario: Scenario, file: ScheduleFile, since: Instant? = nil
    ) throws(ExportError) -> [File] {
        guard file.coverageFile != nil else {
            throw .noCoverage(folder: URL(fileURLWithPath: file.rotationFile).deletingLastPathComponent().relativePath)
        }
        let field = identity(tool)
        let engineers = Dictionary(
            scenario.engineers.enumerated().map { ($1.id, ($0, $1)) }, uniquingKeysWith: { first, _ in first })
        var files: [File] = []
        var missing: [String] = []
        var receivers: [String: [String]] = [:]
        for rotation in scenario.rotations {
            for role in DutyRole.allCases {
                guard let schedule = rotation.pager.schedules[tool]?[role] else { continue }
                let what = (rotation.id.isEmpty ? "" : "\(rotation.id) ") + role.rawValue
                receivers[schedule, default: []].append(what)
                let rows = file.coverageRows.filter { row in
                    scenario.rotationIndex(of: row.rotation) == scenario.rotationIndex(of: rotation.id)
                        && row.role == role && (since.map { row.span.start >= $0 } ?? true)
                }.sorted { $0.span.start < $1.span.start }
                var users: [String] = []
                for row in rows {
                    guard let engineer = engineers[row.engineer]?.1, let user = engineer.contacts[field] else {
                        let path =
                            engineers[row.engineer].map {
                                "engineers[\($0.0)].contacts.\(field.rawValue) (\(row.engineer))"
                            }
                            ?? "\(row.engineer) (not an engineer of the scenario)"
                        if !missing.contains(path) { missing.append(path) }
                        continue
                    }
                    users.append(user)
                }
                // Nothing after --since: no file (a temporary schedule or calendar without shifts means nothing).
                guard users.count == rows.count, let first = rows.first, let last = rows.last else { continue }
                let encoder = JSONEncoder()
                let text: String
                switch tool {
                case .pagerduty:
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                    let body = PagerDutyBody(
                        overrides: zip(rows, users).map { row, user in
                            .init(
                                start: row.span.start.description, end: row.span.end.description, user: .init(id: user))
                        })
                    text = String(decoding: try! encoder.encode(body), as: UTF8.self) + "\n"
                case .opsgenie:
                    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                    text = zip(rows, users).map { row, user in
                        let alias = "rota-\(role.rawValue)-" + ICalendarWriter.utc(row.span.start)
                        let body = OpsgenieBody(
                            alias: alias, user: .init(username: user), startDate: row.span.start.description,
                            endDate: row.span.end.description)
                        return String(decoding: try! encoder.encode(body), as: UTF8.self) + "\n"
                    }.joined()
                case .goalert:
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                    let input = GoAlertRequest.Variables.Input(
                        scheduleID: schedule, start: first.span.start.description, end: last.span.end.description,
                        shifts: zip(rows, users).map { row, user in
                            .init(userID: user, start: row.span.start.description, end: row.span.end.description)
                        })
                    text =
                        String(
                            decoding: try! encoder.encode(GoAlertRequest(variables: .init(input: input))), as: UTF8.self
                        )
                        + "\n"
                case .grafanaOncall:
                    text = grafanaCalendar(
                        scenario: scenario, name: schedule, rotation: rotation, role: role, rows: rows, users: users)
                }
                files.append(File(name: fileName(tool, schedule), schedule: schedule, contents: text, rows: rows))
            }
        }
        if receivers.isEmpty { throw .noTargets(tool: tool.rawValue) }
        if let shared = receivers.values.first(where: { $0.count > 1 }) {
            throw .sharedSchedule(tool: tool.rawValue, rotations: shared)
        }
        if !missing.isEmpty { throw .missingIdentities(tool: tool.rawValue, fields: missing) }
        return files
    }

    /// The calendar Grafana OnCall's iCal import reads: one event per coverage row, its title the user's Grafana
    /// username (Grafana's documented rule for imported schedules), in UTC; UIDs fixed by rotation, role and start.
    static func grafanaCalendar(
        scenario: Scenario, name: String, rotation: Rotation, role: DutyRole, rows: [CoverageRow], users: [String]
    ) -> String {
        var ics = ICalendarWriter()
        ics.raw("BEGIN", "VCALENDAR")
        ics.raw("VERSION", "2.0")
        ics.raw("PRODID", "-//Rota//rota export \(ModelVersion.current)//EN")
        ics.raw("CALSCALE", "GREGORIAN")
        ics.raw("METHOD", "PUBLISH")
        ics.text("X-WR-CALNAME", name)
        let stamp = ICalendarWriter.utc(scenario.coveredDates.first, seconds: 0)
        for (row, user) in zip(rows, users) {
            ics.raw("BEGIN", "VEVENT")
            ics.raw(
                "UID",
                OnCallCalendar.uid(
                    scenario: scenario.name,
                    key: "grafana/\(rotation.id)/\(role.rawValue)/\(row.span.start)"))
            ics.raw("DTSTAMP", stamp)
            ics.raw("DTSTART", ICalendarWriter.utc(row.span.start))
            ics.raw("DTEND", ICalendarWriter.utc(row.span.end))
            ics.text("SUMMARY", user)
            ics.raw("TRANSP", "TRANSPARENT")
            ics.raw("END", "VEVENT")
        }
        ics.raw("END", "VCALENDAR")
        return ics.rendered
    }
}
