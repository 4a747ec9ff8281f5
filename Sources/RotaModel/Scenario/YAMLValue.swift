import Foundation
import Yams

/// A YAML node with the path that led to it (`engineers[2].leave[0]`), for typed reads with precise errors.
struct YAMLValue {
    let node: Node
    let path: String
    let file: String

    var location: SourceLocation { SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column) }
    var line: Int? { node.mark?.line }

    /// What the node is, in words, for "found …" in messages.
    var kindDescription: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if node.null != nil { return "nothing (null)" }
            if scalar.style == .plain, node.int != nil { return "the number \(scalar.string)" }
            if scalar.style == .plain, Self.boolean(scalar.string) != nil { return "the boolean \(scalar.string)" }
            return "\"\(scalar.string)\""
        }
    }

    /// A plain scalar's boolean as YAML 1.1 and Yams' default resolver have it: yes/no, true/false, on/off, each in
    /// lower, Capitalised or UPPER case; nil for other text. The scenario reader resolves no tags
    /// (``ScenarioReader/resolver``), and Yams' `Node.bool` needs the bool tag, so booleans are recognised here.
    static func boolean(_ text: String) -> Bool? {
        switch text {
        case "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": return true
        case "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": return false
        default: return nil
        }
    }

    private func wrongType(_ expected: String) -> ScenarioError {
        .wrongType(location, field: path, expected: expected, found: kindDescription)
    }

    func mapping(allowed: [String]) throws(ScenarioError) -> YAMLMapping {
        var unknown: ScenarioError?
        let mapping = try mapping(allowed: allowed) { if unknown == nil { unknown = $0 } }
        if let unknown { throw unknown }
        return mapping
    }

    /// The mapping's known fields; each unknown one is reported (and left out) rather than thrown, so the fields
    /// around it are still read and their problems found in the same run.
    func mapping(allowed: [String], reportingUnknown report: (ScenarioError) -> Void) throws(ScenarioError)
        -> YAMLMapping
    {
        guard case .mapping(let mapping) = node else { throw wrongType("a mapping of fields") }
        var entries: [(String, YAMLValue)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                throw .wrongType(
                    YAMLValue(node: key, path: path, file: file).location, field: path, expected: "field names",
                    found: "a complex key")
            }
            let child = YAMLValue(
                node: value, path: path.isEmpty ? scalar.string : "\(path).\(scalar.string)", file: file)
            guard allowed.contains(scalar.string) else {
                let keyLocation = YAMLValue(node: key, path: child.path, file: file).location
                report(.unknownField(keyLocation, field: child.path, allowed: allowed))
                continue
            }
            entries.append((scalar.string, child))
        }
        return YAMLMapping(owner: self, entries: entries)
    }

    var isMapping: Bool { if case .mapping = node { return true } else { return false } }

    /// The entries of a mapping with free keys (e.g. festival → weight), in file order.
    func pairs() throws(ScenarioError) -> [(String, YAMLValue)] {
        guard case .mapping(let mapping) = node else { throw wrongType("a mapping") }
        var result: [(String, YAMLValue)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                throw .wrongType(
                    YAMLValue(node: key, path: path, file: file).location, field: path, expected: "names as keys",
                    found: "a complex key")
            }
            result.append((scalar.string, YAMLValue(node: value, path: "\(path).\(scalar.string)", file: file)))
        }
        return result
    }

    /// The entries when the node is a list; nil for anything else.
    var listValue: [YAMLValue]? {
        guard case .sequence = node else { return nil }
        return try? list()
    }

    func list() throws(ScenarioError) -> [YAMLValue] {
        guard case .sequence(let sequence) = node else { throw wrongType("a list") }
        return sequence.enumerated().map { YAMLValue(node: $0.element, path: "\(path)[\($0.offset)]", file: file) }
    }

    /// Text; plain numbers and dates are accepted as their text.
    /// Text without control characters (YAML's escapes, `"\0"` or `"\e"`, write them past the file's byte check;
    /// they would land in .ics, CSV, Markdown and terminals). Tabs and line breaks are text.
    func string() throws(ScenarioError) -> String {
        guard case .scalar(let scalar) = node, node.null == nil else { throw wrongType("text") }
        if let control = TextSafety.firstControl(in: scalar.string) {
            throw controlCharacter(control, in: scalar.string)
        }
        return scalar.string
    }

    /// Text on one line: a name, a title, an area.
    func singleLine() throws(ScenarioError) -> String {
        let text = try nonEmptyString()
        if let control = TextSafety.firstControl(in: text, allowingLineBreaks: false) {
            throw controlCharacter(control, in: text)
        }
        return text
    }

    private func controlCharacter(_ control: Unicode.Scalar, in text: String) -> ScenarioError {
        .invalidValue(
            location, field: path, value: TextSafety.quoted(text),
            expected: "text without control characters (found \(TextSafety.neutralised(String(control))))",
            hint: "remove the escape sequence or the invisible character from the field")
    }

    /// Text that is not empty after trimming.
    func nonEmptyString() throws(ScenarioError) -> String {
        let text = try string().trimmingBlanks()
        guard !text.isEmpty else { throw wrongType("text that is not empty") }
        return text
    }

    func bool() throws(ScenarioError) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Self.boolean(scalar.string) else {
            throw wrongType("true or false")
        }
        return value
    }

    func int(in range: ClosedRange<Int>, hint: String? = nil) throws(ScenarioError) -> Int {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = node.int else {
            throw wrongType("a whole number")
        }
        guard range.contains(value) else {
            throw .invalidValue(
                location, field: path, value: String(value),
                expected: "a whole number from \(range.lowerBound) to \(range.upperBound)", hint: hint)
        }
        return value
    }

    func number(in range: ClosedRange<Double>, hint: String? = nil) throws(ScenarioError) -> Double {
        guard case .scalar(let scalar) = node, scalar.style == .plain,
            let value = node.float ?? node.int.map(Double.init),
            value.isFinite
        else { throw wrongType("a number") }
        guard range.contains(value) else {
            throw .invalidValue(
                location, field: path, value: scalar.string,
                expected:
                    "a number from \(TextFormatting.number(range.lowerBound)) to \(TextFormatting.number(range.upperBound))",
                hint: hint)
        }
        return value
    }

    /// An id: letters, digits, `-` and `_`, starting with a letter or digit, at most 64 characters.
    /// A string naming one case of `T` (its raw value); anything else is an error listing the names, with the
    /// closest as a suggestion. `kind` says what the names are ("a runbook section").
    func oneOf<T: RawRepresentable & CaseIterable>(_ type: T.Type, kind: String) throws(ScenarioError) -> T
    where T.RawValue == String {
        let text = try nonEmptyString()
        if let value = T(rawValue: text) { return value }
        let names = T.allCases.map(\.rawValue)
        throw .invalidValue(
            location, field: path, value: TextSafety.quoted(text),
            expected: "\(kind) (\(names.joined(separator: ", ")))",
            hint: Suggestions.didYouMean(text, names))
    }

    func identifier() throws(ScenarioError) -> String {
        let text = try string()
        let valid =
            !text.isEmpty && text.count <= 64 && text.first!.isASCII && (text.first!.isLetter || text.first!.isNumber)
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        guard valid else {
            throw .invalidValue(
                location, field: path, value: TextSafety.quoted(text),
                expected: "an id of letters, digits, '-' and '_' (at most 64, starting with a letter or digit)",
                hint: "ids appear in file names and CSV cells; keep the display name in `name`")
        }
        return text
    }

    func date() throws(ScenarioError) -> CalendarDate {
        let text = try string()
        guard let date = CalendarDate(iso: text) else { throw invalidDate(text) }
        return date
    }

    /// A date `YYYY-MM-DD` or an inclusive range `YYYY-MM-DD..YYYY-MM-DD`.
    func dateRange() throws(ScenarioError) -> DateRange {
        let text = try string()
        let ends = text.components(separatedBy: "..")
        guard ends.count <= 2 else { throw invalidDate(text) }
        let parsed = ends.map { CalendarDate(iso: $0.trimmingBlanks()) }
        guard let first = parsed[0], let last = parsed.last! else { throw invalidDate(text) }
        guard let range = DateRange(first: first, last: last) else {
            throw .invalidValue(
                location, field: path, value: TextSafety.quoted(text),
                expected: "a range whose start is not after its end",
                hint: "write the earlier date first: \(last)..\(first)")
        }
        return range
    }

    /// Part-day leave `START..END`, each a date-time `YYYY-MM-DDTHH:MM` read in `zone` (or with `Z` or an offset).
    func timeSpan(in zone: TimeZone) throws(ScenarioError) -> TimeSpan {
        let text = try string()
        let ends = text.components(separatedBy: "..").map { $0.trimmingBlanks() }
        let expected = "part-day leave YYYY-MM-DDTHH:MM..YYYY-MM-DDTHH:MM"
        let hint =
            "times are the engineer's (\(zone.identifier)) unless they end in Z or an offset, e.g. "
            + "\"2027-04-05T13:00..2027-04-05T17:00\""
        guard ends.count == 2, case .success(let start) = Instant.parse(ends[0], localZone: zone),
            case .success(let end) = Instant.parse(ends[1], localZone: zone)
        else {
            throw .invalidValue(location, field: path, value: TextSafety.quoted(text), expected: expected, hint: hint)
        }
        guard let span = TimeSpan(start: start, end: end) else {
            throw .invalidValue(
                location, field: path, value: TextSafety.quoted(text), expected: "an end after the start",
                hint: "write the earlier time first")
        }
        return span
    }

    private func invalidDate(_ text: String) -> ScenarioError {
        var hint = "write dates as YYYY-MM-DD, and ranges as YYYY-MM-DD..YYYY-MM-DD (both days included)"
        let parts = text.split(separator: "..").first?.split(separator: "-").compactMap { Int($0) } ?? []
        if parts.count == 3, (1...12).contains(parts[1]),
            CalendarDate(year: parts[0], month: parts[1], day: parts[2]) == nil
        {
            hint =
                "\(parts[0])-\(parts[1] < 10 ? "0" : "")\(parts[1]) has \(CalendarDate.daysIn(month: parts[1], year: parts[0])) days"
        }
        return .invalidValue(
            location, field: path, value: TextSafety.quoted(text), expected: "a date (YYYY-MM-DD) or a range A..B",
            hint: hint)
    }
}

/// The fields of a YAML mapping, in file order, already checked against the allowed names.
struct YAMLMapping {
    let owner: YAMLValue
    let entries: [(String, YAMLValue)]

    subscript(key: String) -> YAMLValue? { entries.first { $0.0 == key }?.1 }

    func required(_ key: String, hint: String) throws(ScenarioError) -> YAMLValue {
        guard let value = self[key] else {
            let path = owner.path.isEmpty ? key : "\(owner.path).\(key)"
            throw .missingField(owner.location, field: path, hint: hint)
        }
        return value
    }
}
