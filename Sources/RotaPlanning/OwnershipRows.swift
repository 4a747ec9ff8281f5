import LinearProgramming
import RotaChecking
import RotaModel

/// The ownership part of docs/model.md, one method per row family: `primary_owner` / `secondary_owner` with
/// `owner_pin` and `distinct_owners` (rows 8, 9, 26), `investor_cap` (10), `secondary_owner_once` (19),
/// `rotate_owners` (31), `ownership_load` with the integer load units (11), the symmetry-breaking fixings,
/// `fairness_max_ownership_load` and `no_primary` (11a). No row links it to the on-call part.
struct OwnershipRows {
    /// The ownership variables and the largest load, `unit × units`.
    struct Variables {
        /// `primaryOwner[e][k]` / `secondaryOwner[e][k]`: engineer e owns pipeline k.
        let primaryOwner: [[Variable]]
        let secondaryOwner: [[Variable]]
        /// The largest load in whole multiples of the weights' common unit.
        let units: Variable
        let unit: Double
        /// z_e: engineer e is primary owner of no pipeline (``withoutPrimary(_:_:)``).
        let withoutPrimary: [Variable]
    }

    let scenario: Scenario
    /// Whether to fix the relabellings away (not when replanning: a baseline names people).
    let symmetryBreaking: Bool

    /// Adds every family in the order the model has always had (variable, row and slack order is GLPK's path).
    func add(to rows: inout RuleRowWriter) -> Variables {
        let ids = scenario.engineers.map(\.id)
        let pipelines = scenario.pipelines
        var primaryOwner: [[Variable]] = []
        var secondaryOwner: [[Variable]] = []
        for id in ids {
            primaryOwner.append(pipelines.map { rows.model.addVariable("po(\(id),\($0.id))", .binary) })
            secondaryOwner.append(pipelines.map { rows.model.addVariable("so(\(id),\($0.id))", .binary) })
        }
        owners(&rows, primaryOwner, secondaryOwner)
        investorCap(&rows, primaryOwner)
        secondaryOwnerOnce(&rows, secondaryOwner)
        rotateOwners(&rows, primaryOwner, secondaryOwner)
        let (units, unit) = load(&rows, primaryOwner, secondaryOwner)
        if symmetryBreaking { breakSymmetry(&rows, primaryOwner, secondaryOwner) }
        if let bound = scenario.rules.fairness.maxOwnershipLoad {
            rows.add("fairness_max_ownership_load", [unit * units <= bound], RuleInstance(.maxOwnershipLoad))
        }
        let withoutPrimary = withoutPrimary(&rows, primaryOwner)
        return Variables(
            primaryOwner: primaryOwner, secondaryOwner: secondaryOwner, units: units, unit: unit,
            withoutPrimary: withoutPrimary)
    }

    /// `no_primary(e)`: z_e + Σ_k p_{e,k} ≥ 1 with z_e ∈ [0, 1], over the pipelines whose primary owner is an
    /// engineer: Σ_e z_e counts the engineers who are primary owner of nothing, minimized after the load (level
    /// `owners_without_primary`). A largest load of 6 over 4 engineers and 5 pipelines let one engineer be
    /// secondary owner of 4 and primary of none; only this level tells that table from one where everyone is a
    /// primary owner. (A min-max deviation of each role count from its share, tried first, left M and XL unproved
    /// after 15–20 s: the LP reaches the share with fractions; this count's LP bound, |E| − |P^p|, is tight.)
    private func withoutPrimary(_ rows: inout RuleRowWriter, _ primaryOwner: [[Variable]]) -> [Variable] {
        let ids = scenario.engineers.map(\.id)
        let pipelines = scenario.pipelines
        let held = pipelines.indices.filter { if case .team = pipelines[$0].primaryOwner { false } else { true } }
        return ids.indices.map { e in
            let z = rows.model.addVariable("no_primary(\(ids[e]))", .continuous, lowerBound: 0, upperBound: 1)
            rows.model.add(
                "no_primary(\(ids[e]))",
                LinearExpression(z) + LinearExpression.sum(held.map { primaryOwner[e][$0] }) >= 1)
            return z
        }
    }

    /// `primary_owner(k)`, `secondary_owner(k)` (a team-held role fixes every engineer's variable at 0 instead),
    /// `owner_pin(k,role)` and `distinct_owners(e,k)`.
    private func owners(_ rows: inout RuleRowWriter, _ primaryOwner: [[Variable]], _ secondaryOwner: [[Variable]]) {
        let ids = scenario.engineers.map(\.id)
        for (k, pipeline) in scenario.pipelines.enumerated() {
            for (role, owners, pin) in [
                ("primary", primaryOwner, pipeline.primaryOwner),
                ("secondary", secondaryOwner, pipeline.secondaryOwner),
            ] {
                let column = owners.map { $0[k] }
                if case .team = pin {
                    // A team outside the rota holds the role: no engineer does.
                    for x in column { rows.model.fix(x, at: 0) }
                    continue
                }
                rows.model.add("\(role)_owner(\(pipeline.id))", LinearExpression.sum(column) == 1)
                if case .engineer(let id) = pin, let e = ids.firstIndex(of: id) {
                    rows.add(
                        "owner_pin(\(pipeline.id),\(role))", [LinearExpression(column[e]) >= 1],
                        RuleInstance(.ownerPin, engineers: [id], pipeline: pipeline.id))
                }
            }
            for e in ids.indices {
                rows.model.add(
                    "distinct_owners(\(ids[e]),\(pipeline.id))", primaryOwner[e][k] + secondaryOwner[e][k] <= 1)
            }
        }
    }

    /// `investor_cap(e)`: max_investor_primaries.
    private func investorCap(_ rows: inout RuleRowWriter, _ primaryOwner: [[Variable]]) {
        let ids = scenario.engineers.map(\.id)
        let pipelines = scenario.pipelines
        let investor = pipelines.indices.filter { pipelines[$0].investorFacing }
        guard !investor.isEmpty else { return }
        let cap = Double(scenario.rules.investorPrimaryCap(investorFacing: investor.count, engineers: ids.count))
        for e in ids.indices {
            rows.add(
                "investor_cap(\(ids[e]))", [LinearExpression.sum(investor.map { primaryOwner[e][$0] }) <= cap],
                RuleInstance(.maxInvestorPrimaries, engineers: [ids[e]]))
        }
    }

    /// `secondary_owner_once(e)`: everyone_secondary_owner.
    private func secondaryOwnerOnce(_ rows: inout RuleRowWriter, _ secondaryOwner: [[Variable]]) {
        guard scenario.rules.everyoneSecondaryOwner else { return }
        let ids = scenario.engineers.map(\.id)
        for e in ids.indices {
            rows.add(
                "secondary_owner_once(\(ids[e]))", [LinearExpression.sum(secondaryOwner[e]) >= 1],
                RuleInstance(.everyoneSecondaryOwner, engineers: [ids[e]]))
        }
    }

    /// `rotate_owners(k,role)`: nobody holds a role of a rotating pipeline they held in the previous period (the
    /// history's ownership.csv), while still in the team and the role is not a team's.
    private func rotateOwners(
        _ rows: inout RuleRowWriter, _ primaryOwner: [[Variable]], _ secondaryOwner: [[Variable]]
    ) {
        guard Rule.rotateOwners.isDeclared(by: scenario), let rotating = scenario.rules.rotateOwners else { return }
        let ids = scenario.engineers.map(\.id)
        for (k, pipeline) in scenario.pipelines.enumerated() where rotating.contains(pipeline.id) {
            guard let past = scenario.history.ownership[pipeline.id] else { continue }
            for (primary, owners, pin) in [
                (true, primaryOwner, pipeline.primaryOwner), (false, secondaryOwner, pipeline.secondaryOwner),
            ] {
                if case .team = pin { continue }
                guard let e = ids.firstIndex(of: past.owner(primary: primary)) else { continue }
                rows.add(
                    "rotate_owners(\(pipeline.id),\(primary ? "primary" : "secondary"))",
                    [LinearExpression(owners[e][k]) <= 0],
                    RuleInstance(.rotateOwners, engineers: [ids[e]], pipeline: pipeline.id))
            }
        }
    }

    /// `ownership_load(e)` ≤ unit × units. Every load is a whole multiple of the weights' common unit (weights have
    /// at most two decimals), so the largest load is `unit × units` with `units` an integer, which lets GLPK round
    /// its bound up.
    private func load(_ rows: inout RuleRowWriter, _ primaryOwner: [[Variable]], _ secondaryOwner: [[Variable]])
        -> (units: Variable, unit: Double)
    {
        let ids = scenario.engineers.map(\.id)
        let pipelines = scenario.pipelines
        let unit = OwnershipRules.weightUnit(pipelines.map(\.weight))
        let totalWeight = pipelines.reduce(0) { $0 + 2 * $1.weight }
        let units = rows.model.addVariable(
            "ownership_load_max_units", .integer,
            lowerBound: Double(RotationModel.largestLoadLowerBound(pipelines, unit: unit, engineers: ids.count)),
            upperBound: (totalWeight / unit).rounded(.up))
        for e in ids.indices {
            var load = LinearExpression()
            for (k, pipeline) in pipelines.enumerated() {
                load.add(primaryOwner[e][k], coefficient: 2 * pipeline.weight)
                load.add(secondaryOwner[e][k], coefficient: pipeline.weight)
            }
            rows.model.add("ownership_load(\(ids[e]))", load <= unit * units)
        }
        return (units, unit)
    }

    /// Symmetry breaking: apart from owner pins, nothing in the ownership part tells engineers apart, so any
    /// assignment can be relabelled among the engineers no pin names. In the canonical labelling
    /// (``OwnershipRules/canonicalItems(_:)``), the i-th free item goes to a named engineer or one of the first i + 1
    /// unnamed ones. Without this GLPK explores every relabelling: 5 engineers and 5 pipelines ran 30 s (249,311
    /// nodes) without proving a load of 6 optimal over an LP bound of 5. See docs/model.md.
    private func breakSymmetry(
        _ rows: inout RuleRowWriter, _ primaryOwner: [[Variable]], _ secondaryOwner: [[Variable]]
    ) {
        let ids = scenario.engineers.map(\.id)
        let pipelines = scenario.pipelines
        let named = OwnershipRules.namedEngineers(pipelines)
        let free = ids.indices.filter { !named.contains(ids[$0]) }
        for (position, item) in OwnershipRules.canonicalItems(pipelines).enumerated() {
            for (rank, e) in free.enumerated() where rank > position {
                rows.model.fix((item.primary ? primaryOwner : secondaryOwner)[e][item.pipeline], at: 0)
            }
        }
    }
}
