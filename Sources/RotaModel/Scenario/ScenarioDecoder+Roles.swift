/// `roles:`: the duty roles of a rotation's shifts (a rotation entry's, or the top level's for a scenario's one
/// rotation), and the rules that need a backup to mean anything.
extension ScenarioDecoder {
    /// `[primary, backup]` (the default) or `[primary]`: one engineer on call, with no backup.
    func roles(_ value: YAMLValue) throws(ScenarioError) -> [DutyRole] {
        var roles: [DutyRole] = []
        for entry in try value.list() {
            let role = try entry.oneOf(DutyRole.self, kind: "a duty role")
            guard !roles.contains(role) else {
                throw .invalidValue(
                    entry.location, field: entry.path, value: TextSafety.quoted(role.rawValue),
                    expected: "each role once", hint: "remove the second \(role.rawValue)")
            }
            roles.append(role)
        }
        guard roles.contains(.primary) else {
            throw .invalidValue(
                value.location, field: value.path, value: "[\(roles.map(\.rawValue).joined(separator: ", "))]",
                expected: "a primary: every shift has someone on call",
                hint: "`roles: [primary]` for one engineer on call with no backup, `[primary, backup]` for both")
        }
        // In the order of DutyRole, whatever the file's order.
        return DutyRole.allCases.filter(roles.contains)
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
