import RotaChecking
import RotaModel

/// Improves a constructive start by local moves, so that GLPK's levels start at or near their optimum: first the
/// balance levels (every engineer's primary and backup counts within the fair-share bound, ``FairShareBound``), then
/// the holiday levels (fewest holiday days on duty, then the smallest largest burden).
///
/// The greedy pass fills rotations one after another; with people on several rotations and `exclusive_primary`,
/// a later rotation may find its shared people busy and miss the bound (a generated 40-engineer team: 1.56 primary
/// weeks where 0.62 is possible). Each balance move hands one shift of a role from someone above their lowest
/// whole-number count to someone below it (or from someone above their highest to someone below theirs); among the
/// moves, the one that adds the least holiday burden wins. The holiday moves then keep every count within the
/// deviation the balance moves reached. Every move keeps the hard rules it can touch: leave and roster, one role per
/// shift, the gap windows, the duty runs, exclusivity across rotations, pinned and forbidden duty (holiday moves also
/// keep soft rules and undesired duty as if hard, so that no earlier soft level gets worse). GLPK still checks the
/// result row by row before it takes it as a start.
enum StartRepair {
    /// The repaired start, judged against the fair shares `fair` of `scenario`; `lowerHolidayBurden: false` stops
    /// after the balance moves (for comparison in tests).
    static func repair(
        _ weeks: [RotationShift], _ scenario: Scenario, _ availability: TeamAvailability, fair: FairShares,
        lowerHolidayBurden: Bool = true, deadline: ContinuousClock.Instant? = nil
    ) -> [RotationShift] {
        let rules = scenario.rules
        // The chain rule and repeated holidays tie duties to other shifts or to history: leave such starts as they are.
        if (rules.backupBecomesPrimary && !rules.isSoft(.backupBecomesPrimary))
            || (rules.avoidRepeatHolidays && !rules.isSoft(.avoidRepeatHolidays))
        {
            return weeks
        }
        guard var state = State(weeks, scenario, availability, fair) else { return weeks }
        state.deadline = deadline
        for role in DutyRole.allCases { state.balance(role) }
        if lowerHolidayBurden { state.lowerHolidayBurden() }
        return state.result()
    }

    private struct State {
        let scenario: Scenario
        let availability: TeamAvailability
        let fair: FairShares
        let shifts: [Shift]
        let rotations: [Rotation]
        let ids: [String]
        let weeks: [RotationShift]
        /// The holders by slot: `holder[role][slot]`, an engineer index.
        var holder: ByRole<[Int]>
        /// Row of `weeks` of each slot.
        let rowOfSlot: [Int]
        /// Slots of each rotation, in order; position of each slot within its rotation.
        let slotsOf: [[Int]]
        let position: [Int]
        /// `repeats[e][t]`: shift t has a holiday engineer e had duty over in the history (`avoid_repeat_holidays`;
        /// empty when the rule is off).
        let repeats: [[Bool]]
        /// The history's shifts just before each rotation's first.
        let leads: [HistoryLead]
        /// Each rotation's complete cycles (``Scenario/cycles(ofRotation:leadCount:)``), for the cycle rules.
        let cycles: [[Range<Int>]]
        /// When the moves stop: each keeps the start valid, so it can end after any of them.
        var deadline: ContinuousClock.Instant?
        var pastDeadline: Bool { deadline.map { ContinuousClock().now >= $0 } ?? false }

        /// Nil unless the start gives every slot a known primary and backup (only then are counts and rules judged
        /// here).
        init?(_ weeks: [RotationShift], _ scenario: Scenario, _ availability: TeamAvailability, _ fair: FairShares) {
            self.scenario = scenario
            self.availability = availability
            self.fair = fair
            let shifts = scenario.shifts
            self.shifts = shifts
            rotations = scenario.rotations
            leads = scenario.historyLeads
            ids = scenario.engineers.map(\.id)
            self.weeks = weeks
            let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
            var rowOfSlot = [Int?](repeating: nil, count: shifts.count)
            var primary = [Int?](repeating: nil, count: shifts.count)
            var backup = [Int?](repeating: nil, count: shifts.count)
            for (row, week) in weeks.enumerated() {
                guard let t = scenario.slot(rotation: week.rotation, number: week.number) else { continue }
                rowOfSlot[t] = row
                primary[t] = index[week.primary]
                backup[t] = week.backup.flatMap { index[$0] }
            }
            let rows = rowOfSlot.compactMap { $0 }
            let primaries = primary.compactMap { $0 }
            let backups = backup.compactMap { $0 }
            guard rows.count == shifts.count, primaries.count == shifts.count, backups.count == shifts.count else {
                return nil
            }
            self.rowOfSlot = rows
            holder = ByRole(primary: primaries, backup: backups)
            slotsOf = scenario.rotations.indices.map { r in shifts.indices.filter { shifts[$0].rotation == r } }
            var position = [Int](repeating: 0, count: shifts.count)
            for slots in slotsOf {
                for (i, t) in slots.enumerated() { position[t] = i }
            }
            self.position = position
            repeats = scenario.rules.avoidRepeatHolidays ? RotationModel.repeatedHolidays(scenario, availability) : []
            cycles = scenario.rotations.indices.map { [leads] r in
                scenario.cycles(ofRotation: r, leadCount: leads[r].count)
            }
        }

        /// The start's rows with the holders as they are now.
        func result() -> [RotationShift] {
            var result = weeks
            for (t, row) in rowOfSlot.enumerated() {
                let week = weeks[row]
                result[row] = RotationShift(
                    rotation: week.rotation, number: week.number, dates: week.dates,
                    primary: ids[holder[.primary][t]], backup: ids[holder[.backup][t]], shadow: week.shadow)
            }
            return result
        }

        /// Shares of `role` in each rotation less the history's shifts: what the period's counts are compared with.
        func ownShares(_ role: DutyRole) -> [[Double]] {
            slotsOf.indices.map { r in
                ids.indices.map { fair.shares[r][role][$0] - Double(fair.history[r][role][$0]) }
            }
        }

        func counts(_ role: DutyRole, rotation r: Int) -> [Int] {
            var count = [Int](repeating: 0, count: ids.count)
            for t in slotsOf[r] { count[holder[role][t]] += 1 }
            return count
        }

        func roster(_ r: Int) -> [Int] { ids.indices.filter { availability.onRoster[$0][r] } }

        /// The whole-number counts of `role` each engineer may have in each rotation while the largest deviation
        /// from the fair share stays at most `deviation`.
        func countRange(_ role: DutyRole, deviation: Double) -> [[ClosedRange<Int>]] {
            let shares = ownShares(role)
            return slotsOf.indices.map { r in
                ids.indices.map { e in
                    let (low, high) = FairShareBound.counts(
                        share: shares[r][e], deviation: deviation, available: availability.availableShifts(e, in: r))
                    return low...max(low, high)
                }
            }
        }

        mutating func balance(_ role: DutyRole) {
            let shares = ownShares(role)
            // The bound over all rotations (the model's deviation variable is one for all of them).
            var deviation = 0.0
            for (r, slots) in slotsOf.enumerated() {
                let roster = roster(r)
                deviation = max(
                    deviation,
                    FairShareBound.lowestDeviation(
                        shares: roster.map { shares[r][$0] },
                        available: roster.map { availability.availableShifts($0, in: r) },
                        weeks: slots.count))
            }
            let range = countRange(role, deviation: deviation)
            for _ in 0..<(4 * shifts.count) where !pastDeadline {
                var best: (cost: Int, slot: Int, to: Int)?
                for (r, slots) in slotsOf.enumerated() {
                    let count = counts(role, rotation: r)
                    let roster = roster(r)
                    for e in roster where !range[r][e].contains(count[e]) {
                        let short = count[e] < range[r][e].lowerBound
                        for t in slots {
                            let current = holder[role][t]
                            // Short: take a shift from someone who can spare it. Over: give one to someone with room.
                            let from = short ? current : e
                            guard from == current, !short || count[from] > range[r][from].lowerBound else { continue }
                            let receivers = short ? [e] : roster.filter { count[$0] < range[r][$0].upperBound }
                            for receiver in receivers where receiver != from {
                                let cost = availability.shifts[receiver][t].holidayWeight
                                guard best == nil || cost < best!.cost else { continue }
                                if canMove(role, at: t, to: receiver, strict: false) { best = (cost, t, receiver) }
                            }
                        }
                        if best != nil { break }
                    }
                    if best != nil { break }
                }
                guard let move = best else { return }
                holder[role][move.slot] = move.to
            }
        }

        /// Whether `role` in slot t may pass from its holder to `engineer`: tried on the state, then undone.
        mutating func canMove(_ role: DutyRole, at t: Int, to engineer: Int, strict: Bool) -> Bool {
            let from = holder[role][t]
            guard releasable(role, at: t, by: from, strict: strict) else { return false }
            holder[role][t] = engineer
            defer { holder[role][t] = from }
            return keepsRules(engineer, role, at: t, strict: strict)
        }

        /// Lowers the holiday burden, the total first and then the largest (history included), as levels 3 and 4
        /// judge it, while every count stays within the deviation it has now (levels 1 and 2 get no worse). Moves,
        /// each taken when it lowers (total, largest): the holders of two duties of one rotation exchange them (the
        /// same role in two shifts, primary and backup of one shift, or a role in one shift for the other role in
        /// another); or the holder of a holiday shift hands it to someone off duty in it.
        mutating func lowerHolidayBurden() {
            // A (soft) backup→primary chain ties each backup to the next primary: moves here would break links.
            guard !scenario.rules.backupBecomesPrimary else { return }
            let weight = availability.shifts.map { $0.map(\.holidayWeight) }
            // Only shifts with a holiday for someone can change the burden; without any there is nothing to do.
            let holidaySlots = shifts.indices.filter { t in ids.indices.contains { weight[$0][t] > 0 } }
            guard !holidaySlots.isEmpty else { return }
            var count = ByRole<[[Int]]>(primary: [], backup: [])
            var ranges = ByRole<[[ClosedRange<Int>]]>(primary: [], backup: [])
            for role in DutyRole.allCases {
                let shares = ownShares(role)
                count[role] = slotsOf.indices.map { counts(role, rotation: $0) }
                var deviation = 0.0
                for r in slotsOf.indices {
                    for e in roster(r) { deviation = max(deviation, abs(Double(count[role][r][e]) - shares[r][e])) }
                }
                ranges[role] = countRange(role, deviation: deviation)
            }
            var burden = RotationModel.historyHolidayBurden(scenario)
            for role in DutyRole.allCases {
                for (t, e) in holder[role].enumerated() { burden[e] += role.holidayWeight * weight[e][t] }
            }
            let cap = scenario.rules.fairness.maxHolidayBurden
            /// Whether burdens changed by `changes` (engineer, amount) are lower: total first, then the largest; and the
            /// largest stays within a declared cap the start keeps.
            func improves(_ changes: [(Int, Int)]) -> Bool {
                let delta = changes.reduce(0) { $0 + $1.1 }
                if delta > 0 { return false }
                let before = burden.max() ?? 0
                // With the total unchanged, the largest can only fall if someone at it loses burden.
                if delta == 0, !changes.contains(where: { burden[$0.0] == before && $0.1 < 0 }) { return false }
                var largest = 0
                for (e, value) in burden.enumerated() {
                    largest = max(largest, value + changes.reduce(0) { $0 + ($1.0 == e ? $1.1 : 0) })
                }
                if let cap, largest > cap, largest > before { return false }
                return delta < 0 || largest < before
            }
            func apply(_ changes: [(Int, Int)]) {
                for (e, amount) in changes { burden[e] += amount }
            }
            for _ in 0..<(2 * shifts.count) where !pastDeadline {
                var improved = false
                for t in holidaySlots where !pastDeadline {
                    let r = shifts[t].rotation
                    for role in DutyRole.allCases {
                        // Exchange with another duty of the rotation (or with the other role of the same shift): e
                        // takes `role2` in u from f, f takes `role` in t. Across roles, both counts move by one.
                        exchange: for u in slotsOf[r] {
                            for role2 in DutyRole.allCases where u != t || role2 != role {
                                let e = holder[role][t]
                                let f = holder[role2][u]
                                guard f != e else { continue }
                                let changes = [
                                    (e, role2.holidayWeight * weight[e][u] - role.holidayWeight * weight[e][t]),
                                    (f, role.holidayWeight * weight[f][t] - role2.holidayWeight * weight[f][u]),
                                ]
                                guard improves(changes) else { continue }
                                if role2 != role {
                                    guard count[role][r][e] - 1 >= ranges[role][r][e].lowerBound,
                                        count[role2][r][e] + 1 <= ranges[role2][r][e].upperBound,
                                        count[role2][r][f] - 1 >= ranges[role2][r][f].lowerBound,
                                        count[role][r][f] + 1 <= ranges[role][r][f].upperBound
                                    else { continue }
                                }
                                guard releasable(role, at: t, by: e, strict: true),
                                    releasable(role2, at: u, by: f, strict: true)
                                else { continue }
                                holder[role][t] = f
                                holder[role2][u] = e
                                if keepsRules(e, role2, at: u, strict: true), keepsRules(f, role, at: t, strict: true) {
                                    if role2 != role {
                                        count[role][r][e] -= 1
                                        count[role2][r][e] += 1
                                        count[role2][r][f] -= 1
                                        count[role][r][f] += 1
                                    }
                                    apply(changes)
                                    improved = true
                                    break exchange
                                }
                                holder[role][t] = e
                                holder[role2][u] = f
                            }
                        }
                        // Hand the shift to someone off duty in it: one count moves, within the ranges.
                        let e = holder[role][t]
                        let other = holder[role == .primary ? .backup : .primary][t]
                        let w = role.holidayWeight
                        for f in roster(r) where f != e && f != other {
                            let changes = [(e, -w * weight[e][t]), (f, w * weight[f][t])]
                            guard improves(changes),
                                count[role][r][e] - 1 >= ranges[role][r][e].lowerBound,
                                count[role][r][f] + 1 <= ranges[role][r][f].upperBound,
                                canMove(role, at: t, to: f, strict: true)
                            else { continue }
                            holder[role][t] = f
                            count[role][r][e] -= 1
                            count[role][r][f] += 1
                            apply(changes)
                            improved = true
                            break
                        }
                    }
                }
                if !improved { return }
            }
        }

        /// Whether `engineer` may give up `role` in slot t: not while pinned to it.
        func releasable(_ role: DutyRole, at t: Int, by engineer: Int, strict: Bool) -> Bool {
            guard keepsCycle(role, at: t, by: engineer, strict: strict) else { return false }
            guard strict || !scenario.rules.isSoft(.pinnedDuty) else { return true }
            let rotation = rotations[shifts[t].rotation]
            return !scenario.engineers[engineer].pinned.contains {
                $0.role == role && $0.applies(to: shifts[t].dates, of: rotation)
            }
        }

        /// Whether e has the backup shifts `onboarding` asks for (the history's counted) before position `position` of
        /// rotation r.
        func onboarded(_ e: Int, before position: Int, in r: Int) -> Bool {
            guard let needed = scenario.engineers[e].onboardingBackupShifts else { return true }
            let past = scenario.history.count(ids[e], .backup, rotation: rotations[r], in: scenario)
            return past + slotsOf[r][..<position].filter { holder[.backup][$0] == e }.count >= needed
        }

        /// Whether e has shadowed the shifts `onboarding` asks for (the history's counted) before position `position`
        /// of rotation r, when it has shadows. The repair moves no shadow, so giving up duty never breaks this.
        func shadowed(_ e: Int, before position: Int, in r: Int) -> Bool {
            guard let needed = scenario.engineers[e].onboardingShadowShifts, rotations[r].hasShadow else { return true }
            let past = scenario.history.shadowCount(ids[e], rotation: rotations[r], in: scenario)
            let done = slotsOf[r][..<position].filter { weeks[rowOfSlot[$0]].shadow == ids[e] }.count
            return past + done >= needed
        }

        /// Whether giving up backup in slot t leaves each of e's later primary shifts in the rotation onboarded.
        func keepsOnboarding(_ e: Int, releasing t: Int) -> Bool {
            let r = shifts[t].rotation
            guard let needed = scenario.engineers[e].onboardingBackupShifts,
                let first = slotsOf[r].indices.first(where: {
                    $0 > position[t] && holder[.primary][slotsOf[r][$0]] == e
                })
            else { return true }
            let past = scenario.history.count(ids[e], .backup, rotation: rotations[r], in: scenario)
            let held = slotsOf[r][..<first].filter { holder[.backup][$0] == e && $0 != t }.count
            return past + held >= needed
        }

        /// Whether `engineer` may give up `role` in slot t under the cycle rules and fixed_order (when enforced): a
        /// fixed order lets no primary move, and a cycle rule needs the role held elsewhere in the cycle.
        func keepsCycle(_ role: DutyRole, at t: Int, by engineer: Int, strict: Bool) -> Bool {
            let rules = scenario.rules
            func enforced(_ rule: Rule) -> Bool { rule.isDeclared(by: scenario) && (strict || !rules.isSoft(rule)) }
            let r = shifts[t].rotation
            if role == .primary, enforced(.fixedOrder), rules.fixedOrder?[rotations[r].id] != nil { return false }
            if role == .backup, enforced(.onboarding), !keepsOnboarding(engineer, releasing: t) { return false }
            guard enforced(role == .primary ? .eachPrimaryOnce : .eachBackupAtLeastOnce),
                let cycle = cycles[r].first(where: { $0.contains(position[t]) })
            else { return true }
            return cycle.contains { i in
                i != position[t]
                    && (i < 0 ? leads[r].holds(ids[engineer], [role], at: i) : holder[role][slotsOf[r][i]] == engineer)
            }
        }

        /// Whether `engineer`, now holding `role` in slot t, keeps every rule that duty touches. With `strict`, soft
        /// rules and undesired duty count as hard.
        func keepsRules(_ engineer: Int, _ role: DutyRole, at t: Int, strict: Bool) -> Bool {
            let e = engineer
            let rules = scenario.rules
            guard availability.isFreeWithoutCover(e, t) else { return false }
            let other: DutyRole = role == .primary ? .backup : .primary
            guard holder[other][t] != e else { return false }
            let rotation = rotations[shifts[t].rotation]
            let dates = shifts[t].dates
            func enforced(_ rule: Rule) -> Bool { strict || !rules.isSoft(rule) }
            let person = scenario.engineers[e]
            guard person.eligibility.allows(role, in: dates) else { return false }
            let refused = enforced(.forbiddenDuty) ? person.forbidden : []
            if (refused + (strict ? person.undesired : [])).contains(where: {
                ($0.role == nil || $0.role == role) && $0.applies(to: dates, of: rotation)
            }) {
                return false
            }
            if !repeats.isEmpty, enforced(.avoidRepeatHolidays), repeats[e][t] { return false }
            // Duty of e in this rotation, by position.
            // Negative positions are the history's shifts just before the rotation's first (``HistoryLead``).
            let slots = slotsOf[shifts[t].rotation]
            let lead = leads[shifts[t].rotation]
            func duty(_ i: Int, _ roles: [DutyRole]) -> Bool {
                i < 0 ? lead.holds(ids[e], roles, at: i) : roles.contains { holder[$0][slots[i]] == e }
            }
            let here = position[t]
            func within(_ distance: Int, _ roles: [DutyRole]) -> Bool {
                guard distance > 0 else { return false }
                let range = max(-lead.count, here - distance)...min(slots.count - 1, here + distance)
                return range.contains { $0 != here && duty($0, roles) }
            }
            if enforced(.onboarding), !shadowed(e, before: here, in: shifts[t].rotation) { return false }
            if role == .primary, enforced(.onboarding), !onboarded(e, before: here, in: shifts[t].rotation) {
                return false
            }
            if role == .primary, enforced(.minGapWeeks), within(rules.minGapWeeks, [.primary]) { return false }
            if enforced(.minDutyGapWeeks), within(rules.minDutyGapWeeks, DutyRole.allCases) { return false }
            if let run = rules.maxConsecutiveDutyWeeks, enforced(.maxConsecutiveDutyWeeks) {
                var length = 1
                var i = here - 1
                while i >= -lead.count, duty(i, DutyRole.allCases) {
                    length += 1
                    i -= 1
                }
                i = here + 1
                while i < slots.count, duty(i, DutyRole.allCases) {
                    length += 1
                    i += 1
                }
                if length > run { return false }
            }
            // Exclusivity with overlapping shifts of other rotations.
            for s in shifts.indices where shifts[s].rotation != shifts[t].rotation && shifts[s].dates.overlaps(dates) {
                if rules.exclusiveDuty, enforced(.exclusiveDuty), holder[.primary][s] == e || holder[.backup][s] == e {
                    return false
                }
                if role == .primary, rules.exclusivePrimary, enforced(.exclusivePrimary), holder[.primary][s] == e {
                    return false
                }
            }
            return true
        }
    }
}
