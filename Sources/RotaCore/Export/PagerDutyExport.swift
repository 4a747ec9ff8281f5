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
                + "  hint: add `pager: {\(tool): {primary: PXXXXXX, backup: PYYYYYY}}` to each rotation (top level "
                + "without `rotations:`)"
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

/// `rota export --to pagerduty`: for each rotation and role with a PagerDuty schedule, the request body of
/// `POST /schedules/{id}/overrides` (PagerDuty REST API v2): one override per coverage.csv row of that rotation and
/// role, `{start, end, user: {id, type: user_reference}, time_zone: UTC}`, in time order.
public enum PagerDutyExport {
    /// One body, named for its schedule: `pagerduty-PI7DH85.json`.
    public struct File: Sendable {
        public let name: String
        public let schedule: String
        public let contents: String
        /// The coverage rows it holds, in order (for tests: each override is exactly one of them).
        public let rows: [CoverageRow]
    }

    struct Body: Encodable {
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

    /// The bodies for the schedule read as `file`; rows starting before `since` are left out.
    public static func files(scenario: Scenario, file: ScheduleFile, since: Instant? = nil) throws(ExportError)
        -> [File]
    {
        guard file.coverageFile != nil else {
            throw .noCoverage(folder: String(file.rotationFile.dropLast("rotation.csv".count)))
        }
        let tool = PagerTargets.Tool.pagerduty
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
                var overrides: [Body.Override] = []
                for row in rows {
                    guard let engineer = engineers[row.engineer]?.1, let user = engineer.contacts[.pagerduty] else {
                        let field =
                            engineers[row.engineer].map { "engineers[\($0.0)].contacts.pagerduty (\(row.engineer))" }
                            ?? "\(row.engineer) (not an engineer of the scenario)"
                        if !missing.contains(field) { missing.append(field) }
                        continue
                    }
                    overrides.append(
                        Body.Override(
                            start: row.span.start.description, end: row.span.end.description, user: .init(id: user)))
                }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let text = String(decoding: try! encoder.encode(Body(overrides: overrides)), as: UTF8.self) + "\n"
                files.append(File(name: "pagerduty-\(schedule).json", schedule: schedule, contents: text, rows: rows))
            }
        }
        if files.isEmpty { throw .noTargets(tool: tool.rawValue) }
        if let shared = receivers.values.first(where: { $0.count > 1 }) {
            throw .sharedSchedule(tool: tool.rawValue, rotations: shared)
        }
        if !missing.isEmpty { throw .missingIdentities(tool: tool.rawValue, fields: missing) }
        return files
    }
}
