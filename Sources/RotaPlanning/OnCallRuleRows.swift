import LinearProgramming
import RotaChecking
import RotaModel

/// The on-call rule rows of docs/model.md, one method per row family, each added through the row writer (hard rows,
/// or a slack per instance for soft rules and explanations): `leave` (elastic mode only), `gap` / `duty_gap` / `run`
/// (rules 4, 16, 17), `chain` (18), `cycle_primary` / `cycle_backup` (28, 29), `order` with `order_sequence` (30),
/// `exclusive_primary` / `exclusive_duty` (21, 22), `repeat_holiday` (20) and the requests `pinned_duty` /
/// `forbidden_duty` / `undesired_duty` (23–25), `eligibility` (elastic mode only) and `onboarding` (32). Frozen shifts
/// of a baseline get none.
struct OnCallRuleRows {
    let scenario: Scenario
    let availability: TeamAvailability
    let mode: RuleMode
    /// The slots, their names in rows and each rotation's slots in order.
    let shifts: [Shift]
    let slotName: [String]
    let slotsOf: [[Int]]
    let frozen: [Bool]
    /// `primary[e][t]` / `backup[e][t]` (nil: no variable, e.g. on leave in planning mode).
    let primary: [[Variable?]]
    let backup: [[Variable?]]
    /// A hard fixed order's sequences of turns (planning mode only).
    let sequences: OrderSequences?

    private let engineers: [Engineer]
    private let ids: [String]
    private let rules: Rules
    private let rotations: [Rotation]
    private let weeks: Int
    private let shiftDates: [DateRange]
    private let historyLeads: [HistoryLead]

    init(
        scenario: Scenario, availability: TeamAvailability, mode: RuleMode, shifts: [Shift], slotName: [String],
        slotsOf: [[Int]], frozen: [Bool], primary: [[Variable?]], backup: [[Variable?]],
        sequences: OrderSequences? = nil
    ) {
        self.sequences = sequences
        self.scenario = scenario
        self.availability = availability
        self.mode = mode
        self.shifts = shifts
        self.slotName = slotName
        self.slotsOf = slotsOf
        self.frozen = frozen
        self.primary = primary
        self.backup = backup
        engineers = scenario.engineers
        ids = engineers.map(\.id)
        rules = scenario.rules
        rotations = scenario.rotations
        weeks = shifts.count
        shiftDates = shifts.map(\.dates)
        historyLeads = scenario.historyLeads
    }

    /// Every family, in the order the model has always added them (row and slack order is part of GLPK's path).
    func add(to rows: inout RuleRowWriter) {
        leave(&rows)
        eligibility(&rows)
        windows(&rows)
        chain(&rows)
        cycles(&rows)
        order(&rows)
        exclusive(&rows)
        repeatHoliday(&rows)
        requests(&rows)
        onboarding(&rows)
    }

    private func duty(_ role: DutyRole) -> [[Variable?]] { role == .primary ? primary : backup }
    /// Duty (both roles) of e in shift t.
    private func onDuty(_ e: Int, _ t: Int) -> [Variable] { [primary[e][t], backup[e][t]].compactMap { $0 } }
    /// Whether a rule instance over `slots` concerns only the frozen past.
    private func pastOnly(_ slots: [Int]) -> Bool { slots.allSatisfy { frozen[$0] } }

    /// `leave(e,t)`.
    func leave(_ rows: inout RuleRowWriter) {
        // Leave: only a row in elastic mode (in planning mode the variables do not exist).
        if mode == .elastic {
            for e in engineers.indices {
                for t in 0..<weeks
                where availability.onRoster[e][shifts[t].rotation] && availability.shifts[e][t].onLeave && !frozen[t] {
                    rows.add(
                        "leave(\(ids[e]),\(slotName[t]))", [LinearExpression.sum(onDuty(e, t)) <= 0],
                        RuleInstance(.leave, engineers: [ids[e]], shifts: [t]))
                }
            }
        }
    }

    /// `eligibility(e,t,role)`: like leave, only a row in elastic mode.
    func eligibility(_ rows: inout RuleRowWriter) {
        guard mode == .elastic else { return }
        for (e, engineer) in engineers.enumerated() where engineer.eligibility.isRestricted {
            for t in 0..<weeks where availability.onRoster[e][shifts[t].rotation] && !frozen[t] {
                for role in DutyRole.allCases where !engineer.eligibility.allows(role, in: shifts[t].dates) {
                    guard let x = duty(role)[e][t] else { continue }
                    rows.add(
                        "eligibility(\(ids[e]),\(slotName[t]),\(role.rawValue))", [LinearExpression.sum([x]) <= 0],
                        RuleInstance(.eligibility, engineers: [ids[e]], shifts: [t]))
                }
            }
        }
    }

    /// `onboarding(e,t)`: k x_{e,t} − Σ_{τ before t} y_{e,τ} ≤ H, H the engineer's backup shifts in the rotation's
    /// history; only where H < k.
    func onboarding(_ rows: inout RuleRowWriter) {
        for (e, engineer) in engineers.enumerated() {
            guard let needed = engineer.onboardingBackupShifts else { continue }
            // A rotation of primaries alone has no backup shifts to learn in: the rule is about the others.
            for (r, slots) in slotsOf.enumerated() where availability.onRoster[e][r] && rotations[r].hasBackup {
                let before = scenario.history.count(engineer.id, .backup, rotation: rotations[r], in: scenario)
                guard before < needed else { continue }
                for (i, t) in slots.enumerated() {
                    guard let x = primary[e][t], !frozen[t] else { continue }
                    let backups = slots[..<i].compactMap { backup[e][$0] }
                    rows.add(
                        "onboarding(\(ids[e]),\(slotName[t]))",
                        [Double(needed) * x - LinearExpression.sum(backups) <= Double(before)],
                        RuleInstance(.onboarding, engineers: [ids[e]], shifts: [t]))
                }
            }
        }
    }

    /// `gap`, `duty_gap` and `run`: windows of consecutive shifts, also reaching back into the history.
    func windows(_ rows: inout RuleRowWriter) {
        // Windows: at most `most` duties (of the given roles) in any `length` consecutive shifts.
        // Within each rotation: windows of `length` consecutive shifts of the rotation.
        // A window may reach back into the history's shifts just before the rotation's first (``HistoryLead``):
        // the duties there are constants, so the row leaves the period's part of the window what they leave over.
        func family(_ rule: Rule, name: String, length: Int, most: Int, roles: [DutyRole]) {
            guard length > 1 else { return }
            for (r, slots) in slotsOf.enumerated() {
                for e in engineers.indices {
                    for back in stride(from: min(historyLeads[r].count, length - 1), through: 1, by: -1) {
                        let past = historyLeads[r].count(ids[e], roles, inLast: back)
                        let window = Array(slots.prefix(length - back))
                        let terms = window.flatMap { s in roles.compactMap { duty($0)[e][s] } }
                        let room = max(0, most - past)
                        guard past > 0, terms.count > room, !pastOnly(window) else { continue }
                        rows.add(
                            "\(name)(\(ids[e]),\(slotName[window[0]]),history-\(back))",
                            [LinearExpression.sum(terms) <= Double(room)],
                            RuleInstance(rule, engineers: [ids[e]], shifts: window, history: back))
                    }
                    for start in 0..<max(1, slots.count - length + 1) {
                        let window = Array(slots[start..<min(slots.count, start + length)])
                        let terms = window.flatMap { s in roles.compactMap { duty($0)[e][s] } }
                        guard terms.count > most, !pastOnly(window) else { continue }
                        rows.add(
                            "\(name)(\(ids[e]),\(slotName[window[0]]))", [LinearExpression.sum(terms) <= Double(most)],
                            RuleInstance(rule, engineers: [ids[e]], shifts: window))
                    }
                }
            }
        }
        family(.minGapWeeks, name: "gap", length: rules.minGapWeeks + 1, most: 1, roles: [.primary])
        family(
            .minDutyGapWeeks, name: "duty_gap", length: rules.minDutyGapWeeks + 1, most: 1, roles: DutyRole.allCases)
        if let run = rules.maxConsecutiveDutyWeeks {
            family(.maxConsecutiveDutyWeeks, name: "run", length: run + 1, most: run, roles: DutyRole.allCases)
        }
    }

    /// `chain(t)` and `chain(t,history)`: backup_becomes_primary.
    func chain(_ rows: inout RuleRowWriter) {
        if rules.backupBecomesPrimary {
            // A rotation of primaries alone has no chain.
            for (r, slots) in slotsOf.enumerated() where rotations[r].hasBackup {
                // The backup of the history's last shift (when still on the roster) is the first primary.
                if let first = slots.first, let backup = historyLeads[r].lastBackup, let e = ids.firstIndex(of: backup),
                    availability.onRoster[e][r], !pastOnly([first])
                {
                    let p = primary[e][first].map { LinearExpression($0) } ?? LinearExpression()
                    rows.add(
                        "chain(\(slotName[first]),history)", [p == 1],
                        RuleInstance(.backupBecomesPrimary, engineers: [backup], shifts: [first], history: 1))
                }
                for (t, next) in zip(slots, slots.dropFirst()) where !pastOnly([t, next]) {
                    // b(e,t) = p(e,t+1) for every engineer; a missing variable (leave) is 0.
                    let constraints = engineers.indices.compactMap { e -> LinearConstraint? in
                        let b = backup[e][t].map { LinearExpression($0) } ?? LinearExpression()
                        let p = primary[e][next].map { LinearExpression($0) } ?? LinearExpression()
                        return b.terms.isEmpty && p.terms.isEmpty ? nil : b - p == 0
                    }
                    rows.add(
                        "chain(\(slotName[t]))", constraints, RuleInstance(.backupBecomesPrimary, shifts: [t, next]))
                }
            }
        }
    }

    /// `cycle_primary(e,c)` and `cycle_backup(e,c)`: each_primary_once and each_backup_at_least_once. In each
    /// complete cycle (``Scenario/cycles(ofRotation:leadCount:)``), everyone on the roster who is free in one of its
    /// open shifts holds the role at least once there; a cycle in which they held it already (in the history's
    /// shifts or the frozen past) has no row.
    func cycles(_ rows: inout RuleRowWriter) {
        for (rule, on, role, name) in [
            (Rule.eachPrimaryOnce, rules.eachPrimaryOnce, DutyRole.primary, "cycle_primary"),
            (.eachBackupAtLeastOnce, rules.eachBackupAtLeastOnce, .backup, "cycle_backup"),
        ] where on {
            for (r, slots) in slotsOf.enumerated() where !slots.isEmpty && rotations[r].roles.contains(role) {
                let lead = historyLeads[r]
                for cycle in scenario.cycles(ofRotation: r, leadCount: lead.count) {
                    let inPeriod = cycle.filter { $0 >= 0 }.map { slots[$0] }
                    let open = inPeriod.filter { !frozen[$0] }
                    for e in engineers.indices
                    where availability.onRoster[e][r] && !scenario.isOnboarding(engineers[e], on: rotations[r]) {
                        let heldBefore = cycle.contains { $0 < 0 && lead.holds(ids[e], [role], at: $0) }
                        let heldFrozen = inPeriod.contains { frozen[$0] && isHeld(e, $0, role, in: rows.model) }
                        guard !heldBefore, !heldFrozen, open.contains(where: { availability.isFree(e, $0, for: role) })
                        else { continue }
                        rows.add(
                            "\(name)(\(ids[e]),\(slotName[inPeriod[0]]))",
                            [LinearExpression.sum(open.compactMap { duty(role)[e][$0] }) >= 1],
                            RuleInstance(
                                rule, engineers: [ids[e]], shifts: inPeriod, history: max(0, -cycle.lowerBound)))
                    }
                }
            }
        }
    }

    /// Whether e's `role` variable in shift t is fixed at 1 (a frozen shift of the baseline has them there).
    private func isHeld(_ e: Int, _ t: Int, _ role: DutyRole, in model: Model) -> Bool {
        duty(role)[e][t].map { model.variables[$0.index].lowerBound == 1 } ?? false
    }

    /// `order(t)` and `order(first,history)`: fixed_order. The primary of each shift after the first is the next
    /// in the rotation's order after the previous shift's primary who is free in it (leave skips a turn); the first
    /// shift follows the history's last primary.
    func order(_ rows: inout RuleRowWriter) {
        guard rules.fixedOrder != nil else { return }
        for (r, slots) in slotsOf.enumerated() {
            guard let order = scenario.fixedOrder(of: rotations[r]) else { continue }
            let members = order.compactMap { ids.firstIndex(of: $0) }
            /// The next after position k of the order free in shift t (the same engineer when nobody else is).
            func successor(_ k: Int, _ t: Int) -> Int? {
                OrderSequences.successor(of: k, in: members) { availability.isFree($0, t, for: .primary) }
            }
            func p(_ e: Int, _ t: Int) -> LinearExpression { primary[e][t].map { LinearExpression($0) } ?? .init() }
            if let first = slots.first, let before = historyLeads[r].shifts.last?.primary,
                let k = order.firstIndex(of: before), let next = successor(k, first), !pastOnly([first])
            {
                rows.add(
                    "order(\(slotName[first]),history)", [p(next, first) == 1],
                    RuleInstance(.fixedOrder, engineers: [ids[next]], shifts: [first], history: 1))
            }
            for (t, next) in zip(slots, slots.dropFirst()) where !pastOnly([t, next]) {
                let constraints = members.enumerated().compactMap { k, e -> LinearConstraint? in
                    guard primary[e][t] != nil, let successor = successor(k, next) else { return nil }
                    return p(e, t) - p(successor, next) <= 0
                }
                rows.add("order(\(slotName[t]))", constraints, RuleInstance(.fixedOrder, shifts: [t, next]))
            }
            if let rotation = sequences?.rotations[r] {
                orderSequences(&rows.model, rotation, members, departures: Self.departures(rows.relaxable))
            }
        }
    }

    /// The slack of each soft order instance, by the slot its handoff leaves (a departure after that shift).
    static func departures(_ relaxable: [RelaxableRow]) -> [Int: Variable] {
        Dictionary(
            relaxable.filter { $0.instance.rule == .fixedOrder && $0.instance.history == 0 }.map {
                ($0.instance.shifts[0], $0.slack)
            }, uniquingKeysWith: { first, _ in first })
    }

    /// `order_sequence(e,t)`: the primary of every shift after the anchor follows from the anchor's
    /// (``OrderSequences``) until the order is departed from, so |x_{e,t} − Σ x_{k,anchor}| over the starts k whose
    /// sequence reaches e at t is at most the departures before t (none under a hard order: an equality). Implied by
    /// the order rows for whole numbers, these rows make the LP see it too.
    private func orderSequences(
        _ model: inout Model, _ rotation: OrderSequences.RotationSequences, _ members: [Int],
        departures: [Int: Variable]
    ) {
        let anchor = rotation.slots[rotation.anchor]
        var before = LinearExpression()
        for i in (rotation.anchor + 1)..<rotation.slots.count {
            if let departure = departures[rotation.slots[i - 1]] { before += LinearExpression(departure) }
            let t = rotation.slots[i]
            for e in members {
                let starts = rotation.starts.filter { $0.primaries[i] == e }
                guard primary[e][t] != nil || !starts.isEmpty else { continue }
                let x = primary[e][t].map { LinearExpression($0) } ?? LinearExpression()
                let difference = x - LinearExpression.sum(starts.compactMap { primary[$0.engineer][anchor] })
                let name = "order_sequence(\(ids[e]),\(slotName[t]))"
                if before.terms.isEmpty {
                    model.add(name, difference == 0)
                } else {
                    model.add(name + "#1", difference - before <= 0)
                    model.add(name + "#2", difference + before >= 0)
                }
            }
        }
    }

    /// `exclusive_primary(e,S)` and `exclusive_duty(e,S)`.
    func exclusive(_ rows: inout RuleRowWriter) {
        // Across rotations: at any time, at most one primary (exclusive_primary) or one duty (exclusive_duty) each.
        // The shifts running on a day change only at handoffs, so one row per set of overlapping shifts suffices.
        if rotations.count > 1 {
            var sets = Set<[Int]>()
            for t in 0..<weeks {
                let overlapping = (0..<weeks).filter { shiftDates[$0].contains(shiftDates[t].first) }
                if overlapping.count > 1 { sets.insert(overlapping) }
            }
            for slots in sets.sorted(by: { $0.lexicographicallyPrecedes($1) }) where !pastOnly(slots) {
                for e in engineers.indices {
                    for (rule, on, roles) in [
                        (Rule.exclusivePrimary, rules.exclusivePrimary, [DutyRole.primary]),
                        (.exclusiveDuty, rules.exclusiveDuty, DutyRole.allCases),
                    ] where on {
                        let terms = slots.flatMap { t in roles.compactMap { duty($0)[e][t] } }
                        guard
                            Set(
                                slots.filter { t in roles.contains { duty($0)[e][t] != nil } }.map {
                                    shifts[$0].rotation
                                }
                            )
                            .count > 1
                        else { continue }
                        rows.add(
                            "\(rule.rawValue)(\(ids[e]),\(slots.map { slotName[$0] }.joined(separator: "+")))",
                            [LinearExpression.sum(terms) <= 1], RuleInstance(rule, engineers: [ids[e]], shifts: slots))
                    }
                }
            }
        }
    }

    /// `repeat_holiday(e,t)`: avoid_repeat_holidays.
    func repeatHoliday(_ rows: inout RuleRowWriter) {
        // No duty over a holiday the engineer had duty over in the history.
        if rules.avoidRepeatHolidays {
            let repeated = RotationModel.repeatedHolidays(scenario, availability)
            for e in engineers.indices {
                for t in 0..<weeks where !frozen[t] && repeated[e][t] {
                    rows.add(
                        "repeat_holiday(\(ids[e]),\(slotName[t]))", [LinearExpression.sum(onDuty(e, t)) <= 0],
                        RuleInstance(.avoidRepeatHolidays, engineers: [ids[e]], shifts: [t]))
                }
            }
        }
    }

    /// `pinned_duty`, `forbidden_duty`, `undesired_duty`.
    func requests(_ rows: inout RuleRowWriter) {
        // Pinned, forbidden and undesired duty, per engineer and shift.
        for (e, engineer) in engineers.enumerated() {
            for (rule, requests) in [
                (Rule.pinnedDuty, engineer.pinned), (.forbiddenDuty, engineer.forbidden),
                (.undesiredDuty, engineer.undesired),
            ] {
                var seen = Set<String>()
                for request in requests {
                    for t in 0..<weeks
                    where request.applies(to: shiftDates[t], of: rotations[shifts[t].rotation]) && !frozen[t] {
                        let roles = request.role.map { [$0] } ?? DutyRole.allCases
                        let key = "\(t),\(roles.map(\.rawValue))"
                        guard seen.insert(key).inserted else { continue }
                        let terms = LinearExpression.sum(roles.compactMap { duty($0)[e][t] })
                        let suffix = request.role.map { ",\($0.rawValue)" } ?? ""
                        let name = "\(rule.rawValue)(\(ids[e]),\(slotName[t])\(suffix))"
                        let instance = RuleInstance(rule, engineers: [ids[e]], shifts: [t])
                        rows.add(name, [rule == .pinnedDuty ? terms >= 1 : terms <= 0], instance)
                    }
                }
            }
        }
    }
}
