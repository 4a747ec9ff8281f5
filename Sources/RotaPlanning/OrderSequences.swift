import LinearProgramming
import RotaModel

/// Under fixed_order, each rotation's primaries follow from the primary of one shift, its anchor (the rotation's
/// first shift, or its last frozen one when replanning), until the order is departed from: every start in the order
/// gives one sequence of turns, leave skipping those away. The model states that (`order_sequence`,
/// `order_deviation`, docs/model.md) so that its LP relaxation is a mix of whole sequences rather than of single
/// shifts; with a soft order each row is loosened by the departures before it.
struct OrderSequences {
    struct RotationSequences {
        /// The rotation's slots, in order, and the position of the anchor among them.
        let slots: [Int]
        let anchor: Int
        /// The order's members (engineer indices) who can start it: free in the anchor shift.
        let starts: [Start]
    }

    struct Start {
        let engineer: Int
        /// The primary of each position after the anchor (nil past a shift nobody in the order is free for).
        let primaries: [Int?]
        /// How many shifts of the rotation each engineer is primary in on this sequence, the anchor's shifts
        /// before it (frozen, with their holders) included.
        let counts: [Int: Int]
    }

    /// By rotation index; rotations without an order, or frozen shifts after the first open one, have none.
    let rotations: [Int: RotationSequences]

    /// The next after position k of the order's `members` who is `free` (the same engineer when nobody else is);
    /// nil when nobody is.
    static func successor(of k: Int, in members: [Int], free: (Int) -> Bool) -> Int? {
        (1...members.count).lazy.map { members[(k + $0) % members.count] }.first(where: free)
    }

    init(
        scenario: Scenario, availability: TeamAvailability, slotsOf: [[Int]], frozen: [Bool], primary: [[Variable?]],
        frozenPrimary: (Int) -> Int?
    ) {
        var rotations: [Int: RotationSequences] = [:]
        let ids = scenario.engineers.map(\.id)
        for (r, slots) in slotsOf.enumerated() where !slots.isEmpty {
            guard let order = scenario.fixedOrder(of: scenario.rotations[r]) else { continue }
            let members = order.compactMap { ids.firstIndex(of: $0) }
            let frozenCount = slots.prefix { frozen[$0] }.count
            guard frozenCount < slots.count, !slots.dropFirst(frozenCount).contains(where: { frozen[$0] }) else {
                continue
            }
            let anchor = max(0, frozenCount - 1)
            var before: [Int: Int] = [:]
            for slot in slots.prefix(anchor) { if let e = frozenPrimary(slot) { before[e, default: 0] += 1 } }
            var starts: [Start] = []
            for (k, engineer) in members.enumerated() where primary[engineer][slots[anchor]] != nil {
                var counts = before
                counts[engineer, default: 0] += 1
                var primaries = [Int?](repeating: nil, count: slots.count)
                var position = k
                for i in (anchor + 1)..<slots.count {
                    guard
                        let next = Self.successor(
                            of: position, in: members, free: { availability.isFree($0, slots[i], for: .primary) }),
                        let at = members.firstIndex(of: next)
                    else { break }
                    primaries[i] = next
                    counts[next, default: 0] += 1
                    position = at
                }
                starts.append(Start(engineer: engineer, primaries: primaries, counts: counts))
            }
            rotations[r] = RotationSequences(slots: slots, anchor: anchor, starts: starts)
        }
        self.rotations = rotations
    }
}
