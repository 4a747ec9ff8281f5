import CSV
import Foundation

/// A bad schedule file: where, and what was expected. `rota check` exits 2 for all of them.
public enum ScheduleError: Error, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    /// The header does not have the columns Rota writes.
    case columns(file: String, missing: [String], unexpected: [String])
    /// A row has the wrong number of fields.
    case fieldCount(file: String, line: Int, expected: Int, found: Int)
    /// A value that is not what its column holds.
    case invalidValue(file: String, line: Int, column: String, value: String, expected: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return
                "\(file): cannot read the schedule: \(reason)\n  hint: pass a report folder or its rotation.csv with --schedule"
        case .columns(let file, let missing, let unexpected):
            var parts: [String] = []
            if !missing.isEmpty { parts.append("missing \(missing.joined(separator: ", "))") }
            if !unexpected.isEmpty { parts.append("unexpected \(unexpected.joined(separator: ", "))") }
            return
                "\(file):1: header: \(parts.joined(separator: "; "))\n  hint: the columns are those `rota plan` writes"
        case .fieldCount(let file, let line, let expected, let found):
            return
                "\(file):\(line): expected \(expected) fields, found \(found)\n  hint: quote fields that contain commas"
        case .invalidValue(let file, let line, let column, let value, let expected):
            return "\(file):\(line): \(column): expected \(expected), found \"\(value)\""
        }
    }
}

/// A schedule read from files, with the line of each row for findings.
public struct ScheduleFile: Sendable {
    public let schedule: Schedule
    public let rotationFile: String
    /// Nil when only a rotation.csv was given.
    public let ownershipFile: String?
    /// Line of each shift's row in rotation.csv, by "rotation#number" (rotation "" without a rotation column).
    public let weekLines: [String: Int]
    /// Line of each pipeline's row in ownership.csv, by pipeline id.
    public let pipelineLines: [String: Int]
    /// manifest.json beside the schedule (what `rota plan` recorded of its inputs), if there is one.
    public let manifest: InputManifest?
    public let manifestFile: String

    /// The file and line a finding is about, when known.
    public func location(of finding: RuleViolation) -> SourceLocation? {
        if let pipeline = finding.pipeline, let file = ownershipFile {
            return SourceLocation(file: file, line: pipelineLines[pipeline])
        }
        if let week = finding.week {
            let line = weekLines["\(finding.rotation)#\(week)"] ?? weekLines["#\(week)"]
            return SourceLocation(file: rotationFile, line: line)
        }
        if finding.rule == .investorCap, let file = ownershipFile { return SourceLocation(file: file) }
        return nil
    }
}

/// Reads rotation.csv (and ownership.csv beside it) as `rota plan` writes them, or as a person wrote them in the
/// same columns.
public enum ScheduleReader {
    static let rotationColumns = ["week", "start", "end", "primary", "backup"]
    /// A leading `rotation` column when the scenario has several rotations.
    static let optionalRotationColumns = ["rotation"]
    static let ownershipColumns = ["pipeline", "name", "area", "investor_facing", "primary", "secondary"]

    /// `path` is a report folder (rotation.csv and ownership.csv) or a rotation.csv file.
    public static func read(path: String) throws(ScheduleError) -> ScheduleFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(file: path, reason: "no such file or folder")
        }
        // Paths stay as given (relative ones too), so findings name the files the way the user does.
        let folder = path.hasSuffix("/") ? path : path + "/"
        let rotationFile = isDirectory.boolValue ? folder + "rotation.csv" : path
        let ownershipFile = isDirectory.boolValue ? folder + "ownership.csv" : nil
        let (weeks, weekLines) = try readRotation(rotationFile)
        var ownership: [OwnershipAssignment] = []
        var pipelineLines: [String: Int] = [:]
        if let ownershipFile { (ownership, pipelineLines) = try readOwnership(ownershipFile) }
        // Beside the schedule, named the way the user named the schedule (relative stays relative).
        let manifestFile =
            isDirectory.boolValue
            ? folder + InputManifest.fileName
            : String(path[..<(path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex)])
                + InputManifest.fileName
        return ScheduleFile(
            schedule: Schedule(weeks: weeks, ownership: ownership), rotationFile: rotationFile,
            ownershipFile: ownershipFile, weekLines: weekLines, pipelineLines: pipelineLines,
            manifest: try readManifest(manifestFile), manifestFile: manifestFile)
    }

    /// The manifest at `file`; nil when there is none (a schedule written by hand).
    static func readManifest(_ file: String) throws(ScheduleError) -> InputManifest? {
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        guard let manifest = InputManifest.parse(data) else {
            throw .unreadable(
                file: file, reason: "it is not a manifest written by `rota plan` (JSON with scenario and inputs)")
        }
        return manifest
    }

    static func readRotation(_ file: String) throws(ScheduleError) -> ([RotationWeek], [String: Int]) {
        var weeks: [RotationWeek] = []
        var lines: [String: Int] = [:]
        try rows(of: file, columns: rotationColumns, optional: optionalRotationColumns) {
            (row: [String], line: Int) throws(ScheduleError) in
            guard let number = Int(row[0]), number > 0 else {
                throw .invalidValue(
                    file: file, line: line, column: "week", value: row[0], expected: "a week number from 1")
            }
            guard let first = CalendarDate(iso: row[1]) else {
                throw .invalidValue(
                    file: file, line: line, column: "start", value: row[1], expected: "a date YYYY-MM-DD")
            }
            guard let last = CalendarDate(iso: row[2]), let dates = DateRange(first: first, last: last) else {
                throw .invalidValue(
                    file: file, line: line, column: "end", value: row[2],
                    expected: "a date YYYY-MM-DD, not before start")
            }
            for (column, value) in [("primary", row[3]), ("backup", row[4])] where value.isEmpty {
                throw .invalidValue(file: file, line: line, column: column, value: value, expected: "an engineer id")
            }
            let rotation = row.count > 5 ? row[5] : ""
            weeks.append(
                RotationWeek(rotation: rotation, number: number, dates: dates, primary: row[3], backup: row[4]))
            if lines["\(rotation)#\(number)"] == nil { lines["\(rotation)#\(number)"] = line }
        }
        return (weeks, lines)
    }

    static func readOwnership(_ file: String) throws(ScheduleError) -> ([OwnershipAssignment], [String: Int]) {
        var rows: [OwnershipAssignment] = []
        var lines: [String: Int] = [:]
        try Self.rows(of: file, columns: ownershipColumns) { (row: [String], line: Int) throws(ScheduleError) in
            for (column, value) in [("pipeline", row[0]), ("primary", row[4]), ("secondary", row[5])]
            where value.isEmpty {
                throw .invalidValue(file: file, line: line, column: column, value: value, expected: "an id")
            }
            rows.append(OwnershipAssignment(pipeline: row[0], primary: row[4], secondary: row[5]))
            if lines[row[0]] == nil { lines[row[0]] = line }
        }
        return (rows, lines)
    }

    /// Calls `body` with each data row, in the header's column order given by `columns`, and its line number.
    /// Optional columns present in the header are appended after `columns`, in the order given.
    private static func rows(
        of file: String, columns: [String], optional: [String] = [],
        _ body: ([String], Int) throws(ScheduleError) -> Void
    ) throws(ScheduleError) {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw .unreadable(file: file, reason: "no such file")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw .unreadable(file: file, reason: "it is not UTF-8 text")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: true) } catch {
            throw .unreadable(file: file, reason: "it is empty or not CSV")
        }
        let header = reader.headerRow ?? []
        let missing = columns.filter { !header.contains($0) }
        let unexpected = header.filter { !columns.contains($0) && !optional.contains($0) }
        if !missing.isEmpty || !unexpected.isEmpty {
            throw .columns(file: file, missing: missing, unexpected: unexpected)
        }
        let order = (columns + optional.filter(header.contains)).map { header.firstIndex(of: $0)! }
        var line = 2 + header.reduce(0) { $0 + $1.filter { $0 == "\n" }.count }
        while let row = reader.next() {
            let isBlank = row.count == 1 && row[0].isEmpty
            if !isBlank {
                guard row.count == header.count else {
                    throw .fieldCount(file: file, line: line, expected: header.count, found: row.count)
                }
                try body(order.map { row[$0] }, line)
            }
            line += 1 + row.reduce(0) { $0 + $1.filter { $0 == "\n" }.count }
        }
    }
}
