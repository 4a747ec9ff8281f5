import LinearProgramming
import RotaChecking
import RotaModel

extension Planner {
    /// Re-solves the on-call part with each conflict forbidden, to say which rule or goal keeps it. When replanning,
    /// the same baseline holds (frozen shifts, the `changes` level). `analyse: false` lists the conflicts without
    /// solving anything (the plan's on-call model is above ``Tuning/conflictAnalysisColumns``). `planned` is the
    /// plan's own on-call part of this scenario, when there is one: its model is not built again, and its LP basis
    /// at the first holiday level starts the held plan's relaxation.
    func explainConflicts(
        _ scenario: Scenario, _ availability: TeamAvailability, _ schedule: Schedule, levels planned: [LevelOutcome],
        deadline: ContinuousClock.Instant?, baseline: PlanBaseline? = nil, analyse: Bool = true,
        plannedPart: DecomposedSolve.Part? = nil
    ) -> [HolidayConflict] {
        let index = Dictionary(uniqueKeysWithValues: scenario.engineers.enumerated().map { ($1.id, $0) })
        var conflicts: [HolidayConflict] = []
        var base: RotationModel?
        var held: HeldPlan?
        for week in schedule.shifts {
            guard let t = scenario.slot(rotation: week.rotation, number: week.number) else { continue }
            for role in DutyRole.allCases {
                guard let id = week.engineer(for: role) else { continue }
                let facts = availability.shifts[index[id]!][t]
                guard facts.holidayWeight > 0 else { continue }
                let reason: ConflictReason
                let remaining = deadline.map { ContinuousClock.now.duration(to: $0) }
                if !analyse || conflicts.count >= options.conflictsToExplain
                    || (remaining.map { $0 <= .zero } ?? false) || options.stopRequested
                {
                    reason = .notAnalysed
                } else {
                    if base == nil {
                        base =
                            plannedPart?.model
                            ?? RotationModel(
                                scenario: scenario, availability: availability, parts: .onCall, baseline: baseline)
                        held = HeldPlan(
                            base: base!, planned: planned, timeLimit: remaining.map(\.totalSeconds),
                            startingBasis: plannedPart?.basis(at: .holidayTotal))
                    }
                    let counterfactual = HolidayCounterfactual(
                        base: base!, held: held, scenario: scenario, availability: availability, schedule: schedule,
                        planned: planned, slot: t, role: role)
                    reason = counterfactual.reason(timeLimit: remaining.map(\.totalSeconds))
                }
                conflicts.append(
                    HolidayConflict(week: week, role: role, engineer: id, holidays: facts.holidays, reason: reason))
            }
        }
        return conflicts
    }
}

/// The plan's on-call model with the levels before the holiday levels held at the plan's values, shared by every
/// counterfactual (nil unless the plan proved those levels optimal), and the optimal basis of its LP relaxation for
/// the first holiday level. Each counterfactual adds its rows after these, so its simplex goes on from that basis
/// (L with 8 rotations: about 2,400 iterations and 0.34 s per duty from scratch).
struct HeldPlan {
    let model: Model
    /// The first held level's index in the base's levels.
    let first: Int
    let basis: Basis?

    init?(base: RotationModel, planned: [LevelOutcome], timeLimit: Double?, startingBasis: Basis? = nil) {
        // The on-call model lacks the plan's ownership levels (soft ownership rules, ownership balance), so the
        // plan's outcomes are matched to its levels by kind, not by position.
        let first = base.levels.firstIndex { $0.kind == .holidayTotal } ?? 0
        let earlier = base.levels.prefix(first).map { level in planned.first { $0.kind == level.kind } }
        guard first > 0, earlier.allSatisfy({ $0?.status == .optimal && $0?.value != nil }) else { return nil }
        var model = base.model
        for (level, outcome) in zip(base.levels, earlier) {
            let value = outcome!.value!
            model.add("hold_\(level.kind.rawValue)", level.expression <= value + level.kind.holdSlack(value))
        }
        var relaxation = model
        relaxation.minimize(base.levels[first].expression)
        var options = SolveOptions(timeLimit: timeLimit)
        options.relaxationOnly = true
        // The plan's own basis at this level (its hold rows are these, a little tighter at most): few iterations.
        options.startingBasis = startingBasis
        self.model = model
        self.first = first
        basis = (try? relaxation.solve(options))?.relaxationBasis
    }
}

/// One holiday duty of the plan asked again: the on-call model with that duty forbidden to everyone who has a
/// holiday in the shift, solved level by level against the plan's values until a level decides.
struct HolidayCounterfactual {
    let base: RotationModel
    let held: HeldPlan?
    let scenario: Scenario
    let availability: TeamAvailability
    /// The plan's schedule, from which the first incumbent is made.
    let schedule: Schedule
    let planned: [LevelOutcome]
    let slot: Int
    let role: DutyRole

    private var duty: [[Variable?]] { role == .primary ? base.primary : base.backup }

    /// Engineers on the shift's roster, free of leave and of holidays in it: who might take the duty instead.
    private var freeOfHolidays: [Int] {
        scenario.engineers.indices.filter {
            availability.isFree($0, slot) && availability.shifts[$0][slot].holidayWeight == 0
        }
    }

    /// Those of them who may hold the role in the shift (`can:`, `from:`).
    private var candidates: [Int] {
        freeOfHolidays.filter { scenario.engineers[$0].eligibility.allows(role, in: scenario.shifts[slot].dates) }
    }

    func reason(timeLimit: Double?) -> ConflictReason {
        let engineers = scenario.engineers.indices
        let candidates = self.candidates
        let roster = engineers.filter { availability.onRoster[$0][availability.slotRotation[slot]] }
        guard !candidates.isEmpty else {
            // Someone free may not hold the role then: that is a hard rule, not everyone's holidays.
            if !freeOfHolidays.isEmpty { return .hardRules }
            return .nobodyElse(
                onLeave: roster.filter { availability.shifts[$0][slot].onLeave }.map { scenario.engineers[$0].id },
                withHolidays: roster.filter { availability.shifts[$0][slot].holidayWeight > 0 }.map {
                    scenario.engineers[$0].id
                })
        }
        let avoid = LinearExpression.sum(candidates.compactMap { duty[$0][slot] }) == 1
        let avoidName = "avoid_holiday(\(role.rawValue),\(slot + 1))"
        // Bounded by nodes, not seconds, so the reasons in the report are the same on any machine; a level the
        // search cannot settle within them is "not analysed". Only the plan's own time limit cuts it by the clock.
        var options = SolveOptions(timeLimit: timeLimit, cuts: Tuning.onCallCuts)
        options.nodeLimit = Tuning.counterfactualNodeLimit
        var solver = LexicographicSolver(options: options)
        var verdict: ConflictReason?
        // Compare level by level and stop at the first that decides: later levels cannot change the verdict.
        solver.shouldContinue = { alternative in
            guard let plannedValue = planned.first(where: { $0.kind == alternative.kind })?.value else {
                verdict = .notAnalysed
                return false
            }
            switch alternative.status {
            case .infeasible: verdict = .hardRules
            case .optimal:
                let value = alternative.value!
                let tolerance = 1e-6 * max(1, abs(plannedValue))
                if value > plannedValue + tolerance {
                    verdict = .worse(alternative.kind, planned: plannedValue, alternative: value)
                }
                if value < plannedValue - tolerance { verdict = .avoidable }
            default: verdict = .notAnalysed
            }
            return verdict == nil
        }
        // Shortcut: the plan proved the levels before the holiday levels optimal, and this model only restricts the
        // plan's, so it cannot do better on them. Hold them at the plan's values and start at the first holiday
        // level. Only if that is infeasible must an earlier level get worse, and the levels are then solved from
        // the first to name which.
        if let plan = self.held {
            let first = plan.first
            var held = plan.model
            held.add(avoidName, avoid)
            switch settle(held, from: first, basis: plan.basis, options: options) {
            case .decided(let reason): return reason
            case .earlierLevelWorse: break
            case .unsettled(let held, let level, let incumbent):
                var rest = solver
                rest.startingSolution = incumbent
                var infeasible = false
                let decide = solver.shouldContinue!
                rest.shouldContinue = { outcome in
                    if outcome.status == .infeasible, outcome.kind == base.levels[first].kind {
                        infeasible = true
                        return false
                    }
                    return decide(outcome)
                }
                guard (try? rest.solve(held, levels: Array(base.levels[level...]))) != nil else { return .notAnalysed }
                if !infeasible { return verdict ?? .tie }
            }
            verdict = nil
        }
        // From level 1, without holds: only when the shortcut could not be taken or an earlier level must give.
        var model = base.model
        model.add(avoidName, avoid)
        guard (try? solver.solve(model, levels: base.levels)) != nil else { return .notAnalysed }
        if let verdict { return verdict }
        return .tie
    }

    /// How far ``settle(_:from:basis:options:)`` got.
    enum Settlement {
        case decided(ConflictReason)
        /// The first level has no solution with the earlier levels held: one of them must get worse.
        case earlierLevelWorse
        /// Level `level` (an index into the base's levels) was not decided this way: `held` holds the levels
        /// before it, `incumbent` is a solution of it, if one was found.
        case unsettled(held: Model, level: Int, incumbent: [Double]?)
    }

    /// Decides the levels from `first` on as questions rather than searches. For each level: its LP relaxation's
    /// optimum, rounded up to the next whole or attainable value (``ObjectiveLevel/leastAttainable(atLeast:integral:)``),
    /// is the least value it can take without the duty; then a schedule reaching that value is looked for nearest to the plan's (fewest assignments changed).
    /// Found above the plan's value, the level gets worse by exactly that much; found at the plan's value, the level
    /// ties and the next is asked. A level whose root bound is not reached this way is left to the ordinary search.
    /// Searching alone from its root, a level must find an integer schedule without the duty by branching (L with
    /// min_duty_gap_weeks 1: 719 nodes, 44 s, for a schedule one proximity search finds).
    func settle(_ model: Model, from first: Int, basis: Basis?, options: SolveOptions) -> Settlement {
        var held = model
        var reference = base.values(for: schedule)
        // Each level's relaxation adds rows after the one before, so its basis carries on.
        var basis = basis
        for index in first..<base.levels.count {
            let level = base.levels[index]
            guard let plannedValue = planned.first(where: { $0.kind == level.kind })?.value else {
                return .decided(.notAnalysed)
            }
            // The level's LP bound, rounded up to a value it can take: no schedule without the duty does better.
            var relaxation = held
            relaxation.minimize(level.expression)
            var relaxationOptions = options
            relaxationOptions.relaxationOnly = true
            relaxationOptions.startingBasis = basis
            guard let lp = try? relaxation.solve(relaxationOptions) else { return .decided(.notAnalysed) }
            switch lp.status {
            case .infeasible: return index == first ? .earlierLevelWorse : .decided(.notAnalysed)
            case .optimal: break
            default: return .unsettled(held: held, level: index, incumbent: nil)
            }
            basis = lp.relaxationBasis ?? basis
            let relaxed = lp.value(level.expression)
            let bound = level.leastAttainable(atLeast: relaxed, integral: held.isIntegral(level.expression)) ?? relaxed
            let target = max(bound, plannedValue)
            var near = held
            near.add("reach_\(level.kind.rawValue)", level.expression <= target + level.kind.holdSlack(target))
            let found = reference.flatMap { nearest(in: near, to: $0, options: options) }
            guard let found, level.expression.evaluate(found) <= target + level.kind.holdSlack(target) else {
                return .unsettled(held: held, level: index, incumbent: found)
            }
            let value = level.expression.evaluate(found)
            let tolerance = 1e-6 * max(1, abs(plannedValue))
            if value > plannedValue + tolerance {
                return .decided(.worse(level.kind, planned: plannedValue, alternative: value))
            }
            if value < plannedValue - tolerance { return .decided(.avoidable) }
            held.add("hold_\(level.kind.rawValue)", level.expression <= level.holdBound(plannedValue))
            reference = found
        }
        return .decided(.tie)
    }

    /// The solution of `model` nearest to `reference` that the search finds within its nodes, in widening
    /// neighbourhoods: first keeping every other rotation's duties as `reference` has them (the duty moves within its
    /// own rotation), then freeing also the rotations that share someone with it (whose duties a move can collide
    /// with), then the whole model. Each neighbourhood's search is far smaller than the next (L with 8 rotations:
    /// about 20 ms within the rotation, 1.1 s over the whole model).
    private func nearest(in model: Model, to reference: [Double], options: SolveOptions) -> [Double]? {
        let rotation = availability.slotRotation[slot]
        let rotations = availability.onRoster.first?.count ?? 0
        let sharing = Set(
            (0..<rotations).filter { r in
                availability.onRoster.contains { $0[r] && $0[rotation] }
            })
        let neighbourhoods = sharing.count > 1 ? [[rotation], sharing] : [[rotation]]
        for free in neighbourhoods where free.count < rotations {
            var local = model
            for t in availability.slotRotation.indices where !free.contains(availability.slotRotation[t]) {
                for duty in [base.primary, base.backup] {
                    for e in duty.indices {
                        if let x = duty[e][t] { local.fix(x, at: reference[x.index]) }
                    }
                }
            }
            if let found = try? local.nearest(
                to: reference, options: options, nodeLimit: Tuning.counterfactualNodeLimit)
            {
                return found
            }
        }
        return try? model.nearest(to: reference, options: options, nodeLimit: Tuning.counterfactualNodeLimit)
    }
}
