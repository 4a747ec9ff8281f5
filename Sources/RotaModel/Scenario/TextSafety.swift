/// Control characters in text a user wrote, and text from files quoted in messages: the one place that decides what
/// is refused on input and how anything echoed is made harmless (bounded, no terminal escapes, no raw line breaks).
/// Everything here works on Unicode scalars or UTF-8 bytes, never on Characters: "\r\n" is one Character.
public enum TextSafety {
    /// C0 controls, DEL and C1 controls: what no name, title or cell of a plan may hold (tab and line feed are
    /// judged by the caller, carriage return only as part of CRLF).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Bidirectional overrides and isolates: harmless in a file, but in a terminal they reorder what is shown.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// The first control scalar of `text` other than tab and line feed (a carriage return only outside CRLF).
    public static func firstControl(in text: String, allowingLineBreaks: Bool = true) -> Unicode.Scalar? {
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() where isControl(scalar) {
            switch scalar {
            case "\t": continue
            case "\n" where allowingLineBreaks: continue
            case "\r" where allowingLineBreaks && index + 1 < scalars.count && scalars[index + 1] == "\n": continue
            default: return scalar
            }
        }
        return nil
    }

    /// The 1-based line of the first control byte of a text file (tab, LF and CR allowed), or nil. On bytes: a C1
    /// control is 0xC2 0x80…0x9F in UTF-8.
    static func firstLineWithControl(in text: String) -> Int? {
        var line = 1
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x0A { line += 1 }
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
                || (previous == 0xC2 && (0x80...0x9F).contains(byte))
            {
                return line
            }
            previous = byte
        }
        return nil
    }

    /// How many line feeds `text` holds (a CRLF counts once, as one line break).
    static func lineBreaks(in text: String) -> Int { text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }

    /// `text` with every control and bidirectional-control scalar written as a visible escape (`\u{1B}`, `\n`),
    /// so printing it can neither move the cursor, nor add a line, nor reorder what a terminal shows.
    /// With `keepingLineFeeds`, a line feed stays one (for messages of several lines, each line neutralised).
    public static func neutralised(_ text: String, keepingLineFeeds: Bool = false) -> String {
        func unsafe(_ scalar: Unicode.Scalar) -> Bool {
            (isControl(scalar) && !(keepingLineFeeds && scalar == "\n")) || isBidiControl(scalar)
        }
        guard text.unicodeScalars.contains(where: unsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if unsafe(scalar) {
                let escape: String =
                    switch scalar {
                    case "\n": "\\n"
                    case "\r": "\\r"
                    case "\t": "\\t"
                    default: "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                    }
                out.append(contentsOf: escape.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// At most `limit` characters of `text`, neutralised, with how much was left out: what a message may quote
    /// of a value read from a file (a header, a cell, a field) without echoing the file.
    public static func fragment(_ text: String, limit: Int = 60) -> String {
        var count = 0
        var end = text.startIndex
        while end < text.endIndex, count < limit {
            end = text.index(after: end)
            count += 1
        }
        let shown = neutralised(String(text[..<end]))
        guard end < text.endIndex else { return shown }
        return shown + "… (\(text.utf8.count - text[..<end].utf8.count) more bytes)"
    }

    /// A fragment in double quotes.
    public static func quoted(_ text: String, limit: Int = 60) -> String { "\"" + fragment(text, limit: limit) + "\"" }
}
