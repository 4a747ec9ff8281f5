import RotaChecking
import RotaModel

/// The smallest possible largest deviation from fair share, from the counts alone.
///
/// Every engineer's duty weeks are a whole number n_e in [0, A_e], and they sum to the period's weeks W. So no
/// schedule has max_e |n_e − s_e| below the smallest D for which integers n_e ∈ [⌈s_e − D⌉, ⌊s_e + D⌋] ∩ [0, A_e]
/// exist that sum to W. That D is one of the values |k − s_e|; this finds the smallest that works. Used as the
/// deviation variable's lower bound, it is exact (computed from the same numbers as the model's rows), so when the
/// counts are achievable the LP bound already equals the optimum and GLPK need not branch to prove it.
enum FairShareBound {
    static func lowestDeviation(shares: [Double], available: [Int], weeks: Int) -> Double {
        var candidates: [Double] = []
        for (share, limit) in zip(shares, available) {
            for k in 0...max(0, limit) { candidates.append(abs(Double(k) - share)) }
        }
        for deviation in Set(candidates).sorted() where countsExist(shares, available, weeks, within: deviation) {
            return deviation
        }
        return 0  // No counts fit at all (too few available weeks): the model is infeasible; any bound is valid.
    }

    /// The whole-number counts within `deviation` of `share` that `available` weeks allow: empty when lowest > highest.
    static func counts(share: Double, deviation: Double, available: Int) -> (lowest: Int, highest: Int) {
        // A tolerance far below any difference of shares keeps rounding from moving a whole-number end.
        (
            max(0, Int((share - deviation - 1e-9).rounded(.up))),
            min(available, Int((share + deviation + 1e-9).rounded(.down)))
        )
    }

    private static func countsExist(_ shares: [Double], _ available: [Int], _ weeks: Int, within deviation: Double)
        -> Bool
    {
        var low = 0
        var high = 0
        for (share, limit) in zip(shares, available) {
            let (lowest, highest) = counts(share: share, deviation: deviation, available: limit)
            if lowest > highest { return false }
            low += lowest
            high += highest
        }
        return low <= weeks && weeks <= high
    }
}
