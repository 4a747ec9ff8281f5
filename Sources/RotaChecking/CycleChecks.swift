import RotaModel

/// Judges the cycle rules (each_primary_once, each_backup_at_least_once) and fixed_order from the rotation rows
/// alone, one finding per instance as docs/model.md counts them. Who is free in a shift is the calendar's fact
/// (``TeamAvailability``: on the roster, no leave in it that covered_leave does not admit).
extension RuleChecker {
    func checkCycles(_ weeks: [RotationShift], availability: TeamAvailability) -> [RuleViolation] {
        let rules = scenario.rules
        let leads = scenario.historyLeads
        let shifts = scenario.shifts
        var findings: [RuleViolation] = []
        for (rule, on, role) in [
            (Rule.eachPrimaryOnce, rules.eachPrimaryOnce, DutyRole.primary),
            (.eachBackupAtLeastOnce, rules.eachBackupAtLeastOnce, .backup),
        ] where on && rules.cycleWeeks != nil {
            for (r, rotation) in scenario.rotations.enumerated() where rotation.roles.contains(role) {
                let slots = shifts.indices.filter { shifts[$0].rotation == r }
                let holders = rowsByNumber(weeks, rotation: r)
                let lead = leads[r]
                for cycle in scenario.cycles(ofRotation: r, leadCount: lead.count) {
                    let numbers = cycle.filter { $0 >= 0 }.map { $0 + 1 }
                    for id in rotation.roster {
                        guard let e = scenario.engineers.firstIndex(where: { $0.id == id }),
                            !scenario.isOnboarding(scenario.engineers[e], on: rotation)
                        else { continue }
                        let before = cycle.filter { $0 < 0 }.contains { lead.holds(id, [role], at: $0) }
                        let held = numbers.contains { holders[$0]?.engineer(for: role) == id }
                        let free = numbers.filter { availability.isFree(e, slots[$0 - 1], for: role) }
                        guard !before, !held, !free.isEmpty else { continue }
                        let past =
                            cycle.lowerBound < 0
                            ? "the history's last \(-cycle.lowerBound == 1 ? "shift" : "\(-cycle.lowerBound) shifts") and "
                            : ""
                        findings.append(
                            .init(
                                rule,
                                "\(id) is never \(role.rawValue) in the cycle of \(past)"
                                    + "\(shiftRange(rotation, numbers)) (cycle_weeks: \(rules.cycleWeeks!)), though "
                                    + "free in \(shiftsText(rotation, free)); \(rule.rawValue) is set",
                                week: numbers.last, rotation: rotation.id, engineer: id))
                    }
                }
            }
        }
        return findings
    }

    /// fixed_order: each shift's primary is the next in the order after the previous shift's primary (the
    /// history's last for the first shift) who is free in it; one finding per handoff that departs from it.
    func checkFixedOrder(_ weeks: [RotationShift], availability: TeamAvailability) -> [RuleViolation] {
        guard scenario.rules.fixedOrder != nil else { return [] }
        let leads = scenario.historyLeads
        let shifts = scenario.shifts
        var findings: [RuleViolation] = []
        for (r, rotation) in scenario.rotations.enumerated() {
            // Whoever is still onboarding on the rotation is outside its order this period.
            guard let order = scenario.fixedOrder(of: rotation) else { continue }
            let slots = shifts.indices.filter { shifts[$0].rotation == r }
            let holders = rowsByNumber(weeks, rotation: r)
            let several = scenario.rotations.count > 1
            /// The next after `previous` in the order who is free in shift `number`, and those skipped for leave.
            func next(after previous: String, in number: Int) -> (String, [String])? {
                guard let k = order.firstIndex(of: previous) else { return nil }
                var skipped: [String] = []
                for step in 1...order.count {
                    let id = order[(k + step) % order.count]
                    guard let e = scenario.engineers.firstIndex(where: { $0.id == id }) else { continue }
                    if availability.isFree(e, slots[number - 1], for: .primary) { return (id, skipped) }
                    let away = !availability.isFree(e, slots[number - 1])
                    skipped.append("\(id) (\(away ? "on leave" : "not primary then: `can:`, `from:`"))")
                }
                return nil
            }
            let sequence = order.joined(separator: " → ")
            for number in 1...max(1, slots.count) {
                guard let shift = holders[number] else { continue }
                let previous: (primary: String, source: String)?
                if number == 1 {
                    previous = leads[r].shifts.last.map { ($0.primary, "the history's shift \($0.dates)") }
                } else {
                    previous = holders[number - 1].map {
                        ($0.primary, "\(rotation.label(number - 1, among: several ? 2 : 1))")
                    }
                }
                guard let previous, let (expected, skipped) = next(after: previous.primary, in: number),
                    shift.primary != expected
                else { continue }
                let skipping = skipped.isEmpty ? "" : ", skipping \(skipped.joined(separator: ", "))"
                findings.append(
                    .init(
                        .fixedOrder,
                        "\(rotation.label(number, among: several ? 2 : 1))'s primary is \(shift.primary), but "
                            + "fixed_order (\(sequence)) has \(expected) after \(previous.primary), primary in "
                            + "\(previous.source)\(skipping)", week: number, rotation: rotation.id,
                        engineer: shift.primary))
            }
        }
        return findings
    }

    /// The first row of each shift number of rotation `r`.
    func rowsByNumber(_ weeks: [RotationShift], rotation r: Int) -> [Int: RotationShift] {
        var byNumber: [Int: RotationShift] = [:]
        for week in weeks where scenario.rotationIndex(of: week.rotation) == r && byNumber[week.number] == nil {
            byNumber[week.number] = week
        }
        return byNumber
    }

    /// "weeks 5–8", "growth weeks 5–8".
    private func shiftRange(_ rotation: Rotation, _ numbers: [Int]) -> String {
        let prefix = scenario.rotations.count > 1 ? "\(rotation.id) " : ""
        let word = rotation.period.shiftWord
        guard let first = numbers.first, let last = numbers.last, first != last else {
            return "\(prefix)\(word) \(numbers.first ?? 0)"
        }
        return "\(prefix)\(word)s \(first)–\(last)"
    }
}
