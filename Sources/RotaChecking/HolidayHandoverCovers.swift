import Foundation
import RotaModel

/// `holiday_handover: backup` (seed 002: "during public holidays, backup takes over primary role; if both are
/// unavailable, rotate to next person in list"): the covers it asks for in a schedule. On each working day of a
/// shift that is a public holiday of the primary (in their region, or a substitute day), from the primary's local
/// midnight to the next within the shift's hours:
/// - the backup covers primary, and the next person on the rotation's roster after the backup who is free covers
///   backup;
/// - when the backup is not free either, the next free person after the backup covers primary and the backup keeps
///   backup.
/// Free: no holiday or company day that weighs for them that day, no leave on it or in those hours. Consecutive days
/// with the same people are one cover. When nobody is free, the primary keeps the day (no cover).
public enum HolidayHandoverCovers {
    public static func covers(_ weeks: [RotationShift], scenario: Scenario) -> [Cover] {
        guard scenario.rules.holidayHandover == .backup else { return [] }
        let engineers = Dictionary(scenario.engineers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let clocks = scenario.shiftClocks
        var calendars: [String: PersonalCalendar] = [:]
        func calendar(_ engineer: Engineer) -> PersonalCalendar {
            if let known = calendars[engineer.id] { return known }
            let made = scenario.personalCalendar(engineer)
            calendars[engineer.id] = made
            return made
        }
        var covers: [Cover] = []
        for week in weeks {
            guard let r = scenario.rotationIndex(of: week.rotation), let primary = engineers[week.primary] else {
                continue
            }
            let rotation = scenario.rotations[r]
            let shiftSpan = clocks[r].span(of: week.dates)
            // Working days only: a festival on the weekend weighs in the burden but is no public holiday to hand over.
            let days = calendar(primary).burden(during: week.dates).holidays
                .filter { $0.category == .public && calendar(primary).region?.isWeekend($0.date) != true }
            var pending: [(primary: Cover, backup: Cover?)] = []
            for date in Set(days.map(\.date)).sorted() {
                guard let span = TimeSpan.day(date, in: primary.zone).clamped(to: shiftSpan) else { continue }
                func isFree(_ id: String) -> Bool {
                    guard let engineer = engineers[id], rotation.roster.contains(id) else { return false }
                    if calendar(engineer).burden(during: DateRange(first: date, last: date)!).weight > 0 {
                        return false
                    }
                    if engineer.leave.contains(where: { $0.contains(date) }) { return false }
                    return !engineer.timedLeave.contains { $0.span.overlaps(span) }
                }
                // The roster from the one after the backup (the primary, without one), round to the one before it.
                let roster = rotation.roster
                let start = (roster.firstIndex(of: week.backup ?? week.primary) ?? -1) + 1
                let next = (0..<roster.count).map { roster[(start + $0) % roster.count] }
                    .filter { $0 != week.primary && $0 != week.backup }
                let name = days.first { $0.date == date }?.name ?? "public holiday"
                let reason = "\(week.primary)'s public holiday (\(name))"
                let pair: (primary: Cover, backup: Cover?)
                if let backup = week.backup, isFree(backup) {
                    guard let standIn = next.first(where: isFree) else { continue }
                    pair = (
                        Cover(rotation: rotation.id, role: .primary, engineer: backup, span: span, reason: reason),
                        Cover(rotation: rotation.id, role: .backup, engineer: standIn, span: span, reason: reason)
                    )
                } else {
                    guard let standIn = next.first(where: isFree) else { continue }
                    pair = (
                        Cover(rotation: rotation.id, role: .primary, engineer: standIn, span: span, reason: reason), nil
                    )
                }
                if let last = pending.last, last.primary.span.end == span.start,
                    last.primary.engineer == pair.primary.engineer, last.backup?.engineer == pair.backup?.engineer
                {
                    pending[pending.count - 1] = (
                        extended(last.primary, to: span.end, reason: reason),
                        last.backup.map { extended($0, to: span.end, reason: reason) }
                    )
                } else {
                    pending.append(pair)
                }
            }
            for pair in pending { covers += [pair.primary] + (pair.backup.map { [$0] } ?? []) }
        }
        return covers
    }

    private static func extended(_ cover: Cover, to end: Instant, reason: String) -> Cover {
        let reasons = cover.reason == reason ? reason : "\(cover.reason); \(reason)"
        return Cover(
            rotation: cover.rotation, role: cover.role, engineer: cover.engineer,
            span: TimeSpan(start: cover.span.start, end: end)!, reason: reasons)
    }
}

extension RuleChecker {
    /// `holiday_handover`: every cover the rule asks for is in the schedule.
    public func checkHolidayHandover(_ weeks: [RotationShift], _ covers: [Cover]) -> [RuleViolation] {
        guard let handover = scenario.rules.holidayHandover else { return [] }
        let rotations = scenario.rotations
        return HolidayHandoverCovers.covers(weeks, scenario: scenario).compactMap { expected in
            guard !covers.contains(expected) else { return nil }
            let r = scenario.rotationIndex(of: expected.rotation)
            let week = weeks.first { shift in
                scenario.rotationIndex(of: shift.rotation) == r
                    && r.map { ShiftClock(rotation: rotations[$0], scenario: scenario).span(of: shift.dates) }?
                        .overlaps(expected.span) == true
            }
            let label = week.flatMap { shift in r.map { rotations[$0].label(shift.number, among: rotations.count) } }
            return RuleViolation(
                .holidayHandover,
                "\(label ?? "a shift"): \(expected.reason): holiday_handover: \(handover.rawValue) has "
                    + "\(expected.engineer) cover \(expected.role.rawValue) from \(expected.span.start) to "
                    + "\(expected.span.end), but the schedule has no such cover",
                week: week?.number, rotation: expected.rotation, engineer: expected.engineer)
        }
    }
}
