import CSV
import Foundation

/// A CSV file of the calendars folder, read row by row with the line each row came from.
struct CalendarTable {
    struct Row {
        let line: Int
        let fields: [String: String]
    }

    let file: String
    let rows: [Row]

    /// Reads `file`, which must have at least the `columns`. When `keep` is given, only lines whose first field
    /// it accepts are parsed (the country files are sorted by region and large; India's is 0.8 MB).
    init(file: String, columns: [String], keep: ((Substring) -> Bool)? = nil) throws(CalendarError) {
        self.file = file
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw .unreadable(
                file: file,
                reason: FileManager.default.fileExists(atPath: file) ? "not UTF-8 text" : "no such file")
        }
        // Split on bytes, not Characters: the country files are large and this runs on every plan. Lines are
        // kept as byte ranges (without a CR before the LF); only the kept ones are handed to the CSV reader.
        let bytes = Array(text.utf8)
        var lines: [(number: Int, range: Range<Int>)] = []
        var number = 0
        var lineStart = 0
        for position in 0...bytes.count where position == bytes.count || bytes[position] == UInt8(ascii: "\n") {
            number += 1
            var end = position
            if end > lineStart, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            defer { lineStart = position + 1 }
            if number > 1, let keep {
                let comma = bytes[lineStart..<end].firstIndex(of: UInt8(ascii: ",")) ?? end
                if !keep(Substring(String(decoding: bytes[lineStart..<comma], as: UTF8.self))) { continue }
            }
            lines.append((number, lineStart..<end))
        }
        while let last = lines.last, last.range.isEmpty { lines.removeLast() }
        guard let header = lines.first, header.number == 1 else {
            throw .malformed(SourceLocation(file: file, line: 1), field: nil, problem: "the file is empty", hint: nil)
        }
        let body = lines.dropFirst()
        var joined: [UInt8] = []
        joined.reserveCapacity(lines.reduce(0) { $0 + $1.range.count + 1 })
        for (index, line) in lines.enumerated() {
            if index > 0 { joined.append(UInt8(ascii: "\n")) }
            joined += bytes[line.range]
        }
        let selected = String(decoding: joined, as: UTF8.self)
        let reader: CSVReader
        do { reader = try CSVReader(string: selected, hasHeaderRow: true) } catch {
            throw .malformed(SourceLocation(file: file, line: 1), field: nil, problem: "not CSV: \(error)", hint: nil)
        }
        let names = reader.headerRow ?? []
        let missing = columns.filter { !names.contains($0) }
        if !missing.isEmpty {
            throw .malformed(
                SourceLocation(file: file, line: 1), field: nil,
                problem: "the header lacks \(missing.joined(separator: ", "))",
                hint: "the header must name \(columns.joined(separator: ","))")
        }
        var rows: [Row] = []
        var index = 0
        while let values = reader.next() {
            let line = index < body.count ? body[body.startIndex + index].number : number
            index += 1
            guard values.count == names.count else {
                throw .malformed(
                    SourceLocation(file: file, line: line), field: nil,
                    problem: "\(values.count) fields, but the header has \(names.count)",
                    hint: "quote fields that contain commas")
            }
            rows.append(Row(line: line, fields: Dictionary(uniqueKeysWithValues: zip(names, values))))
        }
        self.rows = rows
    }

    func location(_ row: Row) -> SourceLocation { SourceLocation(file: file, line: row.line) }

    /// The field, which must not be empty.
    func text(_ row: Row, _ column: String) throws(CalendarError) -> String {
        let value = row.fields[column]?.trimmingBlanks() ?? ""
        if value.isEmpty {
            throw .malformed(location(row), field: column, problem: "is empty", hint: nil)
        }
        return value
    }

    func date(_ row: Row, _ column: String) throws(CalendarError) -> CalendarDate {
        let value = try text(row, column)
        guard let date = CalendarDate(iso: value) else {
            throw .malformed(
                location(row), field: column, problem: "\"\(value)\" is not a date", hint: "write dates as YYYY-MM-DD")
        }
        return date
    }

    func bool(_ row: Row, _ column: String) throws(CalendarError) -> Bool {
        switch try text(row, column) {
        case "true": return true
        case "false": return false
        case let other:
            throw .malformed(
                location(row), field: column, problem: "expected true or false, found \"\(other)\"", hint: nil)
        }
    }

    func int(_ row: Row, _ column: String) throws(CalendarError) -> Int {
        let value = try text(row, column)
        guard let number = Int(value) else {
            throw .malformed(
                location(row), field: column, problem: "expected a whole number, found \"\(value)\"", hint: nil)
        }
        return number
    }
}
