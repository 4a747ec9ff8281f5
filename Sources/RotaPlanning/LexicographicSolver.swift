import LinearProgramming
import RotaChecking
import RotaModel

/// How one objective level was solved.
public struct LevelOutcome: Sendable {
    public let kind: ObjectiveKind
    public let status: SolveStatus
    /// The level's value in the solution kept (nil without one).
    public let value: Double?
    /// The best proved bound (equal to the value when optimal).
    public let bound: Double?
    public let gap: Double?
    public let simplexIterations: Int
    public let branchNodes: Int
    public let seconds: Double
    /// Proved without solving anything: the schedule offered already reached the least value the variables'
    /// bounds allow (``LinearProgramming/Model/boundsFloor(of:)``).
    public var provedByBounds = false
}

extension ObjectiveKind {
    /// How far above its value a level is held. A deviation level is a continuous variable that GLPK may report a
    /// few millionths below what the integer counts imply (within its primal feasibility tolerance: a random
    /// property test drew 0.8235264 for an exact 0.8235294, and a 10⁻⁶ hold then made the next level infeasible), so
    /// it gets 10⁻⁴ relative; distinct deviations differ by at least 1 ÷ Σ available weeks (above 1.9·10⁻⁴ for a
    /// 100-engineer year), so no worse value slips in. Other levels are sums of integer columns: 10⁻⁶.
    func holdSlack(_ value: Double) -> Double {
        ([.primaryBalance, .backupBalance].contains(self) || optionalGoal != nil ? 1e-4 : 1e-6)
            * max(1, abs(value))
    }
}

/// Minimizes levels one after another; after each, a row holds that level at the value found.
struct LexicographicSolver {
    var options: SolveOptions
    /// Where each level's model is written (CPLEX LP), if anywhere.
    var exportPath: ((Int, ObjectiveKind) -> String)?
    /// A solution offered to the first level as its first incumbent (later levels start from the level before).
    var startingSolution: [Double]?
    /// Asked after each level, whatever its status; false ends the solve there.
    var shouldContinue: ((LevelOutcome) -> Bool)?
    /// When set, a level with an integral objective and a first incumbent is first improved by proximity search,
    /// each search stopped after this many nodes (``Model/improveByProximity(_:from:options:nodeLimit:rounds:)``).
    var proximityNodeLimit: Int?
    /// Whether each level's LP starts from the previous level's basis (see ``solve(_:levels:)``).
    var carriesBasis = true
    /// Told as each level starts.
    var progress: (@Sendable (LevelEvent) -> Void)?

    struct Outcome {
        /// The values of the last level that had a solution; empty when the first level had none.
        let values: [Double]
        let levels: [LevelOutcome]
        let size: ModelSize
        /// Per level, the optimal basis of its LP relaxation (nil for a level proved by bounds or with no LP).
        var relaxationBases: [Basis?] = []
    }

    func solve(_ model: Model, levels: [ObjectiveLevel]) throws(ModelError) -> Outcome {
        var model = model
        var values: [Double] = []
        var basis: Basis?
        var outcomes: [LevelOutcome] = []
        var bases: [Basis?] = []
        let clock = ContinuousClock()
        let start = clock.now
        for (position, level) in levels.enumerated() {
            progress?(.started(title: level.kind.title))
            model.minimize(level.expression)
            if let exportPath { try model.writeLP(to: exportPath(position, level.kind)) }
            var levelOptions = options
            // The previous level's solution satisfies this level's rows (its objective is held with slack), so it
            // is a first incumbent: a later level that gets to search at all ends with a solution.
            if !values.isEmpty {
                levelOptions.initialSolution = values
            } else if position == 0 {
                levelOptions.initialSolution = startingSolution
            }
            // The previous level's LP basis stays primal feasible (its solution keeps the new hold row): the simplex
            // method goes on from there instead of starting over (XL: 0.9–1.7 s per level from scratch).
            levelOptions.startingBasis = carriesBasis ? basis : nil
            if let limit = options.timeLimit {
                levelOptions.timeLimit = max(0, limit - (clock.now - start).totalSeconds)
            }
            let (outcome, solution) = try decide(level, in: model, options: levelOptions, since: start)
            outcomes.append(outcome)
            bases.append(solution.basis)
            // Every outcome is shown to the caller, also one without a solution (an infeasible level is an answer).
            let proceed = shouldContinue?(outcome) ?? true
            guard let value = outcome.value, proceed else { break }
            values = solution.values
            basis = solution.basis ?? basis
            // Hold the level at the value found (an incumbent when not proved optimal), with a little slack
            // so that GLPK's tolerances cannot make the next level infeasible, and no more than lets a worse
            // attainable value through.
            model.add("hold_\(level.kind.rawValue)", level.expression <= level.holdBound(value))
        }
        return Outcome(values: values, levels: outcomes, size: model.size, relaxationBases: bases)
    }

    /// One level's outcome and the solution it keeps: proved by the variables' bounds, proved by a start that reaches
    /// the LP bound, or solved. `options` holds the level's first incumbent and basis; `start` is when the first level began.
    private func decide(
        _ level: ObjectiveLevel, in model: Model, options levelOptions: SolveOptions,
        since start: ContinuousClock.Instant
    ) throws(ModelError) -> (LevelOutcome, (values: [Double], basis: Basis?)) {
        var levelOptions = levelOptions
        let clock = ContinuousClock()
        // A first incumbent at the least value the variables' bounds allow (a deviation at its FairShareBound,
        // a burden or a count at 0) is optimal at once: no LP, no search (200 engineers × 52 weeks: 2–3 s of
        // simplex per such level). Checked before anything is solved, so the level's time is that check.
        let checkStart = clock.now
        if let reference = levelOptions.initialSolution, let floor = model.boundsFloor(of: level.expression),
            level.expression.evaluate(reference) <= floor + Self.floorTolerance, model.isFeasible(reference)
        {
            let outcome = LevelOutcome(
                kind: level.kind, status: .optimal, value: level.expression.evaluate(reference), bound: floor,
                gap: 0, simplexIterations: 0, branchNodes: 0, seconds: (clock.now - checkStart).totalSeconds,
                provedByBounds: true)
            return (outcome, (reference, nil))
        }
        // The level's time includes its proximity search; its nodes are those of the level's own solve.
        var searchSeconds = 0.0
        var improved: ImprovedStart?
        if let nodes = proximityNodeLimit, let reference = levelOptions.initialSolution {
            var searchOptions = levelOptions
            searchOptions.log = nil
            let searchStart = clock.now
            improved = try improvedStart(
                model, level: level, from: reference, options: searchOptions, nodeLimit: nodes)
            levelOptions.initialSolution = improved?.values
            levelOptions.startingBasis = improved?.basis ?? levelOptions.startingBasis
            searchSeconds = (clock.now - searchStart).totalSeconds
            if let limit = options.timeLimit {
                levelOptions.timeLimit = max(0, limit - (clock.now - start).totalSeconds)
            }
        }
        if let improved, let proved = improved.provedValue, let start = improved.values {
            // The start reaches the least value the LP relaxation allows: optimal, proved without a search.
            let outcome = LevelOutcome(
                kind: level.kind, status: .optimal, value: proved, bound: proved, gap: 0,
                simplexIterations: improved.simplexIterations, branchNodes: 0, seconds: searchSeconds)
            return (outcome, (start, improved.basis))
        }
        let result = try model.solve(levelOptions)
        let outcome = LevelOutcome(
            kind: level.kind, status: result.status,
            value: result.status.hasSolution ? result.value(level.expression) : nil, bound: result.bestBound,
            gap: result.relativeGap, simplexIterations: result.simplexIterations,
            branchNodes: result.branchNodes, seconds: result.seconds + searchSeconds)
        return (outcome, (result.values, result.relaxationBasis))
    }

    /// How far above the variables' bounds floor a first incumbent may be and still count as reaching it: far
    /// below any difference of two attainable values (shares are ratios of whole weeks).
    static let floorTolerance = 1e-9

    /// A better first incumbent for `level` from `reference` (the previous level's solution, or the constructive
    /// start, which may break rows the start does not know, such as backup_becomes_primary), and the LP basis to
    /// solve the level from:
    /// 1. The level's LP relaxation (from the carried basis) gives the least value it can take, rounded up to a
    ///    whole number or to the next attainable value when those are known. The schedule nearest `reference`
    ///    that reaches it is optimal at once, where rounds that each ask for one unit better may not get there (L
    ///    with 8 rotations: the holiday total's start 8 points above a bound it attains; 45 s of branching).
    /// 2. A `reference` that breaks rows is repaired to the nearest schedule that keeps them (L with
    ///    backup_becomes_primary: no incumbent until 148 nodes into each balance level, 6–9 s each).
    /// 3. On an integral level, proximity rounds improve what there is by at least one unit each.
    /// Every search is bounded by nodes, so the same model gives the same start on any machine.
    func improvedStart(
        _ model: Model, level: ObjectiveLevel, from reference: [Double], options: SolveOptions, nodeLimit nodes: Int
    ) throws(ModelError) -> ImprovedStart {
        var origin: [Double]? = model.isFeasible(reference) ? reference : nil
        var relaxationOptions = options
        relaxationOptions.relaxationOnly = true
        relaxationOptions.initialSolution = nil
        let lp = try model.solve(relaxationOptions)
        let target =
            lp.status == .optimal
            ? lp.objectiveValue.flatMap {
                level.leastAttainable(atLeast: $0, integral: model.isIntegral(level.expression))
            } : nil
        if let target, origin.map({ level.expression.evaluate($0) > level.holdBound(target) }) ?? true {
            var reach = model
            reach.add("reach_bound_\(level.kind.rawValue)", level.expression <= level.holdBound(target))
            if let found = try reach.nearest(to: reference, options: options, nodeLimit: nodes) { origin = found }
        }
        if origin == nil { origin = try model.nearest(to: reference, options: options, nodeLimit: nodes) }
        // At the least attainable value already, the start is optimal: rounds asking for one unit better would only
        // prove that (20 engineers × 208 weeks: 0.84 s for the holiday total's one round).
        var atTarget = false
        if let origin, let target { atTarget = level.expression.evaluate(origin) <= level.holdBound(target) }
        if let feasible = origin, model.isIntegral(level.expression), !atTarget {
            origin = try model.improveByProximity(
                level.expression, from: feasible, options: options, nodeLimit: nodes, rounds: Tuning.proximityRounds)
        }
        return ImprovedStart(
            values: origin, basis: lp.relaxationBasis, provedValue: atTarget ? target : nil,
            simplexIterations: lp.simplexIterations)
    }

    /// What ``improvedStart(_:level:from:options:nodeLimit:)`` found.
    struct ImprovedStart {
        /// A solution of the level's model, if one was found.
        let values: [Double]?
        /// The optimal basis of the level's LP relaxation.
        let basis: Basis?
        /// The level's value when `values` reaches the least value its LP relaxation allows: then it is optimal.
        let provedValue: Double?
        let simplexIterations: Int
    }
}
