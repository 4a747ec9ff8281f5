import LinearProgramming
import RotaModel

/// The on-call part's goal levels of docs/model.md: `primary_count` / `backup_count` with `primary_above` /
/// `primary_below` (and backup's) on one deviation variable per role (rows 5, 6: the on-call balance goal), and
/// `holiday_burden` (row 7) with the team's total and the largest burden (the holiday goal). Declared fairness bounds
/// are rows on these variables.
struct OnCallLevelRows {
    let scenario: Scenario
    let availability: TeamAvailability
    /// Each rotation's slots in order; whether the scenario has one rotation (row names then name none).
    let slotsOf: [[Int]]
    let single: Bool
    let primary: [[Variable?]]
    let backup: [[Variable?]]
    let shares: FairShares
    /// The history's holiday burden per engineer.
    let historyBurden: [Int]

    private var engineers: [Engineer] { scenario.engineers }

    private func duty(_ role: DutyRole) -> [[Variable?]] { role == .primary ? primary : backup }

    /// `order_deviation(r)`: under a fixed order kept throughout, rotation r's primary deviation is that of the
    /// sequence its anchor's primary starts (``OrderSequences``): D^p ≥ Σ_k dev_k · x_{start k, anchor} − max_k dev_k ·
    /// (the rotation's departures, none under a hard order). Valid since one start is chosen, and a departure
    /// frees the row; the LP then pays for a mix of sequences what the mix costs (generated L: bound 1.20 against an
    /// optimum of 1.29 without it).
    func orderDeviation(
        _ model: inout Model, _ sequences: OrderSequences, deviation: Variable, departures: [Int: Variable]
    ) {
        for (r, rotation) in sequences.rotations.sorted(by: { $0.key < $1.key }) {
            let anchor = rotation.slots[rotation.anchor]
            var expression = LinearExpression()
            var most = 0.0
            for start in rotation.starts {
                guard let x = primary[start.engineer][anchor] else { continue }
                let worst =
                    scenario.engineers.indices.filter { availability.onRoster[$0][r] }.map { e in
                        abs(
                            Double((start.counts[e] ?? 0) + shares.history[r][.primary][e])
                                - shares.shares[r][.primary][e])
                    }.max() ?? 0
                expression += worst * LinearExpression(x)
                most = max(most, worst)
            }
            for slot in rotation.slots {
                if let departure = departures[slot] { expression -= most * LinearExpression(departure) }
            }
            model.add(
                "order_deviation(\(scenario.rotations[r].id.isEmpty ? "\(r + 1)" : scenario.rotations[r].id))",
                expression - LinearExpression(deviation) <= 0)
        }
    }

    /// The balance levels (primary, then backup deviation; with several rotations then the deviation across
    /// them), with each engineer's count variables per rotation.
    func balance(_ rows: inout RuleRowWriter) -> (
        levels: [ObjectiveLevel], counts: [DutyRole: [[Variable?]]], deviations: [DutyRole: Variable],
        acrossRotations: (level: ObjectiveLevel, deviation: Variable)?
    ) {
        let ids = engineers.map(\.id)
        let rotations = scenario.rotations
        let bounds = scenario.rules.fairness
        var counts: [DutyRole: [[Variable?]]] = [:]
        var deviations: [DutyRole: Variable] = [:]
        var balance: [ObjectiveLevel] = []
        // A role no rotation has (backup, when every rotation has primaries alone) has no level.
        for role in DutyRole.allCases where rotations.contains(where: { $0.roles.contains(role) }) {
            // Per rotation: slots per engineer (variables that exist), and the smallest and largest deviation that
            // whole-number counts allow. Counts are integer variables so that branch-and-bound splits on "n ≤ k or
            // n ≥ k + 1" rather than on single shifts. The floor is FairShareBound's (counts shifted by history),
            // counted over the variables that exist (not over leave alone), so it holds in every mode; the deviation
            // variable is the largest over all rotations, so its floor is the largest rotation floor.
            var floor = 0.0
            var ceiling = 0.0
            var slotCounts: [[Int]] = []
            // Every |total − share| a count allows: the deviation's optimum is the largest of some of them.
            var attainable = Set<Double>()
            for (r, slots) in slotsOf.enumerated() {
                let share = shares.shares[r][role]
                let past = shares.history[r][role]
                let free = engineers.indices.map { e in slots.filter { duty(role)[e][$0] != nil }.count }
                slotCounts.append(free)
                guard rotations[r].roles.contains(role) else { continue }
                let roster = engineers.indices.filter { availability.onRoster[$0][r] }
                floor = max(
                    floor,
                    FairShareBound.lowestDeviation(
                        shares: roster.map { share[$0] - Double(past[$0]) }, available: roster.map { free[$0] },
                        weeks: slots.count))
                for e in roster {
                    ceiling = max(
                        ceiling, abs(Double(past[e]) - share[e]), abs(Double(past[e] + free[e]) - share[e]))
                    for k in 0...free[e] { attainable.insert(abs(Double(past[e] + k) - share[e])) }
                }
            }
            let deviation = rows.model.addVariable(
                "\(role.rawValue)_deviation", .continuous, lowerBound: floor, upperBound: max(floor, ceiling))
            deviations[role] = deviation
            var roleCounts: [[Variable?]] = []
            for (r, slots) in slotsOf.enumerated() {
                let suffix = single ? "" : ",\(rotations[r].id)"
                roleCounts.append(
                    engineers.indices.map { e -> Variable? in
                        guard availability.onRoster[e][r], rotations[r].roles.contains(role) else { return nil }
                        let share = shares.shares[r][role][e]
                        let past = shares.history[r][role][e]
                        let count = rows.model.addVariable(
                            "\(role.rawValue)_weeks(\(ids[e])\(suffix))", .integer, lowerBound: 0,
                            upperBound: Double(slotCounts[r][e]))
                        rows.model.add(
                            "\(role.rawValue)_count(\(ids[e])\(suffix))",
                            LinearExpression.sum(slots.compactMap { duty(role)[e][$0] }) == LinearExpression(count))
                        let total = LinearExpression(count) + Double(past)
                        rows.model.add(
                            "\(role.rawValue)_above(\(ids[e])\(suffix))",
                            total - share <= LinearExpression(deviation))
                        rows.model.add(
                            "\(role.rawValue)_below(\(ids[e])\(suffix))",
                            share - total <= LinearExpression(deviation))
                        return count
                    })
            }
            counts[role] = roleCounts
            if let bound = bounds.maxDeviation {
                rows.add(
                    "fairness_max_deviation(\(role.rawValue))", [LinearExpression(deviation) <= bound],
                    RuleInstance(.maxDeviation))
            }
            balance.append(
                ObjectiveLevel(
                    kind: role == .primary ? .primaryBalance : .backupBalance,
                    expression: LinearExpression(deviation),
                    attainable: ObjectiveLevel.distinct(attainable.union([floor]).filter { $0 >= floor - 1e-9 })))
        }
        guard !single, scenario.rules.optionalGoals.contains(.acrossRotationsBalance) else {
            return (balance, counts, deviations, nil)
        }
        let across = acrossRotations(&rows, counts: counts)
        return (balance, counts, deviations, across)
    }

    /// Rows `across_above` / `across_below` (docs/model.md): per engineer and role, the weeks over every rotation
    /// they are on (history included) against the fair shares summed over those rotations, on one deviation
    /// variable for both roles. Each rotation balanced on its own can still leave one person ahead in all of them.
    private func acrossRotations(_ rows: inout RuleRowWriter, counts: [DutyRole: [[Variable?]]]) -> (
        level: ObjectiveLevel, deviation: Variable
    ) {
        let ids = engineers.map(\.id)
        var terms: [(name: String, count: LinearExpression, share: Double)] = []
        var attainable = Set<Double>([0])
        var ceiling = 0.0
        for role in DutyRole.allCases {
            guard let roleCounts = counts[role] else { continue }
            for e in engineers.indices {
                let rotations = slotsOf.indices.filter { availability.onRoster[e][$0] && roleCounts[$0][e] != nil }
                guard !rotations.isEmpty else { continue }
                var count = LinearExpression()
                var past = 0
                var share = 0.0
                var free = 0
                for r in rotations {
                    if let variable = roleCounts[r][e] {
                        count += LinearExpression(variable)
                        free += Int(rows.model.variables[variable.index].upperBound ?? 0)
                    }
                    past += shares.history[r][role][e]
                    share += shares.shares[r][role][e]
                }
                for k in 0...max(0, free) { attainable.insert(abs(Double(past + k) - share)) }
                ceiling = max(ceiling, abs(Double(past) - share), abs(Double(past + free) - share))
                terms.append(("\(role.rawValue),\(ids[e])", count + Double(past), share))
            }
        }
        let deviation = rows.model.addVariable(
            "across_rotations_deviation", .continuous, lowerBound: 0, upperBound: ceiling)
        for term in terms {
            rows.model.add("across_above(\(term.name))", term.count - term.share <= LinearExpression(deviation))
            rows.model.add("across_below(\(term.name))", term.share - term.count <= LinearExpression(deviation))
        }
        return (
            ObjectiveLevel(
                kind: .acrossRotationsBalance, expression: LinearExpression(deviation),
                attainable: ObjectiveLevel.distinct(attainable)),
            deviation
        )
    }

    /// The holiday levels (total, then the largest burden of one engineer, history included).
    func holidayBurden(_ rows: inout RuleRowWriter) -> (levels: [ObjectiveLevel], largest: Variable) {
        let ids = engineers.map(\.id)
        let bounds = scenario.rules.fairness
        let weeks = primary.first?.count ?? 0
        var burden: [LinearExpression] = []
        for e in engineers.indices {
            var expression = LinearExpression()
            for t in 0..<weeks where availability.shifts[e][t].holidayWeight > 0 {
                let days = Double(availability.shifts[e][t].holidayWeight)
                if let p = primary[e][t] { expression.add(p, coefficient: 2 * days) }
                if let b = backup[e][t] { expression.add(b, coefficient: days) }
            }
            burden.append(expression)
        }
        let total = LinearExpression.sum(burden)
        if let bound = bounds.maxTotalHolidayBurden {
            rows.add(
                "fairness_max_total_holiday_burden", [total <= Double(bound)], RuleInstance(.maxTotalHolidayBurden))
        }
        let largestBound =
            engineers.indices.map { e in burden[e].terms.reduce(Double(historyBurden[e])) { $0 + $1.coefficient } }
            .max()
            ?? 0
        // Burdens are whole numbers (holiday days × 1 or 2), so the largest is an integer: its LP bound rounds up.
        let largest = rows.model.addVariable(
            "holiday_burden_max", .integer, lowerBound: 0, upperBound: largestBound)
        for e in engineers.indices where !burden[e].terms.isEmpty || historyBurden[e] > 0 {
            rows.model.add(
                "holiday_burden(\(ids[e]))", burden[e] + Double(historyBurden[e]) <= LinearExpression(largest))
        }
        // Whoever holds a role in shift t carries at least that shift's weight of their holidays there, plus their
        // history: so the largest burden is at least Σ_e (weight·h(e,t) + history(e))·x(e,t) over the role's one
        // holder. Valid for every schedule; it lifts the LP bound where everyone who could hold the role has something
        // (a week everyone has a holiday in: the LP would spread the role thinly over the team; 16 engineers × 26
        // weeks: bound 2 against an optimum of 4 after 60 s of branching). Elsewhere the row cannot raise the bound,
        // and it is left out.
        for t in 0..<weeks {
            for role in DutyRole.allCases {
                let duty = role == .primary ? primary : backup
                var row = LinearExpression()
                var least = Double.infinity
                for e in engineers.indices {
                    guard let x = duty[e][t] else { continue }
                    let carried =
                        Double(role.holidayWeight * availability.shifts[e][t].holidayWeight) + Double(historyBurden[e])
                    least = min(least, carried)
                    if carried > 0 { row.add(x, coefficient: carried) }
                }
                guard least > 0, least.isFinite else { continue }
                rows.model.add("holiday_burden_shift(\(role.rawValue),\(t + 1))", row <= LinearExpression(largest))
            }
        }
        if let bound = bounds.maxHolidayBurden {
            rows.add(
                "fairness_max_holiday_burden", [LinearExpression(largest) <= Double(bound)],
                RuleInstance(.maxHolidayBurden))
        }
        return (
            [
                ObjectiveLevel(kind: .holidayTotal, expression: total),
                ObjectiveLevel(kind: .holidayLargest, expression: LinearExpression(largest)),
            ], largest
        )
    }

    /// `rules.fairness.max_weekend_days` (row `fairness_max_weekend_days(e)`): each engineer's weekend hours on duty,
    /// the shifts as held, at most the bound × 24.
    func maxWeekendDays(_ rows: inout RuleRowWriter, bound: Double, hours: ShiftHours) {
        for (e, engineer) in engineers.enumerated() {
            var held = LinearExpression()
            for slots in slotsOf {
                for t in slots where hours.seconds[e][t] > 0 {
                    let days = Double(hours.seconds[e][t]) / 86_400
                    if let x = primary[e][t] { held.add(x, coefficient: days) }
                    if let y = backup[e][t] { held.add(y, coefficient: days) }
                }
            }
            guard !held.terms.isEmpty else { continue }
            rows.add(
                "fairness_max_weekend_days(\(engineer.id))", [held <= bound],
                RuleInstance(.maxWeekendDays, engineers: [engineer.id]))
        }
    }

    /// The level of an hours goal (rows `<goal>_above/below(e)`, docs/model.md): each engineer's hours of its kind on
    /// duty (either role, the shifts as held) against their fair share of them (``OptionalGoal``), in hours.
    func hoursBalance(_ rows: inout RuleRowWriter, goal: OptionalGoal, hours: ShiftHours) -> (
        level: ObjectiveLevel, deviation: Variable, shares: [Double?], before: [Double]
    ) {
        let ids = engineers.map(\.id)
        let past = goal.hourKind.map { HistoryHours(kind: $0, scenario: scenario) }
        let shares = Self.hoursShares(
            hours: hours, slotsOf: slotsOf, availability: availability,
            roles: scenario.rotations.map(\.roles.count), history: past)
        var ceiling = 0.0
        var terms: [(Int, LinearExpression, Double)] = []
        for e in engineers.indices {
            guard let share = shares[e] else { continue }
            // The hours held in the history count as held now (a constant).
            let before = Double(past?.held[e] ?? 0) / 3600
            var held = LinearExpression(constant: before)
            var most = before
            for slots in slotsOf {
                for t in slots where hours.seconds[e][t] > 0 {
                    let h = Double(hours.seconds[e][t]) / 3600
                    if let x = primary[e][t] { held.add(x, coefficient: h) }
                    if let y = backup[e][t] { held.add(y, coefficient: h) }
                    if primary[e][t] != nil || backup[e][t] != nil { most += h }
                }
            }
            ceiling = max(ceiling, share, most - share)
            terms.append((e, held, share))
        }
        let deviation = rows.model.addVariable(
            "\(goal.rawValue)_deviation", .continuous, lowerBound: 0, upperBound: ceiling)
        for (e, held, share) in terms {
            rows.model.add("\(goal.rawValue)_above(\(ids[e]))", held - share <= LinearExpression(deviation))
            rows.model.add("\(goal.rawValue)_below(\(ids[e]))", share - held <= LinearExpression(deviation))
        }
        let before = engineers.indices.map { Double(past?.held[$0] ?? 0) / 3600 }
        return (
            ObjectiveLevel(kind: .optional(goal), expression: LinearExpression(deviation)), deviation, shares, before
        )
    }

    /// Each engineer's fair share of the hours (nil: on no roster): per rotation, their part — available shifts, plus
    /// the history's shifts when they are in it, over everyone's — of the hours the rotation's duties hold for them:
    /// the period's, `roles[r]` duties a shift (2 with a backup, 1 without), and the history's held by its roster.
    static func hoursShares(
        hours: ShiftHours, slotsOf: [[Int]], availability: TeamAvailability, roles: [Int], history: HistoryHours? = nil
    ) -> [Double?] {
        func part(_ e: Int, _ r: Int) -> Int {
            availability.availableShifts(e, in: r)
                + ((history?.included[e][r] ?? false) ? history?.shifts[r] ?? 0 : 0)
        }
        return hours.seconds.indices.map { e -> Double? in
            var share = 0.0
            var onAny = false
            for (r, slots) in slotsOf.enumerated() where availability.onRoster[e][r] {
                onAny = true
                let everyone = availability.onRoster.indices.filter { availability.onRoster[$0][r] }
                    .reduce(0) { $0 + part($1, r) }
                guard everyone > 0 else { continue }
                let pool = roles[r] * slots.reduce(0) { $0 + hours.seconds[e][$1] } + (history?.pool[e][r] ?? 0)
                share += Double(part(e, r)) / Double(everyone) * Double(pool) / 3600
            }
            return onAny ? share : nil
        }
    }
}
