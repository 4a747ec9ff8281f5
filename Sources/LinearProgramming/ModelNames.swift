/// Gives rows and columns names that the CPLEX LP format accepts and that are unique in the model.
///
/// CPLEX LP names hold letters, digits and `!"#$%&()/,.;?@_`'{}|~`, do not start with a digit or a
/// period, and are at most 255 characters long; anything else becomes `_`. `/` becomes `_` too: HiGHS's LP reader
/// (1.15) rejects it, and exported files are meant for other solvers. A repeated name gets `~2`, `~3`….
struct ModelNames: Sendable {
    private var usedColumns: [String: Int] = [:]
    private var usedRows: [String: Int] = [:]

    mutating func column(_ name: String) -> String { Self.unique(Self.sanitize(name), in: &usedColumns) }
    mutating func row(_ name: String) -> String { Self.unique(Self.sanitize(name), in: &usedRows) }

    private static let allowed = Set("!\"#$%&(),.;?@_`'{}|~")
    private static let allowedBytes = Set("!\"#$%&(),.;?@_`'{}|~".utf8)

    static func sanitize(_ name: String) -> String {
        var result: String
        if name.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            // Printable ASCII, one byte per character: the common case, done on bytes.
            result = String(
                decoding: name.utf8.map { byte in
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                        UInt8(ascii: "0")...UInt8(ascii: "9"):
                        return byte
                    default: return allowedBytes.contains(byte) ? byte : UInt8(ascii: "_")
                    }
                }, as: UTF8.self)
        } else {
            result = sanitizeCharacters(name)
        }
        if result.isEmpty || result.first!.isNumber || result.first == "." { result = "_" + result }
        return String(result.prefix(240))
    }

    /// The character-by-character rule for any text: ASCII letters, digits and the allowed marks stay.
    static func sanitizeCharacters(_ name: String) -> String {
        String(name.map { ($0.isASCII && ($0.isLetter || $0.isNumber)) || allowed.contains($0) ? $0 : "_" })
    }

    private static func unique(_ name: String, in used: inout [String: Int]) -> String {
        guard let count = used[name] else {
            used[name] = 1
            return name
        }
        used[name] = count + 1
        return unique("\(name)~\(count + 1)", in: &used)
    }

    /// A number as short as it can be written exactly: `3`, `0.25`, `-1.5`.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
