import Foundation

/// A festival an engineer observes, as named in the scenario, with the holiday names it matches.
public struct ObservedFestival: Sendable, Hashable {
    /// The name written in the scenario: "Deepavali".
    public let name: String
    /// Holiday days of this festival count this many times; nil: the scenario's `festival_weight`.
    public let weight: Int?
    /// Normalized names it matches: itself and its aliases from calendars/festivals.csv.
    let patterns: [String]
    /// The patterns' UTF-8 bytes between spaces, as searched for in a holiday's normalized name.
    private let delimitedPatterns: [[UInt8]]

    public init(name: String, weight: Int?, aliases: [String: [String]]) {
        self.name = name
        self.weight = weight
        let key = Self.normalize(name)
        var names = [name]
        for (festival, others) in aliases {
            let group = [festival] + others
            if group.contains(where: { Self.normalize($0) == key }) { names += group }
        }
        var seen = Set<String>()
        patterns = names.map(Self.normalize).filter { !$0.isEmpty && seen.insert($0).inserted }
        delimitedPatterns = patterns.map { Array((" " + $0 + " ").utf8) }
    }

    /// Whether a holiday is (a day of) this festival: its name contains the festival's name or an alias,
    /// ignoring case, accents and punctuation ("Chinese New Year (Second Day)" is Chinese New Year).
    public func matches(_ holiday: Holiday) -> Bool { matches(name: holiday.name) }

    func matches(name: String) -> Bool {
        // Searched as bytes: the same answer as Foundation's literal search (which compares UTF-16 units), which
        // cost more than the rest of the holiday arithmetic.
        let text = Array((" " + Self.normalize(name) + " ").utf8)
        return delimitedPatterns.contains { pattern in
            guard pattern.count <= text.count else { return false }
            return (0...(text.count - pattern.count)).contains { start in
                text[start..<(start + pattern.count)].elementsEqual(pattern)
            }
        }
    }

    static func normalize(_ text: String) -> String {
        // Plain ASCII (most holiday names) needs no Unicode folding: lowercase letters and digits, apostrophes
        // dropped, anything else a word break. The same words as the general path below, far faster.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var words: [UInt8] = []
            var pendingSpace = false
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if pendingSpace && !words.isEmpty { words.append(UInt8(ascii: " ")) }
                    pendingSpace = false
                    words.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    if pendingSpace && !words.isEmpty { words.append(UInt8(ascii: " ")) }
                    pendingSpace = false
                    words.append(byte + 32)
                case UInt8(ascii: "'"): continue
                default: pendingSpace = true
                }
            }
            return String(decoding: words, as: UTF8.self)
        }
        return normalizeUnicode(text)
    }

    /// ``normalize(_:)`` for any text: folded with Foundation (case, accents), split into letter and digit words.
    static func normalizeUnicode(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let words = folded.split { !$0.isLetter && !$0.isNumber && $0 != "'" }.map {
            $0.replacingOccurrences(of: "'", with: "")
        }
        // A word of apostrophes only ("Saints ' Day") is no word: it must not leave a double space.
        return words.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
