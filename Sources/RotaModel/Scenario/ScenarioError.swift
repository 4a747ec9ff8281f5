/// A scenario that cannot be planned, with where it went wrong and what to do. `rota` exits 2 for all of them.
public enum ScenarioError: Error, Equatable, CustomStringConvertible {
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The file is not valid YAML (or not UTF-8 text).
    case syntax(SourceLocation, problem: String)
    /// Aliases make the document stand for more values than its text could hold (nested anchors).
    case aliasExpansion(SourceLocation, limit: Int, bytes: Int)
    /// A field holds the wrong kind of value.
    case wrongType(SourceLocation, field: String, expected: String, found: String)
    /// A required field is absent.
    case missingField(SourceLocation, field: String, hint: String)
    /// A field Rota does not know, with the fields it does know.
    case unknownField(SourceLocation, field: String, allowed: [String])
    /// A value of the right type that is not acceptable.
    case invalidValue(SourceLocation, field: String, value: String, expected: String, hint: String?)
    /// Two entries share an id.
    case duplicateID(SourceLocation, field: String, id: String, firstLine: Int?)
    /// A region code with no holiday calendar.
    case unknownRegion(SourceLocation, field: String, region: String, known: [String])
    /// A calendar problem found while reading the scenario: an .ics file, or years the holiday data lacks.
    case calendar(SourceLocation, field: String, CalendarError)
    /// A rotation needs a primary and a different backup.
    case tooFewEngineers(SourceLocation, count: Int)
    /// A `history:` file that cannot be read as a rotation.csv, or whose rows do not fit the scenario.
    case history(SourceLocation, field: String, problem: String)
    /// A problem of the scenario as one of its `variants:` changes it.
    indirect case inVariant(String, ScenarioError)
    /// Several independent problems found in one reading, sorted by line (see ``several(_:)``).
    indirect case many([ScenarioError], total: Int)

    /// How many problems one run reports at most: enough to fix a file in one go, few enough to read.
    public static let reportedLimit = 20

    /// The problems found in one reading: the one itself, or all of them (up to ``reportedLimit``) by line.
    public static func several(_ problems: [ScenarioError]) -> ScenarioError {
        let flat = problems.flatMap { problem -> [ScenarioError] in
            if case .many(let inner, _) = problem { return inner }
            return [problem]
        }
        guard flat.count > 1 else { return flat.first ?? .syntax(SourceLocation(file: ""), problem: "no problem") }
        let sorted = flat.enumerated().sorted { left, right in
            let (l, r) = (left.element.location, right.element.location)
            return (l.line ?? 0, l.column ?? 0, left.offset) < (r.line ?? 0, r.column ?? 0, right.offset)
        }.map(\.element)
        return .many(Array(sorted.prefix(reportedLimit)), total: flat.count)
    }

    /// Each problem on its own, in reporting order.
    public var problems: [ScenarioError] {
        switch self {
        case .many(let list, _): return list
        case .inVariant(let name, .many(let list, _)): return list.map { .inVariant(name, $0) }
        default: return [self]
        }
    }

    public var location: SourceLocation {
        switch self {
        case .inVariant(_, let error): return error.location
        case .many(let list, _): return list.first?.location ?? SourceLocation(file: "")
        case .unreadable(let file, _): return SourceLocation(file: file)
        case .syntax(let l, _), .aliasExpansion(let l, _, _), .wrongType(let l, _, _, _), .missingField(let l, _, _),
            .unknownField(let l, _, _),
            .invalidValue(let l, _, _, _, _), .duplicateID(let l, _, _, _), .unknownRegion(let l, _, _, _),
            .calendar(let l, _, _), .tooFewEngineers(let l, _), .history(let l, _, _):
            return l
        }
    }

    /// One problem: `file:line:column: message` and a hint line. Several: each so, the later ones after `error: `
    /// as the first gets it from whoever prints it, then how many there were.
    public var description: String {
        let list = problems
        guard list.count > 1 || { if case .many = self { return true } else { return false } }() else {
            let (message, hint) = parts
            return "\(location): \(message)" + (hint.map { "\n  hint: \($0)" } ?? "")
        }
        var total = list.count
        if case .many(_, let count) = self { total = count }
        if case .inVariant(_, .many(_, let count)) = self { total = count }
        let shown = list.map(\.description).joined(separator: "\nerror: ")
        let file = list.first?.location.file ?? ""
        return shown + "\n"
            + (total > list.count
                ? "\(total) problems in \(file); the first \(list.count) by line are shown (fix them and run again)"
                : "\(total) problems in \(file)")
    }

    private var parts: (String, String?) {
        switch self {
        case .inVariant(let name, let error):
            let (message, hint) = error.parts
            return ("in variant \(name): \(message)", hint)
        case .many(let list, _):
            return list.first?.parts ?? ("no problem", nil)
        case .unreadable(_, let reason):
            return (
                "cannot read the scenario: \(reason)", "check the path; scenarios are YAML files like scenarios/*.yaml"
            )
        case .syntax(_, let problem):
            return (
                "not valid YAML: \(problem)", "indent with spaces (never tabs) and quote values containing ': ' or '#'"
            )
        case .aliasExpansion(_, let limit, let bytes):
            return (
                "not a scenario: its aliases expand the document to more than \(limit) values (the file has \(bytes) bytes)",
                "write repeated values out; an alias may stand for a value, not for a list of aliases of lists"
            )
        case .wrongType(_, let field, let expected, let found):
            return ("\(field): expected \(expected), found \(found)", nil)
        case .missingField(_, let field, let hint):
            return ("\(field) is required", hint)
        case .unknownField(_, let field, let allowed):
            let name = String(field.split(separator: ".").last ?? Substring(field))
            let hint = Suggestions.didYouMean(name, allowed) ?? "known fields here: \(allowed.joined(separator: ", "))"
            return ("\(TextSafety.fragment(field, limit: 80)): unknown field", hint)
        case .invalidValue(_, let field, let value, let expected, let hint):
            return ("\(field): expected \(expected), found \(value)", hint)
        case .duplicateID(_, let field, let id, let firstLine):
            return (
                "\(field): id \"\(id)\" is used twice" + (firstLine.map { " (first on line \($0))" } ?? ""),
                "give every entry its own id"
            )
        case .unknownRegion(_, let field, let region, let known):
            let close = Suggestions.closest(to: region, in: known)
            let hint =
                close.isEmpty
                ? "`rota regions` lists the \(known.count) known codes"
                : "did you mean " + close.map { "\"\($0)\"" }.joined(separator: " or ")
                    + "? (`rota regions` lists the known codes)"
            return ("\(field): no holiday calendar for region \"\(region)\"", hint)
        case .calendar(_, let field, let error):
            return ("\(field): \(error)", nil)
        case .history(_, let field, let problem):
            return (
                "\(field): \(problem)",
                "history lists earlier rotation.csv files (or report folders) written by `rota plan` or in its columns"
            )
        case .tooFewEngineers(_, let count):
            return (
                "engineers: \(count) listed, but a rotation needs at least 2 (a primary and a different backup)",
                "add engineers to the list"
            )
        }
    }
}
