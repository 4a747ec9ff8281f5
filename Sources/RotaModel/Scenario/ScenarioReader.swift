import Foundation
import Yams

/// Reads and validates a scenario file (YAML). Every problem is a ``ScenarioError`` with file, line and field.
public enum ScenarioReader {
    static let topLevelFields = [
        "name", "title", "period", "engineers", "pipelines", "rotations", "rules", "calendars", "holidays", "history",
        "variants", "pager", "working_hours", "pay", "roles",
    ]
    static let workingHoursFields = ["start", "end"]
    static let payFields = ["currency", "rates", "backup_share"]
    static let holidayFields = ["date", "name", "engineers"]
    static let periodFields = ["start", "weeks", "shift_days", "handoff"]
    static let handoffFields = ["weekday", "time", "time_zone"]
    static let leaveCalendarFields = ["ics", "match", "min_hours", "recurring", "free"]
    static let rotationFields = ["id", "name", "engineers", "pipelines", "shift_days", "handoff", "pager", "roles"]
    static let engineerFields = [
        "id", "name", "region", "leave", "time_zone", "observes", "calendars", "pinned", "forbidden", "undesired",
        "contacts", "working_hours", "can", "from", "onboarding",
    ]
    static let pipelineFields = [
        "id", "name", "area", "investor_facing", "on_call", "weight", "primary_owner", "secondary_owner", "runbook",
        "escalation",
    ]
    static let escalationStepFields = ["on_call", "owner", "team", "engineer", "after_hours", "contact"]
    static let runbookFields = [
        "purpose", "audience", "sources", "outputs", "transformations", "validation", "schedule", "alerts",
        "monitoring",
        "failures", "escalate_after_hours", "outside_team", "documentation", "required",
    ]
    static let ruleFields =
        [
            "priorities", "holiday_categories", "festival_weight", "weekend_festivals", "fairness", "history_weeks",
            "holiday_handover", "cycle_weeks", "cycle_start",
        ]
        + Rule.configurable.filter { $0 != .undesiredDuty }.map(\.rawValue)
    static let coveredLeaveFields = ["max_days", "max_hours"]
    static let fairnessFields = [
        "max_deviation", "max_holiday_burden", "max_total_holiday_burden", "max_ownership_load", "max_weekend_days",
    ]

    /// Reads the scenario at `path`; `library` holds the regions, their holidays and the festival names.
    public static func read(path: String, library: CalendarLibrary) throws(ScenarioError) -> Scenario {
        try parse(data: contents(of: path), file: path, library: library)
    }

    /// The bytes of the scenario file at `path`.
    static func contents(of path: String) throws(ScenarioError) -> Data {
        // A scenario is a few kilobytes; a huge file is a mistake (a wrong path, a dump), not a team to plan.
        do { return try InputFile.read(path, as: .scenario) } catch {
            throw .unreadable(file: path, reason: error.description)
        }
    }

    /// Parses scenario text; `file` is used in messages only.
    public static func parse(data: Data, file: String, library: CalendarLibrary) throws(ScenarioError)
        -> Scenario
    {
        let text = try text(of: data, file: file)
        return try parse(yaml: text, file: file, library: library, bytes: data)
    }

    /// Parses scenario text whose calendars and history are read from `files` (paths resolved against `file`'s
    /// folder, as on disk).
    public static func parse(yaml: String, file: String, library: CalendarLibrary, files: InputSource)
        throws(ScenarioError) -> Scenario
    {
        try parse(yaml: yaml, file: file, library: library, bytes: Data(yaml.utf8), files: files)
    }

    /// Parses scenario text; `file` is used in messages, and its last component names the scenario in digests.
    public static func parse(yaml: String, file: String, library: CalendarLibrary) throws(ScenarioError)
        -> Scenario
    {
        try parse(yaml: yaml, file: file, library: library, bytes: Data(yaml.utf8))
    }

    private static func parse(
        yaml: String, file: String, library: CalendarLibrary, bytes: Data, files: InputSource = .disk
    ) throws(ScenarioError) -> Scenario {
        let (base, _) = splitVariants(try compose(yaml: yaml, file: file), file: file)
        return try decode(base, file: file, library: library, bytes: bytes, files: files)
    }

    /// Decodes a composed scenario document (without `variants:`).
    static func decode(
        _ root: Node, file: String, library: CalendarLibrary, bytes: Data, files: InputSource = .disk
    ) throws(ScenarioError) -> Scenario {
        let decoder = ScenarioDecoder(file: file, library: library, files: files)
        // The digest is of the document as read (canonical YAML, without `variants:`), not of the file's bytes: a
        // comment, a reformatting or a new variant does not change the plan, so it must not make a report stale.
        let canonical = (try? Yams.serialize(node: root)).map { Data($0.utf8) } ?? bytes
        decoder.log.sources.append(
            InputDigest(kind: .scenario, name: URL(fileURLWithPath: file).lastPathComponent, bytes: canonical))
        return try decoder.scenario(YAMLValue(node: root, path: "", file: file))
    }

    /// The document without its `variants:` field, and that field's value if present.
    static func splitVariants(_ root: Node, file: String) -> (base: Node, variants: YAMLValue?) {
        guard case .mapping(var mapping) = root, let variants = mapping["variants"] else { return (root, nil) }
        mapping["variants"] = nil
        return (.mapping(mapping), YAMLValue(node: variants, path: "variants", file: file))
    }

    /// No tag resolution: Yams' default resolver tries regular expressions on plain scalars (when mapping keys are
    /// compared, when the digest's canonical text is written), and compiling the first one sets up ICU's
    /// regular-expression engine: about 1.5 ms, a twentieth of planning a 4-person quarter. Yams reads numbers and
    /// null from the text whatever the tag (`Node.int`, `.float`, `.null`), booleans are read by
    /// ``YAMLValue/boolean(_:)``, and the canonical text keeps each scalar's style, not its tag.
    static let resolver = Resolver.basic

    /// The YAML document as a node tree; syntax errors located.
    static func compose(yaml: String, file: String) throws(ScenarioError) -> Node {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml, resolver) else {
                throw ScenarioError.syntax(SourceLocation(file: file, line: 1), problem: "the file is empty")
            }
            root = node
            try checkExpansion(of: root, bytes: yaml.utf8.count, file: file)
        } catch let error as ScenarioError {
            throw error
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        } catch {
            throw .syntax(SourceLocation(file: file), problem: "\(error)")
        }
        return root
    }

    /// How many values a document may expand to through its aliases: what its text could hold without aliases
    /// (a value takes at least two bytes, `x,`) and then some for honest reuse.
    static func expansionLimit(bytes: Int) -> Int { bytes / 2 + 10_000 }

    /// Refuses a document whose aliases expand it beyond ``expansionLimit(bytes:)``: nested anchors ("a billion
    /// laughs") make a 1 KB file stand for billions of values, and the digest and every reader would walk them
    /// all. The walk stops at the limit, so the check costs at most that many steps.
    static func checkExpansion(of root: Node, bytes: Int, file: String) throws(ScenarioError) {
        let limit = expansionLimit(bytes: bytes)
        var count = 0
        var stack: [Node] = [root]
        while let node = stack.popLast() {
            count += 1
            if count > limit {
                throw .aliasExpansion(
                    SourceLocation(file: file, line: node.mark?.line ?? 1), limit: limit, bytes: bytes)
            }
            switch node {
            case .scalar, .alias: break
            case .sequence(let sequence): stack.append(contentsOf: sequence)
            case .mapping(let mapping):
                for (key, value) in mapping {
                    stack.append(key)
                    stack.append(value)
                }
            }
        }
    }

    private static func syntaxError(_ error: YamlError, file: String) -> ScenarioError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = [problem, context?.text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return .syntax(SourceLocation(file: file, line: mark.line, column: mark.column), problem: detail)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .syntax(
                SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                problem: "a key appears twice in one mapping: \(duplicates.joined(separator: ", "))")
        case .reader(let problem, _, _, _):
            return .syntax(SourceLocation(file: file), problem: problem)
        default:
            return .syntax(SourceLocation(file: file), problem: "\(error)")
        }
    }
}
