import Foundation
import Testing
import Yams

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// The byte-level fast paths taken for speed (docs/performance.md, session 6) give exactly what the general,
/// Character- or Foundation-based rules give.
@Suite("Fast text paths agree with the general rules")
struct TextFastPathTests {
    /// Festival matching: every holiday name in the calendars folder, and random ASCII text, normalise the same way
    /// through the ASCII path and through Foundation's folding.
    @Test func asciiFestivalNamesNormalizeAsFoundationFoldsThem() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../calendars")
        var names = Set<String>()
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".csv") {
            let table = try CalendarTable(
                file: folder.appendingPathComponent(file).path, columns: [])
            for row in table.rows {
                for key in ["name", "festival"] { if let name = row.fields[key] { names.insert(name) } }
            }
        }
        #expect(names.count > 500)
        var random = SeededRandom(seed: 6)
        let alphabet = Array("aZ09 '-().,/&éÑ\t")
        for _ in 0..<2000 {
            names.insert(String((0..<random.int(in: 0...24)).map { _ in random.pick(alphabet) }))
        }
        var ascii = 0
        for name in names {
            #expect(ObservedFestival.normalize(name) == ObservedFestival.normalizeUnicode(name), "\(name)")
            if name.utf8.allSatisfy({ $0 < 0x80 }) { ascii += 1 }
        }
        #expect(ascii > 1000, "the fast path must be exercised")
    }

    /// Folding on bytes equals folding scalar by scalar (an independent reference written here) for text of
    /// one- to four-byte characters.
    @Test func byteFoldingEqualsScalarFolding() {
        func reference(_ line: String) -> String {
            var lines: [String] = [""]
            var octets = 0
            for scalar in line.unicodeScalars {
                let size = String(scalar).utf8.count
                if octets + size > 75 {
                    lines.append(" ")
                    octets = 1
                }
                lines[lines.count - 1].unicodeScalars.append(scalar)
                octets += size
            }
            return lines.map { $0 + "\r\n" }.joined()
        }
        var random = SeededRandom(seed: 7)
        let alphabet: [Character] = ["a", "Z", " ", ",", "é", "Ñ", "→", "—", "😀", "𝄞", "中"]
        for length in [0, 1, 74, 75, 76, 150, 151] + (0..<300).map({ _ in random.int(in: 0...400) }) {
            let line = String((0..<length).map { _ in random.pick(alphabet) })
            #expect(ICalendarWriter.fold(line) == reference(line))
        }
    }

    @Test func hexIsTwoLowercaseDigitsPerByte() {
        let bytes = (0...255).map(UInt8.init)
        #expect(InputDigest.lowercaseHex(bytes) == bytes.map { String(format: "%02x", $0) }.joined())
        #expect(InputDigest.lowercaseHex([]) == "")
    }

    /// Trimming on bytes equals Foundation's `trimmingCharacters(in: .whitespaces)` for ASCII and Unicode blanks,
    /// controls that are not blanks, and substrings.
    @Test func trimmingBlanksEqualsFoundationsWhitespaceTrim() {
        var random = SeededRandom(seed: 8)
        let alphabet: [Character] = [
            "a", "Z", "0", "-", " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2003}", "\u{3000}",
            "\u{200B}", "é", "中",
        ]
        var texts = ["", " ", "\t", "a", " a ", "\ta b\t", "\u{A0}x\u{A0}", "\u{3000}", " \u{2003} "]
        for _ in 0..<3000 { texts.append(String((0..<random.int(in: 0...8)).map { _ in random.pick(alphabet) })) }
        for text in texts {
            #expect(
                text.trimmingBlanks() == text.trimmingCharacters(in: .whitespaces),
                "\(text.unicodeScalars.map(\.value))")
            let inner = text.dropFirst()
            #expect(inner.trimmingBlanks() == inner.trimmingCharacters(in: .whitespaces))
        }
    }

    /// Festival matching on bytes gives Foundation's literal search: a pattern matches whole words only.
    @Test func festivalMatchingFindsWholeWordsLikeFoundationsSearch() {
        let festival = ObservedFestival(
            name: "Chinese New Year", weight: nil, aliases: ["Hari Raya Puasa": ["Eid al-Fitr"]])
        var random = SeededRandom(seed: 9)
        let words = [
            "chinese new year", "Chinese", "new", "year", "years", "eve", "Hari Raya Puasa", "raya", "eid al-fitr",
            "al",
            "fitr", "(Day)", "é", "newyear",
        ]
        var names = ["Chinese New Year", "Chinese New Year (Second Day)", "Eve of Chinese New Year", "New Year", ""]
        for _ in 0..<2000 {
            names.append((0..<random.int(in: 0...6)).map { _ in random.pick(words) }.joined(separator: " "))
        }
        var matched = 0
        for name in names {
            let text = " " + ObservedFestival.normalize(name) + " "
            let expected = festival.patterns.contains { text.contains(" " + $0 + " ") }
            #expect(festival.matches(name: name) == expected, "\(name)")
            if expected { matched += 1 }
        }
        #expect(matched > 50 && matched < names.count - 50, "both answers must be exercised")
    }

    /// The byte-level escapes (iCalendar TEXT, Markdown cells) equal escaping Unicode scalar by scalar (references
    /// written here), for text mixing the characters they escape with multi-byte ones, combining marks and CRLF.
    @Test func byteEscapingEqualsScalarEscaping() {
        func icalendar(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\\", ";", ",": out += "\\" + String(scalar)
                case "\n": out += "\\n"
                case "\r": continue
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        func markdown(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                if "\\`*_[]<>|#~".unicodeScalars.contains(scalar) {
                    out += "\\" + String(scalar)
                } else {
                    out.unicodeScalars.append("\n\r\t".unicodeScalars.contains(scalar) ? " " : scalar)
                }
            }
            return out
        }
        #expect(ICalendarWriter.escape("a;b,c\\d\r\ne") == "a\\;b\\,c\\\\d\\ne")
        #expect(TextFormatting.markdownCell("a|b_c\r\nd") == "a\\|b\\_c  d")
        var random = SeededRandom(seed: 10)
        let alphabet: [String] = [
            "a", " ", ",", ";", "\\", "\n", "\r", "\r\n", "\t", "|", "_", "*", "#", "é", "e\u{301}", ",\u{301}", "😀",
            "中",
        ]
        var plain = 0
        for _ in 0..<3000 {
            let text = (0..<random.int(in: 0...12)).map { _ in random.pick(alphabet) }.joined()
            #expect(ICalendarWriter.escape(text) == icalendar(text), "\(text.unicodeScalars.map(\.value))")
            #expect(TextFormatting.markdownCell(text) == markdown(text), "\(text.unicodeScalars.map(\.value))")
            if ICalendarWriter.escape(text) == text { plain += 1 }
        }
        #expect(plain > 100, "the unchanged fast path must be exercised")
    }

    /// The scenario reader composes YAML without tag resolution (no regular expressions); every plain or quoted
    /// scalar must still read as under Yams' default resolver: the same boolean, whole number, number and null, and
    /// the same canonical text for the digest.
    @Test func scalarsReadWithoutTagResolutionAsYamsDefaultReadsThem() throws {
        var texts = [
            "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON",
            "off", "Off", "OFF", "tRUE", "y", "n", "Y", "1", "0", "-3", "+4", "0x1F", "0o17", "017", "0b101", "1_000",
            "1:30", "1.5", "-0.25", "1e3", ".inf", "-.inf", ".nan", "~", "null", "Null", "NULL", "", "2027-01-04",
            "abc", "3 weeks", "=", "<<",
        ]
        var random = SeededRandom(seed: 11)
        let alphabet = Array("0123456789.-+_:eExobTtrRuUsSnNfFaAlL~ ")
        for _ in 0..<1500 { texts.append(String((0..<random.int(in: 1...6)).map { _ in random.pick(alphabet) })) }
        var booleans = 0
        for text in texts {
            for style in ["plain", "single", "double"] {
                let written = style == "plain" ? text : style == "single" ? "'\(text)'" : "\"\(text)\""
                let yaml = "value: \(written)\n"
                guard let reference = try? Yams.compose(yaml: yaml, Resolver.default)?["value"],
                    let node = try? Yams.compose(yaml: yaml, ScenarioReader.resolver)?["value"],
                    case .scalar(let scalar) = node
                else { continue }  // text that is not a plain scalar (a comment, a flow collection…)
                let label = "\(style) \(text.debugDescription)"
                // The reader wrote the digest's canonical text before reading values, which resolved every tag.
                let canonical = try Yams.serialize(node: reference)
                #expect(try Yams.serialize(node: node) == canonical, "\(label)")
                let expected = scalar.style == .plain ? reference.bool : nil
                #expect(
                    YAMLValue.boolean(scalar.string).flatMap { scalar.style == .plain ? $0 : nil } == expected,
                    "\(label)")
                #expect(node.int == reference.int, "\(label)")
                #expect(node.null == reference.null, "\(label)")
                #expect(node.float?.bitPattern == reference.float?.bitPattern, "\(label)")
                if expected != nil { booleans += 1 }
            }
        }
        #expect(booleans >= 18)
    }
}
