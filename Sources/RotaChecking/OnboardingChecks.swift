import RotaModel

/// Judges `onboarding` from the rotation rows alone: someone with `onboarding: {backup_shifts: k}` is primary in a
/// rotation only after k backup shifts in it, the history's counted; one finding per primary shift taken too early.
extension RuleChecker {
    func checkOnboarding(_ weeks: [RotationShift]) -> [RuleViolation] {
        var findings: [RuleViolation] = []
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
