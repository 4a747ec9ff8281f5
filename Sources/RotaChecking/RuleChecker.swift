import RotaModel

/// Judges any schedule — planned by Rota or written by hand — against the scenario's hard rules.
///
/// It shares nothing with the model builder: it reads the scenario and the calendar directly, so a fault in
/// the model cannot hide in the judgement of its own output.
public struct RuleChecker: Sendable {
    public let scenario: Scenario
    /// The day judging happens on: leave in a shift or cover that ended before it is history, not a finding (the
    /// shift was worked as written). Nil: every shift is judged.
    public let asOf: CalendarDate?

    public init(scenario: Scenario, asOf: CalendarDate? = nil) {
        self.scenario = scenario
        self.asOf = asOf
    }

    /// Every broken hard rule, rotation findings first, then ownership, then the declared fairness bounds. Broken
    /// instances of soft rules are not violations: see ``softFindings(_:)``.
    public func check(_ schedule: Schedule) -> [RuleViolation] {
        hard(
            checkRotation(schedule.shifts, covers: schedule.covers) + checkOwnership(schedule.ownership)
                + checkRunbooks())
            + checkFairness(schedule)
    }

    /// The broken instances of the scenario's soft rules (undesired duty, and rules declared `soft: true`), one per
    /// instance as docs/model.md counts them.
    public func softFindings(_ schedule: Schedule, includeOwnership: Bool = true) -> [RuleViolation] {
        let all =
            checkRotation(schedule.shifts, covers: schedule.covers)
            + (includeOwnership ? checkOwnership(schedule.ownership) + checkRunbooks() : [])
        return all.filter { $0.rule.isSoft(in: scenario.rules) }
    }

    /// ``check(_:)``'s findings followed by ``softFindings(_:)``'s, with the schedule judged once.
    public func hardAndSoftFindings(_ schedule: Schedule) -> [RuleViolation] {
        let all =
            checkRotation(schedule.shifts, covers: schedule.covers) + checkOwnership(schedule.ownership)
            + checkRunbooks()
        return hard(all) + checkFairness(schedule) + all.filter { $0.rule.isSoft(in: scenario.rules) }
    }

    /// The findings of hard rules among `findings`.
    public func hard(_ findings: [RuleViolation]) -> [RuleViolation] {
        findings.filter { !$0.rule.isSoft(in: scenario.rules) }
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
                    let deviation = figures.deviation(role)
                    guard abs(deviation) > bound + tolerance else { continue }
                    let share = role == .primary ? figures.fairShare : figures.backupFairShare
                    let past = role == .primary ? figures.historyPrimaryWeeks : figures.historyBackupWeeks
                    findings.append(
                        .init(
                            .maxDeviation,
                            "\(figures.engineer.id) has \(weeks) \(role.rawValue) weeks"
                                + (past > 0 ? " (\(past) more in history)" : "") + ", "
                                + "\(TextFormatting.number(abs(deviation))) \(deviation > 0 ? "above" : "below") the fair share "
                                + "\(TextFormatting.number(share)); rules.fairness.max_deviation is "
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
                        "\(figures.engineer.id) has a holiday burden of \(figures.holidayBurden) "
                            + "point\(figures.holidayBurden == 1 ? "" : "s") (weeks "
                            + "\(weeks.joined(separator: ", "))); rules.fairness.max_holiday_burden is \(bound)",
                        engineer: figures.engineer.id))
            }
        }
        if let bound = bounds.maxTotalHolidayBurden, report.totalHolidayBurden > bound {
            findings.append(
                .init(
                    .maxTotalHolidayBurden,
                    "the team's holiday burden is \(report.totalHolidayBurden) "
                        + "point\(report.totalHolidayBurden == 1 ? "" : "s"); "
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
        if let bound = bounds.maxWeekendDays {
            let weekend = WeekendDuty(schedule: schedule, scenario: scenario)
            for engineer in scenario.engineers where weekend.days(of: engineer.id) > bound + 1e-9 {
                findings.append(
                    .init(
                        .maxWeekendDays,
                        "\(engineer.id) holds \(TextFormatting.number(weekend.days(of: engineer.id))) days of weekend "
                            + "duty (\(TextFormatting.number(Double(weekend.seconds[engineer.id] ?? 0) / 3600)) h); "
                            + "rules.fairness.max_weekend_days is \(TextFormatting.number(bound))",
                        engineer: engineer.id))
            }
        }
        return findings
    }

    /// The rotation rules alone: coverage, known engineers, distinct roles, leave, the gap between primary weeks, and
    /// the covers on top (``checkCovers(_:_:)``). A holder's leave inside a shift is no finding where covers take
    /// every hour of it.
    public func checkRotation(_ weeks: [RotationShift], covers: [Cover] = []) -> [RuleViolation] {
        var findings: [RuleViolation] = []
        let engineers = Dictionary(scenario.engineers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rotations = scenario.rotations
        let shifts = scenario.shifts
        let clocks = scenario.shiftClocks
        var seen = Set<Int>()
        for week in weeks {
            guard let r = scenario.rotationIndex(of: week.rotation) else {
                let known = rotations.map(\.id).joined(separator: ", ")
                findings.append(
                    .init(
                        .coverage,
                        "week \(week.number) names rotation \"\(week.rotation)\", which the scenario does not have "
                            + "(rotations: \(known))", week: week.number, rotation: week.rotation))
                continue
            }
            let rotation = rotations[r]
            let label = rotation.label(week.number, among: rotations.count)
            guard let slot = scenario.slot(rotation: week.rotation, number: week.number) else {
                findings.append(
                    .init(
                        .coverage,
                        rotations.count == 1
                            ? "week \(week.number) is outside the period's \(rotation.period.shiftCount) weeks"
                            : "\(label) is outside the rotation's \(rotation.period.shiftCount) shifts",
                        week: week.number, rotation: week.rotation))
                continue
            }
            if !seen.insert(slot).inserted {
                findings.append(
                    .init(.coverage, "\(label) appears more than once", week: week.number, rotation: week.rotation))
            }
            let dates = shifts[slot].dates
            if week.dates != dates {
                findings.append(
                    .init(
                        .coverage, "\(label) runs \(week.dates), but the period puts it at \(dates)", week: week.number,
                        rotation: week.rotation))
            }
            if week.primary == week.backup {
                findings.append(
                    .init(
                        .distinctRoles, "\(label): \(week.primary) is both primary and backup", week: week.number,
                        rotation: week.rotation, engineer: week.primary))
            }
            for role in DutyRole.allCases {
                guard let id = week.engineer(for: role) else {
                    if rotation.roles.contains(role) {
                        findings.append(
                            .init(
                                .coverage, "\(label) (\(dates)) has no \(role.rawValue)", week: week.number,
                                rotation: week.rotation))
                    }
                    continue
                }
                if !rotation.roles.contains(role) {
                    findings.append(
                        .init(
                            .coverage,
                            "\(label): \(id) is \(role.rawValue), but rotation \(rotation.id) has no \(role.rawValue) "
                                + "(roles: \(rotation.roles.map(\.rawValue).joined(separator: ", ")))",
                            week: week.number, rotation: week.rotation, engineer: id))
                    continue
                }
                guard let engineer = engineers[id] else {
                    findings.append(
                        .init(
                            .unknownEngineer, "\(label): \(role.rawValue) \"\(id)\" is not an engineer of the scenario",
                            week: week.number, rotation: week.rotation, engineer: id))
                    continue
                }
                if !rotation.roster.contains(id) {
                    findings.append(
                        .init(
                            .unknownEngineer,
                            "\(label): \(role.rawValue) \(id) is not on the roster of rotation \(rotation.id)",
                            week: week.number, rotation: week.rotation, engineer: id))
                }
                let span = clocks[r].span(of: dates)
                if !engineer.eligibility.allows(role, in: dates), !isHistory(span) {
                    findings.append(
                        .init(
                            .eligibility,
                            "\(label) (\(dates)): \(id) is \(role.rawValue) but \(engineer.eligibility.limit(of: role))",
                            week: week.number, rotation: week.rotation, engineer: id))
                }
                let leave = engineer.leave(during: dates, span: span)
                if let leave, scenario.rules.coveredLeave != nil, !covers.isEmpty,
                    !onDutyDuringLeave(engineer, role: role, week: week, rotation: r, covers: covers)
                {
                    // Kept by covers: an instance of covered_leave (always soft: counted, not a failure).
                    findings.append(
                        .init(
                            .coveredLeave,
                            "\(label) (\(dates)): \(id) is \(role.rawValue) with leave \(leave), covered",
                            week: week.number, rotation: week.rotation, engineer: id))
                }
                if let leave, !isHistory(span),
                    covers.isEmpty || onDutyDuringLeave(engineer, role: role, week: week, rotation: r, covers: covers)
                {
                    findings.append(
                        .init(
                            .leave, "\(label) (\(dates)): \(id) is \(role.rawValue) but on leave \(leave)",
                            week: week.number, rotation: week.rotation, engineer: id))
                }
            }
            if let shadow = week.shadow {
                findings += checkShadow(shadow, week, rotation: r, label: label, dates: dates, engineers: engineers)
            }
        }
        for (slot, shift) in shifts.enumerated() where !seen.contains(slot) {
            let rotation = rotations[shift.rotation]
            findings.append(
                .init(
                    .coverage,
                    "\(rotation.label(shift.number, among: rotations.count)) (\(shift.dates)) has no "
                        + (rotation.hasBackup ? "primary and backup" : "primary"),
                    week: shift.number, rotation: rotation.id))
        }
        findings += checkSpacing(weeks)
        if Rule.eachPrimaryOnce.isDeclared(by: scenario) || Rule.eachBackupAtLeastOnce.isDeclared(by: scenario)
            || Rule.fixedOrder.isDeclared(by: scenario)
        {
            let availability = TeamAvailability(scenario: scenario)
            findings +=
                checkCycles(weeks, availability: availability) + checkFixedOrder(weeks, availability: availability)
        }
        findings += checkExclusive(weeks) + checkRepeatHolidays(weeks) + checkRequests(weeks)
        findings += checkOnboarding(weeks)
        if !covers.isEmpty { findings += checkCovers(weeks, covers) }
        findings += checkHolidayHandover(weeks, covers)
        return findings
    }

    /// Duty of each engineer by slot (see ``Scenario/shifts``), from the rows the scenario has (the first row of a
    /// repeated shift).
    private func dutyTable(_ weeks: [RotationShift]) -> [String: [Int: DutyRole]] {
        var table: [String: [Int: DutyRole]] = [:]
        var seen = Set<Int>()
        for week in weeks {
            guard let slot = scenario.slot(rotation: week.rotation, number: week.number), seen.insert(slot).inserted
            else { continue }
            if let backup = week.backup, week.primary != backup { table[backup, default: [:]][slot] = .backup }
            table[week.primary, default: [:]][slot] = .primary
        }
        return table
    }

    /// "weeks 3 and 4", or "growth weeks 3 and 4" when the scenario has several rotations.
    func shiftsText(_ rotation: Rotation, _ numbers: [Int]) -> String {
        let list =
            numbers.count == 1
            ? "\(numbers[0])"
            : numbers.count == 2
                ? "\(numbers[0]) and \(numbers[1])"
                : numbers.dropLast().map(String.init).joined(separator: ", ") + " and \(numbers.last!)"
        let word = rotation.period.shiftWord + (numbers.count == 1 ? "" : "s")
        return (scenario.rotations.count > 1 ? "\(rotation.id) " : "") + "\(word) \(list)"
    }

    /// The rules over windows of consecutive shifts of one rotation (min_gap_weeks, min_duty_gap_weeks,
    /// max_consecutive_duty_weeks) and backup_becomes_primary; one finding per broken instance as docs/model.md
    /// defines it.
    private func checkSpacing(_ weeks: [RotationShift]) -> [RuleViolation] {
        let rules = scenario.rules
        let shifts = scenario.shifts
        let table = dutyTable(weeks)
        var findings: [RuleViolation] = []
        let leads = scenario.historyLeads
        for (r, rotation) in scenario.rotations.enumerated() {
            let slots = shifts.indices.filter { shifts[$0].rotation == r }
            let count = slots.count
            let lead = leads[r]
            /// Shift numbers as findings show them; with history shifts first when the window reaches back.
            func shown(_ positions: [Int]) -> String {
                let past = positions.filter { $0 < 0 }.map(lead.describe)
                let numbers = positions.filter { $0 >= 0 }.map { $0 + 1 }
                return (past + (numbers.isEmpty ? [] : [shiftsText(rotation, numbers)])).joined(separator: " and ")
            }
            /// Every window of `length` consecutive shifts, also those reaching back into the history's lead (its
            /// duties count; a window must hold some duty in the period to be this schedule's finding).
            func windows(
                _ length: Int, _ roles: Set<DutyRole>, most: Int,
                _ describe: (String, [Int]) -> (Rule, String)
            ) {
                guard length > 1 else { return }
                for engineer in scenario.engineers {
                    let duty = table[engineer.id] ?? [:]
                    for start in -min(lead.count, length - 1)..<max(1, count - length + 1) {
                        let inside = (start..<min(count, start + length)).filter {
                            $0 < 0
                                ? lead.holds(engineer.id, roles, at: $0) : duty[slots[$0]].map(roles.contains) ?? false
                        }
                        guard inside.count > most, let last = inside.last, last >= 0 else { continue }
                        let (rule, message) = describe(engineer.id, inside)
                        findings.append(
                            .init(rule, message, week: last + 1, rotation: rotation.id, engineer: engineer.id))
                    }
                }
            }
            let gap = rules.minGapWeeks
            windows(gap + 1, [.primary], most: 1) { id, inside in
                (
                    .minGapWeeks,
                    "\(id) is primary in \(shown(inside)), closer than min_gap_weeks: \(gap) allows "
                        + "(at least \(gap + 1) weeks apart)"
                )
            }
            let dutyGap = rules.minDutyGapWeeks
            windows(dutyGap + 1, [.primary, .backup], most: 1) { id, inside in
                (
                    .minDutyGapWeeks,
                    "\(id) is on duty in \(shown(inside)), closer than min_duty_gap_weeks: \(dutyGap) "
                        + "allows (at least \(dutyGap + 1) weeks apart, any role)"
                )
            }
            if let run = rules.maxConsecutiveDutyWeeks {
                windows(run + 1, [.primary, .backup], most: run) { id, inside in
                    let numbers = inside.filter { $0 >= 0 }.map { $0 + 1 }
                    let inPeriod =
                        "\(scenario.rotations.count > 1 ? "\(rotation.id) " : "")\(rotation.period.shiftWord)"
                        + (numbers.count == 1 ? " \(numbers[0])" : "s \(numbers.first!)–\(numbers.last!)")
                    let history = inside.count - numbers.count
                    let past =
                        history == 0
                        ? "" : "the history's last \(history == 1 ? "shift" : "\(history) shifts") and "
                    return (
                        .maxConsecutiveDutyWeeks,
                        "\(id) is on duty in \(past)\(inPeriod), \(inside.count) in a row; "
                            + "max_consecutive_duty_weeks is \(run)"
                    )
                }
            }
            // A rotation of primaries alone has no chain.
            if rules.backupBecomesPrimary, rotation.hasBackup {
                let byNumber = rowsByNumber(weeks, rotation: r)
                // The history's last backup is the first primary, while still on the rotation's roster.
                if let before = lead.shifts.last, let backup = before.backup, rotation.roster.contains(backup),
                    let first = byNumber[1], first.primary != backup
                {
                    findings.append(
                        .init(
                            .backupBecomesPrimary,
                            "The history's shift \(before.dates) (\(before.source)) has backup \(backup), who is not "
                                + "\(rotation.label(1, among: scenario.rotations.count))'s primary (\(first.primary)); "
                                + "backup_becomes_primary is set", week: 1,
                            rotation: rotation.id, engineer: backup))
                }
                for number in 1..<max(1, count) {
                    guard let week = byNumber[number], let next = byNumber[number + 1], let backup = week.backup,
                        backup != next.primary
                    else { continue }
                    let this = rotation.label(number, among: scenario.rotations.count)
                    let following = rotation.label(number + 1, among: scenario.rotations.count)
                    findings.append(
                        .init(
                            .backupBecomesPrimary,
                            "\(this)'s backup \(backup) is not \(following)'s primary (\(next.primary)); "
                                + "backup_becomes_primary is set", week: number + 1, rotation: rotation.id,
                            engineer: backup))
                }
            }
        }
        return findings
    }

    /// exclusive_primary and exclusive_duty: nobody holds (primary) duty on two rotations whose shifts overlap; one
    /// finding per engineer and set of shifts running on the same day.
    private func checkExclusive(_ weeks: [RotationShift]) -> [RuleViolation] {
        let rotations = scenario.rotations
        guard rotations.count > 1 else { return [] }
        let rules = scenario.rules
        let shifts = scenario.shifts
        let table = dutyTable(weeks)
        var sets = Set<[Int]>()
        for shift in shifts {
            let overlapping = shifts.indices.filter { shifts[$0].dates.contains(shift.dates.first) }
            if overlapping.count > 1 { sets.insert(overlapping) }
        }
        var findings: [RuleViolation] = []
        for slots in sets.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            for engineer in scenario.engineers {
                let duty = table[engineer.id] ?? [:]
                for (rule, on, roles) in [
                    (Rule.exclusivePrimary, rules.exclusivePrimary, Set([DutyRole.primary])),
                    (.exclusiveDuty, rules.exclusiveDuty, Set(DutyRole.allCases)),
                ] where on {
                    let held = slots.filter { duty[$0].map(roles.contains) ?? false }
                    guard held.count > 1 else { continue }
                    let names = held.map { rotations[shifts[$0].rotation].label(shifts[$0].number, among: 2) }
                    let what = rule == .exclusivePrimary ? "primary" : "on duty"
                    findings.append(
                        .init(
                            rule,
                            "\(engineer.id) is \(what) in \(names.joined(separator: " and ")) at once; \(rule.rawValue) is set",
                            week: shifts[held.last!].number, rotation: rotations[shifts[held.last!].rotation].id,
                            engineer: engineer.id))
                }
            }
        }
        return findings
    }

    /// avoid_repeat_holidays: duty over a holiday the engineer had duty over in the history, one finding per shift.
    private func checkRepeatHolidays(_ weeks: [RotationShift]) -> [RuleViolation] {
        guard scenario.rules.avoidRepeatHolidays else { return [] }
        let table = dutyTable(weeks)
        let shifts = scenario.shifts
        let rotations = scenario.rotations
        var findings: [RuleViolation] = []
        for engineer in scenario.engineers {
            let personal = scenario.personalCalendar(engineer)
            let had = scenario.history.holidayNames(of: engineer, calendar: personal)
            for (t, role) in (table[engineer.id] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let shift = shifts[t]
                let again = personal.burden(during: shift.dates).holidays.map(\.name).filter(had.contains)
                guard !again.isEmpty else { continue }
                let rotation = rotations[shift.rotation]
                findings.append(
                    .init(
                        .avoidRepeatHolidays,
                        "\(rotation.label(shift.number, among: rotations.count)): \(engineer.id) is \(role.rawValue) over "
                            + "\(Set(again).sorted().joined(separator: ", ")) again (on duty over it in the history); "
                            + "avoid_repeat_holidays is set", week: shift.number, rotation: rotation.id,
                        engineer: engineer.id))
            }
        }
        return findings
    }

    /// Pinned, forbidden and undesired duty: one finding per engineer, shift and request role.
    private func checkRequests(_ weeks: [RotationShift]) -> [RuleViolation] {
        let table = dutyTable(weeks)
        let shifts = scenario.shifts
        let rotations = scenario.rotations
        var findings: [RuleViolation] = []
        for engineer in scenario.engineers {
            let duty = table[engineer.id] ?? [:]
            for (rule, requests) in [
                (Rule.pinnedDuty, engineer.pinned), (.forbiddenDuty, engineer.forbidden),
                (.undesiredDuty, engineer.undesired),
            ] {
                var seen = Set<String>()
                for request in requests {
                    for (t, shift) in shifts.enumerated()
                    where request.applies(to: shift.dates, of: rotations[shift.rotation]) {
                        let roles = request.role.map { [$0] } ?? DutyRole.allCases
                        guard seen.insert("\(t),\(roles.map(\.rawValue))").inserted else { continue }
                        let holds = duty[t].map(roles.contains) ?? false
                        let what = request.role.map { "as \($0.rawValue)" } ?? "on duty"
                        let rotation = rotations[shift.rotation]
                        let label = rotation.label(shift.number, among: rotations.count)
                        if rule == .pinnedDuty, !holds {
                            let actual = duty[t].map { "is \($0.rawValue)" } ?? "is not on duty"
                            findings.append(
                                .init(
                                    rule, "\(label) (\(shift.dates)): \(engineer.id) is pinned \(what) but \(actual)",
                                    week: shift.number, rotation: rotation.id, engineer: engineer.id))
                        } else if rule != .pinnedDuty, holds {
                            let word = rule == .forbiddenDuty ? "forbidden" : "undesired"
                            findings.append(
                                .init(
                                    rule,
                                    "\(label) (\(shift.dates)): \(engineer.id) is \(duty[t]!.rawValue), but duty \(what) "
                                        + "is \(word) for them (\(request.dates))", week: shift.number,
                                    rotation: rotation.id, engineer: engineer.id))
                        }
                    }
                }
            }
        }
        return findings
    }

    /// Runbooks: for each pipeline that gets one, the sections the scenario leaves to Rota's defaults (a warning,
    /// `runbook_default`), or, when `runbook.required` names them, a failure (`runbook_required`).
    public func checkRunbooks() -> [RuleViolation] {
        var findings: [RuleViolation] = []
        for pipeline in scenario.pipelines where pipeline.needsRunbook {
            let book = pipeline.runbook ?? Runbook()
            let missing = RunbookSection.allCases.filter { !pipeline.writtenRunbookSections.contains($0) }
            let required = missing.filter(book.required.contains)
            if !required.isEmpty {
                findings.append(
                    .init(
                        .runbookRequired,
                        "pipeline \(pipeline.id): runbook.required lists "
                            + required.map(\.rawValue).joined(separator: ", ") + " but the scenario does not write "
                            + (required.count == 1 ? "it" : "them"), pipeline: pipeline.id))
            }
            let optional = missing.filter { !book.required.contains($0) }
            if !optional.isEmpty {
                findings.append(
                    .init(
                        .runbookDefault,
                        "pipeline \(pipeline.id): runbook sections taken from Rota's defaults for the \(pipeline.area) "
                            + "area, to review: " + optional.map(\.rawValue).joined(separator: ", ")
                            + "; write them under `runbook:` in the scenario",
                        pipeline: pipeline.id))
            }
        }
        return findings
    }

    /// The ownership rules alone: one row per pipeline with known, distinct owners, and the investor-facing cap.
    public func checkOwnership(_ rows: [OwnershipAssignment]) -> [RuleViolation] {
        var findings: [RuleViolation] = []
        let known = Set(scenario.engineers.map(\.id))
        let pipelines = Set(scenario.pipelines.map(\.id))
        let byID = Dictionary(scenario.pipelines.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
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
            let pipeline = byID[row.pipeline]!
            for (role, id, pin) in [
                ("primary", row.primary, pipeline.primaryOwner), ("secondary", row.secondary, pipeline.secondaryOwner),
            ] {
                if let pin, pin.name != id {
                    let pinned: String
                    switch pin {
                    case .engineer(let pinnedID): pinned = "pinned to \(pinnedID)"
                    case .team(let team): pinned = "held by the team \(team)"
                    }
                    findings.append(
                        .init(
                            .ownerPin,
                            "pipeline \(row.pipeline): \(role) owner is \(id), but the scenario has it \(pinned)",
                            pipeline: row.pipeline, engineer: known.contains(id) ? id : nil))
                } else if case .team = pin {
                    continue  // the team holds it, as the scenario says
                } else if !known.contains(id) {
                    findings.append(
                        .init(
                            .ownershipCoverage,
                            "pipeline \(row.pipeline): \(role) owner \"\(id)\" is not an engineer of the scenario",
                            pipeline: row.pipeline, engineer: id))
                }
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
        let cap = scenario.rules.investorPrimaryCap(investorFacing: investor.count, engineers: scenario.engineers.count)
        for engineer in scenario.engineers {
            let owned = rows.filter { $0.primary == engineer.id && investor.contains($0.pipeline) }.map(\.pipeline)
            if owned.count > cap {
                findings.append(
                    .init(
                        .maxInvestorPrimaries,
                        "\(engineer.id) is primary owner of \(owned.count) investor-facing pipelines (\(owned.joined(separator: ", "))); "
                            + "the cap is \(cap)", engineer: engineer.id))
            }
        }
        if scenario.rules.everyoneSecondaryOwner {
            for engineer in scenario.engineers where !rows.contains(where: { $0.secondary == engineer.id }) {
                findings.append(
                    .init(
                        .everyoneSecondaryOwner,
                        "\(engineer.id) is secondary owner of no pipeline; everyone_secondary_owner is set",
                        engineer: engineer.id))
            }
        }
        if Rule.rotateOwners.isDeclared(by: scenario), let rotating = scenario.rules.rotateOwners {
            let team = Set(scenario.engineers.map(\.id))
            for row in rows where rotating.contains(row.pipeline) {
                guard let past = scenario.history.ownership[row.pipeline] else { continue }
                for (primary, now) in [(true, row.primary), (false, row.secondary)]
                where now == past.owner(primary: primary) && team.contains(now) {
                    findings.append(
                        .init(
                            .rotateOwners,
                            "pipeline \(row.pipeline): \(now) is \(primary ? "primary" : "secondary") owner again "
                                + "(as in \(past.source)); rotate_owners is set", pipeline: row.pipeline, engineer: now)
                    )
                }
            }
        }
        return findings
    }
}
