/// report.md's "Rules" section: each rule in effect, hard or soft, and how many instances the schedule breaks
/// (judged by the rule checker, not read from the model), with every broken soft instance listed.
enum RulesSection {
    static func lines(_ plan: Plan) -> [String] {
        let scenario = plan.scenario
        let rules = scenario.rules
        let checker = RuleChecker(scenario: scenario)
        // Runbook findings belong to runbooks/README.md's audit, not to the schedule's rules.
        let findings = checker.hardAndSoftFindings(plan.schedule).filter {
            $0.rule != .runbookDefault && $0.rule != .runbookRequired
        }
        func kind(_ rule: Rule) -> String { rules.isSoft(rule) ? "soft" : "hard" }
        func broken(_ rule: Rule) -> Int { findings.filter { $0.rule == rule }.count }
        var rows: [(String, String, String, Rule)] = []
        if rules.minGapWeeks > 0 {
            rows.append(("min_gap_weeks", "\(rules.minGapWeeks)", kind(.minGapWeeks), .minGapWeeks))
        }
        if rules.minDutyGapWeeks > 0 {
            rows.append(("min_duty_gap_weeks", "\(rules.minDutyGapWeeks)", kind(.minDutyGapWeeks), .minDutyGapWeeks))
        }
        if let run = rules.maxConsecutiveDutyWeeks {
            rows.append(
                ("max_consecutive_duty_weeks", "\(run)", kind(.maxConsecutiveDutyWeeks), .maxConsecutiveDutyWeeks))
        }
        if rules.backupBecomesPrimary {
            rows.append(("backup_becomes_primary", "yes", kind(.backupBecomesPrimary), .backupBecomesPrimary))
        }
        if scenario.rotations.count > 1 {
            if rules.exclusivePrimary {
                rows.append(("exclusive_primary", "yes", kind(.exclusivePrimary), .exclusivePrimary))
            }
            if rules.exclusiveDuty { rows.append(("exclusive_duty", "yes", kind(.exclusiveDuty), .exclusiveDuty)) }
        }
        if rules.avoidRepeatHolidays {
            rows.append(("avoid_repeat_holidays", "yes", kind(.avoidRepeatHolidays), .avoidRepeatHolidays))
        }
        let investor = scenario.investorFacingPipelines.count
        if investor > 0 {
            let cap = rules.investorPrimaryCap(investorFacing: investor, engineers: scenario.engineers.count)
            let setting =
                rules.maxInvestorPrimaries == nil ? "\(cap) (⌈\(investor) ÷ \(scenario.engineers.count)⌉)" : "\(cap)"
            rows.append(("max_investor_primaries", setting, kind(.maxInvestorPrimaries), .maxInvestorPrimaries))
        }
        if rules.everyoneSecondaryOwner {
            rows.append(("everyone_secondary_owner", "yes", kind(.everyoneSecondaryOwner), .everyoneSecondaryOwner))
        }
        let pins = scenario.pipelines.reduce(0) {
            $0 + ($1.primaryOwner == nil ? 0 : 1) + ($1.secondaryOwner == nil ? 0 : 1)
        }
        if pins > 0 { rows.append(("owner pins", "\(pins)", "hard", .ownerPin)) }
        for (rule, count) in [
            (Rule.pinnedDuty, scenario.engineers.reduce(0) { $0 + $1.pinned.count }),
            (.forbiddenDuty, scenario.engineers.reduce(0) { $0 + $1.forbidden.count }),
            (.undesiredDuty, scenario.engineers.reduce(0) { $0 + $1.undesired.count }),
        ] where count > 0 {
            rows.append((rule.rawValue, "\(count) request\(count == 1 ? "" : "s")", kind(rule), rule))
        }
        let bounds = rules.fairness
        for (field, value, rule) in [
            ("max_deviation", bounds.maxDeviation.map { TextFormatting.number($0) }, Rule.maxDeviation),
            ("max_holiday_burden", bounds.maxHolidayBurden.map(String.init), .maxHolidayBurden),
            ("max_total_holiday_burden", bounds.maxTotalHolidayBurden.map(String.init), .maxTotalHolidayBurden),
            ("max_ownership_load", bounds.maxOwnershipLoad.map { TextFormatting.number($0) }, .maxOwnershipLoad),
        ] {
            if let value { rows.append(("fairness.\(field)", value, "hard", rule)) }
        }
        var out = ["## Rules", ""]
        out += [
            "Besides the basic rules (every week covered by a primary and a different backup, nobody on duty during "
                + "leave, one primary and one secondary owner per pipeline), the schedule is held to these; "
                + "\"broken\" is counted by the rule checker on the schedule as written.",
            "",
        ]
        out += ["| Rule | Setting | Kind | Broken |", "|---|---|---|---:|"]
        for (name, setting, kind, rule) in rows {
            out.append("| \(name) | \(TextFormatting.markdownCell(setting)) | \(kind) | \(broken(rule)) |")
        }
        out.append("")
        if !findings.isEmpty {
            out += ["Broken instances:", ""]
            for finding in findings {
                let soft = finding.rule.isSoft(in: rules) ? " (soft)" : ""
                out.append("- \(finding.rule.rawValue)\(soft): \(TextFormatting.markdownCell(finding.message))")
            }
            out.append("")
        }
        return out
    }
}
