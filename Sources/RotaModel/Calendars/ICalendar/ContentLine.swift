import Foundation

/// One unfolded iCalendar content line (RFC 5545 §3.1): `NAME;PARAM=VALUE:value`.
struct ContentLine {
    /// Upper-cased property name.
    let name: String
    /// Upper-cased parameter names → values, quotes removed.
    let parameters: [String: String]
    /// The raw value (still escaped for TEXT properties).
    let value: String
    /// The physical line the content line starts on (1-based).
    let line: Int

    /// Splits iCalendar bytes into unfolded content lines. Folding is undone on bytes, so a fold that splits a
    /// UTF-8 character is joined before decoding. CRLF and bare LF line ends are both accepted.
    static func lines(of data: Data, file: String) throws(CalendarError) -> [ContentLine] {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var logical: [(line: Int, bytes: [UInt8])] = []
        var physical = 1
        var index = 0
        while index < bytes.count {
            var end = index
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var lineBytes = Array(bytes[index..<end])
            if lineBytes.last == 0x0D { lineBytes.removeLast() }
            if lineBytes.contains(0) {
                throw .iCalendar(
                    SourceLocation(file: file, line: physical), problem: "the line contains a NUL byte", hint: nil)
            }
            if let first = lineBytes.first, first == 0x20 || first == 0x09 {
                guard !logical.isEmpty else {
                    throw .iCalendar(
                        SourceLocation(file: file, line: physical),
                        problem: "the file starts with a continuation line (a line beginning with a space)",
                        hint: "an iCalendar file starts with BEGIN:VCALENDAR")
                }
                logical[logical.count - 1].bytes += lineBytes.dropFirst()
            } else if !lineBytes.isEmpty {
                logical.append((physical, lineBytes))
            }
            physical += 1
            index = end + 1
        }
        var result: [ContentLine] = []
        result.reserveCapacity(logical.count)
        for (line, raw) in logical {
            guard let text = String(validating: raw, as: UTF8.self) else {
                throw .iCalendar(
                    SourceLocation(file: file, line: line), problem: "the line is not valid UTF-8",
                    hint: "export the calendar again as UTF-8")
            }
            result.append(try parse(text, line: line, file: file))
        }
        return result
    }

    /// Parses `NAME *(;PARAM=VALUE[,VALUE]) : value`, honouring quoted parameter values.
    private static func parse(_ text: String, line: Int, file: String) throws(CalendarError) -> ContentLine {
        let characters = Array(text)
        var index = 0
        func fail(_ problem: String) -> CalendarError {
            .iCalendar(
                SourceLocation(file: file, line: line), problem: problem,
                hint: "content lines look like NAME;PARAM=VALUE:value (RFC 5545 §3.1)")
        }
        func readName() -> String {
            let start = index
            while index < characters.count,
                characters[index].isLetter || characters[index].isNumber || characters[index] == "-"
            {
                index += 1
            }
            return String(characters[start..<index]).uppercased()
        }
        let name = readName()
        guard !name.isEmpty else { throw fail("expected a property name, found \"\(text.prefix(30))\"") }
        var parameters: [String: String] = [:]
        while index < characters.count, characters[index] == ";" {
            index += 1
            let parameter = readName()
            guard !parameter.isEmpty, index < characters.count, characters[index] == "=" else {
                throw fail("malformed parameter in \(name)")
            }
            index += 1
            var values: [String] = []
            repeat {
                if index < characters.count, characters[index] == "," { index += 1 }
                if index < characters.count, characters[index] == "\"" {
                    index += 1
                    let start = index
                    while index < characters.count, characters[index] != "\"" { index += 1 }
                    guard index < characters.count else { throw fail("unterminated quoted parameter \(parameter)") }
                    values.append(String(characters[start..<index]))
                    index += 1
                } else {
                    let start = index
                    while index < characters.count, ![";", ":", ","].contains(characters[index]) { index += 1 }
                    values.append(String(characters[start..<index]))
                }
            } while index < characters.count && characters[index] == ","
            parameters[parameter] = values.joined(separator: ",")
        }
        guard index < characters.count, characters[index] == ":" else {
            throw fail("\(name) has no ':' before its value")
        }
        return ContentLine(
            name: name, parameters: parameters, value: String(characters[(index + 1)...]), line: line)
    }

    /// The value of a TEXT property with its escapes (`\\`, `\;`, `\,`, `\n`) undone.
    var text: String {
        var result = ""
        var escaped = false
        for character in value {
            if escaped {
                switch character {
                case "n", "N": result.append("\n")
                default: result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
