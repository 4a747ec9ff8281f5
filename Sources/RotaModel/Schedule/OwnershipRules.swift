/// The rules of ownership that both the model and the rule checker state.
public enum OwnershipRules {
    /// No engineer is primary owner of more than ceil(investor-facing pipelines / engineers) of them.
    public static func investorPrimaryCap(investorFacing: Int, engineers: Int) -> Int {
        engineers == 0 ? investorFacing : (investorFacing + engineers - 1) / engineers
    }

    /// One ownership role of one pipeline: an item to give to an engineer.
    public struct Item: Sendable, Equatable {
        public let pipeline: Int
        public let primary: Bool
    }

    /// The ownership items left to the planner (roles without an owner pin), in canonical order: heaviest load first
    /// (2 × weight as primary, 1 × weight as secondary), then pipeline order, primary before secondary. Engineers
    /// not named by any pin are interchangeable in ownership, so every assignment can be relabelled so that they
    /// appear in the order of their first item; then the i-th item is held by a named engineer or one of the first
    /// i + 1 unnamed ones.
    public static func canonicalItems(_ pipelines: [Pipeline]) -> [Item] {
        let items = pipelines.indices.flatMap { k in
            [Item(pipeline: k, primary: true), Item(pipeline: k, primary: false)].filter {
                ($0.primary ? pipelines[k].primaryOwner : pipelines[k].secondaryOwner) == nil
            }
        }
        func load(_ item: Item) -> Double { (item.primary ? 2 : 1) * pipelines[item.pipeline].weight }
        return items.enumerated().sorted { a, b in
            load(a.element) != load(b.element) ? load(a.element) > load(b.element) : a.offset < b.offset
        }.map(\.element)
    }

    /// The engineers an owner pin names: they are not interchangeable with the others.
    public static func namedEngineers(_ pipelines: [Pipeline]) -> Set<String> {
        var named = Set<String>()
        for pipeline in pipelines {
            for pin in [pipeline.primaryOwner, pipeline.secondaryOwner] {
                if case .engineer(let id) = pin { named.insert(id) }
            }
        }
        return named
    }

    /// `ownership` relabelled canonically: engineers not named by a pin (by scenario order in `ids`) numbered in the
    /// order they first hold an item of ``canonicalItems(_:)``. Loads and counts are permuted, never changed.
    public static func canonical(_ ownership: [OwnershipAssignment], pipelines: [Pipeline], ids allIDs: [String])
        -> [OwnershipAssignment]
    {
        let named = namedEngineers(pipelines)
        let ids = allIDs.filter { !named.contains($0) }
        let rows = Dictionary(ownership.map { ($0.pipeline, $0) }, uniquingKeysWith: { first, _ in first })
        var label: [String: String] = [:]
        for item in canonicalItems(pipelines) {
            guard let row = rows[pipelines[item.pipeline].id] else { continue }
            let holder = item.primary ? row.primary : row.secondary
            if ids.contains(holder), label[holder] == nil, label.count < ids.count { label[holder] = ids[label.count] }
        }
        let unused = ids.filter { id in !label.values.contains(id) }
        for (id, free) in zip(ids.filter { label[$0] == nil }, unused) { label[id] = free }
        return ownership.map {
            OwnershipAssignment(
                pipeline: $0.pipeline, primary: label[$0.primary] ?? $0.primary,
                secondary: label[$0.secondary] ?? $0.secondary)
        }
    }

    /// A lower bound on the largest ownership load, in weight units, for `engineers` engineers holding `roles` (each
    /// role's load in units, and whether it is a primary role); roles a team holds are left out by the caller.
    ///
    /// The average, ⌈T ÷ m⌉ for a total load T, is the LP relaxation's bound; no load is below the heaviest role
    /// either, which the relaxation does not see (it splits roles). Parity adds to both: a primary role weighs
    /// twice its pipeline, an even number of units, so an engineer's load is odd exactly when they hold an odd number
    /// of the N secondary roles of odd weight, and at most N′ engineers can have odd loads (N′ the largest number
    /// ≤ min(N, m) of N's parity: the odd counts add up to N). A largest load L leaves a slack of m·L − T, and every
    /// engineer whose load has the other parity than L takes at least one unit of it: for an odd L the at least
    /// m − N′ engineers with even loads, for an even L at least N mod 2 engineers with odd loads. The bound is the
    /// smallest L at least the average and the heaviest role that leaves that much slack (the larger of the two or
    /// one more). GLPK has no cuts that see this (CBC's zero-half cuts do): 12 engineers with 17 pipelines of total
    /// load 156 and 10 odd secondary roles have an average of 13, but 13 would need 12 odd loads; GLPK searched 30 s
    /// without closing 14 against 13.
    public static func largestLoadLowerBound(roles: [(units: Int, primary: Bool)], engineers m: Int) -> Int {
        guard m > 0 else { return 0 }
        let total = roles.reduce(0) { $0 + $1.units }
        let odd = roles.filter { !$0.primary && $0.units % 2 != 0 }.count
        var oddLoads = min(odd, m)
        if oddLoads % 2 != odd % 2 { oddLoads -= 1 }
        var bound = max((total + m - 1) / m, roles.map(\.units).max() ?? 0)
        while m * bound - total < (bound % 2 != 0 ? m - oddLoads : odd % 2) { bound += 1 }
        return bound
    }

    /// The largest step that divides every weight: the greatest common divisor of the weights in hundredths.
    public static func weightUnit(_ weights: [Double]) -> Double {
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        let hundredths = weights.map { Int(($0 * 100).rounded()) }
        let divisor = hundredths.reduce(0, gcd)
        let exact = zip(weights, hundredths).allSatisfy { abs($0 * 100 - Double($1)) < 1e-9 }
        return exact && divisor > 0 ? Double(divisor) / 100 : 0.01
    }
}
