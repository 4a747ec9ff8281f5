import CSV
import Foundation

/// A bad schedule file: where, and what was expected. `rota check` exits 2 for all of them.
public enum ScheduleError: Error, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String, kind: InputFile.Kind = .schedule)
    /// The header does not have the columns Rota writes.
    case columns(file: String, missing: [String], unexpected: [String])
    /// A column Rota reads appears more than once in the header.
    case repeatedColumns(file: String, columns: [String])
    /// A row has the wrong number of fields.
    case fieldCount(file: String, line: Int, expected: Int, found: Int)
    /// A value that is not what its column holds.
    case invalidValue(file: String, line: Int, column: String, value: String, expected: String)

    public var description: String { message + (hint.map { "\n  hint: \($0)" } ?? "") }

    /// What is wrong, with file and line, without the hint.
    public var message: String {
        switch self {
        case .unreadable(let file, let reason, let kind):
            let what =
                switch kind {
                case .baseline: "the baseline"
                case .history: "the history"
                case .manifest: "the manifest"
                default: "the schedule"
                }
            return "\(file): cannot read \(what): \(reason)"
        case .columns(let file, let missing, let unexpected):
            var parts: [String] = []
            if !missing.isEmpty { parts.append("missing \(missing.joined(separator: ", "))") }
            if !unexpected.isEmpty {
                let names = unexpected.prefix(5).map { TextSafety.quoted($0, limit: 40) }
                parts.append(
                    "unexpected \(names.joined(separator: ", "))"
                        + (unexpected.count > 5 ? " and \(unexpected.count - 5) more" : ""))
            }
            return "\(file):1: header: \(parts.joined(separator: "; "))"
        case .repeatedColumns(let file, let columns):
            return "\(file):1: header: \(columns.joined(separator: ", ")) appears more than once"
        case .fieldCount(let file, let line, let expected, let found):
            return "\(file):\(line): expected \(expected) fields, found \(found)"
        case .invalidValue(let file, let line, let column, let value, let expected):
            return "\(file):\(line): \(column): expected \(expected), found \(TextSafety.quoted(value))"
        }
    }

    public var hint: String? {
        switch self {
        case .unreadable(_, _, let kind):
            switch kind {
            case .baseline: return "pass a report folder or its rotation.csv with --baseline"
            case .history: return nil  // the scenario's history field says where it came from
            case .manifest: return "regenerate the report with `rota plan`, or remove manifest.json"
            default: return "pass a report folder or its rotation.csv with --schedule"
            }
        case .columns(_, _, let unexpected):
            return unexpected.contains("")
                ? "a column without a name: is there a trailing comma in the header?"
                : "the columns are those `rota plan` writes"
        case .repeatedColumns: return "each column once, as `rota plan` writes them"
        case .fieldCount: return "quote fields that contain commas"
        case .invalidValue: return nil
        }
    }
}

/// A schedule read from files, with the line of each row for findings.
public struct ScheduleFile: Sendable {
    public let schedule: Schedule
    public let rotationFile: String
    /// Nil when only a rotation.csv was given.
    public let ownershipFile: String?
    /// Line of each shift's row in rotation.csv (rotation "" without a rotation column).
    public let shiftLines: [ShiftKey: Int]
    /// Line of each pipeline's row in ownership.csv, by pipeline id.
    public let pipelineLines: [String: Int]
    /// coverage.csv beside rotation.csv, if the folder has one, and its rows (its `cover` rows are the schedule's
    /// covers, in the same order).
    public let coverageFile: String?
    public let coverageRows: [CoverageRow]
    /// manifest.json beside the schedule (what `rota plan` recorded of its inputs), if there is one.
    public let manifest: InputManifest?
    public let manifestFile: String

    /// The file and line a finding is about, when known.
    public func location(of finding: RuleViolation) -> SourceLocation? {
        if let file = coverageFile {
            if let row = finding.coverageRow, coverageRows.indices.contains(row) {
                return SourceLocation(file: file, line: coverageRows[row].line)
            }
            let coverRows = coverageRows.filter { $0.kind == .cover }
            if let cover = finding.cover, coverRows.indices.contains(cover) {
                return SourceLocation(file: file, line: coverRows[cover].line)
            }
        }
        if let pipeline = finding.pipeline, let file = ownershipFile {
            return SourceLocation(file: file, line: pipelineLines[pipeline])
        }
        if let week = finding.week {
            let line =
                shiftLines[ShiftKey(rotation: finding.rotation, number: week)]
                ?? shiftLines[ShiftKey(rotation: "", number: week)]
            return SourceLocation(file: rotationFile, line: line)
        }
        if finding.rule == .maxInvestorPrimaries, let file = ownershipFile { return SourceLocation(file: file) }
        return nil
    }
}

/// Reads rotation.csv (and ownership.csv beside it) as `rota plan` writes them, or as a person wrote them in the
/// same columns.
public enum ScheduleReader {
    static let rotationColumns = ["week", "start", "end", "primary", "backup"]
    /// A leading `rotation` column when the scenario has several rotations.
    static let optionalRotationColumns = ["rotation", "shadow"]
    static let maximumCellBytes = 1_000
    static let ownershipColumns = ["pipeline", "name", "area", "investor_facing", "primary", "secondary"]
    static let coverageColumns = ["rotation", "role", "engineer", "start", "end", "kind", "reason"]

    /// `path` is a report folder (rotation.csv and ownership.csv, or rotation.csv alone) or a rotation.csv file;
    /// `kind` says what it is read as, for the size cap and the messages.
    public static func read(path: String, as kind: InputFile.Kind = .schedule) throws(ScheduleError) -> ScheduleFile {
        guard InputFile.exists(path) else {
            throw .unreadable(file: path, reason: "no such file or folder", kind: kind)
        }
        let isDirectory = InputFile.isFolder(path)
        // Paths stay as given (relative ones too), so findings name the files the way the user does.
        let folder = path.hasSuffix("/") ? path : path + "/"
        let rotationFile = isDirectory ? folder + "rotation.csv" : path
        // A folder without ownership.csv is judged as its rotation.csv alone would be.
        let ownershipFile = isDirectory && InputFile.exists(folder + "ownership.csv") ? folder + "ownership.csv" : nil
        let (weeks, shiftLines, _) = try readRotation(rotationFile, as: kind)
        var ownership: [OwnershipAssignment] = []
        var pipelineLines: [String: Int] = [:]
        if let ownershipFile { (ownership, pipelineLines) = try readOwnership(ownershipFile, as: kind) }
        // Covers live in coverage.csv; a folder without one (written before it existed, or by hand) has none.
        let coverageFile = isDirectory && InputFile.exists(folder + "coverage.csv") ? folder + "coverage.csv" : nil
        let coverageRows = try coverageFile.map { file throws(ScheduleError) in try readCoverage(file, as: kind) } ?? []
        let covers = coverageRows.compactMap(\.cover)
        // Beside the schedule, named the way the user named the schedule (relative stays relative).
        let manifestFile =
            isDirectory
            ? folder + InputManifest.fileName
            : String(path[..<(path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex)])
                + InputManifest.fileName
        return ScheduleFile(
            schedule: Schedule(shifts: weeks, ownership: ownership, covers: covers), rotationFile: rotationFile,
            ownershipFile: ownershipFile, shiftLines: shiftLines, pipelineLines: pipelineLines,
            coverageFile: coverageFile, coverageRows: coverageRows,
            manifest: try readManifest(manifestFile), manifestFile: manifestFile)
    }

    /// The manifest at `file`; nil when there is none (a schedule written by hand).
    static func readManifest(_ file: String) throws(ScheduleError) -> InputManifest? {
        let data: Data
        do { data = try InputFile.read(file, as: .manifest) } catch {
            if error == .missing { return nil }
            throw .unreadable(file: file, reason: error.description, kind: .manifest)
        }
        guard let manifest = InputManifest.parse(data) else {
            throw .unreadable(
                file: file, reason: "it is not a manifest written by `rota plan` (JSON with scenario and inputs)",
                kind: .manifest)
        }
        return manifest
    }

    /// The shifts of a rotation.csv, the line of each, and the file's bytes (for digests).
    static func readRotation(_ file: String, as kind: InputFile.Kind, from source: InputSource = .disk)
        throws(ScheduleError) -> ([RotationShift], [ShiftKey: Int], Data)
    {
        var weeks: [RotationShift] = []
        var lines: [ShiftKey: Int] = [:]
        let data = try rows(
            of: file, as: kind, columns: rotationColumns, optional: optionalRotationColumns, from: source
        ) {
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
            guard !row[3].isEmpty else {
                throw .invalidValue(
                    file: file, line: line, column: "primary", value: row[3], expected: "an engineer id")
            }
            let rotation = row[5]
            // An empty backup: a rotation of primaries alone (the rule checker judges whether the rotation has one).
            weeks.append(
                RotationShift(
                    rotation: rotation, number: number, dates: dates, primary: row[3],
                    backup: row[4].isEmpty ? nil : row[4], shadow: row[6].isEmpty ? nil : row[6]))
            let key = ShiftKey(rotation: rotation, number: number)
            if lines[key] == nil { lines[key] = line }
        }
        return (weeks, lines, data)
    }

    /// The rows of a coverage.csv: instants in RFC 3339 with `Z` or an offset, `end` after `start`.
    static func readCoverage(_ file: String, as kind: InputFile.Kind) throws(ScheduleError) -> [CoverageRow] {
        var rows: [CoverageRow] = []
        try Self.rows(of: file, as: kind, columns: coverageColumns) {
            (row: [String], line: Int) throws(ScheduleError) in
            guard let role = DutyRole(rawValue: row[1]) else {
                throw .invalidValue(
                    file: file, line: line, column: "role", value: row[1], expected: "primary or backup")
            }
            if row[2].isEmpty {
                throw .invalidValue(
                    file: file, line: line, column: "engineer", value: row[2], expected: "an engineer id")
            }
            func instant(_ column: String, _ text: String) throws(ScheduleError) -> Instant {
                switch Instant.parse(text) {
                case .success(let instant): return instant
                case .failure(.missingOffset):
                    throw .invalidValue(
                        file: file, line: line, column: column, value: text,
                        expected: "an instant with Z or an offset (\(text)Z for UTC)")
                case .failure(.malformed):
                    throw .invalidValue(
                        file: file, line: line, column: column, value: text,
                        expected: "an RFC 3339 instant such as 2027-04-07T02:00:00Z")
                }
            }
            let start = try instant("start", row[3])
            let end = try instant("end", row[4])
            guard let span = TimeSpan(start: start, end: end) else {
                throw .invalidValue(
                    file: file, line: line, column: "end", value: row[4], expected: "an instant after start (\(start))")
            }
            guard let kind = CoverageInterval.Kind(rawValue: row[5]) else {
                throw .invalidValue(file: file, line: line, column: "kind", value: row[5], expected: "shift or cover")
            }
            rows.append(
                CoverageRow(
                    rotation: row[0], role: role, engineer: row[2], span: span, kind: kind, reason: row[6], line: line))
        }
        return rows
    }

    static func readOwnership(_ file: String, as kind: InputFile.Kind, from source: InputSource = .disk)
        throws(ScheduleError) -> ([OwnershipAssignment], [String: Int])
    {
        var rows: [OwnershipAssignment] = []
        var lines: [String: Int] = [:]
        try Self.rows(of: file, as: kind, columns: ownershipColumns, from: source) {
            (row: [String], line: Int) throws(ScheduleError) in
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
    /// Optional columns present in the header are appended after `columns`, in the order given. Returns the bytes.
    @discardableResult
    private static func rows(
        of file: String, as kind: InputFile.Kind, columns: [String], optional: [String] = [],
        from source: InputSource = .disk, _ body: ([String], Int) throws(ScheduleError) -> Void
    ) throws(ScheduleError) -> Data {
        let data: Data
        do { data = try source.read(file, kind) } catch {
            throw .unreadable(file: file, reason: error.description, kind: kind)
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw .unreadable(file: file, reason: "it is not UTF-8 text", kind: kind)
        }
        if let line = TextSafety.firstLineWithControl(in: text) {
            throw .unreadable(
                file: file, reason: "line \(line) holds a control character (a NUL, an escape…): not a CSV text file",
                kind: kind)
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: true) } catch {
            throw .unreadable(file: file, reason: "it is empty or not CSV", kind: kind)
        }
        let header = reader.headerRow ?? []
        let missing = columns.filter { !header.contains($0) }
        let unexpected = header.filter { !columns.contains($0) && !optional.contains($0) }
        if !missing.isEmpty || !unexpected.isEmpty {
            throw .columns(file: file, missing: missing, unexpected: unexpected)
        }
        let repeated = (columns + optional).filter { name in header.filter { $0 == name }.count > 1 }
        if !repeated.isEmpty { throw .repeatedColumns(file: file, columns: repeated) }
        // Every column in order, an optional one the file leaves out as an empty cell.
        let order = (columns + optional).map { header.firstIndex(of: $0) }
        var line = 2 + header.reduce(0) { $0 + TextSafety.lineBreaks(in: $1) }
        while let row = reader.next() {
            let isBlank = row.count == 1 && row[0].isEmpty
            if !isBlank {
                guard row.count == header.count else {
                    throw .fieldCount(file: file, line: line, expected: header.count, found: row.count)
                }
                // Cells are ids, dates and names: a long one is a mistake, and findings quote cells.
                for (index, cell) in row.enumerated() where cell.utf8.count > maximumCellBytes {
                    throw .invalidValue(
                        file: file, line: line, column: header[index], value: cell,
                        expected: "a cell of at most \(maximumCellBytes) bytes")
                }
                try body(order.map { $0.map { FormulaGuard.unguarded(row[$0]) } ?? "" }, line)
            }
            line += 1 + row.reduce(0) { $0 + TextSafety.lineBreaks(in: $1) }
        }
        return data
    }
}
