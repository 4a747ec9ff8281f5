import Foundation
import RotaModel

/// Judges covers and coverage.csv: the hours on top of the shifts. Works from instants: each rotation's shifts at
/// its handoff time (``ShiftClock``), covers as written, leave as whole local days of the engineer.
extension RuleChecker {
    /// What a rotation's shifts in `weeks` span, each with its holders, in date order.
    struct TimedShift {
        let shift: RotationShift
        let span: TimeSpan
    }

    func timedShifts(_ weeks: [RotationShift], rotation r: Int) -> [TimedShift] {
        let clock = ShiftClock(rotation: scenario.rotations[r], scenario: scenario)
        return weeks.filter { scenario.rotationIndex(of: $0.rotation) == r }
            .map { TimedShift(shift: $0, span: clock.span(of: $0.dates)) }
            .sorted { $0.span.start < $1.span.start }
    }

    /// The span from a rotation's first handoff to the end of its last shift, as the period states it.
    func rotationSpan(_ r: Int) -> TimeSpan {
        let rotation = scenario.rotations[r]
        let clock = ShiftClock(rotation: rotation, scenario: scenario)
        return TimeSpan(
            start: clock.span(of: rotation.period.dates).start, end: clock.span(of: rotation.period.dates).end)!
    }

    /// Who is on duty in `role` of rotation `r` at `instant`: a cover containing it, else the shift holder.
    func holder(_ role: DutyRole, rotation r: Int, at instant: Instant, shifts: [TimedShift], covers: [Cover])
        -> String?
    {
        if let cover = covers.first(where: {
            scenario.rotationIndex(of: $0.rotation) == r && $0.role == role && $0.span.contains(instant)
        }) {
            return cover.engineer
        }
        return shifts.first { $0.span.contains(instant) }?.shift.engineer(for: role)
    }

    /// The whole local days of `engineer`'s leave that `span` touches, in their time zone.
    func leaveDays(of engineer: Engineer, touching span: TimeSpan) -> [CalendarDate] {
        let zone = engineer.zone
        let first = span.start.date(in: zone)
        let last = span.end.adding(seconds: -1).date(in: zone)
        guard let days = DateRange(first: first, last: last) else { return [] }
        return days.days.filter { day in engineer.leave.contains { $0.contains(day) } }
    }

    /// Each cover: inside its rotation, by a known engineer of the roster who is not the person covered, not on
    /// leave then, not holding the other role then, and not overlapping another cover of the same role.
    public func checkCovers(_ weeks: [RotationShift], _ covers: [Cover]) -> [RuleViolation] {
        var findings: [RuleViolation] = []
        let rotations = scenario.rotations
        let engineers = Dictionary(scenario.engineers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var shiftsOf: [Int: [TimedShift]] = [:]
        for (i, cover) in covers.enumerated() {
            let what = "cover by \(cover.engineer) (\(cover.role.rawValue), \(cover.span.start) to \(cover.span.end))"
            guard let r = scenario.rotationIndex(of: cover.rotation) else {
                findings.append(
                    .init(
                        .covers,
                        "\(what) names rotation \(TextSafety.quoted(cover.rotation)), which the scenario does not have "
                            + "(rotations: \(rotations.map(\.id).joined(separator: ", ")))",
                        rotation: cover.rotation, engineer: cover.engineer, cover: i))
                continue
            }
            let rotation = rotations[r]
            guard rotation.roles.contains(cover.role) else {
                findings.append(
                    .init(
                        .covers,
                        "\(what) covers a role \(rotation.id.isEmpty ? "the rotation" : "rotation \(rotation.id)") does "
                            + "not have (roles: \(rotation.roles.map(\.rawValue).joined(separator: ", ")))",
                        rotation: cover.rotation, engineer: cover.engineer, cover: i))
                continue
            }
            let shifts = shiftsOf[r] ?? timedShifts(weeks, rotation: r)
            shiftsOf[r] = shifts
            let whole = rotationSpan(r)
            let first = shifts.first { $0.span.overlaps(cover.span) }?.shift.number
            if cover.span.start < whole.start || cover.span.end > whole.end {
                findings.append(
                    .init(
                        .covers,
                        "\(what) does not lie inside the shifts of \(rotation.id.isEmpty ? "the rotation" : "rotation \(rotation.id)") "
                            + "(\(whole.start) to \(whole.end))", week: first, rotation: cover.rotation,
                        engineer: cover.engineer, cover: i))
            }
            for earlier in covers[..<i]
            where earlier.role == cover.role && scenario.rotationIndex(of: earlier.rotation) == r
                && earlier.span.overlaps(cover.span)
            {
                findings.append(
                    .init(
                        .covers,
                        "\(what) overlaps the cover by \(earlier.engineer) from \(earlier.span.start) to \(earlier.span.end)",
                        week: first, rotation: cover.rotation, engineer: cover.engineer, cover: i))
            }
            guard let engineer = engineers[cover.engineer] else {
                findings.append(
                    .init(
                        .unknownEngineer, "\(what): \"\(cover.engineer)\" is not an engineer of the scenario",
                        week: first, rotation: cover.rotation, engineer: cover.engineer, cover: i))
                continue
            }
            if !rotation.roster.contains(cover.engineer) {
                findings.append(
                    .init(
                        .unknownEngineer, "\(what): \(cover.engineer) is not on the roster of rotation \(rotation.id)",
                        week: first, rotation: cover.rotation, engineer: cover.engineer, cover: i))
            }
            let covered = shifts.filter { $0.span.overlaps(cover.span) }
            if covered.contains(where: { $0.shift.engineer(for: cover.role) == cover.engineer }) {
                findings.append(
                    .init(
                        .covers,
                        "\(what): \(cover.engineer) holds that \(cover.role.rawValue) shift; a cover stands in for someone else",
                        week: first, rotation: cover.rotation, engineer: cover.engineer, cover: i))
            }
            // The other role at every instant the cover's holder could change: shift handoffs and other covers.
            let other: DutyRole = cover.role == .primary ? .backup : .primary
            let points =
                [cover.span.start] + covered.map(\.span.start)
                + covers.flatMap { [$0.span.start, $0.span.end] }
            for point in Set(points).sorted() where cover.span.contains(point) {
                if holder(other, rotation: r, at: point, shifts: shifts, covers: covers) == cover.engineer {
                    findings.append(
                        .init(
                            .distinctRoles, "\(what): \(cover.engineer) is \(other.rawValue) then (\(point))",
                            week: first, rotation: cover.rotation, engineer: cover.engineer, cover: i))
                    break
                }
            }
            findings += exclusiveFindings(
                cover, index: i, rotation: r, weeks: weeks, covers: covers, what: what, first: first)
            let away =
                leaveDays(of: engineer, touching: cover.span).first?.description
                ?? engineer.timedLeave.first { $0.span.overlaps(cover.span) }?.description
            if !isHistory(cover.span), let away {
                findings.append(
                    .init(
                        .leave, "\(what): \(cover.engineer) is on leave \(away)", week: first,
                        rotation: cover.rotation, engineer: cover.engineer, cover: i))
            }
        }
        return findings
    }

    /// Whether the holder of `role` in `week` is still on duty during some of their leave in it once covers are
    /// taken out: leave days as the holder's local days and part-day leave, each within the shift's hours.
    func onDutyDuringLeave(
        _ engineer: Engineer, role: DutyRole, week: RotationShift, rotation r: Int, covers: [Cover]
    ) -> Bool {
        let span = ShiftClock(rotation: scenario.rotations[r], scenario: scenario).span(of: week.dates)
        let zone = engineer.zone
        let holes = covers.filter { scenario.rotationIndex(of: $0.rotation) == r && $0.role == role }
            .map(\.span).sorted { $0.start < $1.start }
        let away =
            week.dates.days.filter { day in engineer.leave.contains { $0.contains(day) } }
            .compactMap { TimeSpan.day($0, in: zone).clamped(to: span) }
            + engineer.timedLeave.compactMap { $0.span.clamped(to: span) }
        // Some of the leave is left once the covers (sorted by start) are walked across it.
        return away.contains { leave in
            var cursor = leave.start
            for hole in holes where hole.overlaps(leave) {
                if cursor < hole.start { return true }
                cursor = max(cursor, hole.end)
            }
            return cursor < leave.end
        }
    }

    /// A cover is duty for exclusive_primary and exclusive_duty: the coverer holds no (primary) duty of another
    /// rotation at any instant of it, covers of theirs there included.
    func exclusiveFindings(
        _ cover: Cover, index i: Int, rotation r: Int, weeks: [RotationShift], covers: [Cover], what: String,
        first: Int?
    ) -> [RuleViolation] {
        let rules = scenario.rules
        guard scenario.rotations.count > 1, rules.exclusiveDuty || (rules.exclusivePrimary && cover.role == .primary)
        else { return [] }
        let rule: Rule = rules.exclusiveDuty ? .exclusiveDuty : .exclusivePrimary
        let roles: [DutyRole] = rules.exclusiveDuty ? DutyRole.allCases : [.primary]
        for o in scenario.rotations.indices where o != r {
            let shifts = timedShifts(weeks, rotation: o)
            let points =
                [cover.span.start] + shifts.map(\.span.start) + covers.flatMap { [$0.span.start, $0.span.end] }
            for point in Set(points).sorted() where cover.span.contains(point) {
                for role in roles
                where holder(role, rotation: o, at: point, shifts: shifts, covers: covers) == cover.engineer {
                    return [
                        .init(
                            rule,
                            "\(what): \(cover.engineer) is also \(role.rawValue) of rotation "
                                + "\(scenario.rotations[o].id) then (\(point))",
                            week: first, rotation: cover.rotation, engineer: cover.engineer, cover: i)
                    ]
                }
            }
        }
        return []
    }

    /// Whether a span ended before ``asOf``: worked, so leave recorded since is history, not a finding.
    func isHistory(_ span: TimeSpan) -> Bool {
        guard let asOf else { return false }
        return span.end <= Instant(asOf)
    }

    /// coverage.csv against rotation.csv and the covers: per rotation and role its rows run from the first handoff to
    /// the last shift's end without gap or overlap, and each `shift` row names the holder of the shift it lies in.
    public func checkCoverageRows(_ rows: [CoverageRow], _ weeks: [RotationShift]) -> [RuleViolation] {
        var findings: [RuleViolation] = []
        let indexed = Array(rows.enumerated())
        for (index, row) in indexed where scenario.rotationIndex(of: row.rotation) == nil {
            findings.append(
                .init(
                    .covers,
                    "coverage names rotation \(TextSafety.quoted(row.rotation)), which the scenario does not have",
                    rotation: row.rotation, coverageRow: index))
        }
        for (r, rotation) in scenario.rotations.enumerated() {
            let shifts = timedShifts(weeks, rotation: r)
            let whole = rotationSpan(r)
            let name = rotation.id.isEmpty ? "" : " of rotation \(rotation.id)"
            for role in DutyRole.allCases {
                let own = indexed.filter {
                    scenario.rotationIndex(of: $0.element.rotation) == r && $0.element.role == role
                }
                .sorted { $0.element.span.start < $1.element.span.start }
                guard rotation.roles.contains(role) else {
                    if let first = own.first {
                        findings.append(
                            .init(
                                .covers, "coverage has \(role.rawValue) rows\(name), which has no \(role.rawValue)",
                                rotation: rotation.id, coverageRow: first.offset))
                    }
                    continue
                }
                guard let first = own.first, let last = own.last else {
                    findings.append(
                        .init(.covers, "coverage has no \(role.rawValue) rows\(name)", rotation: rotation.id))
                    continue
                }
                if first.element.span.start != whole.start {
                    findings.append(
                        .init(
                            .covers,
                            "the \(role.rawValue) coverage\(name) starts at \(first.element.span.start), the first shift at \(whole.start)",
                            rotation: rotation.id, coverageRow: first.offset))
                }
                if last.element.span.end != whole.end {
                    findings.append(
                        .init(
                            .covers,
                            "the \(role.rawValue) coverage\(name) ends at \(last.element.span.end), the last shift at \(whole.end)",
                            rotation: rotation.id, coverageRow: last.offset))
                }
                // Against the furthest end so far, so one overlapping row is one finding, not also a gap after it.
                var reach = first.element
                for next in own.dropFirst() {
                    let (a, b) = (reach.span, next.element.span)
                    if b.start > a.end {
                        findings.append(
                            .init(
                                .covers, "\(role.rawValue) coverage\(name) has a gap from \(a.end) to \(b.start)",
                                rotation: rotation.id, coverageRow: next.offset))
                    } else if b.start < a.end {
                        findings.append(
                            .init(
                                .covers,
                                "\(role.rawValue) coverage\(name) overlaps from \(b.start) to \(min(a.end, b.end)): "
                                    + "\(reach.engineer) and \(next.element.engineer)",
                                rotation: rotation.id, coverageRow: next.offset))
                    }
                    if b.end > a.end { reach = next.element }
                }
                for (index, row) in own where row.kind == .shift {
                    guard
                        let shift = shifts.first(where: {
                            $0.span.start <= row.span.start && row.span.end <= $0.span.end
                        })
                    else {
                        findings.append(
                            .init(
                                .covers,
                                "a \(role.rawValue) shift row from \(row.span.start) to \(row.span.end) lies in no single shift of rotation.csv",
                                rotation: rotation.id, engineer: row.engineer, coverageRow: index))
                        continue
                    }
                    let holder = shift.shift.engineer(for: role)
                    if row.engineer != holder {
                        findings.append(
                            .init(
                                .covers,
                                "coverage gives \(row.engineer) the \(role.rawValue) shift from \(row.span.start), but "
                                    + "rotation.csv gives \(rotation.label(shift.shift.number, among: scenario.rotations.count)) to \(holder ?? "nobody"): "
                                    + "the files are out of step (edit with `rota swap` and `rota cover`, which change every file)",
                                week: shift.shift.number, rotation: rotation.id, engineer: row.engineer,
                                coverageRow: index))
                    }
                }
            }
        }
        return findings
    }
}
