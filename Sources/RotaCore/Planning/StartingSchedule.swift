/// A quick, valid schedule to offer GLPK as its first incumbent at level 1.
///
/// It aims at the count vector behind ``FairShareBound``: each engineer's primary and backup weeks as close to
/// the fair share as whole numbers allow. Weeks are filled in order, each going to the primary and backup who most
/// need it (remaining target ÷ remaining free weeks), skipping leave and the gap rule. Ownership goes
/// longest processing time first (heaviest role to the least-loaded engineer), within the investor cap, and with
/// `everyone_secondary_owner` secondary roles first to those without one. When nobody is free for a role (leave
/// and the gap rule) it returns nil and GLPK searches the on-call part alone (the ownership part still gets
/// ``ownership(_:)``); either way GLPK, not this, proves optimality.
enum StartingSchedule {
    /// Tries a few deterministic variants of the greedy pass (primary urgency weighed once or twice, ties to the
    /// first or the last engineer) and keeps the start closest to the fair shares, primary weeks first.
    /// `lowerHolidayBurden: false` leaves out StartRepair's holiday moves (for comparison in tests).
    static func build(_ scenario: Scenario, _ availability: TeamAvailability, lowerHolidayBurden: Bool = true)
        -> Schedule?
    {
        let available = scenario.engineers.indices.map { availability.availableWeeks($0) }
        let total = available.reduce(0, +)
        guard total > 0 else { return nil }
        let fair = FairShares(scenario: scenario, availability: availability)
        let index = Dictionary(
            scenario.engineers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Each rotation on its own (rules across rotations are left to GLPK: a start that breaks one is not offered).
        // Rotations are filled one after another; exclusive_primary / exclusive_duty keep people already on duty in an
        // overlapping shift of an earlier rotation out of the later ones.
        var weeks: [RotationWeek] = []
        for r in scenario.rotations.indices {
            let variants = [(1.0, false), (2.0, false), (1.0, true), (2.0, true)]
            let starts = variants.compactMap {
                build(
                    scenario, availability, fair: fair, rotation: r, primaryWeight: $0.0, lastOnTies: $0.1,
                    earlier: weeks)
            }
            // The first of the starts closest to the rotation's fair shares, primary first (the order of levels 1, 2).
            let scored = starts.map { (weeks: $0, deviation: deviations($0, rotation: r, fair: fair, index: index)) }
            guard
                let best = scored.min(by: {
                    $0.deviation.primary != $1.deviation.primary
                        ? $0.deviation.primary < $1.deviation.primary : $0.deviation.backup < $1.deviation.backup
                })
            else { return nil }
            weeks += best.weeks
        }
        return Schedule(
            weeks: StartRepair.repair(weeks, scenario, availability, lowerHolidayBurden: lowerHolidayBurden),
            ownership: ownership(scenario))
    }

    /// The largest distance of an engineer's primary and backup shifts (history included) from their fair share in
    /// rotation `r`, for the rotation's shifts `weeks`: what levels 1 and 2 minimise.
    static func deviations(
        _ weeks: [RotationWeek], rotation r: Int, fair: FairShares, index: [String: Int]
    ) -> (primary: Double, backup: Double) {
        var primary = fair.history[r][.primary]!
        var backup = fair.history[r][.backup]!
        for week in weeks {
            if let e = index[week.primary] { primary[e] += 1 }
            if let e = index[week.backup] { backup[e] += 1 }
        }
        func largest(_ counts: [Int], _ shares: [Double]) -> Double {
            zip(counts, shares).map { abs(Double($0) - $1) }.max() ?? 0
        }
        return (largest(primary, fair.shares[r][.primary]!), largest(backup, fair.shares[r][.backup]!))
    }

    /// The greedy pass over one rotation's shifts.
    private static func build(
        _ scenario: Scenario, _ availability: TeamAvailability, fair: FairShares, rotation r: Int,
        primaryWeight: Double, lastOnTies: Bool, earlier: [RotationWeek]
    ) -> [RotationWeek]? {
        let rotation = scenario.rotations[r]
        let shifts = scenario.shifts
        let slots = shifts.indices.filter { shifts[$0].rotation == r }
        let engineers = scenario.engineers.indices.filter { availability.onRoster[$0][r] }
        let weeks = slots.count
        let available = scenario.engineers.indices.map { availability.availableWeeks($0, in: r) }
        // Targets per role: the fair share (history included) less the shifts already done in the history.
        func target(_ role: DutyRole) -> [Int]? {
            let past = fair.history[r][role]!
            let shares = zip(fair.shares[r][role]!, past).map { $0 - Double($1) }
            let counts = targetCounts(
                shares: engineers.map { shares[$0] }, available: engineers.map { available[$0] }, weeks: weeks)
            guard let counts else { return nil }
            var all = [Int](repeating: 0, count: scenario.engineers.count)
            for (k, e) in engineers.enumerated() { all[e] = counts[k] }
            return all
        }
        guard let primaryTargets = target(.primary), let backupTargets = target(.backup) else { return nil }
        let rules = scenario.rules
        /// Hard pins and forbidden duty of engineer e in shift t for `role`.
        func pinned(_ e: Int, _ t: Int, _ role: DutyRole) -> Bool {
            !rules.isSoft(.pinnedDuty)
                && scenario.engineers[e].pinned.contains {
                    $0.role == role && $0.applies(to: shifts[slots[t]].dates, of: rotation)
                }
        }
        func forbidden(_ e: Int, _ t: Int, _ role: DutyRole) -> Bool {
            !rules.isSoft(.forbiddenDuty)
                && scenario.engineers[e].forbidden.contains {
                    ($0.role == nil || $0.role == role) && $0.applies(to: shifts[slots[t]].dates, of: rotation)
                }
        }
        /// Whether e is on leave in the rotation's t-th shift.
        func onLeave(_ e: Int, _ t: Int) -> Bool { availability.weeks[e][slots[t]].onLeave }
        /// Whether duty of e in `role` in the t-th shift would meet e's duty in an overlapping earlier rotation's shift
        /// against a hard exclusive rule.
        func clashes(_ e: Int, _ t: Int, _ role: DutyRole) -> Bool {
            let id = scenario.engineers[e].id
            let dates = shifts[slots[t]].dates
            return earlier.contains { week in
                guard week.dates.overlaps(dates) else { return false }
                if rules.exclusiveDuty, !rules.isSoft(.exclusiveDuty), week.primary == id || week.backup == id {
                    return true
                }
                return role == .primary && rules.exclusivePrimary && !rules.isSoft(.exclusivePrimary)
                    && week.primary == id
            }
        }

        var primaryLeft = primaryTargets
        var backupLeft = backupTargets
        var lastPrimary = [Int?](repeating: nil, count: scenario.engineers.count)
        var chosen: [RotationWeek] = []
        let gap = scenario.rules.minGapWeeks
        for t in 0..<weeks {
            let dates = shifts[slots[t]].dates
            let free = engineers.filter { !onLeave($0, t) }
            func freeWeeksLeft(_ e: Int) -> Int { (t..<weeks).filter { !onLeave(e, $0) }.count }
            // Weeks from now on in which e could still be primary: free, and spaced by the gap rule.
            func primarySlotsLeft(_ e: Int) -> Int {
                var slots = 0
                var last = lastPrimary[e]
                for week in t..<weeks where !onLeave(e, week) && (last.map { week - $0 > gap } ?? true) {
                    slots += 1
                    last = week
                }
                return slots
            }
            // How much e needs the week: remaining target ÷ weeks left to meet it. Someone whose target is met
            // scores below everyone who still needs weeks, so they are picked only when nobody else is free (the
            // start stays valid, only further from the bound). Computed once per engineer and week.
            func urgency(_ left: Int, _ room: Int) -> Double {
                left > 0 ? Double(left) / Double(max(1, room)) : Double(left) - 1
            }
            var primaryUrgency = [Double](repeating: 0, count: scenario.engineers.count)
            var backupUrgency = [Double](repeating: 0, count: scenario.engineers.count)
            for e in free {
                primaryUrgency[e] = primaryWeight * urgency(primaryLeft[e], primarySlotsLeft(e))
                backupUrgency[e] = urgency(backupLeft[e], freeWeeksLeft(e))
            }
            // Primary and backup are chosen together: the pair whose members most need the week.
            var primaryCandidates = free.filter { e in
                (lastPrimary[e].map { t - $0 > gap } ?? true) && !forbidden(e, t, .primary) && !clashes(e, t, .primary)
            }
            var backupCandidates = free.filter { !forbidden($0, t, .backup) && !clashes($0, t, .backup) }
            if let e = primaryCandidates.first(where: { pinned($0, t, .primary) }) { primaryCandidates = [e] }
            if let e = backupCandidates.first(where: { pinned($0, t, .backup) }) { backupCandidates = [e] }
            // The chain of seed 002: this shift's primary is the last shift's backup.
            if rules.backupBecomesPrimary, !rules.isSoft(.backupBecomesPrimary) {
                if let previous = chosen.last {
                    primaryCandidates = primaryCandidates.filter { scenario.engineers[$0].id == previous.backup }
                }
                // The backup must be able to take the next shift as primary.
                if t + 1 < weeks {
                    backupCandidates = backupCandidates.filter {
                        !onLeave($0, t + 1) && !forbidden($0, t + 1, .primary)
                    }
                }
            }
            var best: (score: Double, primary: Int, backup: Int)?
            for p in primaryCandidates {
                for b in backupCandidates where b != p {
                    let score = primaryUrgency[p] + backupUrgency[b]
                    if best == nil || score > best!.score || (lastOnTies && score == best!.score) {
                        best = (score, p, b)
                    }
                }
            }
            guard let (_, primary, backup) = best else { return nil }
            primaryLeft[primary] -= 1
            backupLeft[backup] -= 1
            lastPrimary[primary] = t
            chosen.append(
                RotationWeek(
                    rotation: rotation.id, number: t + 1, dates: dates, primary: scenario.engineers[primary].id,
                    backup: scenario.engineers[backup].id))
        }
        return chosen
    }

    /// Ownership by longest processing time, pins kept, in the model's canonical labelling. It does not depend on the
    /// on-call start, so the ownership part gets it even when the greedy pass finds no on-call start.
    /// `lowerLargestLoad: false` leaves out the moves after LPT (for comparison in tests).
    static func ownership(_ scenario: Scenario, lowerLargestLoad: Bool = true) -> [OwnershipAssignment] {
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
        for item in OwnershipRules.canonicalItems(pipelines) {
            let pipeline = pipelines[item.pipeline]
            let other = item.primary ? secondary[item.pipeline] : primary[item.pipeline]
            let candidates = ids.indices.filter { e in
                ids[e] != other && !(item.primary && pipeline.investorFacing && investorPrimaries[e] >= cap)
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
        if lowerLargestLoad {
            Self.lowerLargestLoad(
                scenario, items: OwnershipRules.canonicalItems(pipelines), primary: &primary, secondary: &secondary,
                load: &load, investorPrimaries: &investorPrimaries, cap: cap)
        }
        let greedy = pipelines.enumerated().map { k, pipeline in
            OwnershipAssignment(pipeline: pipeline.id, primary: primary[k] ?? "?", secondary: secondary[k] ?? "?")
        }
        return OwnershipRules.canonical(greedy, pipelines: pipelines, ids: ids)
    }

    /// Lowers the largest ownership load of the longest-processing-time assignment by moving free roles: while
    /// someone carries the largest load, one of their roles goes to another engineer who stays below it, or is
    /// exchanged for a lighter role of another engineer who stays below it. Each step lowers the largest load or the
    /// number of engineers carrying it. Moves keep the rules of the ownership part: two different owners per pipeline,
    /// the investor cap, and with `everyone_secondary_owner` nobody loses their last secondary role. (LPT can end a unit
    /// above an optimum that GLPK then struggles to find: a generated 40-engineer team with 110 pipelines stayed at
    /// 27 against the bound 26 for 10 s.)
    private static func lowerLargestLoad(
        _ scenario: Scenario, items: [OwnershipRules.Item], primary: inout [String?],
        secondary: inout [String?], load: inout [Double], investorPrimaries: inout [Int], cap: Int
    ) {
        let pipelines = scenario.pipelines
        let ids = scenario.engineers.map(\.id)
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        func holder(_ item: OwnershipRules.Item) -> Int? {
            (item.primary ? primary[item.pipeline] : secondary[item.pipeline]).flatMap { index[$0] }
        }
        func weight(_ item: OwnershipRules.Item) -> Double {
            (item.primary ? 2 : 1) * pipelines[item.pipeline].weight
        }
        func secondaryCount(_ e: Int) -> Int { secondary.filter { $0 == ids[e] }.count }
        /// Whether `e` may hold `item` in place of its holder, `leaving` being the role e gives up in exchange.
        func allowed(_ item: OwnershipRules.Item, to e: Int, leaving: OwnershipRules.Item?)
            -> Bool
        {
            let k = item.pipeline
            let otherOwner = item.primary ? secondary[k] : primary[k]
            let otherAfter = leaving.map { $0.pipeline == k && $0.primary != item.primary } ?? false
            if otherOwner == ids[e] && !otherAfter { return false }
            if item.primary && pipelines[k].investorFacing {
                let given = leaving.map { $0.primary && pipelines[$0.pipeline].investorFacing ? 1 : 0 } ?? 0
                if investorPrimaries[e] - given >= cap { return false }
            }
            return true
        }
        /// Whether the holder of `item` may give it up (keeps a secondary role if the rule asks for one).
        func releasable(_ item: OwnershipRules.Item, by e: Int, gaining: OwnershipRules.Item?)
            -> Bool
        {
            guard scenario.rules.everyoneSecondaryOwner, !item.primary else { return true }
            return secondaryCount(e) > 1 || (gaining.map { !$0.primary } ?? false)
        }
        func assign(_ item: OwnershipRules.Item, to e: Int) {
            let k = item.pipeline
            if let old = holder(item) {
                load[old] -= weight(item)
                if item.primary && pipelines[k].investorFacing { investorPrimaries[old] -= 1 }
            }
            load[e] += weight(item)
            if item.primary && pipelines[k].investorFacing { investorPrimaries[e] += 1 }
            if item.primary { primary[k] = ids[e] } else { secondary[k] = ids[e] }
        }
        let epsilon = 1e-9
        for _ in 0..<(4 * items.count + ids.count) {
            guard let largest = load.max() else { return }
            var moved = false
            for e in ids.indices where load[e] > largest - epsilon {
                let held = items.filter { holder($0) == e }.sorted { weight($0) > weight($1) }
                search: for item in held {
                    for f in ids.indices where f != e {
                        // Hand the role over.
                        if load[f] + weight(item) < largest - epsilon, releasable(item, by: e, gaining: nil),
                            allowed(item, to: f, leaving: nil)
                        {
                            assign(item, to: f)
                            moved = true
                            break search
                        }
                        // Exchange it for a lighter role of f.
                        for other in items where holder(other) == f && weight(other) < weight(item) - epsilon {
                            guard load[f] - weight(other) + weight(item) < largest - epsilon,
                                releasable(item, by: e, gaining: other), releasable(other, by: f, gaining: item),
                                allowed(item, to: f, leaving: other), allowed(other, to: e, leaving: item)
                            else { continue }
                            assign(item, to: f)
                            assign(other, to: e)
                            moved = true
                            break search
                        }
                    }
                }
                if moved { break }
            }
            if !moved { return }
        }
    }

    /// Whole-number counts summing to `weeks`, each within the fair-share bound of its share.
    static func targetCounts(shares: [Double], available: [Int], weeks: Int) -> [Int]? {
        let deviation = FairShareBound.lowestDeviation(shares: shares, available: available, weeks: weeks)
        var counts: [Int] = []
        var room: [Int] = []
        for (share, limit) in zip(shares, available) {
            let lowest = max(0, Int((share - deviation - 1e-9).rounded(.up)))
            let highest = min(limit, Int((share + deviation + 1e-9).rounded(.down)))
            guard lowest <= highest else { return nil }
            counts.append(lowest)
            room.append(highest - lowest)
        }
        var missing = weeks - counts.reduce(0, +)
        // Hand out the remaining weeks one at a time to whoever is furthest below their share and has room.
        while missing > 0 {
            let open = shares.indices.filter { room[$0] > 0 }
            guard let e = open.max(by: { shares[$0] - Double(counts[$0]) < shares[$1] - Double(counts[$1]) }) else {
                return nil
            }
            counts[e] += 1
            room[e] -= 1
            missing -= 1
        }
        return counts
    }
}
