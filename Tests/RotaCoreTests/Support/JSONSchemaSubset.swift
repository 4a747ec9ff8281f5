import Foundation

/// A checker for the part of JSON Schema (OpenAPI 3.0) the paging tools' published request schemas use: `$ref`
/// (local), `allOf`, `type` (object, array, string, number, integer, boolean), `properties`, `required`, `items`,
/// `enum`, `nullable`, and `format: date-time` (RFC 3339). Written for the tests: it judges Rota's exports against
/// the vendor's own schema, committed as a fixture.
struct JSONSchemaSubset {
    let root: [String: Any]

    /// Every way `value` breaks `schema`, as "path: problem".
    func problems(_ value: Any?, _ schema: [String: Any], path: String = "$") -> [String] {
        if let ref = schema["$ref"] as? String { return problems(value, resolve(ref), path: path) }
        var found: [String] = []
        for part in schema["allOf"] as? [[String: Any]] ?? [] { found += problems(value, part, path: path) }
        guard let value, !(value is NSNull) else {
            return (schema["nullable"] as? Bool ?? false) || schema["type"] == nil ? found : found + ["\(path): null"]
        }
        if let type = schema["type"] as? String, !Self.matches(value, type) {
            return found + ["\(path): expected \(type), found \(Swift.type(of: value))"]
        }
        if let allowed = schema["enum"] as? [String], let text = value as? String, !allowed.contains(text) {
            found.append("\(path): \(text) is not one of \(allowed)")
        }
        if schema["format"] as? String == "date-time", let text = value as? String, !Self.isDateTime(text) {
            found.append("\(path): \(text) is not an RFC 3339 date-time")
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                found.append("\(path): missing \(key)")
            }
            for (key, property) in schema["properties"] as? [String: [String: Any]] ?? [:] {
                if let member = object[key] { found += problems(member, property, path: "\(path).\(key)") }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { found += problems(item, items, path: "\(path)[\(index)]") }
        }
        return found
    }

    /// `#/a/b/0`: a path into the root document (objects by key, arrays by index).
    func resolve(_ ref: String) -> [String: Any] {
        var node: Any = root
        for part in ref.dropFirst(2).split(separator: "/").map(String.init) {
            if let object = node as? [String: Any], let next = object[part] {
                node = next
            } else if let array = node as? [Any], let index = Int(part), array.indices.contains(index) {
                node = array[index]
            } else {
                return ["not": "unresolved \(ref)"]
            }
        }
        return node as? [String: Any] ?? [:]
    }

    static func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        // JSONSerialization gives NSNumbers, and on Linux an NSNumber 0 or 1 casts to Bool: its objCType tells a
        // JSON boolean ("c") from a number.
        case "boolean": return (value as? NSNumber).map(Self.isBoolean) ?? (value is Bool)
        case "integer", "number": return (value as? NSNumber).map { !Self.isBoolean($0) } ?? false
        default: return true
        }
    }

    static func isBoolean(_ number: NSNumber) -> Bool { String(cString: number.objCType) == "c" }

    static func isDateTime(_ text: String) -> Bool {
        text.range(
            of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#, options: .regularExpression)
            != nil
    }
}
