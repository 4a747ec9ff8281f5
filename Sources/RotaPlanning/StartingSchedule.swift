import RotaChecking
import RotaModel

/// A quick, valid schedule to offer GLPK as its first incumbent at level 1.
///
/// It aims at the count vector behind ``FairShareBound``: each engineer's primary and backup weeks as close to
/// the fair share as whole numbers allow. Weeks are filled in order, each going to the primary and backup who most
/// need it (remaining target ÷ remaining free weeks), skipping leave and the gap rule. Ownership goes
/// longest processing time first (heaviest role to the least-loaded engineer), within the investor cap, and with
/// `everyone_secondary_owner` secondary roles first to those without one. When nobody is free for a role (leave
/// and the gap rule) — rotation by rotation, and then for all rotations together in date order — it returns nil and
/// GLPK searches the on-call part alone (the ownership part still gets ``ownership(_:)``); either way GLPK, not this,
/// proves optimality.
enum StartingSchedule {

    /// The deadline for a start begun at `start` under `timeLimit` seconds (nil: none).
    static func deadline(from start: ContinuousClock.Instant, timeLimit: Double?) -> ContinuousClock.Instant? {
        timeLimit.map {
            start + .milliseconds(Int(min($0, PlanOptions.maximumTimeLimit) * 1000 * Tuning.startTimeShare))
        }
    }

    /// The start offered to the solver: ``build(_:_:lowerHolidayBurden:deadline:)``, or when the greedy pass gets
    /// stuck on the rules that tie shifts together (backup_becomes_primary, min_duty_gap_weeks,
    /// max_consecutive_duty_weeks, the cycle rules, fixed_order), the same pass without them. That schedule breaks some of their rows, so it is
    /// not an incumbent; the solver repairs it to the nearest schedule that keeps them (``LexicographicSolver``), which
    /// is far quicker than branching to a first incumbent (generated L with backup_becomes_primary: 7 s).
    static func reference(
        _ scenario: Scenario, _ availability: TeamAvailability, deadline: ContinuousClock.Instant? = nil
    ) -> Schedule? {
        if let valid = build(scenario, availability, deadline: deadline) { return valid }
        var relaxed = scenario
        relaxed.rules.backupBecomesPrimary = false
        relaxed.rules.minDutyGapWeeks = 0
        relaxed.rules.maxConsecutiveDutyWeeks = nil
        relaxed.rules.eachPrimaryOnce = false
        relaxed.rules.eachBackupAtLeastOnce = false
        relaxed.rules.fixedOrder = nil
        guard relaxed.rules != scenario.rules else { return nil }
        return build(relaxed, availability, deadline: deadline)
    }

    /// Tries a few deterministic variants of the greedy pass (primary urgency weighed once or twice, ties to the
    /// first or the last engineer) and keeps the start closest to the fair shares, primary weeks first.
    /// `lowerHolidayBurden: false` leaves out StartRepair's holiday moves (for comparison in tests).
    /// `deadline`: when the variants after the first, the repair moves and the ownership moves stop (the start stays
    /// valid, only further from the optimum).
    static func build(
        _ scenario: Scenario, _ availability: TeamAvailability, lowerHolidayBurden: Bool = true,
        deadline: ContinuousClock.Instant? = nil
    ) -> Schedule? {
        // Rotations of primaries alone are filled as if they had a backup, which is then dropped: giving up duty
        // breaks no rule the pass keeps (the backup's own rules do not apply to them).
        if scenario.rotations.contains(where: { !$0.hasBackup }) {
            guard
                let filled = build(
                    scenario.withBackupOnEveryRotation, availability, lowerHolidayBurden: lowerHolidayBurden,
                    deadline: deadline)
            else { return nil }
            let shifts = filled.shifts.map { shift in
                scenario.rotationIndex(of: shift.rotation).map { scenario.rotations[$0].hasBackup } ?? true
                    ? shift
                    : RotationShift(
                        rotation: shift.rotation, number: shift.number, dates: shift.dates, primary: shift.primary,
                        backup: nil, shadow: shift.shadow)
            }
            return Schedule(
                shifts: shifts, ownership: filled.ownership,
                covers: HolidayHandoverCovers.covers(shifts, scenario: scenario))
        }
        let available = scenario.engineers.indices.map { availability.availableShifts($0) }
        let total = available.reduce(0, +)
        guard total > 0 else { return nil }
        let fair = FairShares(scenario: scenario, availability: availability)
        let index = Dictionary(
            scenario.engineers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Each rotation on its own (rules across rotations are left to GLPK: a start that breaks one is not offered).
        // Rotations are filled one after another; exclusive_primary / exclusive_duty keep people already on duty in an
        // overlapping shift of an earlier rotation out of the later ones.
        // If a later rotation cannot be filled around the earlier ones (overlapping shifts handed over on other
        // days can leave nobody free of an exclusive duty), all rotations are filled together, shift by shift in
        // date order, so that each choice already sees the other rotations' neighbouring shifts.
        let rotations = Array(scenario.rotations.indices)
        var weeks: [RotationShift] = []
        var filledOneByOne = true
        for r in rotations {
            guard let best = bestVariant(rotations: [r], earlier: weeks) else {
                filledOneByOne = false
                break
            }
            weeks += best
        }
        if !filledOneByOne {
            guard rotations.count > 1, let together = bestVariant(rotations: rotations, earlier: []) else { return nil }
            weeks = together
        }
        /// The first of the variants' fills closest to the fair shares over `rotations`, primary first (the order of
        /// levels 1, 2).
        func bestVariant(rotations: [Int], earlier: [RotationShift]) -> [RotationShift]? {
            let variants = [(1.0, false), (2.0, false), (1.0, true), (2.0, true)]
            // Past the deadline, no further variant is tried (the first always is).
            var starts: [[RotationShift]] = []
            for (n, variant) in variants.enumerated() {
                if n > 0, let deadline, ContinuousClock().now >= deadline { break }
                if let weeks = build(
                    scenario, availability, fair: fair, rotations: rotations, primaryWeight: variant.0,
                    lastOnTies: variant.1, earlier: earlier)
                {
                    starts.append(weeks)
                }
            }
            func score(_ weeks: [RotationShift]) -> (primary: Double, backup: Double) {
                let each = rotations.map { r in
                    deviations(
                        weeks.filter { $0.rotation == scenario.rotations[r].id }, rotation: r, fair: fair, index: index)
                }
                return (each.map(\.primary).max() ?? 0, each.map(\.backup).max() ?? 0)
            }
            let scored = starts.map { (weeks: $0, deviation: score($0)) }
            return scored.min(by: {
                $0.deviation.primary != $1.deviation.primary
                    ? $0.deviation.primary < $1.deviation.primary : $0.deviation.backup < $1.deviation.backup
            })?.weeks
        }
        let repaired = StartRepair.repair(
            weeks, scenario, availability, fair: fair, lowerHolidayBurden: lowerHolidayBurden, deadline: deadline)
        // A whole schedule, as the planner's are: with the covers holiday_handover derives (the model has no rows
        // for them).
        return Schedule(
            shifts: repaired, ownership: ownership(scenario, deadline: deadline),
            covers: HolidayHandoverCovers.covers(repaired, scenario: scenario))
    }

    /// The largest distance of an engineer's primary and backup shifts (history included) from their fair share in
    /// rotation `r`, for the rotation's shifts `weeks`: what levels 1 and 2 minimise.
    static func deviations(
        _ weeks: [RotationShift], rotation r: Int, fair: FairShares, index: [String: Int]
    ) -> (primary: Double, backup: Double) {
        var primary = fair.history[r][.primary]
        var backup = fair.history[r][.backup]
        for week in weeks {
            if let e = index[week.primary] { primary[e] += 1 }
            if let id = week.backup, let e = index[id] { backup[e] += 1 }
        }
        func largest(_ counts: [Int], _ shares: [Double]) -> Double {
            zip(counts, shares).map { abs(Double($0) - $1) }.max() ?? 0
        }
        return (largest(primary, fair.shares[r][.primary]), largest(backup, fair.shares[r][.backup]))
    }

    /// The greedy pass over the shifts of `rotations` (one, or several filled together), in date order.
    private static func build(
        _ scenario: Scenario, _ availability: TeamAvailability, fair: FairShares, rotations: [Int],
        primaryWeight: Double, lastOnTies: Bool, earlier: [RotationShift]
    ) -> [RotationShift]? {
        let shifts = scenario.shifts
        let people = scenario.engineers.indices
        let rules = scenario.rules
        let gap = rules.minGapWeeks
        // Per rotation: its shifts in order, its roster, and the targets per role: the fair share (history included)
        // less the shifts already done in the history, as whole numbers within the fair-share bound.
        // Indexed by rotation; rotations not filled here keep empty entries.
        let rotationCount = scenario.rotations.count
        var slots = [[Int]](repeating: [], count: rotationCount)
        var roster = [[Int]](repeating: [], count: rotationCount)
        var primaryTargets = [[Int]](repeating: [], count: rotationCount)
        var backupTargets = [[Int]](repeating: [], count: rotationCount)
        for r in rotations {
            slots[r] = shifts.indices.filter { shifts[$0].rotation == r }
            roster[r] = people.filter { availability.onRoster[$0][r] }
            func target(_ role: DutyRole) -> [Int]? {
                let available = people.map { e in
                    slots[r].filter {
                        availability.isFree(e, $0)
                            && scenario.engineers[e].eligibility.allows(role, in: shifts[$0].dates)
                    }.count
                }
                let past = fair.history[r][role]
                let shares = zip(fair.shares[r][role], past).map { $0 - Double($1) }
                guard
                    let counts = targetCounts(
                        shares: roster[r].map { shares[$0] }, available: roster[r].map { available[$0] },
                        weeks: slots[r].count)
                else { return nil }
                var all = [Int](repeating: 0, count: people.count)
                for (k, e) in roster[r].enumerated() { all[e] = counts[k] }
                return all
            }
            guard let primary = target(.primary), let backup = target(.backup) else { return nil }
            primaryTargets[r] = primary
            backupTargets[r] = backup
        }
        // Every shift to fill as (rotation, position), by start date; on one date, in the order of `rotations`.
        let order = rotations.flatMap { r in slots[r].indices.map { (r, $0) } }.sorted {
            let (a, b) = (shifts[slots[$0.0][$0.1]].dates.first, shifts[slots[$1.0][$1.1]].dates.first)
            return a != b ? a < b : rotations.firstIndex(of: $0.0)! < rotations.firstIndex(of: $1.0)!
        }
        /// Hard pins of engineer e in shift `slot` of rotation r for `role`.
        func pinned(_ e: Int, _ r: Int, _ slot: Int, _ role: DutyRole) -> Bool {
            !rules.isSoft(.pinnedDuty)
                && scenario.engineers[e].pinned.contains {
                    $0.role == role && $0.applies(to: shifts[slot].dates, of: scenario.rotations[r])
                }
        }
        /// Forbidden (hard) or not eligible (`can:`, `from:`, always hard).
        func forbidden(_ e: Int, _ r: Int, _ slot: Int, _ role: DutyRole) -> Bool {
            !scenario.engineers[e].eligibility.allows(role, in: shifts[slot].dates)
                || !rules.isSoft(.forbiddenDuty)
                    && scenario.engineers[e].forbidden.contains {
                        ($0.role == nil || $0.role == role)
                            && $0.applies(to: shifts[slot].dates, of: scenario.rotations[r])
                    }
        }
        /// Whether e is on leave in the rotation's t-th shift.
        // Someone who could hold the shift only with a cover (covered_leave) is left out: the start has no covers.
        func onLeave(_ e: Int, _ r: Int, _ t: Int) -> Bool { !availability.shifts[e][slots[r][t]].isWhollyFree }

        var primaryLeft = primaryTargets
        var backupLeft = backupTargets
        var lastPrimary = [[Int?]](
            repeating: [Int?](repeating: nil, count: people.count), count: rotationCount)
        // Each engineer's duty shifts so far, by rotation, for min_duty_gap_weeks and max_consecutive_duty_weeks.
        var duties = [[[Int]]](repeating: [[Int]](repeating: [], count: people.count), count: rotationCount)
        // The history's shifts just before each rotation count as positions −1, −2, … for the gap, run and chain rules.
        let leads = scenario.historyLeads
        // The backup of each rotation's previous shift: the next primary under backup_becomes_primary.
        var previousBackup = [String?](repeating: nil, count: rotationCount)
        for r in rotations {
            previousBackup[r] = leads[r].lastBackup
            for e in people {
                let id = scenario.engineers[e].id
                for position in -leads[r].count..<0 {
                    if leads[r].holds(id, [.primary], at: position) { lastPrimary[r][e] = position }
                    if leads[r].holds(id, DutyRole.allCases, at: position) { duties[r][e].append(position) }
                }
            }
        }
        let dutyGap = rules.isSoft(.minDutyGapWeeks) ? 0 : rules.minDutyGapWeeks
        let longestRun = rules.isSoft(.maxConsecutiveDutyWeeks) ? nil : rules.maxConsecutiveDutyWeeks
        let cycles = scenario.rotations.indices.map { scenario.cycles(ofRotation: $0, leadCount: leads[$0].count) }
        // Who holds each role in each rotation's shifts filled so far, by position (hard cycle rules, fixed_order).
        var filled = ByRole(
            primary: slots.map { [String?](repeating: nil, count: $0.count) },
            backup: slots.map { [String?](repeating: nil, count: $0.count) })
        var chosen: [RotationShift] = []
        // Shifts shadowed so far, by rotation and engineer, and in the history.
        var shadowed = [[Int]](repeating: [Int](repeating: 0, count: people.count), count: rotationCount)
        func shadowsPast(_ e: Int, _ r: Int) -> Int {
            scenario.history.shadowCount(scenario.engineers[e].id, rotation: scenario.rotations[r], in: scenario)
        }
        for (r, t) in order {
            let rotation = scenario.rotations[r]
            let weeks = slots[r].count
            let slot = slots[r][t]
            let dates = shifts[slot].dates
            /// Whether duty of e in `role` would meet e's duty in an overlapping shift of another rotation (filled
            /// before, or earlier here) against a hard exclusive rule.
            func clashes(_ e: Int, _ role: DutyRole) -> Bool {
                let id = scenario.engineers[e].id
                func meets(_ week: RotationShift) -> Bool {
                    guard week.rotation != rotation.id, week.dates.overlaps(dates) else { return false }
                    if rules.exclusiveDuty, !rules.isSoft(.exclusiveDuty), week.primary == id || week.backup == id {
                        return true
                    }
                    return role == .primary && rules.exclusivePrimary && !rules.isSoft(.exclusivePrimary)
                        && week.primary == id
                }
                return earlier.contains(where: meets) || chosen.contains(where: meets)
            }
            /// Whether duty in shift t keeps e's hard gap and run rules: no duty within `dutyGap` shifts before,
            /// and at most `longestRun` duty shifts in any window of `longestRun + 1` (the one ending at t).
            func dutyAllowed(_ e: Int) -> Bool {
                let done = duties[r][e]
                if dutyGap > 0, let last = done.last, t - last <= dutyGap { return false }
                if let longestRun { return done.filter { $0 >= t - longestRun }.count < longestRun }
                return true
            }
            let free = roster[r].filter { !onLeave($0, r, t) && dutyAllowed($0) }
            func freeWeeksLeft(_ e: Int) -> Int { (t..<weeks).filter { !onLeave(e, r, $0) }.count }
            // Weeks from now on in which e could still be primary: free, and spaced by the gap rule.
            func primarySlotsLeft(_ e: Int) -> Int {
                var count = 0
                var last = lastPrimary[r][e]
                for week in t..<weeks where !onLeave(e, r, week) && (last.map { week - $0 > gap } ?? true) {
                    count += 1
                    last = week
                }
                return count
            }
            // How much e needs the week: remaining target ÷ weeks left to meet it. Someone whose target is met
            // scores below everyone who still needs weeks, so they are picked only when nobody else is free (the
            // start stays valid, only further from the bound). Computed once per engineer and week.
            func urgency(_ left: Int, _ room: Int) -> Double {
                left > 0 ? Double(left) / Double(max(1, room)) : Double(left) - 1
            }
            var primaryUrgency = [Double](repeating: 0, count: people.count)
            var backupUrgency = [Double](repeating: 0, count: people.count)
            for e in free {
                primaryUrgency[e] = primaryWeight * urgency(primaryLeft[r][e], primarySlotsLeft(e))
                backupUrgency[e] = urgency(backupLeft[r][e], freeWeeksLeft(e))
            }
            // Primary and backup are chosen together: the pair whose members most need the week.
            var primaryCandidates = free.filter { e in
                (lastPrimary[r][e].map { t - $0 > gap } ?? true) && !forbidden(e, r, slot, .primary)
                    && !clashes(e, .primary)
            }
            var backupCandidates = free.filter { !forbidden($0, r, slot, .backup) && !clashes($0, .backup) }
            // Hard onboarding: no duty before the shifts it asks to shadow, on a rotation with shadows; primary only
            // after the backup shifts it asks for (the history's counted).
            func shadowedEnough(_ e: Int) -> Bool {
                guard rotation.hasShadow, let needed = scenario.engineers[e].onboardingShadowShifts else { return true }
                return shadowsPast(e, r) + shadowed[r][e] >= needed
            }
            if !rules.isSoft(.onboarding) {
                primaryCandidates = primaryCandidates.filter(shadowedEnough)
                backupCandidates = backupCandidates.filter(shadowedEnough)
            }
            if !rules.isSoft(.onboarding) {
                primaryCandidates = primaryCandidates.filter { e in
                    let engineer = scenario.engineers[e]
                    guard let needed = engineer.onboardingBackupShifts else { return true }
                    let past = scenario.history.count(
                        engineer.id, .backup, rotation: scenario.rotations[r], in: scenario)
                    return past + filled[.backup][r][..<t].filter { $0 == engineer.id }.count >= needed
                }
            }
            if let e = primaryCandidates.first(where: { pinned($0, r, slot, .primary) }) { primaryCandidates = [e] }
            if let e = backupCandidates.first(where: { pinned($0, r, slot, .backup) }) { backupCandidates = [e] }
            // Hard each_primary_once / each_backup_at_least_once: once the people still owed the role in this cycle
            // fill its remaining shifts, only they may take it.
            // Under a hard chain, the backup is the next primary: while the cycle goes on, someone still owed primary.
            let chained = rules.backupBecomesPrimary && !rules.isSoft(.backupBecomesPrimary)
            for role in DutyRole.allCases {
                guard
                    let (waiting, tight) = owed(role, r, t, cycles: cycles[r], filled: filled[role][r], leads: leads[r])
                else { continue }
                let narrowed = (role == .primary ? primaryCandidates : backupCandidates).filter(waiting.contains)
                if tight, !narrowed.isEmpty {
                    if role == .primary { primaryCandidates = narrowed } else { backupCandidates = narrowed }
                }
                if role == .primary, chained, cycles[r].contains(where: { $0.contains(t) && $0.contains(t + 1) }) {
                    let next = backupCandidates.filter(waiting.contains)
                    if !next.isEmpty { backupCandidates = next }
                }
            }
            // Hard fixed_order: the next in the order after the previous shift's primary who is free now.
            if let next = orderedPrimary(
                r, t, previous: t > 0 ? filled[.primary][r][t - 1] : leads[r].shifts.last?.primary)
            {
                primaryCandidates = primaryCandidates.filter { $0 == next }
            }
            // The chain of seed 002: this shift's primary is the last shift's backup.
            if rules.backupBecomesPrimary, !rules.isSoft(.backupBecomesPrimary) {
                // A history backup who has left the roster starts no chain (as in the model and the checker).
                if let backup = previousBackup[r], roster[r].contains(where: { scenario.engineers[$0].id == backup }) {
                    primaryCandidates = primaryCandidates.filter { scenario.engineers[$0].id == backup }
                }
                // The backup must be able to take the next shift as primary.
                if t + 1 < weeks {
                    backupCandidates = backupCandidates.filter {
                        !onLeave($0, r, t + 1) && !forbidden($0, r, slots[r][t + 1], .primary)
                    }
                }
            }
            guard
                let (primary, backup) = bestPair(
                    primary: primaryCandidates, backup: backupCandidates, primaryUrgency: primaryUrgency,
                    backupUrgency: backupUrgency, lastOnTies: lastOnTies)
            else { return nil }
            primaryLeft[r][primary] -= 1
            backupLeft[r][backup] -= 1
            lastPrimary[r][primary] = t
            duties[r][primary].append(t)
            duties[r][backup].append(t)
            // A shadow: the first free of those still owed shadow shifts by onboarding.
            let shadow =
                rotation.hasShadow
                ? free.first { e in
                    e != primary && e != backup
                        && scenario.engineers[e].onboardingShadowShifts.map { shadowsPast(e, r) + shadowed[r][e] < $0 }
                            == true
                        && scenario.engineers[e].eligibility.allowsShadow(in: dates)
                } : nil
            if let shadow { shadowed[r][shadow] += 1 }
            let week = RotationShift(
                rotation: rotation.id, number: t + 1, dates: dates, primary: scenario.engineers[primary].id,
                backup: scenario.engineers[backup].id, shadow: shadow.map { scenario.engineers[$0].id })
            chosen.append(week)
            previousBackup[r] = week.backup
            filled[.primary][r][t] = week.primary
            filled[.backup][r][t] = week.backup
        }
        /// The people owed `role` in the cycle holding position t of rotation r under its hard cycle rule (nil: no
        /// such rule or cycle): on the roster, without the role in the cycle so far (the history's shifts included)
        /// and free in one of its remaining shifts; `tight` when they fill the cycle's remaining shifts.
        func owed(
            _ role: DutyRole, _ r: Int, _ t: Int, cycles: [Range<Int>], filled: [String?], leads: HistoryLead
        ) -> (waiting: [Int], tight: Bool)? {
            let rule: Rule = role == .primary ? .eachPrimaryOnce : .eachBackupAtLeastOnce
            guard rule.isDeclared(by: scenario), !rules.isSoft(rule),
                let cycle = cycles.first(where: { $0.contains(t) })
            else { return nil }
            let held = Set(
                cycle.prefix { $0 < t }.compactMap { $0 < 0 ? leads.shift(at: $0)?.engineer(for: role) : filled[$0] })
            let remaining = t..<cycle.upperBound
            let waiting = roster[r].filter { e in
                !held.contains(scenario.engineers[e].id)
                    && !scenario.isOnboarding(scenario.engineers[e], on: scenario.rotations[r])
                    && remaining.contains { !onLeave(e, r, $0) && availability.isFree(e, slots[r][$0], for: role) }
            }
            return (waiting, waiting.count >= remaining.count)
        }
        /// Under a hard fixed_order, the engineer the order makes primary in position t of rotation r after
        /// `previous` (nil: no order, or no previous primary in it).
        func orderedPrimary(_ r: Int, _ t: Int, previous: String?) -> Int? {
            guard !rules.isSoft(.fixedOrder), let order = scenario.fixedOrder(of: scenario.rotations[r]),
                let previous, let k = order.firstIndex(of: previous)
            else { return nil }
            return (1...order.count).lazy.compactMap { step in
                scenario.engineers.firstIndex { $0.id == order[(k + step) % order.count] }
            }.first { availability.isFree($0, slots[r][t], for: .primary) }
        }
        // In the order of `rotations`, each rotation's shifts in order.
        return rotations.flatMap { r in chosen.filter { $0.rotation == scenario.rotations[r].id } }
    }

    /// The pair (primary p, backup b ≠ p) with the highest `primaryUrgency[p] + backupUrgency[b]`: of the pairs
    /// with that sum, the first in the order of the lists (primary first), or the last with `lastOnTies`. The same
    /// as trying every pair, without trying every pair (1,000 engineers: a million per shift): for each primary,
    /// only the backups whose urgency reaches the best sum, highest urgency first.
    static func bestPair(
        primary: [Int], backup: [Int], primaryUrgency: [Double], backupUrgency: [Double], lastOnTies: Bool
    ) -> (primary: Int, backup: Int)? {
        // Positions in `backup`, highest urgency first; a sum is never higher for a lower urgency.
        let ranked = backup.indices.sorted {
            backupUrgency[backup[$0]] != backupUrgency[backup[$1]]
                ? backupUrgency[backup[$0]] > backupUrgency[backup[$1]] : $0 < $1
        }
        var best: (score: Double, primary: Int, backup: Int)?
        for p in primary {
            guard let top = ranked.first(where: { backup[$0] != p }) else { continue }
            let score = primaryUrgency[p] + backupUrgency[backup[top]]
            // Rounding can give a lower urgency the same sum: of those, the first (or last) in list order.
            var chosen = top
            for position in ranked where backup[position] != p {
                guard primaryUrgency[p] + backupUrgency[backup[position]] == score else { break }
                chosen = lastOnTies ? max(chosen, position) : min(chosen, position)
            }
            if best == nil || score > best!.score || (lastOnTies && score == best!.score) {
                best = (score, p, backup[chosen])
            }
        }
        return best.map { ($0.primary, $0.backup) }
    }

    /// Whole-number counts summing to `weeks`, each within the fair-share bound of its share.
    static func targetCounts(shares: [Double], available: [Int], weeks: Int) -> [Int]? {
        let deviation = FairShareBound.lowestDeviation(shares: shares, available: available, weeks: weeks)
        var counts: [Int] = []
        var room: [Int] = []
        for (share, limit) in zip(shares, available) {
            let (lowest, highest) = FairShareBound.counts(share: share, deviation: deviation, available: limit)
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
