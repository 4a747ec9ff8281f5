import Crypto
import Foundation

/// One input a plan was made from, by kind and name, with the SHA-256 digest of what was read.
public struct InputDigest: Sendable, Equatable, Codable {
    /// What the input is.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The scenario as read: its YAML document re-serialized without `variants:` (comments and layout do not
        /// count).
        case scenario
        /// An .ics file the scenario names (leave or company days), by the path the scenario gives.
        case calendarFile = "calendar_file"
        /// One region's definition (weekend, time zone) and its holidays inside the period, as read from calendars/.
        case region
        /// The festival names and aliases (calendars/festivals.csv), when an engineer observes festivals.
        case festivalNames = "festival_names"
        /// An earlier rotation.csv named in `history:`, by the path the scenario gives.
        case history
        /// Rota's model version: schedules can change when it does.
        case model
    }

    public let kind: Kind
    public let name: String
    public let sha256: String

    public init(kind: Kind, name: String, sha256: String) {
        self.kind = kind
        self.name = name
        self.sha256 = sha256
    }

    public init(kind: Kind, name: String, bytes: some DataProtocol) {
        self.init(kind: kind, name: name, sha256: Self.hex(bytes))
    }

    /// Lowercase hexadecimal SHA-256 of `bytes`.
    public static func hex(_ bytes: some DataProtocol) -> String { lowercaseHex(SHA256.hash(data: bytes)) }

    /// Bytes as lowercase hexadecimal, two digits each.
    public static func lowercaseHex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// How the input is named in messages: "scenario xyz.yaml", "region MY-10".
    public var label: String {
        switch kind {
        case .scenario: return "scenario \(name)"
        case .calendarFile: return "calendar file \(name)"
        case .region: return "holidays of region \(name)"
        case .festivalNames: return "festival names (\(name))"
        case .history: return "history file \(name)"
        case .model: return "Rota's model"
        }
    }
}
