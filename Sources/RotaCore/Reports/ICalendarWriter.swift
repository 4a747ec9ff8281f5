import RotaChecking
import RotaModel
import RotaPlanning

/// Writes iCalendar text (RFC 5545): content lines ended by CRLF, folded at 75 octets without splitting a UTF-8
/// character (continuation lines start with one space), TEXT values escaped.
struct ICalendarWriter {
    private(set) var lines: [String] = []

    /// Adds `NAME[;PARAMS]:value`, the value written as is (dates, times, URIs).
    mutating func raw(_ name: String, _ value: String) { lines.append(name + ":" + value) }

    /// Adds a TEXT property, escaped (RFC 5545 3.3.11): backslash, semicolon, comma and newlines.
    mutating func text(_ name: String, _ value: String) { raw(name, Self.escape(value)) }

    /// The TEXT value escaped. Every character escaped is ASCII, so the escaping reads UTF-8 bytes (a byte below
    /// 0x80 is never part of a longer character): backslash, semicolon and comma get a backslash, a line break
    /// (LF or CRLF) becomes `\\n`, a lone CR is dropped. Text without any of them is returned as it is.
    static func escape(_ text: String) -> String {
        func special(_ byte: UInt8) -> Bool {
            byte == 0x5C || byte == 0x3B || byte == 0x2C || byte == 0x0A || byte == 0x0D
        }
        guard text.utf8.contains(where: special) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            switch byte {
            case 0x5C, 0x3B, 0x2C: out += [0x5C, byte]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: continue
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The folded text: every line at most 75 octets before its CRLF (RFC 5545 3.1).
    var rendered: String { lines.map(Self.fold).joined() }

    static func fold(_ line: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(line.utf8.count + line.utf8.count / 37 + 2)
        var octets = 0
        for byte in line.utf8 {
            // A scalar starts at any byte but a continuation byte (10xxxxxx); its length is known from that byte.
            if byte & 0xC0 != 0x80 {
                let size = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                if octets + size > 75 {
                    out += [13, 10, 32]
                    octets = 1
                }
                octets += size
            }
            out.append(byte)
        }
        out += [13, 10]
        return String(decoding: out, as: UTF8.self)
    }

    /// `20270104T010000Z` for a UTC instant given as a date and seconds after its midnight (UTC).
    static func utc(_ date: CalendarDate, seconds: Int) -> String {
        let day = date.adding(days: Int((Double(seconds) / 86_400).rounded(.down)))
        let rest = seconds - (day.dayNumber - date.dayNumber) * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return compact(day) + "T" + two(rest / 3600) + two(rest % 3600 / 60) + two(rest % 60) + "Z"
    }

    /// `20270104T010000Z`.
    static func utc(_ instant: Instant) -> String {
        utc(instant.utcDate, seconds: instant.secondsSince1970 - instant.utcDate.dayNumber * 86_400)
    }

    /// `20270104`.
    static func compact(_ date: CalendarDate) -> String { date.description.replacingOccurrences(of: "-", with: "") }
}
