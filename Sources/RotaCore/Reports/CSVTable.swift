import CSV
import Foundation
import RotaChecking
import RotaModel
import RotaPlanning

/// RFC 4180 CSV: a header and rows, CRLF line ends, fields quoted where needed (by CSV.swift).
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
        let stream = OutputStream(toMemory: ())
        // Writing to memory cannot fail for lack of space or permissions; a failure here is a programming error.
        let writer = try! CSVWriter(stream: stream, newline: .crlf)
        try! writer.write(row: header)
        for row in rows { try! writer.write(row: row.map(FormulaGuard.guarded)) }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }
}
