/// Number and text formatting that is the same on every machine and locale.
public enum TextFormatting {
    /// At most `places` decimals, trailing zeros dropped: 3.1836 → "3.18", 4.0 → "4", 4.5 → "4.5".
    public static func number(_ value: Double, places: Int = 2) -> String {
        // Not a number a report can hold (a solver's infinite bound): say so rather than trap converting it.
        guard value.isFinite else { return value.isNaN ? "?" : value < 0 ? "−∞" : "∞" }
        guard abs(value) < 1e15 else { return String(format: "%.3g", value) }
        let scale = (0..<places).reduce(1) { result, _ in result * 10 }
        let scaled = Int((abs(value) * Double(scale)).rounded())
        let whole = scaled / scale
        var fraction = String(scaled % scale)
        fraction = String(repeating: "0", count: places - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = value < 0 && scaled != 0 ? "-" : ""
        return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// A percentage with up to two decimals: 0.0123 → "1.23 %".
    public static func percent(_ fraction: Double) -> String { number(fraction * 100) + " %" }

    /// Text safe inside a Markdown table cell: CommonMark punctuation escaped, no line breaks (each CR, LF and tab
    /// becomes a space). Every character touched is ASCII, so this reads UTF-8 bytes; text without any of them is
    /// returned as it is.
    public static func markdownCell(_ text: String) -> String {
        func escaped(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "#"),
                UInt8(ascii: "~"):
                return true
            default: return false
            }
        }
        func blank(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D || byte == 0x09 }
        guard text.utf8.contains(where: { escaped($0) || blank($0) }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if escaped(byte) {
                out += [0x5C, byte]
            } else {
                out.append(blank(byte) ? 0x20 : byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Text safe as a Mermaid task or section name: no `:`, `;`, `#`, and no line break or other control character
    /// (each becomes a space). On scalars: "\r\n" is one Character, which a filter on Characters would let through.
    public static func mermaidLabel(_ text: String) -> String {
        func unsafe(_ scalar: Unicode.Scalar) -> Bool {
            scalar == ":" || scalar == ";" || scalar == "#" || TextSafety.isControl(scalar)
                || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}"
        }
        guard text.unicodeScalars.contains(where: unsafe) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { unsafe($0) ? " " : $0 }))
    }

    /// Text safe in XML attributes and content (JUnit, SVG): markup escaped, characters XML 1.0 forbids dropped. On
    /// scalars, so "\r\n" keeps both halves.
    public static func xmlText(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                let allowed =
                    (0x20...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value)
                    || (0x10000...0x10FFFF).contains(value)
                if allowed { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}
