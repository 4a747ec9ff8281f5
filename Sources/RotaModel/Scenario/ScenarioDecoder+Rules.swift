import Foundation

/// `rules:`: the rule settings, soft rules, priorities and fairness bounds.
extension ScenarioDecoder {
    func rules(_ value: YAMLValue, weeks: Int) throws(ScenarioError) -> Rules {
        let fields = try value.mapping(allowed: ScenarioReader.ruleFields) { log.problems.append($0) }
        var rules = Rules()
        /// A rule's value, written plainly (hard) or as `{value: X, soft: true}`; boolean rules may omit `value`.
        func setting(_ rule: Rule, boolean: Bool = false) throws(ScenarioError) -> YAMLValue? {
            guard let written = fields[rule.rawValue] else { return nil }
            guard written.isMapping else { return written }
            let parts = try written.mapping(allowed: ["value", "soft"])
            if try parts["soft"]?.bool() ?? false { rules.soft.insert(rule) }
            if boolean, parts["value"] == nil { return nil }
            return try parts.required("value", hint: "the rule's value, e.g. `{value: 1, soft: true}`")
        }
        let range = 0...max(0, weeks - 1)
        if let gap = try setting(.minGapWeeks) {
            rules.minGapWeeks = try gap.int(in: range, hint: "0 allows back-to-back primary shifts, 1 forbids them")
        }
        if let gap = try setting(.minDutyGapWeeks) {
            rules.minDutyGapWeeks = try gap.int(
                in: range, hint: "shifts between two duty shifts of one person (any role); 0 for no rule")
        }
        if let run = try setting(.maxConsecutiveDutyWeeks) {
            rules.maxConsecutiveDutyWeeks = try run.int(
                in: 1...max(1, weeks), hint: "the longest run of duty shifts (any role) one person may have")
        }
        /// A yes/no rule: `true`, `false`, or `{soft: true}` (on, soft) / `{value: false, soft: …}`.
        func flag(_ rule: Rule) throws(ScenarioError) -> Bool {
            guard fields[rule.rawValue] != nil else { return false }
            return try setting(rule, boolean: true)?.bool() ?? true
        }
        rules.backupBecomesPrimary = try flag(.backupBecomesPrimary)
        rules.everyoneSecondaryOwner = try flag(.everyoneSecondaryOwner)
        rules.avoidRepeatHolidays = try flag(.avoidRepeatHolidays)
        if fields[Rule.exclusivePrimary.rawValue] != nil {
            rules.exclusivePrimary = try flag(.exclusivePrimary)
        }
        rules.exclusiveDuty = try flag(.exclusiveDuty)
        rules.eachPrimaryOnce = try flag(.eachPrimaryOnce)
        rules.eachBackupAtLeastOnce = try flag(.eachBackupAtLeastOnce)
        if let cycle = fields["cycle_weeks"] {
            rules.cycleWeeks = try cycle.int(
                in: 2...max(2, weeks), hint: "shifts per cycle, e.g. 4 for a four-person weekly round robin")
        }
        if let start = fields["cycle_start"] { rules.cycleStart = try start.date() }
        /// A rule written `true`, `{soft: true}` or as a list of ids (`[a, b]`, `{value: [a, b], soft: …}`): its value
        /// and the ids with their places (nil: `true`), judged once the rest is read (``cycleRules(_:in:)``); nil
        /// when absent or `false`.
        func idsOrFlag(_ rule: Rule) throws(ScenarioError) -> (YAMLValue, [(YAMLValue, String)]?)? {
            guard let value = fields[rule.rawValue] else { return nil }
            guard let written = try setting(rule, boolean: true) else { return (value, nil) }
            if let list = written.listValue {
                return (value, try list.map { entry throws(ScenarioError) in (entry, try entry.identifier()) })
            }
            return try written.bool() ? (value, nil) : nil
        }
        log.rotateOwners = try idsOrFlag(.rotateOwners)
        log.fixedOrder = try idsOrFlag(.fixedOrder)
        if let cap = try setting(.maxInvestorPrimaries) {
            rules.maxInvestorPrimaries = try cap.int(
                in: 0...1000, hint: "investor-facing pipelines one engineer may be primary owner of")
        }
        for rule in [Rule.pinnedDuty, .forbiddenDuty, .onboarding] {
            guard let written = fields[rule.rawValue] else { continue }
            let parts = try written.mapping(allowed: ["soft"])
            if try parts.required("soft", hint: "`\(rule.rawValue): {soft: true}` makes every \(rule.rawValue) soft")
                .bool()
            {
                rules.soft.insert(rule)
            }
        }
        if let covered = fields[Rule.coveredLeave.rawValue] {
            let parts = try covered.mapping(allowed: ScenarioReader.coveredLeaveFields) { log.problems.append($0) }
            switch (parts["max_days"], parts["max_hours"]) {
            case (let days?, nil):
                rules.coveredLeave = .days(
                    try days.int(in: 1...366, hint: "leave days inside a shift that a cover may take"))
            case (nil, let hours?):
                rules.coveredLeave = .hours(
                    try hours.number(in: 0.25...(24 * 366), hint: "hours of leave inside a shift that a cover may take")
                )
            default:
                throw .invalidValue(
                    covered.location, field: covered.path, value: "{…}", expected: "one of max_days or max_hours",
                    hint: "`covered_leave: {max_days: 1}` lets a holder with one day of leave keep the shift, covered")
            }
        }
        if let handover = fields[Rule.holidayHandover.rawValue] {
            let text = try handover.string()
            guard let value = HolidayHandover(rawValue: text) else {
                throw .invalidValue(
                    handover.location, field: handover.path, value: TextSafety.quoted(text),
                    expected: HolidayHandover.allCases.map(\.rawValue).joined(separator: ", "),
                    hint: "`holiday_handover: backup`: on the primary's public holiday the backup covers primary")
            }
            rules.holidayHandover = value
        }
        if let history = fields["history_weeks"] {
            rules.historyWeeks = try history.int(
                in: 1...520, hint: "weeks before the period in which history counts; 52 is four quarters")
        }
        if let prioritiesValue = fields["priorities"] {
            let goalNames = PlanningGoal.allCases.map(\.rawValue)
            let names =
                goalNames + OptionalGoal.allCases.map(\.rawValue) + ["changes"] + Rule.configurable.map(\.rawValue)
            var order: [Priority] = []
            for entry in try prioritiesValue.list() {
                let text = try entry.string()
                guard let priority = Priority(name: text) else {
                    throw .invalidValue(
                        entry.location, field: entry.path, value: TextSafety.quoted(text),
                        expected: "a goal (\(goalNames.joined(separator: ", "))), an optional goal "
                            + "(\(OptionalGoal.allCases.map(\.rawValue).joined(separator: ", "))), changes, or a soft rule",
                        hint: Suggestions.didYouMean(text, names))
                }
                if order.contains(priority) {
                    throw .invalidValue(
                        entry.location, field: entry.path, value: TextSafety.quoted(text), expected: "each entry once",
                        hint: "remove the second \(text)")
                }
                if case .rule(let rule) = priority, !rules.isSoft(rule) {
                    throw .invalidValue(
                        entry.location, field: entry.path, value: TextSafety.quoted(text),
                        expected: "a soft rule (a hard rule holds always and has no priority)",
                        hint: "declare it soft: `\(rule.rawValue): {value: …, soft: true}`, or remove it here")
                }
                order.append(priority)
            }
            let missing = PlanningGoal.allCases.filter { !order.contains(.goal($0)) }.map(\.rawValue)
            if !missing.isEmpty {
                throw .invalidValue(
                    prioritiesValue.location, field: prioritiesValue.path, value: "\(order.count) entries",
                    expected: "all of \(goalNames.joined(separator: ", ")) in order of importance",
                    hint: "add \(missing.joined(separator: ", "))")
            }
            rules.priorities = order
        }
        if let weight = fields["festival_weight"] {
            rules.festivalWeight = try weight.int(
                in: 1...10, hint: "a day of an engineer's own observed festival counts this many holiday days")
        }
        if let weekendValue = fields["weekend_festivals"] {
            rules.weekendFestivals = try weekendValue.oneOf(WeekendFestivals.self, kind: "a weekend-festival setting")
        }
        if let categoriesValue = fields["holiday_categories"] {
            var categories = Set<HolidayCategory>()
            for entry in try categoriesValue.list() {
                categories.insert(try entry.oneOf(HolidayCategory.self, kind: "a holiday category"))
            }
            rules.holidayCategories = categories
        }
        if let fairnessValue = fields["fairness"] { rules.fairness = try fairness(fairnessValue, weeks: weeks) }
        return rules
    }

    func fairness(_ value: YAMLValue, weeks: Int) throws(ScenarioError) -> FairnessBounds {
        let fields = try value.mapping(allowed: ScenarioReader.fairnessFields) { log.problems.append($0) }
        var bounds = FairnessBounds()
        bounds.maxDeviation = try fields["max_deviation"]?.number(
            in: 0...Double(weeks), hint: "weeks above or below each engineer's fair share; 1 is a common choice")
        bounds.maxHolidayBurden = try fields["max_holiday_burden"]?.int(
            in: 0...100_000, hint: "holiday points of one engineer (2 per holiday day as primary, 1 as backup)")
        bounds.maxTotalHolidayBurden = try fields["max_total_holiday_burden"]?.int(
            in: 0...1_000_000, hint: "holiday points of the whole team")
        bounds.maxOwnershipLoad = try fields["max_ownership_load"]?.number(
            in: 0...1_000_000, hint: "Σ pipeline weight × 2 as primary owner, × 1 as secondary, of one engineer")
        bounds.maxWeekendDays = try fields["max_weekend_days"]?.number(
            in: 0...Double(weeks * 7), hint: "weekend hours on duty of one engineer ÷ 24, e.g. 8 for four weekends")
        return bounds
    }
}
