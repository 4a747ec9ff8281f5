import LinearProgramming
import RotaChecking
import RotaModel

/// The integer program of docs/model.md for one scenario: its variables, rule rows and objective levels.
///
/// In planning mode no duty variable is created for a shift that overlaps the engineer's leave, which is how the
/// leave rule holds; in elastic mode (explaining infeasibility) they exist and leave is a relaxable row.
struct RotationModel {
    var model: Model
    /// `primary[e][t]` / `backup[e][t]`: engineer e is primary / backup in shift t (nil: on leave).
    let primary: [[Variable?]]
    let backup: [[Variable?]]
    /// `shadow[e][t]`: e shadows shift t (``ShadowRows``; nil: no variable).
    let shadow: [[Variable?]]
    /// `primaryOwner[e][k]` / `secondaryOwner[e][k]`: engineer e owns pipeline k; empty without ownership.
    let primaryOwner: [[Variable]]
    let secondaryOwner: [[Variable]]
    /// Objective levels in priority order.
    let levels: [ObjectiveLevel]
    /// The parts of the model built.
    let parts: ModelParts
    /// Rule instances with a slack (soft rules; every relaxable instance in elastic mode).
    let relaxable: [RelaxableRow]
    /// The auxiliary variables, kept so that any schedule can be written as a full solution (``values(for:)``).
    /// `counts[role][rotation][e]`: duty count of e in the rotation (nil: not on its roster).
    let counts: [DutyRole: [[Variable?]]]
    let deviations: [DutyRole: Variable]
    /// With several rotations: the deviation of a role's weeks over all of them (level `across_rotations_balance`).
    let acrossRotations: Variable?
    /// The hours goals' deviation variables, with the hours each shift holds and the fair shares.
    /// Per hours goal: its deviation, the period's shift hours, each engineer's share and the hours they held in the
    /// history.
    let hoursLevels: [(deviation: Variable, hours: ShiftHours, shares: [Double?], before: [Double])]
    let holidayLargest: Variable?
    /// `covered_leave`'s cover variables (empty without the rule).
    let coverChoices: [CoverChoice]
    /// Each rotation's index by the id rows and covers name it by ("" too, for a scenario's one rotation).
    let rotationIndex: [String: Int]
    let ownershipUnits: Variable?
    /// The owner-roles deviation (level `owner_roles_balance`) and each kind's fair share.
    /// z_e of the level `owners_without_primary` (empty without ownership).
    let withoutPrimary: [Variable]
    let shares: FairShares
    let weightUnit: Double
    /// `holidayWeight[e][t]`: the holiday weight h_{e,t} of shift t for engineer e (see ``PersonalCalendar``).
    private let holidayWeight: [[Int]]
    /// History before the period: holiday burden per engineer.
    private let historyBurden: [Int]
    /// The slot of each schedule row, by rotation id and shift number ("" for a one-rotation scenario's rows).
    private let slotOf: [ShiftKey: Int]
    private let slotRotation: [Int]
    /// The roles of each rotation's shifts.
    private let scenarioRoles: [[DutyRole]]
    private let ids: [String]
    private let pipelines: [Pipeline]

    /// Builds the model of the given parts (on-call, ownership or both): no row links them, so each can be solved
    /// on its own (docs/model.md, "Ownership and on-call are independent"). `breakSymmetry: false` leaves out the
    /// ownership symmetry breaking (tests compare the two).
    init(
        scenario: Scenario, availability: TeamAvailability, parts: ModelParts = .all,
        baseline: PlanBaseline? = nil, mode: RuleMode = .planning, breakSymmetry: Bool = true
    ) {
        let engineers = scenario.engineers
        let onCall = parts.contains(.onCall)
        let includeOwnership = parts.contains(.ownership)
        // Without the on-call part there are no shifts: no duty variable, window, cover row or on-call level.
        let shifts = onCall ? scenario.shifts : []
        let weeks = shifts.count
        let ids = engineers.map(\.id)
        let rules = scenario.rules
        let rotations = scenario.rotations
        let single = rotations.count == 1
        let shiftDates = shifts.map(\.dates)
        /// How rows and variables name a slot: "3" with one rotation, "growth/3" with several.
        let slotName = shifts.map { single ? "\($0.number)" : "\(rotations[$0.rotation].id)/\($0.number)" }
        /// The slots of each rotation, in order.
        let slotsOf = rotations.indices.map { r in shifts.indices.filter { shifts[$0].rotation == r } }
        let frozen = shiftDates.map { baseline?.isFrozen($0) ?? false }
        let baselineWeeks = shifts.map { shift in
            baseline?.shift(rotation: rotations[shift.rotation].id, startingOn: shift.dates, single: single)
        }
        var rows = RuleRowWriter(model: Model(name: scenario.name), mode: mode, rules: rules)

        // On-call duty variables, for the rotation's roster. Leave and eligibility (`can:`, `from:`) remove them in
        // planning mode, except where a frozen baseline shift has the engineer on duty (the past is kept as it was).
        func exists(_ e: Int, _ t: Int, _ role: DutyRole) -> Bool {
            guard availability.onRoster[e][shifts[t].rotation], rotations[shifts[t].rotation].roles.contains(role)
            else { return false }
            if frozen[t], let week = baselineWeeks[t], week.engineer(for: role) == ids[e] { return true }
            return mode == .elastic
                || (!availability.shifts[e][t].onLeave && engineers[e].eligibility.allows(role, in: shiftDates[t]))
        }
        var primary: [[Variable?]] = []
        var backup: [[Variable?]] = []
        for (e, id) in ids.enumerated() {
            primary.append(
                (0..<weeks).map { t in
                    exists(e, t, .primary) ? rows.model.addVariable("p(\(id),\(slotName[t]))", .binary) : nil
                })
            backup.append(
                (0..<weeks).map { t in
                    exists(e, t, .backup) ? rows.model.addVariable("b(\(id),\(slotName[t]))", .binary) : nil
                })
        }
        func duty(_ role: DutyRole) -> [[Variable?]] { role == .primary ? primary : backup }
        for t in 0..<weeks {
            rows.model.add("primary_cover(\(slotName[t]))", LinearExpression.sum(primary.compactMap { $0[t] }) == 1)
            if rotations[shifts[t].rotation].hasBackup {
                rows.model.add(
                    "backup_cover(\(slotName[t]))", LinearExpression.sum(backup.compactMap { $0[t] }) == 1)
            }
            for e in engineers.indices {
                if let p = primary[e][t], let b = backup[e][t] {
                    rows.model.add("one_role(\(ids[e]),\(slotName[t]))", p + b <= 1)
                }
            }
            // Frozen shifts keep the baseline's people.
            if frozen[t], let week = baselineWeeks[t] {
                for role in DutyRole.allCases {
                    for e in engineers.indices {
                        if let x = duty(role)[e][t] {
                            rows.model.fix(x, at: ids[e] == week.engineer(for: role) ? 1 : 0)
                        }
                    }
                }
            }
        }
        // A hard fixed order's sequences of turns (its rows are valid only while the order cannot be broken).
        // A soft order's sequence rows pay only while few departures are allowed: its level before the balance goal
        // (generated M, the order first: 60 s unproved → 2.8 s). After the goals they only weigh on the search (M:
        // proved in 18.9 s without them, unproved at 60 s with them).
        let order = rules.levelOrder(replanning: baseline != nil, softInUse: [.fixedOrder])
        let orderFirst =
            !rules.isSoft(.fixedOrder)
            || (order.firstIndex(of: .rule(.fixedOrder)) ?? .max)
                < (order.firstIndex(of: .goal(.onCallBalance)) ?? .max)
        let sequences =
            mode == .planning && rules.fixedOrder != nil && orderFirst
            ? OrderSequences(
                scenario: scenario, availability: availability, slotsOf: slotsOf, frozen: frozen, primary: primary,
                frozenPrimary: { t in baselineWeeks[t].flatMap { ids.firstIndex(of: $0.primary) } }) : nil
        // The configurable on-call rules: one method per row family.
        OnCallRuleRows(
            scenario: scenario, availability: availability, mode: mode, shifts: shifts, slotName: slotName,
            slotsOf: slotsOf, frozen: frozen, primary: primary, backup: backup, sequences: sequences
        ).add(to: &rows)
        let coverChoices = CoverRows(
            scenario: scenario, availability: availability, shifts: shifts, slotName: slotName, frozen: frozen,
            primary: primary, backup: backup
        ).add(to: &rows)
        let shadow = ShadowRows(
            scenario: scenario, availability: availability, mode: mode, shifts: shifts, slotName: slotName,
            slotsOf: slotsOf, frozen: frozen, primary: primary, backup: backup,
            frozenShadow: { baselineWeeks[$0]?.shadow }
        ).add(to: &rows)

        // Ownership (independent of on-call: no row links the two parts).
        let ownership =
            includeOwnership
            ? OwnershipRows(
                scenario: scenario,
                // Owners from the history tell engineers apart, as a baseline does: no relabelling is free then.
                symmetryBreaking: baseline == nil && breakSymmetry && !Rule.rotateOwners.isDeclared(by: scenario)
            ).add(to: &rows)
            : nil
        let primaryOwner = ownership?.primaryOwner ?? []
        let secondaryOwner = ownership?.secondaryOwner ?? []
        let largestLoad = ownership.map { $0.unit * $0.units }
        let ownershipUnits = ownership?.units
        let weightUnit = ownership?.unit ?? 1.0
        let pipelines = scenario.pipelines

        // Fair shares (per rotation, with history) and the deviation variables of the on-call balance level.
        let historyBurden = Self.historyHolidayBurden(scenario)
        let shares = FairShares(scenario: scenario, availability: availability)
        var levelsByPriority: [Priority: [ObjectiveLevel]] = [:]
        var counts: [DutyRole: [[Variable?]]] = [:]
        var deviations: [DutyRole: Variable] = [:]
        var acrossRotations: Variable?
        var hoursLevels: [(deviation: Variable, hours: ShiftHours, shares: [Double?], before: [Double])] = []
        var holidayLargest: Variable?
        // The goal levels; declared fairness bounds (rules.fairness) are rows on their variables.
        if onCall {
            let goals = OnCallLevelRows(
                scenario: scenario, availability: availability, slotsOf: slotsOf, single: single, primary: primary,
                backup: backup, shares: shares, historyBurden: historyBurden)
            let balance = goals.balance(&rows)
            counts = balance.counts
            deviations = balance.deviations
            if let sequences, let deviation = deviations[.primary] {
                goals.orderDeviation(
                    &rows.model, sequences, deviation: deviation, departures: OnCallRuleRows.departures(rows.relaxable))
            }
            acrossRotations = balance.acrossRotations?.deviation
            levelsByPriority[.goal(.onCallBalance)] = balance.levels
            if let across = balance.acrossRotations {
                levelsByPriority[.optional(.acrossRotationsBalance)] = [across.level]
            }
            let holidays = goals.holidayBurden(&rows)
            holidayLargest = holidays.largest
            levelsByPriority[.goal(.holidayBurden)] = holidays.levels
            // Each kind's hours once, for the weekend bound and the hours goals that need them.
            var hoursOf: [HourKind: ShiftHours] = [:]
            func shiftHours(_ kind: HourKind) -> ShiftHours {
                if let known = hoursOf[kind] { return known }
                let made = ShiftHours(kind: kind, scenario: scenario, slots: shifts.map { ($0.rotation, $0.dates) })
                hoursOf[kind] = made
                return made
            }
            if let bound = rules.fairness.maxWeekendDays {
                goals.maxWeekendDays(&rows, bound: bound, hours: shiftHours(.weekend))
            }
            for goal in rules.hoursGoals {
                guard let kind = goal.hourKind else { continue }
                let hours = shiftHours(kind)
                let level = goals.hoursBalance(&rows, goal: goal, hours: hours)
                levelsByPriority[.optional(goal)] = [level.level]
                hoursLevels.append((level.deviation, hours, level.shares, level.before))
            }
        }
        if let largestLoad, let ownership {
            levelsByPriority[.goal(.ownershipBalance)] = [
                ObjectiveLevel(kind: .ownershipLargest, expression: largestLoad),
                ObjectiveLevel(
                    kind: .ownersWithoutPrimary, expression: LinearExpression.sum(ownership.withoutPrimary)),
            ]
        }

        // Replanning: the assignments after `from` that differ from the baseline.
        if let baseline {
            var changed = LinearExpression()
            for t in 0..<weeks where !frozen[t] {
                guard let week = baselineWeeks[t] else { continue }
                for role in rotations[shifts[t].rotation].roles {
                    if let id = week.engineer(for: role), let e = ids.firstIndex(of: id), let x = duty(role)[e][t] {
                        changed += 1 - LinearExpression(x)
                    } else {
                        // The baseline's engineer cannot keep it (leave, or gone).
                        changed += LinearExpression(constant: 1)
                    }
                }
            }
            if includeOwnership {
                for (k, pipeline) in pipelines.enumerated() {
                    guard let row = baseline.schedule.ownership.first(where: { $0.pipeline == pipeline.id }) else {
                        continue
                    }
                    for (holder, owners, pin) in [
                        (row.primary, primaryOwner, pipeline.primaryOwner),
                        (row.secondary, secondaryOwner, pipeline.secondaryOwner),
                    ] {
                        if case .team = pin { continue }
                        if let e = ids.firstIndex(of: holder) {
                            changed += 1 - LinearExpression(owners[e][k])
                        } else {
                            changed += LinearExpression(constant: 1)
                        }
                    }
                }
            }
            levelsByPriority[.changes] = [ObjectiveLevel(kind: .changes, expression: changed)]
        }

        // Soft rules: one level each, counting broken instances.
        let relaxable = rows.relaxable
        var softInUse = Set<Rule>()
        for rule in Rule.configurable where rules.isSoft(rule) {
            let slacks = relaxable.filter { $0.instance.rule == rule }.map(\.slack)
            guard !slacks.isEmpty else { continue }
            softInUse.insert(rule)
            levelsByPriority[.rule(rule)] = [
                ObjectiveLevel(kind: .soft(rule), expression: LinearExpression.sum(slacks))
            ]
        }

        let planned = rules.levelOrder(replanning: baseline != nil, softInUse: softInUse).flatMap {
            levelsByPriority[$0] ?? []
        }
        switch mode {
        case .planning:
            levels = planned
        case .elastic:
            // Fewest relaxed instances first; then the usual levels, so that the figures of a suggestion ("raise
            // max_deviation to 0.68") are the best a schedule can have with that relaxation.
            levels =
                [ObjectiveLevel(kind: .relaxations, expression: LinearExpression.sum(relaxable.map(\.slack)))] + planned
        }
        self.model = rows.model
        self.parts = parts
        self.relaxable = relaxable
        self.primary = primary
        self.shadow = shadow
        self.backup = backup
        self.primaryOwner = primaryOwner
        self.secondaryOwner = secondaryOwner
        self.counts = counts
        self.deviations = deviations
        self.acrossRotations = acrossRotations
        self.hoursLevels = hoursLevels
        self.holidayLargest = holidayLargest
        self.coverChoices = coverChoices
        var rotationIndex = Dictionary(
            rotations.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        if single { rotationIndex[""] = 0 }
        self.rotationIndex = rotationIndex
        self.ownershipUnits = ownershipUnits
        self.withoutPrimary = ownership?.withoutPrimary ?? []
        self.shares = shares
        self.weightUnit = weightUnit
        self.holidayWeight = availability.shifts.map { $0.map(\.holidayWeight) }
        self.historyBurden = historyBurden
        var slotOf: [ShiftKey: Int] = [:]
        for (t, shift) in shifts.enumerated() {
            slotOf[ShiftKey(rotation: rotations[shift.rotation].id, number: shift.number)] = t
            if single { slotOf[ShiftKey(rotation: "", number: shift.number)] = t }
        }
        self.slotOf = slotOf
        self.slotRotation = shifts.map(\.rotation)
        self.scenarioRoles = rotations.map(\.roles)
        self.ids = ids
        self.pipelines = pipelines
    }

    /// A full solution vector for `schedule`: duty and ownership variables from the schedule, every auxiliary
    /// variable (counts, deviations, maxima, slacks) at the value the rows force. Nil if the schedule puts someone on
    /// duty where no variable exists (leave) or names an unknown engineer or pipeline. It satisfies every row of the
    /// model (before any level is held) when the schedule passes the rule checker.
    /// ``OwnershipRules/largestLoadLowerBound(roles:engineers:)`` for the roles engineers hold (a team's are left
    /// out), when every weight is a whole number of units (otherwise loads are no integers and only 0 is sure).
    static func largestLoadLowerBound(_ pipelines: [Pipeline], unit: Double, engineers: Int) -> Int {
        var roles: [(units: Int, primary: Bool)] = []
        for pipeline in pipelines {
            let units = (pipeline.weight / unit).rounded()
            guard abs(pipeline.weight / unit - units) < 1e-9 else { return 0 }
            for (pin, primary) in [(pipeline.primaryOwner, true), (pipeline.secondaryOwner, false)] {
                if case .team = pin { continue }
                roles.append((Int(units) * (primary ? 2 : 1), primary))
            }
        }
        return OwnershipRules.largestLoadLowerBound(roles: roles, engineers: engineers)
    }

    func values(for schedule: Schedule) -> [Double]? {
        var values = [Double](repeating: 0, count: model.variables.count)
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let rotationCount = shares.shares.count
        var shiftsOnDuty = ByRole { _ in
            Array(repeating: Array(repeating: 0, count: ids.count), count: rotationCount)
        }
        var burden = historyBurden
        for week in schedule.shifts where parts.contains(.onCall) {
            guard let t = slotOf[week.key] else { return nil }
            if let id = week.shadow {
                guard let e = index[id], let variable = shadow[e][t] else { return nil }
                values[variable.index] = 1
            }
            for (role, duty) in [(DutyRole.primary, primary), (.backup, backup)] {
                guard let id = week.engineer(for: role) else {
                    // A role the rotation has must be held.
                    if scenarioRoles[slotRotation[t]].contains(role) { return nil }
                    continue
                }
                guard let e = index[id], let variable = duty[e][t] else { return nil }
                values[variable.index] = 1
                shiftsOnDuty[role][slotRotation[t]][e] += 1
                burden[e] += role.holidayWeight * holidayWeight[e][t]
            }
        }
        for role in DutyRole.allCases {
            guard let roleCounts = counts[role], let deviation = deviations[role] else { continue }
            var largest = 0.0
            for (r, rotationCounts) in roleCounts.enumerated() {
                for (e, count) in rotationCounts.enumerated() {
                    guard let count else { continue }
                    let done = shiftsOnDuty[role][r][e]
                    values[count.index] = Double(done)
                    largest = max(
                        largest, abs(Double(done + shares.history[r][role][e]) - shares.shares[r][role][e]))
                }
            }
            values[deviation.index] = max(model.variables[deviation.index].lowerBound ?? 0, largest)
        }
        if let acrossRotations {
            var largest = 0.0
            for role in DutyRole.allCases {
                for e in ids.indices {
                    let rotations = (0..<rotationCount).filter { counts[role]?[$0][e] != nil }
                    guard !rotations.isEmpty else { continue }
                    let held = rotations.reduce(0.0) {
                        $0 + Double(shiftsOnDuty[role][$1][e] + shares.history[$1][role][e])
                    }
                    let share = rotations.reduce(0.0) { $0 + shares.shares[$1][role][e] }
                    largest = max(largest, abs(held - share))
                }
            }
            values[acrossRotations.index] = largest
        }
        for level in hoursLevels {
            var held = level.before
            for week in schedule.shifts {
                guard let t = slotOf[week.key] else { return nil }
                for role in DutyRole.allCases {
                    guard let id = week.engineer(for: role) else { continue }
                    guard let e = index[id] else { return nil }
                    held[e] += Double(level.hours.seconds[e][t]) / 3600
                }
            }
            let largest = ids.indices.compactMap { e in level.shares[e].map { abs(held[e] - $0) } }.max() ?? 0
            values[level.deviation.index] = largest
        }
        if let holidayLargest { values[holidayLargest.index] = Double(burden.max() ?? 0) }
        if let ownershipUnits {
            let pipelineIndex = Dictionary(uniqueKeysWithValues: pipelines.enumerated().map { ($1.id, $0) })
            var load = [Double](repeating: 0, count: ids.count)
            var primaries = [Int](repeating: 0, count: ids.count)
            for row in schedule.ownership {
                guard let k = pipelineIndex[row.pipeline] else { return nil }
                for (holder, owners, pin, factor) in [
                    (row.primary, primaryOwner, pipelines[k].primaryOwner, 2.0),
                    (row.secondary, secondaryOwner, pipelines[k].secondaryOwner, 1.0),
                ] {
                    if case .team = pin { continue }
                    guard let e = index[holder] else { return nil }
                    values[owners[e][k].index] = 1
                    load[e] += factor * pipelines[k].weight
                    if factor == 2 { primaries[e] += 1 }
                }
            }
            values[ownershipUnits.index] = ((load.max() ?? 0) / weightUnit - 1e-9).rounded(.up)
            for (e, z) in withoutPrimary.enumerated() { values[z.index] = primaries[e] == 0 ? 1 : 0 }
        }
        // A covered duty's coverer: the schedule's cover of that role over the holder's leave. Every covered duty
        // the schedule holds needs one, or the schedule has no vector here.
        struct Duty: Hashable {
            let role: DutyRole
            let holder: Int
            let slot: Int
        }
        var held = Set<Duty>()
        var covered = Set<Duty>()
        for choice in coverChoices {
            guard let x = (choice.role == .primary ? primary : backup)[choice.holder][choice.slot],
                values[x.index] == 1
            else { continue }
            let duty = Duty(role: choice.role, holder: choice.holder, slot: choice.slot)
            held.insert(duty)
            let takes = choice.spans.allSatisfy { span in
                schedule.covers.contains {
                    $0.engineer == ids[choice.coverer] && $0.role == choice.role && $0.span.overlaps(span)
                        && rotationIndex[$0.rotation] == slotRotation[choice.slot]
                }
            }
            if takes && covered.insert(duty).inserted { values[choice.variable.index] = 1 }
        }
        if held != covered { return nil }
        for row in relaxable where !row.constraints.allSatisfy({ $0.isSatisfied(by: values) }) {
            values[row.slack.index] = 1
        }
        return values
    }
}

/// Each engineer's fair share of primary and of backup shifts in each rotation, over history and period together.
///
/// In a rotation of W shifts where engineer e is free for A_e of them (on the roster, not on leave), the share is
/// W × A_e ÷ Σ A, where A counts, for each role, only the shifts the engineer may hold it in (`can:`, `from:`). With H
/// earlier shifts of the rotation in the history window, an engineer who appears in that history is counted
/// available for them too (A_e + H; a newcomer, or a role held only from a date, only A_e), and the duties to share
/// are W plus the history's duties of today's engineers. Engineers off the roster have share 0 and no count.
struct FairShares {
    /// `shares[rotation][role][e]`.
    let shares: [ByRole<[Double]>]
    /// `history[rotation][role][e]`: the engineer's shifts in the rotation's history.
    let history: [ByRole<[Int]>]

    init(scenario: Scenario, availability: TeamAvailability) {
        var shares: [ByRole<[Double]>] = []
        var history: [ByRole<[Int]>] = []
        for (r, rotation) in scenario.rotations.enumerated() {
            let past = scenario.history
            let historyShifts = past.shiftCount(of: rotation, in: scenario)
            let slots = scenario.shifts
            let combined = ByRole { role in
                scenario.engineers.indices.map { e -> Double in
                    guard availability.onRoster[e][r] else { return 0 }
                    let engineer = scenario.engineers[e]
                    let free = slots.indices.filter {
                        slots[$0].rotation == r && availability.isFree(e, $0)
                            && engineer.eligibility.allows(role, in: slots[$0].dates)
                    }
                    let pastCounts =
                        engineer.eligibility[role] == .always
                        && past.includes(engineer.id, rotation: rotation, in: scenario)
                    return Double(free.count + (pastCounts ? historyShifts : 0))
                }
            }
            let rotationHistory = ByRole { role in
                scenario.engineers.indices.map { e in
                    availability.onRoster[e][r] && rotation.roles.contains(role)
                        ? past.count(scenario.engineers[e].id, role, rotation: rotation, in: scenario) : 0
                }
            }
            shares.append(
                ByRole { role in
                    // A rotation without the role has none of it to share.
                    guard rotation.roles.contains(role) else { return combined[role].map { _ in 0 } }
                    let duties = Double(rotation.period.shiftCount + rotationHistory[role].reduce(0, +))
                    let total = combined[role].reduce(0, +)
                    return combined[role].map { total > 0 ? duties * $0 / total : 0 }
                })
            history.append(rotationHistory)
        }
        self.shares = shares
        self.history = history
    }
}

/// The two independent parts of the model: the on-call rotation and pipeline ownership.
struct ModelParts: OptionSet, Hashable {
    let rawValue: Int
    static let onCall = ModelParts(rawValue: 1)
    static let ownership = ModelParts(rawValue: 2)
    static let all: ModelParts = [.onCall, .ownership]
}

extension RotationModel {
    /// `[e][t]`: shift t holds a holiday engineer e was on duty over in the history (what `avoid_repeat_holidays`
    /// keeps them from).
    static func repeatedHolidays(_ scenario: Scenario, _ availability: TeamAvailability) -> [[Bool]] {
        scenario.engineers.enumerated().map { e, engineer in
            let had = scenario.history.holidayNames(of: engineer, calendar: scenario.personalCalendar(engineer))
            return scenario.shifts.indices.map { t in
                availability.shifts[e][t].holidays.contains { had.contains($0.name) }
            }
        }
    }

    /// The holiday burden of each engineer's duty in the history window (2 per holiday day as primary, 1 as backup),
    /// which the largest-burden level counts with the period's.
    static func historyHolidayBurden(_ scenario: Scenario) -> [Int] {
        let history = scenario.history
        return scenario.engineers.map { engineer in
            guard history.includes(engineer.id) else { return 0 }
            let personal = scenario.personalCalendar(engineer)
            var burden = 0
            for shift in history.shifts {
                for role in DutyRole.allCases where shift.engineer(for: role) == engineer.id {
                    burden += role.holidayWeight * personal.burden(during: shift.dates).weight
                }
            }
            return burden
        }
    }
}
