/// `roles:`: the duty roles of a rotation's shifts (a rotation entry's, or the top level's for a scenario's one
/// rotation), and the rules that need a backup to mean anything.
extension ScenarioDecoder {
    /// `[primary, backup]` (the default) or `[primary]`: one engineer on call, with no backup; either with `shadow`:
    /// someone onboarding may follow the shift to learn it.
    func roles(_ value: YAMLValue) throws(ScenarioError) -> (roles: [DutyRole], shadow: Bool) {
        var roles: [DutyRole] = []
        var shadow = false
        let names = DutyRole.allCases.map(\.rawValue) + ["shadow"]
        for entry in try value.list() {
            let text = try entry.nonEmptyString()
            guard names.contains(text) else {
                throw .invalidValue(
                    entry.location, field: entry.path, value: TextSafety.quoted(text),
                    expected: "a role (\(names.joined(separator: ", ")))", hint: Suggestions.didYouMean(text, names))
            }
            guard !roles.map(\.rawValue).contains(text), !(shadow && text == "shadow") else {
                throw .invalidValue(
                    entry.location, field: entry.path, value: TextSafety.quoted(text),
                    expected: "each role once", hint: "remove the second \(text)")
            }
            if let role = DutyRole(rawValue: text) { roles.append(role) } else { shadow = true }
        }
        guard roles.contains(.primary) else {
            throw .invalidValue(
                value.location, field: value.path, value: "[\(roles.map(\.rawValue).joined(separator: ", "))]",
                expected: "a primary: every shift has someone on call",
                hint: "`roles: [primary]` for one engineer on call with no backup, `[primary, backup]` for both")
        }
        // In the order of DutyRole, whatever the file's order.
        return (DutyRole.allCases.filter(roles.contains), shadow)
    }

    /// A paging-tool schedule for a role the rotation does not have would never receive a shift.
    func requireRoles(of pager: PagerTargets, in roles: [DutyRole], _ value: YAMLValue) throws(ScenarioError) {
        for (tool, schedules) in pager.schedules.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            for role in DutyRole.allCases where schedules[role] != nil && !roles.contains(role) {
                throw .invalidValue(
                    value.location, field: "\(value.path).\(tool.rawValue).\(role.rawValue)", value: "a schedule",
                    expected: "schedules for the rotation's roles (\(roles.map(\.rawValue).joined(separator: ", ")))",
                    hint: "the rotation has no \(role.rawValue): remove its schedule")
            }
        }
    }

    /// `onboarding.shadow_shifts` needs a rotation with shadows (`roles: [..., shadow]`) whose roster has the engineer.
    func shadowRules(_ engineersValue: YAMLValue?, in scenario: Scenario) throws(ScenarioError) {
        guard let entries = try? engineersValue?.list() else { return }
        for (entry, engineer) in zip(entries, scenario.engineers) where engineer.onboardingShadowShifts != nil {
            guard
                !scenario.rotations.contains(where: { $0.hasShadow && $0.roster.contains(engineer.id) }),
                let onboarding = try? entry.mapping(allowed: ScenarioReader.engineerFields)["onboarding"],
                let value = try? onboarding.mapping(allowed: ["shadow_shifts", "backup_shifts"])["shadow_shifts"]
            else { continue }
            throw .invalidValue(
                value.location, field: value.path, value: "\(engineer.onboardingShadowShifts!)",
                expected: "a rotation of \(engineer.id)'s with shadows",
                hint: "add shadow to the rotation's roles: `roles: [primary, backup, shadow]`")
        }
    }

    /// Rules about the backup need a rotation that has one.
    func backupRules(_ rulesValue: YAMLValue?, in scenario: Scenario) throws(ScenarioError) {
        guard let rulesValue, !scenario.rotations.contains(where: \.hasBackup) else { return }
        let fields = try rulesValue.mapping(allowed: ScenarioReader.ruleFields) { _ in }
        for (rule, on) in [
            (Rule.backupBecomesPrimary, scenario.rules.backupBecomesPrimary),
            (.eachBackupAtLeastOnce, scenario.rules.eachBackupAtLeastOnce),
        ] where on {
            guard let value = fields[rule.rawValue] else { continue }
            throw .invalidValue(
                value.location, field: value.path, value: "true",
                expected: "a rotation with a backup (every rotation has `roles: [primary]`)",
                hint: "remove \(rule.rawValue), or give a rotation `roles: [primary, backup]`")
        }
    }
}
