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

    /// `did you mean "a" or "b"?`, or nil when there is nothing close.
    public static func didYouMean(_ word: String, _ candidates: [String]) -> String? {
        let close = closest(to: word, in: candidates)
        guard !close.isEmpty else { return nil }
        return "did you mean " + close.map { "\"\($0)\"" }.joined(separator: " or ") + "?"
    }
}
