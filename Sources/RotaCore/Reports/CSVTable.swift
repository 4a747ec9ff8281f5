import Foundation
import RotaChecking
import RotaModel
import RotaPlanning

/// RFC 4180 CSV: a header and rows, each line ended by CRLF; a field holding a comma, a double quote, CR or LF is
/// quoted, its quotes doubled. Judged scalar by scalar, never by Character: `"` followed by a combining mark is one
/// Character but still a quote, and "\r\n" is one Character holding two line-break scalars.
///
/// Written here rather than through CSV.swift's `CSVWriter`, which writes one Unicode scalar at a time to a
/// Foundation `OutputStream` (a fifth of a small plan's report rendering); CSV.swift still reads every CSV file, and
/// the tests read what this writes back with it.
///
/// Cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) get a
/// leading `'` (``FormulaGuard``, which `rota check` undoes), so a name in a scenario cannot become a formula in
/// whoever opens the file.
public struct CSVTable {
    public let header: [String]
    public var rows: [[String]] = []

    public init(header: [String]) { self.header = header }

    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "a CSV row must have one field per column")
        rows.append(row)
    }

    public func render() -> String {
        var out = String.UnicodeScalarView()
        Self.write(header, to: &out)
        for row in rows { Self.write(row.map(FormulaGuard.guarded), to: &out) }
        return String(out)
    }

    private static func write(_ row: [String], to out: inout String.UnicodeScalarView) {
        for (position, field) in row.enumerated() {
            if position > 0 { out.append(",") }
            let quoted = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
            if quoted { out.append("\"") }
            for scalar in field.unicodeScalars {
                if scalar == "\"" { out.append("\"") }
                out.append(scalar)
            }
            if quoted { out.append("\"") }
        }
        out.append("\r")
        out.append("\n")
    }
}
