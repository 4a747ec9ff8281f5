/// Number and text formatting that is the same on every machine and locale.
public enum TextFormatting {
    /// At most `places` decimals, trailing zeros dropped: 3.1836 → "3.18", 4.0 → "4", 4.5 → "4.5".
    public static func number(_ value: Double, places: Int = 2) -> String {
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
    static func percent(_ fraction: Double) -> String { number(fraction * 100) + " %" }

    /// Text safe inside a Markdown table cell: CommonMark punctuation escaped, no line breaks.
    static func markdownCell(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~": result += "\\\(character)"
            case "\n", "\r", "\t": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    /// Text safe as a Mermaid task or section name (no `:`, `;`, `#` or line breaks).
    static func mermaidLabel(_ text: String) -> String {
        String(text.map { ":;#\n\r".contains($0) ? " " : $0 })
    }
}
