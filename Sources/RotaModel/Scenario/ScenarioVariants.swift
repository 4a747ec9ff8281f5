import Foundation
import Yams

/// A named what-if: the base scenario with the changes of one of its `variants:` applied.
public struct ScenarioVariant: Sendable {
    /// The variant's `name` (an id).
    public let name: String
    /// Its `title`, or the name.
    public let title: String
    public let scenario: Scenario
}

extension ScenarioReader {
    static let variantFields = ["name", "title", "engineers", "holidays", "rules", "period"]
    static let engineerChangeFields = ["add_leave", "remove_leave", "region", "time_zone", "observes", "name"]

    /// Reads the scenario at `path` and every variant it declares, each applied to the base and validated as a
    /// scenario of its own. Errors inside a variant name it (``ScenarioError/inVariant(_:_:)``).
    public static func readWithVariants(path: String, library: CalendarLibrary) throws(ScenarioError)
        -> (base: Scenario, variants: [ScenarioVariant])
    {
        try readWithVariants(data: contents(of: path), file: path, library: library)
    }

    /// The scenario in `data` (read from `file`, which names it in messages and anchors relative paths) and its
    /// variants.
    public static func readWithVariants(data: Data, file path: String, library: CalendarLibrary) throws(ScenarioError)
        -> (base: Scenario, variants: [ScenarioVariant])
    {
        let text = try Self.text(of: data, file: path)
        let (root, variantsValue) = splitVariants(try compose(yaml: text, file: path), file: path)
        let base = try decode(root, file: path, library: library, bytes: data)
        guard let variantsValue else { return (base, []) }
        var variants: [ScenarioVariant] = []
        var seen: [String: Int?] = [:]
        for item in try variantsValue.list() {
            let fields = try item.mapping(allowed: variantFields)
            let nameValue = try fields.required("name", hint: "a short id such as `choo-cny`")
            let name = try nameValue.identifier()
            if let first = seen[name] {
                throw .duplicateID(nameValue.location, field: nameValue.path, id: name, firstLine: first)
            }
            seen[name] = nameValue.line
            let title = try fields["title"]?.nonEmptyString() ?? name
            do {
                let patched = try apply(fields, to: root)
                variants.append(
                    ScenarioVariant(
                        name: name, title: title,
                        scenario: try decode(patched, file: path, library: library, bytes: data)))
            } catch {
                throw .inVariant(name, error)
            }
        }
        return (base, variants)
    }

    /// The scenario text of `data`: UTF-8 without a BOM and without NUL bytes.
    static func text(of data: Data, file: String) throws(ScenarioError) -> String {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw .syntax(SourceLocation(file: file), problem: "the file is not UTF-8 text")
        }
        if let nul = text.firstIndex(of: "\0") {
            let line = text[..<nul].filter { $0 == "\n" }.count + 1
            throw .syntax(SourceLocation(file: file, line: line), problem: "the file contains a NUL byte")
        }
        return text
    }

    /// The base document with one variant's changes: `period` and `rules` fields replaced one by one, `holidays`
    /// added, and per engineer leave added or removed and `region`, `time_zone`, `observes`, `name` replaced.
    private static func apply(_ variant: YAMLMapping, to root: Node) throws(ScenarioError) -> Node {
        guard case .mapping(var document) = root else { return root }
        for (field, allowed) in [("period", periodFields), ("rules", ruleFields)] {
            guard let change = variant[field] else { continue }
            var target = document[field]?.mapping ?? Node.Mapping([])
            for (key, value) in try change.mapping(allowed: allowed).entries { target[key] = value.node }
            document[field] = .mapping(target)
        }
        if let added = variant["holidays"] {
            var list = document["holidays"]?.sequence ?? Node.Sequence([])
            for entry in try added.list() { list.append(entry.node) }
            document["holidays"] = .sequence(list)
        }
        if let changes = variant["engineers"], var team = document["engineers"]?.sequence {
            let ids = team.map { $0.mapping?["id"]?.string ?? "" }
            for (id, change) in try changes.pairs() {
                guard let index = ids.firstIndex(of: id) else {
                    throw .invalidValue(
                        change.location, field: change.path, value: TextSafety.quoted(id),
                        expected: "the id of an engineer",
                        hint: Suggestions.didYouMean(id, ids) ?? "engineers: \(ids.joined(separator: ", "))")
                }
                guard var engineer = team[index].mapping else { continue }
                let fields = try change.mapping(allowed: engineerChangeFields)
                var leave = engineer["leave"]?.sequence ?? Node.Sequence([])
                if let removed = fields["remove_leave"] {
                    for entry in try removed.list() {
                        let text = try entry.string()
                        guard let position = leave.firstIndex(where: { $0.string == text }) else {
                            let written = leave.compactMap(\.string).map { "\"\($0)\"" }
                            throw .invalidValue(
                                entry.location, field: entry.path, value: TextSafety.quoted(text),
                                expected: "a leave entry of \(id), written as in the scenario",
                                hint: written.isEmpty
                                    ? "\(id) has no leave written as dates"
                                    : "\(id)'s leave: \(written.joined(separator: ", "))")
                        }
                        leave.remove(at: position)
                    }
                }
                if let added = fields["add_leave"] {
                    for entry in try added.list() { leave.append(entry.node) }
                }
                if fields["remove_leave"] != nil || fields["add_leave"] != nil { engineer["leave"] = .sequence(leave) }
                for key in ["region", "time_zone", "observes", "name"] {
                    if let value = fields[key] { engineer[key] = value.node }
                }
                team[index] = .mapping(engineer)
            }
            document["engineers"] = .sequence(team)
        }
        return .mapping(document)
    }
}
