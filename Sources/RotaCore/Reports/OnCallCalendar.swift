import Crypto
import Foundation
import RotaChecking
import RotaModel
import RotaPlanning

/// oncall.ics (every duty of everyone) and oncall-<engineer>.ics (one person's duties): iCalendar feeds people
/// subscribe to (RFC 5545, METHOD:PUBLISH).
///
/// One event per duty: at the rotation's handoff time, in UTC, from the shift's first day to the next handoff (an
/// all-day event over the shift's days when no handoff time is set). The UID is derived from the scenario, rotation,
/// role, person and start, so an unchanged duty keeps its UID across re-plans and calendar apps update rather than
/// duplicate it; DTSTAMP is the first shift's start (from the inputs, not the clock), so the files are byte-identical
/// for the same plan.
public struct OnCallCalendar: Sendable {
    /// The engineer whose duties the file holds; nil: everyone's.
    public let engineer: String?

    public init(engineer: String? = nil) { self.engineer = engineer }

    public var fileName: String { engineer.map { "oncall-\($0).ics" } ?? "oncall.ics" }

    public func render(_ plan: Plan) -> String { render(plan, events: Self.events(plan)) }

    /// One duty's VEVENT, rendered (folded, CRLF-ended) once and shared by the team's file and the person's.
    public struct Event: Sendable {
        /// The engineer on duty.
        public let person: String
        /// The folded content lines, BEGIN:VEVENT through END:VEVENT.
        let text: String
    }

    /// This calendar's file from events rendered by ``events(_:)``: the header, the events it holds, the end.
    public func render(_ plan: Plan, events: [Event]) -> String {
        let scenario = plan.scenario
        var ics = ICalendarWriter()
        ics.raw("BEGIN", "VCALENDAR")
        ics.raw("VERSION", "2.0")
        ics.raw("PRODID", "-//Rota//rota plan \(ModelVersion.current)//EN")
        ics.raw("CALSCALE", "GREGORIAN")
        ics.raw("METHOD", "PUBLISH")
        let person = engineer.map { id in scenario.engineer(id)?.name ?? id }
        ics.text("X-WR-CALNAME", "On call: \(scenario.title)" + (person.map { " (\($0))" } ?? ""))
        var text = ics.rendered
        for event in events where engineer == nil || event.person == engineer { text += event.text }
        return text + ICalendarWriter.fold("END:VCALENDAR")
    }

    /// Every duty of the plan as an event, in schedule order (week, then primary before backup).
    public static func events(_ plan: Plan) -> [Event] {
        let scenario = plan.scenario
        let rotations = scenario.rotations
        let names = Dictionary(scenario.engineers.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        func name(_ id: String) -> String { names[id] ?? id }
        let stamp = ICalendarWriter.utc(scenario.coveredDates.first, seconds: 0)
        let clock = rotations.map { HandoffClock(rotation: $0, scenario: scenario) }
        var events: [Event] = []
        for week in plan.schedule.shifts {
            guard let r = scenario.rotationIndex(of: week.rotation),
                let slot = scenario.slot(rotation: week.rotation, number: week.number)
            else { continue }
            let rotation = rotations[r]
            let times = clock[r].times(week.dates)
            for role in DutyRole.allCases {
                let person = week.engineer(for: role)
                var ics = ICalendarWriter()
                ics.raw("BEGIN", "VEVENT")
                ics.raw(
                    "UID",
                    Self.uid(
                        scenario: scenario.name, rotation: week.rotation, role: role, person: person,
                        start: week.dates.first))
                ics.raw("DTSTAMP", stamp)
                for (property, value) in times { ics.raw(property, value) }
                let what = rotation.id.isEmpty && rotations.count == 1 ? scenario.title : rotation.name
                ics.text("SUMMARY", "On call (\(role.rawValue)): \(name(person)) — \(what)")
                ics.text(
                    "DESCRIPTION",
                    Self.description(
                        plan, week: week, slot: slot, role: role, rotation: rotation, name: name))
                ics.raw("TRANSP", "TRANSPARENT")
                ics.raw("END", "VEVENT")
                events.append(Event(person: person, text: ics.rendered))
            }
        }
        return events
    }

    /// The UID of one duty: stable for the same scenario, rotation, role, person and start.
    static func uid(scenario: String, rotation: String, role: DutyRole, person: String, start: CalendarDate) -> String {
        let key = "\(scenario)/\(rotation)/\(role.rawValue)/\(person)/\(start)"
        let digest = SHA256.hash(data: Data(key.utf8))
        return InputDigest.lowercaseHex(digest.prefix(16)) + "@rota"
    }

    /// DTSTART and DTEND of a rotation's shifts: timed at the handoff time in UTC (the zone is the rotation's, else
    /// the roster's first engineer's), from this shift's handoff to the next; all-day over the shift's days without
    /// a handoff time.
    struct HandoffClock {
        /// Seconds after midnight of the handoff, and its zone; nil: all-day events.
        let handoff: (seconds: Int, zone: TimeZone)?

        init(rotation: Rotation, scenario: Scenario) {
            guard let time = rotation.period.handoffTime else {
                handoff = nil
                return
            }
            let parts = time.split(separator: ":").compactMap { Int($0) }
            let seconds = (parts.first ?? 0) * 3600 + (parts.dropFirst().first ?? 0) * 60
            let zoneName =
                rotation.period.handoffTimeZone
                ?? rotation.roster.first.flatMap { id in scenario.engineer(id)?.timeZone } ?? "UTC"
            handoff = (seconds, TimeZone(identifier: zoneName) ?? TimeZone(identifier: "UTC")!)
        }

        func times(_ dates: DateRange) -> [(String, String)] {
            let next = dates.last.adding(days: 1)
            guard let (seconds, zone) = handoff else {
                return [
                    ("DTSTART;VALUE=DATE", ICalendarWriter.compact(dates.first)),
                    ("DTEND;VALUE=DATE", ICalendarWriter.compact(next)),
                ]
            }
            func utc(_ date: CalendarDate) -> String {
                let instant = ICalendarTime.instant(wall: date.dayNumber * 86_400 + seconds, in: zone)
                let day = CalendarDate(dayNumber: Int((Double(instant) / 86_400).rounded(.down)))
                return ICalendarWriter.utc(day, seconds: instant - day.dayNumber * 86_400)
            }
            return [("DTSTART", utc(dates.first)), ("DTEND", utc(next))]
        }
    }

    /// The other role, the escalation chain, and the holidays and leave inside the duty.
    static func description(
        _ plan: Plan, week: RotationShift, slot: Int, role: DutyRole, rotation: Rotation, name: (String) -> String
    ) -> String {
        let scenario = plan.scenario
        var lines: [String] = []
        let other = role == .primary ? DutyRole.backup : .primary
        lines.append("\(other.rawValue.capitalized): \(name(week.engineer(for: other))).")
        lines.append(
            "Shift: \(week.dates.first) to \(week.dates.last)" + (rotation.id.isEmpty ? "" : " (\(rotation.id))") + ".")
        let chain = Escalation.chain(plan, week: week, rotation: rotation)
        if !chain.isEmpty {
            lines.append("Escalation: " + chain.map { $0.label(name) }.joined(separator: " → ") + ".")
        }
        for id in [week.primary, week.backup] {
            guard let e = scenario.engineers.firstIndex(where: { $0.id == id }) else { continue }
            let holidays = plan.availability.shifts[e][slot].holidays
            if !holidays.isEmpty {
                lines.append(
                    "Holidays of \(name(id)) in this shift: "
                        + holidays.map { "\($0.date.shortDescription) \($0.name)" }.joined(separator: ", ") + ".")
            }
            let leave = scenario.engineers[e].leave.filter { $0.overlaps(week.dates) }
            if !leave.isEmpty {
                lines.append(
                    "Leave of \(name(id)) in this shift: " + leave.map(\.description).joined(separator: ", ") + ".")
            }
        }
        return lines.joined(separator: "\n")
    }
}
