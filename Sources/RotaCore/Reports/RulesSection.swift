import RotaChecking
import RotaModel
import RotaPlanning

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
        func broken(_ rule: Rule) -> Int { findings.filter { $0.rule == rule }.count }
        let rows = Rule.allCases.compactMap { rule in row(rule, scenario).map { ($0.name, $0.setting, $0.kind, rule) } }
        var out = ["## Rules", ""]
        let covered =
            scenario.rotations.allSatisfy(\.hasBackup)
            ? "a primary and a different backup"
            : scenario.rotations.contains(where: \.hasBackup)
                ? "a primary and, where the rotation has one, a different backup" : "a primary"
        out += [
            "Besides the basic rules (every week covered by \(covered), nobody on duty during "
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

    /// The table's row of `rule`: the name the scenario writes, its setting, hard or soft; nil when the scenario
    /// does not set it, and for the basic rules the table's preamble states (and runbooks, audited elsewhere).
    static func row(_ rule: Rule, _ scenario: Scenario) -> (name: String, setting: String, kind: String)? {
        let rules = scenario.rules
        let kind = rules.isSoft(rule) ? "soft" : "hard"
        func flag(_ on: Bool) -> (String, String, String)? { on ? (rule.rawValue, "yes", kind) : nil }
        func requests(_ count: Int) -> (String, String, String)? {
            count > 0 ? (rule.rawValue, "\(count) request\(count == 1 ? "" : "s")", kind) : nil
        }
        func bound(_ value: String?) -> (String, String, String)? {
            value.map { ("fairness.\(rule.rawValue)", $0, "hard") }
        }
        let several = scenario.rotations.count > 1
        switch rule {
        case .coverage, .covers, .unknownEngineer, .distinctRoles, .leave, .ownershipCoverage, .distinctOwners,
            .runbookDefault, .runbookRequired:
            return nil
        case .minGapWeeks: return rules.minGapWeeks > 0 ? (rule.rawValue, "\(rules.minGapWeeks)", kind) : nil
        case .minDutyGapWeeks:
            return rules.minDutyGapWeeks > 0 ? (rule.rawValue, "\(rules.minDutyGapWeeks)", kind) : nil
        case .maxConsecutiveDutyWeeks: return rules.maxConsecutiveDutyWeeks.map { (rule.rawValue, "\($0)", kind) }
        case .backupBecomesPrimary: return flag(rules.backupBecomesPrimary)
        case .eachPrimaryOnce, .eachBackupAtLeastOnce:
            guard rule.isDeclared(by: scenario), let length = rules.cycleWeeks else { return nil }
            let start = rules.cycleStart.map { ", from \($0)" } ?? ""
            return (rule.rawValue, "cycles of \(length) shifts\(start)", kind)
        case .fixedOrder:
            guard let orders = rules.fixedOrder else { return nil }
            let setting = scenario.rotations.compactMap { rotation in
                orders[rotation.id].map { written in
                    let order = scenario.fixedOrder(of: rotation) ?? []
                    let joining = written.filter { !order.contains($0) }
                    return (several ? "\(rotation.id): " : "") + written.joined(separator: " → ")
                        + (joining.isEmpty ? "" : " (\(joining.joined(separator: ", ")) joins once onboarded)")
                }
            }
            return (rule.rawValue, setting.joined(separator: "; "), kind)
        case .holidayHandover: return rules.holidayHandover.map { (rule.rawValue, $0.rawValue, "hard") }
        case .exclusivePrimary: return flag(several && rules.exclusivePrimary)
        case .exclusiveDuty: return flag(several && rules.exclusiveDuty)
        case .avoidRepeatHolidays: return flag(rules.avoidRepeatHolidays)
        case .maxInvestorPrimaries:
            let investor = scenario.investorFacingPipelines.count
            guard investor > 0 else { return nil }
            let cap = rules.investorPrimaryCap(investorFacing: investor, engineers: scenario.engineers.count)
            let setting =
                rules.maxInvestorPrimaries == nil ? "\(cap) (⌈\(investor) ÷ \(scenario.engineers.count)⌉)" : "\(cap)"
            return (rule.rawValue, setting, kind)
        case .everyoneSecondaryOwner: return flag(rules.everyoneSecondaryOwner)
        case .rotateOwners:
            guard rule.isDeclared(by: scenario), let pipelines = rules.rotateOwners else { return nil }
            let all = pipelines.count == scenario.pipelines.count
            return (rule.rawValue, all ? "every pipeline" : pipelines.sorted().joined(separator: ", "), kind)
        case .ownerPin:
            let pins = scenario.pipelines.reduce(0) {
                $0 + ($1.primaryOwner == nil ? 0 : 1) + ($1.secondaryOwner == nil ? 0 : 1)
            }
            return pins > 0 ? ("owner pins", "\(pins)", "hard") : nil
        case .eligibility:
            let limited = scenario.engineers.filter(\.eligibility.isRestricted)
            guard !limited.isEmpty else { return nil }
            return (
                rule.rawValue, limited.map { "\($0.id): \($0.eligibility.summary)" }.joined(separator: ", "), "hard"
            )
        case .onboarding:
            let learning = scenario.engineers.compactMap { engineer in engineer.onboardingSummary.map { (engineer, $0) }
            }
            guard !learning.isEmpty else { return nil }
            let setting = learning.map { "\($0.0.id): \($0.1) first" }
            return (rule.rawValue, setting.joined(separator: ", "), kind)
        case .pinnedDuty: return requests(scenario.engineers.reduce(0) { $0 + $1.pinned.count })
        case .forbiddenDuty: return requests(scenario.engineers.reduce(0) { $0 + $1.forbidden.count })
        case .undesiredDuty: return requests(scenario.engineers.reduce(0) { $0 + $1.undesired.count })
        case .coveredLeave: return rules.coveredLeave.map { (rule.rawValue, "\($0) of leave, covered", "soft") }
        case .maxDeviation: return bound(rules.fairness.maxDeviation.map { TextFormatting.number($0) })
        case .maxHolidayBurden: return bound(rules.fairness.maxHolidayBurden.map(String.init))
        case .maxTotalHolidayBurden: return bound(rules.fairness.maxTotalHolidayBurden.map(String.init))
        case .maxOwnershipLoad: return bound(rules.fairness.maxOwnershipLoad.map { TextFormatting.number($0) })
        case .maxWeekendDays: return bound(rules.fairness.maxWeekendDays.map { TextFormatting.number($0) })
        }
    }
}
