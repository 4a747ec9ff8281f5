/// Gives rows and columns names that the CPLEX LP format accepts and that are unique in the model.
///
/// CPLEX LP names hold letters, digits and `!"#$%&()/,.;?@_`'{}|~`, do not start with a digit or a
/// period, and are at most 255 characters long; anything else becomes `_`. A repeated name gets `~2`, `~3`….
struct ModelNames: Sendable {
    private var usedColumns: [String: Int] = [:]
    private var usedRows: [String: Int] = [:]

    mutating func column(_ name: String) -> String { Self.unique(Self.sanitize(name), in: &usedColumns) }
    mutating func row(_ name: String) -> String { Self.unique(Self.sanitize(name), in: &usedRows) }

    static func sanitize(_ name: String) -> String {
        let allowed = Set("!\"#$%&()/,.;?@_`'{}|~")
        var result = String(
            name.map { ($0.isASCII && ($0.isLetter || $0.isNumber)) || allowed.contains($0) ? $0 : "_" })
        if result.isEmpty || result.first!.isNumber || result.first == "." { result = "_" + result }
        return String(result.prefix(240))
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
