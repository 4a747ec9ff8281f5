import RotaModel

/// What every SVG picture of a report folder opens with: the document element (integer size, an accessible title),
/// a white background and a bold heading; and how long labels are cut. One place, so the pictures look alike.
enum SVGFrame {
    static let textColour = "#1c2833"

    /// The opening lines; the caller appends its shapes and `</svg>`. `title` and `heading` are plain text.
    static func opening(width: Int, height: Int, title: String, heading: String) -> [String] {
        [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
                + "viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"title\" "
                + "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">",
            "<title id=\"title\">\(TextFormatting.xmlText(title))</title>",
            "<rect width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>",
            "<text x=\"8\" y=\"18\" font-size=\"14\" font-weight=\"bold\" fill=\"\(textColour)\">"
                + "\(TextFormatting.xmlText(heading))</text>",
        ]
    }

    /// A label as shown: at most `limit` characters (graphemes, so a combining mark or CRLF is never split), an
    /// ellipsis when cut.
    static func shortLabel(_ text: String, limit: Int = 28) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
