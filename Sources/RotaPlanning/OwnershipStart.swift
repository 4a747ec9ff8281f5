import RotaModel

extension StartingSchedule {
    /// The ownership part's start: longest processing time, pins kept, then moves that lower the largest load and
    /// then give a primary role to those who hold none (``OwnershipMoves``), in the model's canonical labelling. It
    /// does not depend on the on-call start, so the ownership part gets it even when the greedy pass finds no
    /// on-call start. `moves: false` leaves out the moves after LPT (for comparison in tests); at `deadline` they
    /// stop where they are, every step leaving a valid assignment.
    static func ownership(
        _ scenario: Scenario, moves: Bool = true, deadline: ContinuousClock.Instant? = nil
    ) -> [OwnershipAssignment] {
        // Longest processing time first: the free roles, heaviest first (the model's canonical order), each to the
        // least-loaded engineer who may hold it (not the pipeline's other owner; below the investor cap for an
        // investor-facing primary role); ties to the earlier engineer. Pinned owners are kept and their load counted.
        // Relabelled into the model's canonical form (engineers are interchangeable in ownership; see
        // OwnershipRules.canonicalItems), so that it satisfies the symmetry-breaking bounds.
        let pipelines = scenario.pipelines
        let ids = scenario.engineers.map(\.id)
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        var load = [Double](repeating: 0, count: ids.count)
        var investorPrimaries = [Int](repeating: 0, count: ids.count)
        let cap = scenario.rules.investorPrimaryCap(
            investorFacing: pipelines.filter(\.investorFacing).count, engineers: ids.count)
        var primary: [String?] = pipelines.map { $0.primaryOwner?.name }
        var secondary: [String?] = pipelines.map { $0.secondaryOwner?.name }
        for pipeline in pipelines {
            if case .engineer(let id) = pipeline.primaryOwner, let e = index[id] {
                load[e] += 2 * pipeline.weight
                if pipeline.investorFacing { investorPrimaries[e] += 1 }
            }
            if case .engineer(let id) = pipeline.secondaryOwner, let e = index[id] { load[e] += pipeline.weight }
        }
        let items = OwnershipRules.canonicalItems(pipelines)
        for item in items {
            let pipeline = pipelines[item.pipeline]
            let other = item.primary ? secondary[item.pipeline] : primary[item.pipeline]
            let candidates = ids.indices.filter { e in
                ids[e] != other && !(item.primary && pipeline.investorFacing && investorPrimaries[e] >= cap)
                    && !keepsPastRole(scenario, pipeline, primary: item.primary, ids[e])
            }
            // With everyone_secondary_owner, secondary roles go first to those who hold none yet.
            let needsSecondary = scenario.rules.everyoneSecondaryOwner && !item.primary
            func key(_ e: Int) -> (Int, Double, Int) {
                (needsSecondary && secondary.contains(ids[e]) ? 1 : 0, load[e], e)
            }
            guard let e = candidates.min(by: { key($0) < key($1) }) else { continue }
            load[e] += (item.primary ? 2 : 1) * pipeline.weight
            if item.primary {
                primary[item.pipeline] = ids[e]
                if pipeline.investorFacing { investorPrimaries[e] += 1 }
            } else {
                secondary[item.pipeline] = ids[e]
            }
        }
        if moves {
            var assignment = OwnershipMoves(
                scenario, items: items, primary: primary, secondary: secondary, load: load,
                investorPrimaries: investorPrimaries, cap: cap)
            assignment.lowerLargestLoad(deadline: deadline)
            assignment.giveEveryonePrimary(deadline: deadline)
            (primary, secondary) = assignment.owners(primary: primary, secondary: secondary)
        }
        let greedy = pipelines.enumerated().map { k, pipeline in
            OwnershipAssignment(pipeline: pipeline.id, primary: primary[k] ?? "?", secondary: secondary[k] ?? "?")
        }
        // With owners from the history engineers are no longer interchangeable (and the model has no symmetry rows).
        if Rule.rotateOwners.isDeclared(by: scenario) { return greedy }
        return OwnershipRules.canonical(greedy, pipelines: pipelines, ids: ids)
    }

    /// Whether holding this role would keep the one `engineer` held on `pipeline` in the previous period under a
    /// hard rotate_owners.
    static func keepsPastRole(_ scenario: Scenario, _ pipeline: Pipeline, primary: Bool, _ engineer: String) -> Bool {
        guard Rule.rotateOwners.isDeclared(by: scenario), !scenario.rules.isSoft(.rotateOwners),
            scenario.rules.rotateOwners?.contains(pipeline.id) ?? false,
            let past = scenario.history.ownership[pipeline.id]
        else { return false }
        return past.owner(primary: primary) == engineer
    }
}

/// An ownership assignment as engineer indices (-1: none, or a team), with what its moves need to keep every rule
/// of the ownership part: two different owners per pipeline, the investor cap, a hard rotate_owners, and with
/// `everyone_secondary_owner` nobody losing their last secondary role. Only free roles (``OwnershipRules/Item``)
/// move; pinned ones count in the loads and role counts.
struct OwnershipMoves {
    private let scenario: Scenario
    private let items: [OwnershipRules.Item]
    /// Each item's load: 2 × weight as primary owner, 1 × as secondary.
    private let weights: [Double]
    private let cap: Int
    private var primaryHolder: [Int]
    private var secondaryHolder: [Int]
    /// Each engineer's items (indices into `items`, in their order, which is heaviest first), so that a step looks
    /// only at the roles it can move.
    private var held: [[Int]]
    private(set) var load: [Double]
    private var investorPrimaries: [Int]
    private var secondaryCount: [Int]
    /// Primary roles held, pinned ones included.
    private var primaryCount: [Int]
    private static let epsilon = 1e-9

    init(
        _ scenario: Scenario, items: [OwnershipRules.Item], primary: [String?], secondary: [String?],
        load: [Double], investorPrimaries: [Int], cap: Int
    ) {
        let ids = scenario.engineers.map(\.id)
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        self.scenario = scenario
        self.items = items
        self.cap = cap
        self.load = load
        self.investorPrimaries = investorPrimaries
        primaryHolder = primary.map { $0.flatMap { index[$0] } ?? -1 }
        secondaryHolder = secondary.map { $0.flatMap { index[$0] } ?? -1 }
        weights = items.map { item in (item.primary ? 2 : 1) * scenario.pipelines[item.pipeline].weight }
        held = Array(repeating: [], count: ids.count)
        secondaryCount = Array(repeating: 0, count: ids.count)
        primaryCount = Array(repeating: 0, count: ids.count)
        for e in secondaryHolder where e >= 0 { secondaryCount[e] += 1 }
        for e in primaryHolder where e >= 0 { primaryCount[e] += 1 }
        for i in items.indices where holder(i) >= 0 { held[holder(i)].append(i) }
    }

    /// The owners' ids, where `primary` and `secondary` had them (a team stays a team).
    func owners(primary: [String?], secondary: [String?]) -> (primary: [String?], secondary: [String?]) {
        let ids = scenario.engineers.map(\.id)
        var primary = primary
        var secondary = secondary
        for k in primary.indices {
            if primaryHolder[k] >= 0 { primary[k] = ids[primaryHolder[k]] }
            if secondaryHolder[k] >= 0 { secondary[k] = ids[secondaryHolder[k]] }
        }
        return (primary, secondary)
    }

    /// Lowers the largest load by moving free roles: while someone carries the largest load, one of their roles
    /// goes to another engineer who stays below it, or is exchanged for a lighter role of another engineer who stays
    /// below it. Each step lowers the largest load or the number of engineers carrying it. (LPT can end a unit above
    /// an optimum that GLPK then struggles to find: a generated 40-engineer team with 110 pipelines stayed at 27
    /// against the bound 26 for 10 s.)
    mutating func lowerLargestLoad(deadline: ContinuousClock.Instant?) {
        let engineers = load.indices
        let clock = ContinuousClock()
        steps: for _ in 0..<(4 * items.count + engineers.count) {
            if let deadline, clock.now >= deadline { break }
            guard let largest = load.max() else { break }
            var moved = false
            for e in engineers where load[e] > largest - Self.epsilon {
                search: for i in held[e] {
                    if let deadline, clock.now >= deadline { break steps }
                    let weight = weights[i]
                    for f in engineers where f != e {
                        // Hand the role over.
                        if load[f] + weight < largest - Self.epsilon, releasable(i, by: e, gaining: nil),
                            allowed(i, to: f, leaving: nil)
                        {
                            assign(i, to: f)
                            moved = true
                            break search
                        }
                        // Exchange it for a lighter role of f: one weighing less than the role and more than f's
                        // room below the largest load would leave. f's roles are heaviest first, so those that fit
                        // are one run of them.
                        let lightest = load[f] + weight - largest + Self.epsilon
                        let run = Self.firstPosition(in: held[f]) { weights[$0] < weight - Self.epsilon }
                        for other in held[f][run...].prefix(while: { weights[$0] > lightest }) {
                            guard releasable(i, by: e, gaining: other), releasable(other, by: f, gaining: i),
                                allowed(i, to: f, leaving: other), allowed(other, to: e, leaving: i)
                            else { continue }
                            assign(i, to: f)
                            assign(other, to: e)
                            moved = true
                            break search
                        }
                    }
                }
                if moved { break }
            }
            if !moved { break steps }
        }
    }

    /// Gives a primary role to each engineer who holds none, without raising the largest load: a free primary role
    /// of someone who holds two or more is handed over, or exchanged for one of the engineer's secondary roles.
    /// Each step lowers the number of engineers without a primary role (the level `owners_without_primary`, whose LP
    /// bound |E| − |P^p| such a start then reaches, so that level is proved without a search: 200 engineers and 200
    /// pipelines left GLPK at 32 against the bound 0 after 12 s, where 0 is attained).
    mutating func giveEveryonePrimary(deadline: ContinuousClock.Instant?) {
        guard let largest = load.max() else { return }
        let ceiling = largest + Self.epsilon
        let clock = ContinuousClock()
        for e in load.indices where primaryCount[e] == 0 {
            if let deadline, clock.now >= deadline { return }
            search: for i in items.indices where items[i].primary {
                let f = holder(i)
                guard f >= 0, f != e, primaryCount[f] >= 2 else { continue }
                if load[e] + weights[i] <= ceiling, allowed(i, to: e, leaving: nil) {
                    assign(i, to: e)
                    break search
                }
                for j in held[e] where !items[j].primary {
                    guard load[e] - weights[j] + weights[i] <= ceiling, load[f] - weights[i] + weights[j] <= ceiling,
                        releasable(j, by: e, gaining: i), allowed(i, to: e, leaving: j), allowed(j, to: f, leaving: i)
                    else { continue }
                    assign(i, to: e)
                    assign(j, to: f)
                    break search
                }
            }
        }
    }

    private func holder(_ i: Int) -> Int {
        items[i].primary ? primaryHolder[items[i].pipeline] : secondaryHolder[items[i].pipeline]
    }

    /// Whether `e` may hold item `i` in place of its holder, `leaving` being the item e gives up in exchange.
    private func allowed(_ i: Int, to e: Int, leaving: Int?) -> Bool {
        let item = items[i]
        let k = item.pipeline
        let pipeline = scenario.pipelines[k]
        let otherOwner = item.primary ? secondaryHolder[k] : primaryHolder[k]
        let otherAfter = leaving.map { items[$0].pipeline == k && items[$0].primary != item.primary } ?? false
        if otherOwner == e && !otherAfter { return false }
        if StartingSchedule.keepsPastRole(scenario, pipeline, primary: item.primary, scenario.engineers[e].id) {
            return false
        }
        if item.primary && pipeline.investorFacing {
            let given =
                leaving.map { items[$0].primary && scenario.pipelines[items[$0].pipeline].investorFacing ? 1 : 0 } ?? 0
            if investorPrimaries[e] - given >= cap { return false }
        }
        return true
    }

    /// Whether the holder of item `i` may give it up (keeps a secondary role if the rule asks for one).
    private func releasable(_ i: Int, by e: Int, gaining: Int?) -> Bool {
        guard scenario.rules.everyoneSecondaryOwner, !items[i].primary else { return true }
        return secondaryCount[e] > 1 || (gaining.map { !items[$0].primary } ?? false)
    }

    private mutating func assign(_ i: Int, to e: Int) {
        let item = items[i]
        let k = item.pipeline
        let investor = scenario.pipelines[k].investorFacing
        let old = holder(i)
        if old >= 0 {
            load[old] -= weights[i]
            if item.primary && investor { investorPrimaries[old] -= 1 }
            if item.primary { primaryCount[old] -= 1 } else { secondaryCount[old] -= 1 }
            held[old].remove(at: Self.firstPosition(in: held[old]) { $0 >= i })
        }
        load[e] += weights[i]
        if item.primary && investor { investorPrimaries[e] += 1 }
        if item.primary { primaryCount[e] += 1 } else { secondaryCount[e] += 1 }
        // Kept in the order of `items`, as the moves are tried in it.
        held[e].insert(i, at: Self.firstPosition(in: held[e]) { $0 > i })
        if item.primary { primaryHolder[k] = e } else { secondaryHolder[k] = e }
    }

    /// The first position of `list` where `condition` holds, for a condition false and then true along it.
    private static func firstPosition(in list: [Int], where condition: (Int) -> Bool) -> Int {
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if condition(list[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
