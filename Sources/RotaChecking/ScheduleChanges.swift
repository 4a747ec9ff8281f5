import RotaModel

/// What a replanned schedule changes against its baseline, and why, judged by the rule checker.
public struct ScheduleChanges: Sendable {
    /// One assignment that differs from the baseline.
    public struct Change: Sendable, Equatable {
        /// The rotation of a duty change ("" with one rotation, or for ownership).
        public let rotation: String
        /// The shift (1-based) for a duty change; nil for an ownership change.
        public let week: Int?
        public let dates: DateRange?
        /// The pipeline for an ownership change.
        public let pipeline: String?
        /// "primary" / "backup", or "primary owner" / "secondary owner".
        public let role: String
        public let before: String
        public let after: String
        /// What the baseline breaks in the scenario as it is now, for this assignment: the leave or rule that forced
        /// the change. Empty when the change follows from others (rules that tie shifts or owners together).
        public let forcedBy: [String]
    }

    public let changes: [Change]
    /// Shifts kept as they were (before `--from`).
    public let frozenWeeks: [Int]

    /// Compares `schedule` with `baseline` shift by shift (matched by start date, only shifts not frozen) and role
    /// by role, ownership pipeline by pipeline (roles a team holds are left out).
    public init(baseline: PlanBaseline, schedule: Schedule, scenario: Scenario) {
        let findings = RuleChecker(scenario: scenario).check(baseline.schedule).filter {
            !$0.rule.isSoft(in: scenario.rules)
        }
        func forcing(engineer: String, rotation: String = "", week: Int?, pipeline: String?) -> [String] {
            findings.filter { finding in
                guard finding.engineer == engineer else { return false }
                if let week {
                    return finding.week == week && finding.rotation == rotation && finding.rule.isRotationRule
                }
                return !finding.rule.isRotationRule && (finding.pipeline == nil || finding.pipeline == pipeline)
            }.map(\.description)
        }
        var changes: [Change] = []
        var frozen: [Int] = []
        for week in schedule.shifts {
            if baseline.isFrozen(week.dates) {
                frozen.append(week.number)
                continue
            }
            guard
                let before = baseline.shift(
                    rotation: week.rotation, startingOn: week.dates, single: scenario.rotations.count == 1)
            else { continue }
            // Findings on the baseline are numbered by the baseline's shifts.
            for role in DutyRole.allCases where before.engineer(for: role) != week.engineer(for: role) {
                changes.append(
                    Change(
                        rotation: week.rotation, week: week.number, dates: week.dates, pipeline: nil,
                        role: role.rawValue,
                        before: before.engineer(for: role) ?? "none", after: week.engineer(for: role) ?? "none",
                        forcedBy: before.engineer(for: role).map {
                            forcing(engineer: $0, rotation: before.rotation, week: before.number, pipeline: nil)
                        } ?? []))
            }
        }
        let pins = Dictionary(scenario.pipelines.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for row in schedule.ownership {
            guard let before = baseline.schedule.ownership.first(where: { $0.pipeline == row.pipeline }) else {
                continue
            }
            for (role, old, new, pin) in [
                ("primary owner", before.primary, row.primary, pins[row.pipeline]?.primaryOwner),
                ("secondary owner", before.secondary, row.secondary, pins[row.pipeline]?.secondaryOwner),
            ] where old != new {
                if case .team = pin { continue }
                changes.append(
                    Change(
                        rotation: "", week: nil, dates: nil, pipeline: row.pipeline, role: role, before: old,
                        after: new,
                        forcedBy: forcing(engineer: old, week: nil, pipeline: row.pipeline)))
            }
        }
        self.changes = changes
        self.frozenWeeks = frozen
    }
}
