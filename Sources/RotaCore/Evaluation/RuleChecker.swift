/// Judges any schedule — planned by Rota or written by hand — against the scenario's hard rules.
///
/// It shares nothing with the model builder: it reads the scenario and the calendar directly, so a fault in
/// the model cannot hide in the judgement of its own output.
public struct RuleChecker: Sendable {
    public let scenario: Scenario

    public init(scenario: Scenario) { self.scenario = scenario }

    /// Every broken hard rule, rotation findings first, then ownership, then the declared fairness bounds.
    public func check(_ schedule: Schedule) -> [RuleViolation] {
        checkRotation(schedule.weeks) + checkOwnership(schedule.ownership) + checkFairness(schedule)
    }

    /// The declared fairness bounds (`rules.fairness`), measured by ``FairnessReport``. With
    /// `includeOwnership: false` (a lone rotation.csv) the ownership load bound is not judged.
    public func checkFairness(_ schedule: Schedule, includeOwnership: Bool = true) -> [RuleViolation] {
        let bounds = scenario.rules.fairness
        guard !bounds.isEmpty else { return [] }
        let report = FairnessReport(schedule: schedule, scenario: scenario)
        var findings: [RuleViolation] = []
        let tolerance = 1e-9
        if let bound = bounds.maxDeviation {
            for figures in report.engineers {
                for (role, weeks) in [(DutyRole.primary, figures.primaryWeeks), (.backup, figures.backupWeeks)] {
                    let deviation = Double(weeks) - figures.fairShare
                    guard abs(deviation) > bound + tolerance else { continue }
                    findings.append(
                        .init(
                            .maxDeviation,
                            "\(figures.engineer.id) has \(weeks) \(role.rawValue) weeks, "
                                + "\(TextFormatting.number(abs(deviation))) \(deviation > 0 ? "above" : "below") the fair share "
                                + "\(TextFormatting.number(figures.fairShare)); rules.fairness.max_deviation is "
                                + TextFormatting.number(bound), engineer: figures.engineer.id))
                }
            }
        }
        if let bound = bounds.maxHolidayBurden {
            for figures in report.engineers where figures.holidayBurden > bound {
                let weeks = figures.holidayDuty.map { "\($0.week) (\($0.role.rawValue))" }
                findings.append(
                    .init(
                        .maxHolidayBurden,
                        "\(figures.engineer.id) has a holiday burden of \(figures.holidayBurden) points (weeks "
                            + "\(weeks.joined(separator: ", "))); rules.fairness.max_holiday_burden is \(bound)",
                        engineer: figures.engineer.id))
            }
        }
        if let bound = bounds.maxTotalHolidayBurden, report.totalHolidayBurden > bound {
            findings.append(
                .init(
                    .maxTotalHolidayBurden,
                    "the team's holiday burden is \(report.totalHolidayBurden) points; "
                        + "rules.fairness.max_total_holiday_burden is \(bound)"))
        }
        if includeOwnership, let bound = bounds.maxOwnershipLoad {
            for figures in report.engineers where figures.ownershipLoad > bound + tolerance {
                findings.append(
                    .init(
                        .maxOwnershipLoad,
                        "\(figures.engineer.id) has an ownership load of \(TextFormatting.number(figures.ownershipLoad)) "
                            + "(primary owner of \(figures.primaryOwned.count), secondary of \(figures.secondaryOwned.count)); "
                            + "rules.fairness.max_ownership_load is \(TextFormatting.number(bound))",
                        engineer: figures.engineer.id))
            }
        }
        return findings
    }

    /// The rotation rules alone: coverage, known engineers, distinct roles, leave, the gap between primary weeks.
    public func checkRotation(_ weeks: [RotationWeek]) -> [RuleViolation] {
        var findings: [RuleViolation] = []
        let engineers = Dictionary(scenario.engineers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let period = scenario.period
        var seen = Set<Int>()
        for week in weeks {
            guard (1...period.weeks).contains(week.number) else {
                findings.append(
                    .init(
                        .coverage, "week \(week.number) is outside the period's \(period.weeks) weeks",
                        week: week.number))
                continue
            }
            if !seen.insert(week.number).inserted {
                findings.append(.init(.coverage, "week \(week.number) appears more than once", week: week.number))
            }
            let expected = period.week(week.number - 1)
            if week.dates != expected {
                findings.append(
                    .init(
                        .coverage, "week \(week.number) runs \(week.dates), but the period puts it at \(expected)",
                        week: week.number))
            }
            if week.primary == week.backup {
                findings.append(
                    .init(
                        .distinctRoles, "week \(week.number): \(week.primary) is both primary and backup",
                        week: week.number,
                        engineer: week.primary))
            }
            for role in DutyRole.allCases {
                let id = week.engineer(for: role)
                guard let engineer = engineers[id] else {
                    findings.append(
                        .init(
                            .unknownEngineer,
                            "week \(week.number): \(role.rawValue) \"\(id)\" is not an engineer of the scenario",
                            week: week.number, engineer: id))
                    continue
                }
                let dates = period.week(week.number - 1)
                if let leave = engineer.leave.first(where: { $0.overlaps(dates) }) {
                    findings.append(
                        .init(
                            .leave, "week \(week.number) (\(dates)): \(id) is \(role.rawValue) but on leave \(leave)",
                            week: week.number, engineer: id))
                }
            }
        }
        for missing in (1...period.weeks).filter({ !seen.contains($0) }) {
            findings.append(
                .init(
                    .coverage, "week \(missing) (\(period.week(missing - 1))) has no primary and backup", week: missing)
            )
        }
        let gap = scenario.rules.minGapWeeks
        if gap > 0 {
            for engineer in scenario.engineers {
                let primaryWeeks = Set(weeks.filter { $0.primary == engineer.id }.map(\.number)).sorted()
                for (earlier, later) in zip(primaryWeeks, primaryWeeks.dropFirst()) where later - earlier <= gap {
                    findings.append(
                        .init(
                            .minGap,
                            "\(engineer.id) is primary in weeks \(earlier) and \(later), closer than min_gap_weeks: \(gap) allows "
                                + "(at least \(gap + 1) weeks apart)", week: later, engineer: engineer.id))
                }
            }
        }
        return findings
    }

    /// The ownership rules alone: one row per pipeline with known, distinct owners, and the investor-facing cap.
    public func checkOwnership(_ rows: [OwnershipAssignment]) -> [RuleViolation] {
        var findings: [RuleViolation] = []
        let known = Set(scenario.engineers.map(\.id))
        let pipelines = Set(scenario.pipelines.map(\.id))
        var seen = Set<String>()
        for row in rows {
            guard pipelines.contains(row.pipeline) else {
                findings.append(
                    .init(
                        .ownershipCoverage, "pipeline \"\(row.pipeline)\" is not in the scenario",
                        pipeline: row.pipeline))
                continue
            }
            if !seen.insert(row.pipeline).inserted {
                findings.append(
                    .init(
                        .ownershipCoverage, "pipeline \(row.pipeline) has more than one ownership row",
                        pipeline: row.pipeline))
            }
            for (role, id) in [("primary", row.primary), ("secondary", row.secondary)] where !known.contains(id) {
                findings.append(
                    .init(
                        .ownershipCoverage,
                        "pipeline \(row.pipeline): \(role) owner \"\(id)\" is not an engineer of the scenario",
                        pipeline: row.pipeline, engineer: id))
            }
            if row.primary == row.secondary {
                findings.append(
                    .init(
                        .distinctOwners, "pipeline \(row.pipeline): \(row.primary) is both primary and secondary owner",
                        pipeline: row.pipeline, engineer: row.primary))
            }
        }
        for pipeline in scenario.pipelines where !seen.contains(pipeline.id) {
            findings.append(.init(.ownershipCoverage, "pipeline \(pipeline.id) has no owners", pipeline: pipeline.id))
        }
        let investor = Set(scenario.pipelines.filter(\.investorFacing).map(\.id))
        let cap = OwnershipRules.investorPrimaryCap(investorFacing: investor.count, engineers: scenario.engineers.count)
        for engineer in scenario.engineers {
            let owned = rows.filter { $0.primary == engineer.id && investor.contains($0.pipeline) }.map(\.pipeline)
            if owned.count > cap {
                findings.append(
                    .init(
                        .investorCap,
                        "\(engineer.id) is primary owner of \(owned.count) investor-facing pipelines (\(owned.joined(separator: ", "))); "
                            + "the cap is \(cap)", engineer: engineer.id))
            }
        }
        return findings
    }
}
