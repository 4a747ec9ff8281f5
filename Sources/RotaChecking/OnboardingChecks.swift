import RotaModel

/// Judges `onboarding` from the rotation rows alone: someone with `onboarding: {shadow_shifts: j}` holds no duty in a
/// rotation with shadows before shadowing j of its shifts, and with `{backup_shifts: k}` is primary in a rotation
/// only after k backup shifts in it, the history's counted; one finding per duty shift taken too early.
extension RuleChecker {
    func checkOnboarding(_ weeks: [RotationShift]) -> [RuleViolation] {
        var findings: [RuleViolation] = []
        // Shadow shifts before the first duty of either role, on a rotation with shadows.
        for engineer in scenario.engineers {
            guard let needed = engineer.onboardingShadowShifts else { continue }
            for (r, rotation) in scenario.rotations.enumerated()
            where rotation.roster.contains(engineer.id) && rotation.hasShadow {
                let past = scenario.history.shadowCount(engineer.id, rotation: rotation, in: scenario)
                var shadowed = past
                let rows = rowsByNumber(weeks, rotation: r)
                for number in rows.keys.sorted() {
                    let row = rows[number]!
                    if let role = DutyRole.allCases.first(where: { row.engineer(for: $0) == engineer.id }),
                        shadowed < needed
                    {
                        let history = past > 0 ? " (\(past) in the history)" : ""
                        findings.append(
                            .init(
                                .onboarding,
                                "\(rotation.label(number, among: scenario.rotations.count)): \(engineer.id) is "
                                    + "\(role.rawValue) after \(shadowed) shift\(shadowed == 1 ? "" : "s") shadowed"
                                    + "\(history); onboarding asks for \(needed) first",
                                week: number, rotation: row.rotation, engineer: engineer.id))
                    }
                    if row.shadow == engineer.id { shadowed += 1 }
                }
            }
        }
        for engineer in scenario.engineers {
            guard let needed = engineer.onboardingBackupShifts else { continue }
            for (r, rotation) in scenario.rotations.enumerated()
            where rotation.roster.contains(engineer.id) && rotation.hasBackup {
                let past = scenario.history.count(engineer.id, .backup, rotation: rotation, in: scenario)
                var held = past
                let rows = rowsByNumber(weeks, rotation: r)
                for number in rows.keys.sorted() {
                    let row = rows[number]!
                    if row.primary == engineer.id, held < needed {
                        let history = past > 0 ? " (\(past) in the history)" : ""
                        findings.append(
                            .init(
                                .onboarding,
                                "\(rotation.label(number, among: scenario.rotations.count)): \(engineer.id) is primary "
                                    + "after \(held) backup shift\(held == 1 ? "" : "s")\(history); onboarding asks "
                                    + "for \(needed) first",
                                week: number, rotation: row.rotation, engineer: engineer.id))
                    }
                    if row.backup == engineer.id { held += 1 }
                }
            }
        }
        return findings
    }
}

extension RuleChecker {
    /// A shift's shadow: on a rotation with shadows, someone onboarding with shadow shifts to do, on its roster, not
    /// on duty in the shift, free of leave, from the first day they may hold some role.
    func checkShadow(
        _ id: String, _ week: RotationShift, rotation r: Int, label: String, dates: DateRange,
        engineers: [String: Engineer]
    ) -> [RuleViolation] {
        let rotation = scenario.rotations[r]
        func finding(_ rule: Rule, _ text: String) -> RuleViolation {
            .init(
                rule, "\(label): \(id) shadows, but \(text)", week: week.number, rotation: week.rotation, engineer: id)
        }
        guard rotation.hasShadow else {
            return [
                finding(
                    .coverage,
                    "rotation \(rotation.id) has no shadows (roles: [\(rotation.roles.map(\.rawValue).joined(separator: ", "))])"
                )
            ]
        }
        guard let engineer = engineers[id] else {
            return [finding(.unknownEngineer, "is not an engineer of the scenario")]
        }
        var findings: [RuleViolation] = []
        if !rotation.roster.contains(id) { findings.append(finding(.unknownEngineer, "is not on the roster")) }
        if week.primary == id || week.backup == id { findings.append(finding(.distinctRoles, "is on duty in it too")) }
        let span = ShiftClock(rotation: rotation, scenario: scenario).span(of: dates)
        if let leave = engineer.leave(during: dates, span: span) {
            findings.append(finding(.leave, "is on leave \(leave)"))
        }
        if engineer.onboardingShadowShifts == nil {
            findings.append(finding(.eligibility, "only someone onboarding with shadow_shifts shadows"))
        } else if !engineer.eligibility.allowsShadow(in: dates) {
            findings.append(finding(.eligibility, "may hold no role yet (`can:`, `from:`)"))
        }
        return findings
    }
}
