/// The rules that name the scenario's other parts, judged once they are read: the cycle rules (`cycle_weeks`,
/// `cycle_start`, `each_primary_once`, `each_backup_at_least_once`: a cycle long enough for every roster, a start on
/// every rotation's handoff), `fixed_order` (exactly each roster's people) and `rotate_owners` (known pipelines,
/// and the previous period's owners in the history).
extension ScenarioDecoder {
    func cycleRules(_ rulesValue: YAMLValue?, in scenario: inout Scenario) throws(ScenarioError) {
        guard let rulesValue else { return }
        let fields = try rulesValue.mapping(allowed: ScenarioReader.ruleFields) { _ in }
        let rules = scenario.rules
        let cycleRules = [Rule.eachPrimaryOnce, .eachBackupAtLeastOnce].filter {
            $0 == .eachPrimaryOnce ? rules.eachPrimaryOnce : rules.eachBackupAtLeastOnce
        }
        if let length = rules.cycleWeeks, let value = fields["cycle_weeks"] {
            if cycleRules.isEmpty {
                throw .invalidValue(
                    value.location, field: value.path, value: "\(length)",
                    expected: "a cycle rule to count in it (each_primary_once, each_backup_at_least_once)",
                    hint: "add `each_primary_once: true` (everyone primary once a cycle), or remove cycle_weeks")
            }
            for rotation in scenario.rotations where rotation.roster.count > length {
                throw .invalidValue(
                    value.location, field: value.path, value: "\(length)",
                    expected: "at least the \(rotation.roster.count) people of "
                        + (rotation.id.isEmpty ? "the rotation" : "rotation \(rotation.id)")
                        + ", so each can hold a role once a cycle",
                    hint: "`cycle_weeks: \(rotation.roster.count)` gives everyone one turn per cycle")
            }
            if let start = fields["cycle_start"],
                let rotation = scenario.rotations.first(where: { !scenario.cycleStartIsHandoff(of: $0.period) })
            {
                throw .invalidValue(
                    start.location, field: start.path, value: "\(rules.cycleStart!)",
                    expected: "a handoff day of "
                        + (rotation.id.isEmpty ? "the rotation" : "rotation \(rotation.id)")
                        + " (\(rotation.period.shiftDays)-day shifts from \(rotation.period.start))",
                    hint: "the day a cycle's first shift is handed over, e.g. \(rotation.period.start)")
            }
        } else {
            for rule in cycleRules {
                let value = fields[rule.rawValue]!
                throw .invalidValue(
                    value.location, field: value.path, value: "true", expected: "cycle_weeks as well",
                    hint:
                        "add `cycle_weeks: \(scenario.rotations.map(\.roster.count).max() ?? 4)`: the shifts a cycle lasts"
                )
            }
            if let start = fields["cycle_start"] {
                throw .invalidValue(
                    start.location, field: start.path, value: "\(rules.cycleStart!)", expected: "cycle_weeks as well",
                    hint: "add `cycle_weeks: 4` (the shifts a cycle lasts), or remove cycle_start")
            }
        }
        if let (value, written) = log.fixedOrder {
            scenario.rules.fixedOrder = try resolveFixedOrder(value, written, in: scenario)
        }
        if let (value, written) = log.rotateOwners {
            let ids = scenario.pipelines.map(\.id)
            for (entry, id) in written ?? [] where !ids.contains(id) {
                throw .invalidValue(
                    entry.location, field: entry.path, value: TextSafety.quoted(id), expected: "the id of a pipeline",
                    hint: Suggestions.didYouMean(id, ids) ?? "pipelines: \(ids.joined(separator: ", "))")
            }
            if scenario.history.ownership.isEmpty {
                throw .invalidValue(
                    value.location, field: value.path, value: "set", expected: "the previous period's owners",
                    hint: "list last period's report folder (with its ownership.csv) under `history:`")
            }
            scenario.rules.rotateOwners = Set(written?.map(\.1) ?? ids)
        }
    }

    /// Each rotation's order: `written` restricted to its roster, which it must hold all of; nil `written`: the
    /// roster as the file lists it (the engineers as listed for a scenario without `rotations:`).
    private func resolveFixedOrder(
        _ value: YAMLValue, _ written: [(YAMLValue, String)]?, in scenario: Scenario
    ) throws(ScenarioError) -> [String: [String]] {
        guard let written else {
            return Dictionary(scenario.rotations.map { ($0.id, $0.roster) }, uniquingKeysWith: { first, _ in first })
        }
        let ids = scenario.engineers.map(\.id)
        var seen = Set<String>()
        for (entry, id) in written {
            if !ids.contains(id) {
                throw .invalidValue(
                    entry.location, field: entry.path, value: TextSafety.quoted(id), expected: "the id of an engineer",
                    hint: Suggestions.didYouMean(id, ids) ?? "engineers: \(ids.joined(separator: ", "))")
            }
            if !seen.insert(id).inserted {
                throw .invalidValue(
                    entry.location, field: entry.path, value: TextSafety.quoted(id), expected: "each engineer once",
                    hint: "remove the second \(id)")
            }
        }
        var orders: [String: [String]] = [:]
        for rotation in scenario.rotations {
            let missing = rotation.roster.filter { !seen.contains($0) }
            if !missing.isEmpty {
                throw .invalidValue(
                    value.location, field: value.path, value: "\(written.count) engineers",
                    expected: "everyone on "
                        + (rotation.id.isEmpty ? "the rotation" : "rotation \(rotation.id)'s roster"),
                    hint: "add \(missing.joined(separator: ", ")) where they take their turn")
            }
            orders[rotation.id] = written.map(\.1).filter(rotation.roster.contains)
        }
        return orders
    }
}
