import LinearProgramming
import RotaChecking
import RotaModel

/// Solves the on-call and the ownership part of a scenario's model separately and merges their objective levels
/// into the scenario's priority order.
///
/// No row links the two parts (docs/model.md), so the lexicographic optimum of the whole model is the pair of the
/// parts' optima: each level concerns one part, except `changes` (replanning), a sum of one term per part whose
/// minimum is the sum of the parts' minima. Solving them apart keeps the ownership columns (engineers × pipelines × 2)
/// out of every on-call level, and lets each part use the cuts that work for it.
struct DecomposedSolve {
    struct Part {
        let model: RotationModel
        let outcome: LexicographicSolver.Outcome

        /// The optimal basis of the LP relaxation of the part's level `kind`, if it was solved by LP.
        func basis(at kind: ObjectiveKind) -> Basis? {
            guard let position = outcome.levels.firstIndex(where: { $0.kind == kind }),
                position < outcome.relaxationBases.count
            else { return nil }
            return outcome.relaxationBases[position]
        }
    }
    let onCall: Part
    let ownership: Part
    /// Both parts' levels, merged in priority order (`changes` of both parts is one level).
    let levels: [LevelOutcome]
    /// Every level of both parts, in priority order.
    let levelOrder: [ObjectiveKind]

    init(
        scenario: Scenario, availability: TeamAvailability, baseline: PlanBaseline?, start: Schedule?,
        options: PlanOptions
    ) throws(ModelError) {
        let clock = ContinuousClock()
        let begin = clock.now
        let onCallModel = RotationModel(
            scenario: scenario, availability: availability, parts: .onCall, baseline: baseline)
        let ownershipModel = RotationModel(
            scenario: scenario, availability: availability, parts: .ownership, baseline: baseline)
        let order = Self.order(
            of: onCallModel.levels + ownershipModel.levels, rules: scenario.rules, replanning: baseline != nil)
        levelOrder = order
        func solver(_ part: RotationModel, cuts: SolveOptions.Cuts, timeLimit: Double?) -> LexicographicSolver {
            var solver = LexicographicSolver(
                options: SolveOptions(
                    timeLimit: timeLimit, relativeGap: options.relativeGap, cuts: cuts, log: options.log,
                    shouldStop: options.shouldStop))
            solver.carriesBasis = part.model.variables.count >= Tuning.basisColumns
            solver.progress = options.levelProgress
            if part.parts == .ownership || part.model.variables.count >= Tuning.proximitySearchColumns {
                solver.proximityNodeLimit = Tuning.proximityNodeLimit
            }
            // A baseline is the natural start when replanning (no change at all); it or the constructive start is
            // offered only if it satisfies every row (the modelling layer checks). The ownership part always has its
            // own start (longest processing time), also when the greedy on-call pass found none.
            let constructive =
                part.parts == .ownership
                ? Schedule(
                    shifts: [],
                    ownership: start?.ownership
                        ?? StartingSchedule.ownership(
                            scenario,
                            deadline: StartingSchedule.deadline(from: ContinuousClock().now, timeLimit: timeLimit)))
                : start
            solver.startingSolution =
                baseline.flatMap { part.values(for: Planner.renumbered($0.schedule, scenario)) }
                ?? constructive.flatMap(part.values(for:))
            if let base = options.exportModelPath {
                let suffix = part.parts == .ownership ? ".ownership" : ""
                solver.exportPath = { _, kind in
                    PlanOptions.exportPath(
                        base: base, level: order.firstIndex(of: kind) ?? 0, part: kind == .changes ? suffix : "")
                }
            }
            return solver
        }
        // The two parts are solved at once, the ownership part on a thread of its own (200 engineers: 5.5 s of
        // ownership levels beside 8 s of on-call ones). Each part's search is the same as alone, so the same inputs
        // still give the same schedule; only a time limit, shared by both, can make it depend on speed.
        let ownershipLimit = options.timeLimit.map { $0 * Tuning.ownershipTimeShare }
        let ownershipSolver = solver(ownershipModel, cuts: Tuning.ownershipCuts, timeLimit: ownershipLimit)
        let ownershipRun = BackgroundWork { () throws(ModelError) in
            try ownershipSolver.solve(ownershipModel.model, levels: ownershipModel.levels)
        }
        let onCallLimit = options.timeLimit.map { max(0, $0 - (clock.now - begin).totalSeconds) }
        let onCallOutcome: LexicographicSolver.Outcome
        do {
            onCallOutcome = try solver(onCallModel, cuts: Tuning.onCallCuts, timeLimit: onCallLimit)
                .solve(onCallModel.model, levels: onCallModel.levels)
        } catch {
            _ = try? ownershipRun.value()
            throw error
        }
        let ownershipOutcome = try ownershipRun.value()
        onCall = Part(model: onCallModel, outcome: onCallOutcome)
        ownership = Part(model: ownershipModel, outcome: ownershipOutcome)
        levels = order.compactMap { kind in
            let outcomes = (onCallOutcome.levels + ownershipOutcome.levels).filter { $0.kind == kind }
            return outcomes.count > 1 ? Self.sum(outcomes) : outcomes.first
        }
    }

    /// The rows, columns and non-zeros of both parts' last models together.
    var size: ModelSize {
        let (a, b) = (onCall.outcome.size, ownership.outcome.size)
        return ModelSize(rows: a.rows + b.rows, columns: a.columns + b.columns, nonzeros: a.nonzeros + b.nonzeros)
    }

    /// The first level of either part, if it had no solution: what stops the plan.
    var firstFailure: LevelOutcome? {
        [onCall, ownership].compactMap(\.outcome.levels.first).first { !$0.status.hasSolution }
    }

    /// Level kinds in the scenario's priority order; within one priority, in the parts' own order.
    static func order(of levels: [ObjectiveLevel], rules: Rules, replanning: Bool) -> [ObjectiveKind] {
        let softInUse = Set(levels.compactMap(\.kind.softRule))
        let priorities = rules.levelOrder(replanning: replanning, softInUse: softInUse)
        var kinds: [ObjectiveKind] = []
        for priority in priorities {
            for level in levels where level.kind.priority == priority && !kinds.contains(level.kind) {
                kinds.append(level.kind)
            }
        }
        return kinds
    }

    /// One level split over both parts (`changes`): values and bounds add; the status is the weaker one.
    static func sum(_ parts: [LevelOutcome]) -> LevelOutcome {
        let values = parts.compactMap(\.value)
        let bounds = parts.compactMap(\.bound)
        let value = values.count == parts.count ? values.reduce(0, +) : nil
        let bound = bounds.count == parts.count ? bounds.reduce(0, +) : nil
        let status = parts.first { $0.status != .optimal }?.status ?? .optimal
        let gap = value.flatMap { v in bound.map { b in status == .optimal ? 0 : abs(v - b) / max(abs(v), 1e-9) } }
        return LevelOutcome(
            kind: parts[0].kind, status: status, value: value, bound: bound, gap: gap,
            simplexIterations: parts.reduce(0) { $0 + $1.simplexIterations },
            branchNodes: parts.reduce(0) { $0 + $1.branchNodes }, seconds: parts.reduce(0) { $0 + $1.seconds })
    }
}

extension ObjectiveKind {
    /// The entry of `rules.priorities` this level belongs to.
    var priority: Priority? {
        if let rule = softRule { return .rule(rule) }
        if let goal = optionalGoal { return .optional(goal) }
        switch self {
        case .primaryBalance, .backupBalance: return .goal(.onCallBalance)
        case .holidayTotal, .holidayLargest: return .goal(.holidayBurden)
        case .ownershipLargest, .ownersWithoutPrimary: return .goal(.ownershipBalance)
        case .changes: return .changes
        default: return nil
        }
    }
}
