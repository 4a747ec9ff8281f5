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
    }
    let onCall: Part
    let ownership: Part
    /// Both parts' levels, merged in priority order (`changes` of both parts is one level).
    let levels: [LevelOutcome]
    /// Every level of both parts, in priority order.
    let levelOrder: [ObjectiveKind]

    /// The share of the time limit the ownership part (solved first) may use; the on-call part gets the rest.
    static let ownershipTimeShare = 0.25

    /// Cuts per part, chosen by measurement (docs/performance.md, "The ownership part"). The ownership part is a min-max
    /// assignment whose LP bound is often one unit short. From scratch, Gomory + MIR cuts closed that gap on a
    /// 4-engineer team (glpsol 2.7 s → 0.1 s), but the part always starts from its longest-processing-time
    /// assignment, and from there Gomory cuts only cost: 25 random 12-engineer teams of 10–40 pipelines (weights 1–5,
    /// `scripts/ownership-stress.py`) took 26.4 s of ownership solving with them (4 levels unproved at 5 s) and
    /// 12.4 s without (2), 40 random 4-engineer teams 50 ms and 10 ms.
    static let onCallCuts: SolveOptions.Cuts = [.cover, .clique]
    static let ownershipCuts: SolveOptions.Cuts = [.mixedIntegerRounding, .clique]
    /// On-call models of at least this many columns improve each integral level's start (the previous level's
    /// schedule) by proximity search before solving it, each search stopped after ``proximityNodeLimit`` nodes and at
    /// most ``LexicographicSolver/proximityRounds`` times; chosen by measurement (docs/performance.md, "Scale"):
    /// a generated 40-engineer year's holiday level took 6.9 s of branching from a start one point above its optimum
    /// (its own solve after the search: 0.26 s), and a 100-engineer year's was not proved in 55 s (after the search:
    /// 3.0 s; the whole plan 25 s, proved). Below this size branching
    /// proves a level in milliseconds and the searches would cost more than they save. The ownership part is searched
    /// at every size: its start is often one unit above an optimum GLPK's branching finds late (100 random 12-engineer
    /// teams of `scripts/ownership-stress.py`: 13.9 s of ownership solving and 2 levels unproved at 5 s without it,
    /// 0.8 s and none with it).
    static let proximitySearchColumns = 2000
    /// Models of at least this many columns start each level's LP from the previous level's basis. On large models
    /// the LP is most of a level (XL: 0.9–1.7 s per level from scratch; with the basis 7.8 → 6.1 s in all); on small
    /// ones it costs under a millisecond either way, and the other LP vertex only reshuffles the branching (the
    /// generated S team's largest-holiday level: 21 nodes from scratch, 55 from the basis).
    static let basisColumns = 2000
    static let proximityNodeLimit = 200

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
                    timeLimit: timeLimit, relativeGap: options.relativeGap, cuts: cuts, log: options.log))
            solver.carriesBasis = part.model.variables.count >= Self.basisColumns
            if part.parts == .ownership || part.model.variables.count >= Self.proximitySearchColumns {
                solver.proximityNodeLimit = Self.proximityNodeLimit
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
        let ownershipLimit = options.timeLimit.map { $0 * Self.ownershipTimeShare }
        let ownershipOutcome = try solver(ownershipModel, cuts: Self.ownershipCuts, timeLimit: ownershipLimit)
            .solve(ownershipModel.model, levels: ownershipModel.levels)
        let onCallLimit = options.timeLimit.map { max(0, $0 - (clock.now - begin).totalSeconds) }
        let onCallOutcome = try solver(onCallModel, cuts: Self.onCallCuts, timeLimit: onCallLimit)
            .solve(onCallModel.model, levels: onCallModel.levels)
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
        switch self {
        case .primaryBalance, .backupBalance: return .goal(.onCallBalance)
        case .holidayTotal, .holidayLargest: return .goal(.holidayBurden)
        case .ownershipLargest: return .goal(.ownershipBalance)
        case .changes: return .changes
        default: return nil
        }
    }
}
