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

    /// Every stretch of duty of the plan's coverage timeline as an event: rotation by rotation, by start, primary
    /// before backup. A shift no cover touches is one event, as planned; covers cut their own events out of it.
    public static func events(_ plan: Plan) -> [Event] {
        let scenario = plan.scenario
        let rotations = scenario.rotations
        let names = Dictionary(scenario.engineers.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        func name(_ id: String) -> String { names[id] ?? id }
        let stamp = ICalendarWriter.utc(scenario.coveredDates.first, seconds: 0)
        let clocks = scenario.shiftClocks
        let shifts = Dictionary(
            plan.schedule.shifts.map { (ShiftKey(rotation: $0.rotation, number: $0.number), $0) },
            uniquingKeysWith: { first, _ in first })
        let timeline = CoverageTimeline.intervals(plan.schedule, scenario: scenario)
        var events: [Event] = []
        for interval in timeline {
            guard let r = scenario.rotationIndex(of: interval.rotation),
                let week = shifts[ShiftKey(rotation: interval.rotation, number: interval.shift)],
                let slot = scenario.slot(rotation: week.rotation, number: week.number)
            else { continue }
            let rotation = rotations[r]
            let clock = clocks[r]
            let role = interval.role
            let person = interval.engineer
            let whole = clock.span(of: week.dates)
            // Covers of this shift's role: a piece of the shift that changed gets one SEQUENCE step per cover, so
            // subscribed calendars take the new times.
            let coversHere = plan.schedule.covers.filter {
                scenario.rotationIndex(of: $0.rotation) == r && $0.role == role && $0.span.overlaps(whole)
            }
            var ics = ICalendarWriter()
            ics.raw("BEGIN", "VEVENT")
            switch interval.kind {
            case .shift:
                // The piece that starts the shift keeps the planned duty's UID.
                ics.raw(
                    "UID",
                    interval.span.start == whole.start
                        ? Self.uid(
                            scenario: scenario.name, rotation: week.rotation, role: role, person: person,
                            start: week.dates.first)
                        : Self.uid(
                            scenario: scenario.name,
                            key: "\(week.rotation)/\(role.rawValue)/\(person)/\(interval.span.start)"))
                if interval.span != whole { ics.raw("SEQUENCE", String(coversHere.count)) }
            case .cover:
                ics.raw(
                    "UID",
                    Self.uid(
                        scenario: scenario.name,
                        key: "cover/\(week.rotation)/\(role.rawValue)/\(person)/\(interval.span.start)"))
            }
            ics.raw("DTSTAMP", stamp)
            if interval.kind == .shift, interval.span == whole, !clock.isTimed {
                ics.raw("DTSTART;VALUE=DATE", ICalendarWriter.compact(week.dates.first))
                ics.raw("DTEND;VALUE=DATE", ICalendarWriter.compact(week.dates.last.adding(days: 1)))
            } else {
                ics.raw("DTSTART", ICalendarWriter.utc(interval.span.start))
                ics.raw("DTEND", ICalendarWriter.utc(interval.span.end))
            }
            let what = rotation.id.isEmpty && rotations.count == 1 ? scenario.title : rotation.name
            switch interval.kind {
            case .shift:
                ics.text("SUMMARY", "On call (\(role.rawValue)): \(name(person)) — \(what)")
            case .cover:
                ics.text(
                    "SUMMARY",
                    "On call (\(role.rawValue), covering \(week.engineer(for: role).map(name) ?? "nobody")): "
                        + "\(name(person)) — \(what)")
            }
            var description = Self.description(
                plan, week: week, slot: slot, role: role, rotation: rotation, name: name)
            switch interval.kind {
            case .shift:
                for cover in coversHere.sorted(by: { $0.span.start < $1.span.start }) {
                    description +=
                        "\nCovered by \(name(cover.engineer)) from \(cover.span.start.local(in: clock.zone)) to "
                        + "\(cover.span.end.local(in: clock.zone))" + (cover.reason.isEmpty ? "" : " (\(cover.reason))")
                        + "."
                }
            case .cover:
                description =
                    "Covering \(week.engineer(for: role).map(name) ?? "nobody") as \(role.rawValue)"
                    + (interval.reason.isEmpty ? "" : ": \(interval.reason)") + ".\n" + description
            }
            ics.text("DESCRIPTION", description)
            ics.raw("TRANSP", "TRANSPARENT")
            ics.raw("END", "VEVENT")
            events.append(Event(person: person, text: ics.rendered))
        }
        // Shadows carry no pager, so they are no part of the coverage timeline: one event per shift shadowed.
        for week in plan.schedule.shifts {
            guard let person = week.shadow, let r = scenario.rotationIndex(of: week.rotation) else { continue }
            let rotation = rotations[r]
            let clock = clocks[r]
            var ics = ICalendarWriter()
            ics.raw("BEGIN", "VEVENT")
            ics.raw(
                "UID", Self.uid(scenario: scenario.name, key: "shadow/\(week.rotation)/\(person)/\(week.dates.first)"))
            ics.raw("DTSTAMP", stamp)
            if clock.isTimed {
                let span = clock.span(of: week.dates)
                ics.raw("DTSTART", ICalendarWriter.utc(span.start))
                ics.raw("DTEND", ICalendarWriter.utc(span.end))
            } else {
                ics.raw("DTSTART;VALUE=DATE", ICalendarWriter.compact(week.dates.first))
                ics.raw("DTEND;VALUE=DATE", ICalendarWriter.compact(week.dates.last.adding(days: 1)))
            }
            let what = rotation.id.isEmpty && rotations.count == 1 ? scenario.title : rotation.name
            ics.text("SUMMARY", "Shadowing: \(name(person)) — \(what)")
            ics.text(
                "DESCRIPTION",
                "Shadowing \(name(week.primary)) (primary)" + (week.backup.map { " and \(name($0)) (backup)" } ?? "")
                    + " to learn the rotation; no pager.\nShift: \(week.dates.first) to \(week.dates.last)"
                    + (rotation.id.isEmpty ? "" : " (\(rotation.id))") + ".")
            ics.raw("TRANSP", "TRANSPARENT")
            ics.raw("END", "VEVENT")
            events.append(Event(person: person, text: ics.rendered))
        }
        return events
    }

    /// The UID of one duty: stable for the same scenario, rotation, role, person and start.
    static func uid(scenario: String, rotation: String, role: DutyRole, person: String, start: CalendarDate) -> String {
        uid(scenario: scenario, key: "\(rotation)/\(role.rawValue)/\(person)/\(start)")
    }

    /// A UID from the scenario and a key that names the event within it.
    static func uid(scenario: String, key: String) -> String {
        let digest = SHA256.hash(data: Data("\(scenario)/\(key)".utf8))
        return InputDigest.lowercaseHex(digest.prefix(16)) + "@rota"
    }

    /// The other role, the escalation chain, and the holidays and leave inside the duty.
    static func description(
        _ plan: Plan, week: RotationShift, slot: Int, role: DutyRole, rotation: Rotation, name: (String) -> String
    ) -> String {
        let scenario = plan.scenario
        var lines: [String] = []
        let other = role == .primary ? DutyRole.backup : .primary
        if let holder = week.engineer(for: other) {
            lines.append("\(other.rawValue.capitalized): \(name(holder)).")
        } else {
            lines.append("No \(other.rawValue): one engineer on call.")
        }
        lines.append(
            "Shift: \(week.dates.first) to \(week.dates.last)" + (rotation.id.isEmpty ? "" : " (\(rotation.id))") + ".")
        for (pipeline, chain) in Escalation.chains(plan, week: week, rotation: rotation) where !chain.isEmpty {
            lines.append(
                "Escalation" + (pipeline.map { " for \($0)" } ?? "") + ": "
                    + chain.map { $0.label(name) }.joined(separator: " → ") + ".")
        }
        for id in [week.primary, week.backup].compactMap({ $0 }) {
            guard let e = scenario.engineers.firstIndex(where: { $0.id == id }) else { continue }
            let contacts = scenario.engineers[e].contacts
            if !contacts.isEmpty { lines.append("Contacts of \(name(id)): \(contacts.summary).") }
            let holidays = plan.availability.shifts[e][slot].holidays
            if !holidays.isEmpty {
                lines.append(
                    "Holidays of \(name(id)) in this shift: "
                        + holidays.map { "\($0.date.shortDescription) \($0.name)" }.joined(separator: ", ") + ".")
            }
            let engineer = scenario.engineers[e]
            let hours = scenario.rotationIndex(of: week.rotation).map {
                ShiftClock(rotation: scenario.rotations[$0], scenario: scenario).span(of: week.dates)
            }
            let leave =
                engineer.leave.filter { $0.overlaps(week.dates) }.map(\.description)
                + engineer.timedLeave.filter { item in hours.map { item.span.overlaps($0) } ?? false }.map {
                    "\($0.span.start.local(in: engineer.zone)) to \($0.span.end.local(in: engineer.zone))"
                }
            if !leave.isEmpty {
                lines.append(
                    "Leave of \(name(id)) in this shift: " + leave.joined(separator: ", ") + ".")
            }
        }
        return lines.joined(separator: "\n")
    }
}
