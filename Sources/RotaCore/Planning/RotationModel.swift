import LinearProgramming

/// The integer program of docs/model.md for one scenario: its variables, hard rules and objective levels.
///
/// Variables exist only where they may be 1: no duty variable is created for a week that overlaps
/// the engineer's leave, which is how the leave rule holds.
struct RotationModel {
    var model: Model
    /// `primary[e][t]` / `backup[e][t]`: engineer e is primary / backup in week t (nil: on leave).
    let primary: [[Variable?]]
    let backup: [[Variable?]]
    /// `primaryOwner[e][k]` / `secondaryOwner[e][k]`: engineer e owns pipeline k; empty without ownership.
    let primaryOwner: [[Variable]]
    let secondaryOwner: [[Variable]]
    /// Objective levels in priority order.
    let levels: [ObjectiveLevel]
    /// The auxiliary variables, kept so that any schedule can be written as a full solution (``values(for:)``).
    let counts: [DutyRole: [Variable]]
    let deviations: [DutyRole: Variable]
    let holidayLargest: Variable?
    let ownershipUnits: Variable?
    let shares: [Double]
    let weightUnit: Double
    /// `holidayWeight[e][t]`: the holiday weight h_{e,t} of week t for engineer e (see ``PersonalCalendar``).
    private let holidayWeight: [[Int]]

    /// Builds the model. `includeOwnership: false` leaves out the ownership part (it is independent of on-call).
    init(scenario: Scenario, availability: TeamAvailability, includeOwnership: Bool = true) {
        var model = Model(name: scenario.name)
        let engineers = scenario.engineers
        let weeks = scenario.period.weeks
        let ids = engineers.map(\.id)

        // On-call duty variables.
        var primary: [[Variable?]] = []
        var backup: [[Variable?]] = []
        for (e, id) in ids.enumerated() {
            primary.append(
                (0..<weeks).map { t in
                    availability.weeks[e][t].onLeave ? nil : model.addVariable("p(\(id),\(t + 1))", .binary)
                })
            backup.append(
                (0..<weeks).map { t in
                    availability.weeks[e][t].onLeave ? nil : model.addVariable("b(\(id),\(t + 1))", .binary)
                })
        }
        for t in 0..<weeks {
            model.add("primary_cover(\(t + 1))", LinearExpression.sum(primary.compactMap { $0[t] }) == 1)
            model.add("backup_cover(\(t + 1))", LinearExpression.sum(backup.compactMap { $0[t] }) == 1)
            for e in engineers.indices {
                if let p = primary[e][t], let b = backup[e][t] { model.add("one_role(\(ids[e]),\(t + 1))", p + b <= 1) }
            }
        }
        // Minimum gap: at most one primary week in any window of min_gap_weeks + 1 consecutive weeks.
        let window = scenario.rules.minGapWeeks + 1
        if window > 1 {
            for e in engineers.indices {
                for t in 0..<max(1, weeks - window + 1) {
                    let inWindow = (t..<min(weeks, t + window)).compactMap { primary[e][$0] }
                    if inWindow.count > 1 {
                        model.add("gap(\(ids[e]),\(t + 1))", LinearExpression.sum(inWindow) <= 1)
                    }
                }
            }
        }

        // Ownership (independent of on-call: no row links the two parts).
        var largestLoad: LinearExpression?
        var ownershipUnits: Variable?
        var weightUnit = 1.0
        var primaryOwner: [[Variable]] = []
        var secondaryOwner: [[Variable]] = []
        if includeOwnership {
            let pipelines = scenario.pipelines
            for id in ids {
                primaryOwner.append(pipelines.map { model.addVariable("po(\(id),\($0.id))", .binary) })
                secondaryOwner.append(pipelines.map { model.addVariable("so(\(id),\($0.id))", .binary) })
            }
            for (k, pipeline) in pipelines.enumerated() {
                model.add("primary_owner(\(pipeline.id))", LinearExpression.sum(primaryOwner.map { $0[k] }) == 1)
                model.add("secondary_owner(\(pipeline.id))", LinearExpression.sum(secondaryOwner.map { $0[k] }) == 1)
                for e in engineers.indices {
                    model.add(
                        "distinct_owners(\(ids[e]),\(pipeline.id))", primaryOwner[e][k] + secondaryOwner[e][k] <= 1)
                }
            }
            let investor = pipelines.indices.filter { pipelines[$0].investorFacing }
            if !investor.isEmpty {
                let cap = Double(
                    OwnershipRules.investorPrimaryCap(investorFacing: investor.count, engineers: engineers.count))
                for e in engineers.indices {
                    model.add(
                        "investor_cap(\(ids[e]))", LinearExpression.sum(investor.map { primaryOwner[e][$0] }) <= cap)
                }
            }
            // Every load is a whole multiple of the weights' common unit (weights have at most two decimals), so the
            // largest load is `unit × units` with `units` an integer, which lets GLPK round its bound up.
            let unit = OwnershipRules.weightUnit(pipelines.map(\.weight))
            let totalWeight = pipelines.reduce(0) { $0 + 2 * $1.weight }
            let units = model.addVariable(
                "ownership_load_max_units", .integer, lowerBound: 0, upperBound: (totalWeight / unit).rounded(.up))
            largestLoad = unit * units
            ownershipUnits = units
            weightUnit = unit
            for e in engineers.indices {
                var load = LinearExpression()
                for (k, pipeline) in pipelines.enumerated() {
                    load.add(primaryOwner[e][k], coefficient: 2 * pipeline.weight)
                    load.add(secondaryOwner[e][k], coefficient: pipeline.weight)
                }
                model.add("ownership_load(\(ids[e]))", load <= unit * units)
            }
            // Symmetry breaking: nothing in the ownership part tells engineers apart (no row names a person), so any
            // assignment can be relabelled. In the canonical labelling (``OwnershipRules.canonicalItems``), the i-th
            // ownership item goes to one of the first i + 1 engineers only. Without this GLPK explores every
            // relabelling: 5 engineers and 5 pipelines ran 30 s (249,311 nodes) without proving a load of 6
            // optimal over an LP bound of 5. See docs/model.md.
            for (position, item) in OwnershipRules.canonicalItems(pipelines).enumerated() {
                for e in engineers.indices where e > position {
                    model.fix((item.primary ? primaryOwner : secondaryOwner)[e][item.pipeline], at: 0)
                }
            }
            if let bound = scenario.rules.fairness.maxOwnershipLoad {
                model.add("fairness_max_ownership_load", unit * units <= bound)
            }
        }

        // Fair shares and the deviation variables of the on-call balance level.
        let available = engineers.indices.map { Double(availability.availableWeeks($0)) }
        let totalAvailable = available.reduce(0, +)
        let share = available.map { totalAvailable > 0 ? Double(weeks) * $0 / totalAvailable : 0 }
        var levels: [ObjectiveLevel] = []
        var counts: [DutyRole: [Variable]] = [:]
        var deviations: [DutyRole: Variable] = [:]
        var holidayLargest: Variable?
        // Declared fairness bounds (rules.fairness) are rows on the level variables: every schedule must keep them.
        let bounds = scenario.rules.fairness
        for goal in scenario.rules.priorities {
            switch goal {
            case .onCallBalance:
                for (role, duty) in [(DutyRole.primary, primary), (.backup, backup)] {
                    // Counts are integer variables so that branch-and-bound splits on "n ≤ k or n ≥ k + 1" rather than
                    // on single weeks. The deviation is at least the smallest one whole-number counts allow (see
                    // FairShareBound), and at most max(share, available − share).
                    let floor = FairShareBound.lowestDeviation(
                        shares: share, available: available.map { Int($0) }, weeks: weeks)
                    let ceiling = zip(share, available).map { max($0, $1 - $0) }.max() ?? 0
                    let deviation = model.addVariable(
                        "\(role.rawValue)_deviation", .continuous, lowerBound: floor, upperBound: max(floor, ceiling))
                    deviations[role] = deviation
                    for e in engineers.indices {
                        let count = model.addVariable(
                            "\(role.rawValue)_weeks(\(ids[e]))", .integer, lowerBound: 0, upperBound: available[e])
                        counts[role, default: []].append(count)
                        model.add(
                            "\(role.rawValue)_count(\(ids[e]))",
                            LinearExpression.sum(duty[e].compactMap { $0 }) == LinearExpression(count))
                        model.add(
                            "\(role.rawValue)_above(\(ids[e]))",
                            LinearExpression(count) - share[e] <= LinearExpression(deviation))
                        model.add(
                            "\(role.rawValue)_below(\(ids[e]))",
                            share[e] - LinearExpression(count) <= LinearExpression(deviation))
                    }
                    if let bound = bounds.maxDeviation {
                        model.add("fairness_max_deviation(\(role.rawValue))", LinearExpression(deviation) <= bound)
                    }
                    levels.append(
                        ObjectiveLevel(
                            kind: role == .primary ? .primaryBalance : .backupBalance,
                            expression: LinearExpression(deviation)))
                }
            case .holidayBurden:
                var burden: [LinearExpression] = []
                for e in engineers.indices {
                    var expression = LinearExpression()
                    for t in 0..<weeks where availability.weeks[e][t].holidayWeight > 0 {
                        let days = Double(availability.weeks[e][t].holidayWeight)
                        if let p = primary[e][t] { expression.add(p, coefficient: 2 * days) }
                        if let b = backup[e][t] { expression.add(b, coefficient: days) }
                    }
                    burden.append(expression)
                }
                let total = LinearExpression.sum(burden)
                if let bound = bounds.maxTotalHolidayBurden {
                    model.add("fairness_max_total_holiday_burden", total <= Double(bound))
                }
                levels.append(ObjectiveLevel(kind: .holidayTotal, expression: total))
                let bound = burden.map { $0.terms.reduce(0) { $0 + $1.coefficient } }.max() ?? 0
                // Burdens are whole numbers (holiday days × 1 or 2), so the largest is an integer: its LP bound rounds up.
                let largest = model.addVariable("holiday_burden_max", .integer, lowerBound: 0, upperBound: bound)
                holidayLargest = largest
                for e in engineers.indices where !burden[e].terms.isEmpty {
                    model.add("holiday_burden(\(ids[e]))", burden[e] <= LinearExpression(largest))
                }
                if let bound = bounds.maxHolidayBurden {
                    model.add("fairness_max_holiday_burden", LinearExpression(largest) <= Double(bound))
                }
                levels.append(ObjectiveLevel(kind: .holidayLargest, expression: LinearExpression(largest)))
            case .ownershipBalance:
                if let largestLoad { levels.append(ObjectiveLevel(kind: .ownershipLargest, expression: largestLoad)) }
            }
        }

        self.model = model
        self.primary = primary
        self.backup = backup
        self.primaryOwner = primaryOwner
        self.secondaryOwner = secondaryOwner
        self.levels = levels
        self.counts = counts
        self.deviations = deviations
        self.holidayLargest = holidayLargest
        self.ownershipUnits = ownershipUnits
        self.shares = share
        self.weightUnit = weightUnit
        self.holidayWeight = availability.weeks.map { $0.map(\.holidayWeight) }
        self.ids = ids
        self.weights = scenario.pipelines.map(\.weight)
        self.pipelineIDs = scenario.pipelines.map(\.id)
    }

    private let ids: [String]
    private let weights: [Double]
    private let pipelineIDs: [String]

    /// A full solution vector for `schedule`: duty and ownership variables from the schedule, every auxiliary
    /// variable (counts, deviations, maxima) at the value the rows force. Nil if the schedule puts someone on duty
    /// during leave or names an unknown engineer or pipeline. It satisfies every row of the model (before any level
    /// is held) when the schedule passes the rule checker.
    func values(for schedule: Schedule) -> [Double]? {
        var values = [Double](repeating: 0, count: model.variables.count)
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        var weeksOnDuty: [DutyRole: [Int]] = [
            .primary: Array(repeating: 0, count: ids.count), .backup: Array(repeating: 0, count: ids.count),
        ]
        var burden = [Int](repeating: 0, count: ids.count)
        for week in schedule.weeks {
            let t = week.number - 1
            for (role, duty) in [(DutyRole.primary, primary), (.backup, backup)] {
                guard let e = index[week.engineer(for: role)], t >= 0, t < duty[e].count, let variable = duty[e][t]
                else {
                    return nil
                }
                values[variable.index] = 1
                weeksOnDuty[role]![e] += 1
                burden[e] += role.holidayWeight * holidayWeight[e][t]
            }
        }
        for role in DutyRole.allCases {
            guard let roleCounts = counts[role], let deviation = deviations[role] else { continue }
            for (e, count) in roleCounts.enumerated() { values[count.index] = Double(weeksOnDuty[role]![e]) }
            let largest = shares.indices.map { abs(Double(weeksOnDuty[role]![$0]) - shares[$0]) }.max() ?? 0
            values[deviation.index] = max(model.variables[deviation.index].lowerBound ?? 0, largest)
        }
        if let holidayLargest { values[holidayLargest.index] = Double(burden.max() ?? 0) }
        if let ownershipUnits {
            let pipelineIndex = Dictionary(uniqueKeysWithValues: pipelineIDs.enumerated().map { ($1, $0) })
            var load = [Double](repeating: 0, count: ids.count)
            for row in schedule.ownership {
                guard let k = pipelineIndex[row.pipeline], let p = index[row.primary], let q = index[row.secondary]
                else {
                    return nil
                }
                values[primaryOwner[p][k].index] = 1
                values[secondaryOwner[q][k].index] = 1
                load[p] += 2 * weights[k]
                load[q] += weights[k]
            }
            values[ownershipUnits.index] = ((load.max() ?? 0) / weightUnit - 1e-9).rounded(.up)
        }
        return values
    }
}

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

    /// The ownership items in canonical order: heaviest load first (2 × weight as primary, 1 × weight as secondary),
    /// then pipeline order, primary before secondary. Engineers are interchangeable in ownership, so every
    /// assignment can be relabelled so that engineers appear in the order of their first item; then the i-th item
    /// is held by one of the first i + 1 engineers.
    public static func canonicalItems(_ pipelines: [Pipeline]) -> [Item] {
        let items = pipelines.indices.flatMap {
            [Item(pipeline: $0, primary: true), Item(pipeline: $0, primary: false)]
        }
        func load(_ item: Item) -> Double { (item.primary ? 2 : 1) * pipelines[item.pipeline].weight }
        return items.enumerated().sorted { a, b in
            load(a.element) != load(b.element) ? load(a.element) > load(b.element) : a.offset < b.offset
        }.map(\.element)
    }

    /// `ownership` relabelled canonically: engineers (by scenario order in `ids`) numbered in the order they first
    /// hold an item of ``canonicalItems(_:)``. Loads and counts are permuted, never changed.
    public static func canonical(_ ownership: [OwnershipAssignment], pipelines: [Pipeline], ids: [String])
        -> [OwnershipAssignment]
    {
        let rows = Dictionary(ownership.map { ($0.pipeline, $0) }, uniquingKeysWith: { first, _ in first })
        var label: [String: String] = [:]
        for item in canonicalItems(pipelines) {
            guard let row = rows[pipelines[item.pipeline].id] else { continue }
            let holder = item.primary ? row.primary : row.secondary
            if label[holder] == nil, label.count < ids.count { label[holder] = ids[label.count] }
        }
        let unused = ids.filter { id in !label.values.contains(id) }
        for (id, free) in zip(ids.filter { label[$0] == nil }, unused) { label[id] = free }
        return ownership.map {
            OwnershipAssignment(
                pipeline: $0.pipeline, primary: label[$0.primary] ?? $0.primary,
                secondary: label[$0.secondary] ?? $0.secondary)
        }
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
