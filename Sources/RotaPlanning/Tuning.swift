import LinearProgramming

/// The planner's tuning, in one place. Each value was chosen by measurement (docs/performance.md); changing one can
/// change which schedule is found among equal optima or whether a level is proved in time, so it is a model change
/// (raise ``ModelVersion``).
enum Tuning {
    /// The share of the time limit the start may take: its ownership moves stop there, leaving GLPK the rest.
    static let startTimeShare = 0.25

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
    /// most ``proximityRounds`` times; chosen by measurement (docs/performance.md, "Scale"):
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

    /// Rounds of proximity search before a level (each at most ``proximityNodeLimit`` nodes).
    static let proximityRounds = 5

    /// On-call models with more columns than this leave their holiday duties unanalysed. A counterfactual starts
    /// from scratch (the plan's schedule breaks its row), and on a generated 100-engineer year (11,348 on-call
    /// columns) one did not settle within its node limit in about 50 s, so the analysis ran into the time limit and
    /// the plan took 62 s; a 40-engineer year (4,678 columns) plans in 2–3 s, analysis included. A bound on the model,
    /// not the clock, so the report is the same on any machine (docs/performance.md, "Scale").
    static let conflictAnalysisColumns = 8000

    /// Branch-and-bound nodes each level of a counterfactual solve may use (it replaced a 5 s cap, which made the
    /// reasons depend on the machine's speed).
    static let counterfactualNodeLimit = 1000
}
