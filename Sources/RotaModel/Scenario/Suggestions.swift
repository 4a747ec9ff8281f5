/// "Did you mean …" for misspelt names.
public enum Suggestions {
    /// The candidates closest to `word` by edit distance (at most a third of its length, at least 2), best first.
    public static func closest(to word: String, in candidates: [String], limit: Int = 3) -> [String] {
        let lowered = word.lowercased()
        let allowed = max(2, lowered.count / 3)
        let scored: [(candidate: String, distance: Int)] = candidates.map {
            ($0, editDistance(lowered, $0.lowercased()))
        }
        let near = scored.filter { $0.distance <= allowed }
        let ranked = near.sorted {
            $0.distance != $1.distance ? $0.distance < $1.distance : $0.candidate < $1.candidate
        }
        return ranked.prefix(limit).map(\.candidate)
    }

    /// Levenshtein distance: insertions, deletions and substitutions of characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Candidates that begin with the words written (`Hari Raya` → `Hari Raya Aidilfitri`, `Hari Raya Haji`), or
    /// hold them as whole words: a name written short is not a typo an edit distance would find.
    public static func extending(_ word: String, in candidates: [String], limit: Int = 3) -> [String] {
        let words = word.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" })
        guard !words.isEmpty else { return [] }
        func contains(_ candidate: String) -> Bool {
            let parts = candidate.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" })
            guard parts.count > words.count else { return false }
            return (0...(parts.count - words.count)).contains { Array(parts[$0..<($0 + words.count)]) == words }
        }
        return Array(candidates.filter(contains).sorted().prefix(limit))
    }

    /// `did you mean "a" or "b"?`, or nil when there is nothing close.
    public static func didYouMean(_ word: String, _ candidates: [String]) -> String? {
        var close = extending(word, in: candidates)
        for candidate in closest(to: word, in: candidates) where close.count < 3 && !close.contains(candidate) {
            close.append(candidate)
        }
        guard !close.isEmpty else { return nil }
        return "did you mean " + close.map { "\"\($0)\"" }.joined(separator: " or ") + "?"
    }
}
