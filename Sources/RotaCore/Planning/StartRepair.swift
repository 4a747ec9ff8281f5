/// Moves single duties of a constructive start until every engineer's primary and backup counts lie within the
/// fair-share bound (``FairShareBound``), so that GLPK's first levels start at their proven lower bound.
///
/// The greedy pass fills rotations one after another; with people on several rotations and `exclusive_primary`,
/// a later rotation may find its shared people busy and miss the bound (a generated 40-engineer team: 1.56 primary
/// weeks where 0.62 is possible). Each move hands one shift of a role from someone above their lowest whole-number
/// count to someone below it (or from someone above their highest to someone below theirs), and only if the move
/// keeps every hard rule the move can touch: leave and roster, one role per shift, the gap windows, the duty runs,
/// exclusivity across rotations, pinned and forbidden duty. Among the moves, the one that adds the least holiday
/// burden wins. GLPK still checks the result row by row before it takes it as a start.
enum StartRepair {
    static func repair(_ weeks: [RotationWeek], _ scenario: Scenario, _ availability: TeamAvailability)
        -> [RotationWeek]
    {
        let rules = scenario.rules
        // The chain rule and repeated holidays tie duties to other shifts or to history: leave such starts as they are.
        if (rules.backupBecomesPrimary && !rules.isSoft(.backupBecomesPrimary))
            || (rules.avoidRepeatHolidays && !rules.isSoft(.avoidRepeatHolidays))
        {
            return weeks
        }
        var state = State(weeks, scenario, availability)
        for role in DutyRole.allCases { state.balance(role) }
        for role in DutyRole.allCases { state.avoidHolidays(role) }
        return state.weeks
    }

    private struct State {
        let scenario: Scenario
        let availability: TeamAvailability
        let shifts: [Shift]
        let rotations: [Rotation]
        let ids: [String]
        /// Slot of each row of `weeks`, and the holders by slot: `holder[role][slot]` (engineer index).
        var weeks: [RotationWeek]
        var holder: [DutyRole: [Int]]
        let rowOfSlot: [Int]
        /// Slots of each rotation, in order; position of each slot within its rotation.
        let slotsOf: [[Int]]
        let position: [Int]

        init(_ weeks: [RotationWeek], _ scenario: Scenario, _ availability: TeamAvailability) {
            self.scenario = scenario
            self.availability = availability
            let shifts = scenario.shifts
            self.shifts = shifts
            rotations = scenario.rotations
            ids = scenario.engineers.map(\.id)
            self.weeks = weeks
            let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
            var rowOfSlot = [Int](repeating: -1, count: shifts.count)
            var primary = [Int](repeating: -1, count: shifts.count)
            var backup = [Int](repeating: -1, count: shifts.count)
            for (row, week) in weeks.enumerated() {
                guard let r = scenario.rotationIndex(of: week.rotation),
                    let t = shifts.indices.first(where: { shifts[$0].rotation == r && shifts[$0].number == week.number }
                    )
                else { continue }
                rowOfSlot[t] = row
                primary[t] = index[week.primary] ?? -1
                backup[t] = index[week.backup] ?? -1
            }
            self.rowOfSlot = rowOfSlot
            holder = [.primary: primary, .backup: backup]
            slotsOf = scenario.rotations.indices.map { r in shifts.indices.filter { shifts[$0].rotation == r } }
            var position = [Int](repeating: 0, count: shifts.count)
            for r in scenario.rotations.indices {
                for (i, t) in shifts.indices.filter({ shifts[$0].rotation == r }).enumerated() { position[t] = i }
            }
            self.position = position
        }

        mutating func balance(_ role: DutyRole) {
            guard !rowOfSlot.contains(-1) else { return }
            let fair = FairShares(scenario: scenario, availability: availability)
            let engineers = ids.indices
            // The bound over all rotations (the model's deviation variable is one for all of them).
            var shares: [[Double]] = []
            var deviation = 0.0
            for (r, slots) in slotsOf.enumerated() {
                let own = engineers.map { fair.shares[r][role]![$0] - Double(fair.history[r][role]![$0]) }
                shares.append(own)
                let roster = engineers.filter { availability.onRoster[$0][r] }
                deviation = max(
                    deviation,
                    FairShareBound.lowestDeviation(
                        shares: roster.map { own[$0] },
                        available: roster.map { availability.availableWeeks($0, in: r) },
                        weeks: slots.count))
            }
            func low(_ e: Int, _ r: Int) -> Int { max(0, Int((shares[r][e] - deviation - 1e-9).rounded(.up))) }
            func high(_ e: Int, _ r: Int) -> Int {
                min(availability.availableWeeks(e, in: r), Int((shares[r][e] + deviation + 1e-9).rounded(.down)))
            }
            for _ in 0..<(4 * shifts.count) {
                var best: (cost: Int, slot: Int, to: Int)?
                for (r, slots) in slotsOf.enumerated() {
                    var count = [Int](repeating: 0, count: ids.count)
                    for t in slots { count[holder[role]![t]] += 1 }
                    let roster = engineers.filter { availability.onRoster[$0][r] }
                    for e in roster where count[e] < low(e, r) || count[e] > high(e, r) {
                        let short = count[e] < low(e, r)
                        for t in slots {
                            let current = holder[role]![t]
                            // Short: take a shift from someone who can spare it. Over: give one to someone with room.
                            let from = short ? current : e
                            guard from == current, !short || count[from] > low(from, r) else { continue }
                            let receivers = short ? [e] : roster.filter { count[$0] < high($0, r) }
                            for receiver in receivers where receiver != from && canTake(receiver, t, role, from: from) {
                                let cost = availability.weeks[receiver][t].holidayWeight
                                if best == nil || cost < best!.cost { best = (cost, t, receiver) }
                            }
                        }
                        if best != nil { break }
                    }
                    if best != nil { break }
                }
                guard let move = best else { return }
                assign(role, move.slot, move.to)
            }
        }

        /// Lowers the holiday burden without changing anyone's counts: two holders of `role` in one rotation swap
        /// shifts when that takes holiday days off duty, as long as both moves keep the hard rules.
        mutating func avoidHolidays(_ role: DutyRole) {
            guard !rowOfSlot.contains(-1) else { return }
            func h(_ e: Int, _ t: Int) -> Int { availability.weeks[e][t].holidayWeight }
            for _ in 0..<2 {
                var improved = false
                for slots in slotsOf {
                    for t in slots where h(holder[role]![t], t) > 0 {
                        let e = holder[role]![t]
                        for u in slots where u != t {
                            let f = holder[role]![u]
                            guard f != e, h(e, t) + h(f, u) > h(e, u) + h(f, t) else { continue }
                            // e takes u from f, then f takes t from e; undone if the second move is not allowed.
                            guard canTake(e, u, role, from: f) else { continue }
                            assign(role, u, e)
                            if canTake(f, t, role, from: e) {
                                assign(role, t, f)
                                improved = true
                                break
                            }
                            assign(role, u, f)
                        }
                    }
                }
                if !improved { return }
            }
        }

        mutating func assign(_ role: DutyRole, _ slot: Int, _ engineer: Int) {
            holder[role]![slot] = engineer
            let row = rowOfSlot[slot]
            let week = weeks[row]
            weeks[row] = RotationWeek(
                rotation: week.rotation, number: week.number, dates: week.dates,
                primary: role == .primary ? ids[engineer] : week.primary,
                backup: role == .backup ? ids[engineer] : week.backup)
        }

        /// Whether engineer e may take `role` in slot t from `from` without breaking a hard rule the move touches.
        func canTake(_ e: Int, _ t: Int, _ role: DutyRole, from: Int) -> Bool {
            let rules = scenario.rules
            guard availability.isFree(e, t) else { return false }
            let other: DutyRole = role == .primary ? .backup : .primary
            guard holder[other]![t] != e else { return false }
            let rotation = rotations[shifts[t].rotation]
            let dates = shifts[t].dates
            func hard(_ rule: SchedulingRule) -> Bool { !rules.isSoft(rule) }
            if hard(.forbiddenDuty),
                scenario.engineers[e].forbidden.contains(where: {
                    ($0.role == nil || $0.role == role) && $0.applies(to: dates, of: rotation)
                })
            {
                return false
            }
            if hard(.pinnedDuty),
                scenario.engineers[from].pinned.contains(where: {
                    $0.role == role && $0.applies(to: dates, of: rotation)
                })
            {
                return false
            }
            // Duty of e in this rotation, by position, after the move.
            let slots = slotsOf[shifts[t].rotation]
            func duty(_ i: Int, _ roles: [DutyRole]) -> Bool {
                let slot = slots[i]
                if slot == t { return roles.contains(role) || (roles.contains(other) && holder[other]![slot] == e) }
                return roles.contains { holder[$0]![slot] == e }
            }
            let here = position[t]
            func within(_ distance: Int, _ roles: [DutyRole]) -> Bool {
                guard distance > 0 else { return false }
                let range = max(0, here - distance)...min(slots.count - 1, here + distance)
                return range.contains { $0 != here && duty($0, roles) }
            }
            if role == .primary, hard(.minGap), within(rules.minGapWeeks, [.primary]) { return false }
            if hard(.minDutyGap), within(rules.minDutyGapWeeks, DutyRole.allCases) { return false }
            if let run = rules.maxConsecutiveDutyWeeks, hard(.maxConsecutiveDuty) {
                var length = 1
                var i = here - 1
                while i >= 0, duty(i, DutyRole.allCases) {
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
                if rules.exclusiveDuty, hard(.exclusiveDuty), holder[.primary]![s] == e || holder[.backup]![s] == e {
                    return false
                }
                if role == .primary, rules.exclusivePrimary, hard(.exclusivePrimary), holder[.primary]![s] == e {
                    return false
                }
            }
            return true
        }
    }
}
