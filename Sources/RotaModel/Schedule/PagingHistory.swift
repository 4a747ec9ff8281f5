import Foundation

/// Last quarter's real on-call as a paging tool exported it, turned into history shifts.
///
/// A file gives who held one role when, as spans of time: PagerDuty's `GET /oncalls` response (`oncalls[]`) or a
/// rendered schedule (`GET /schedules/{id}`: `schedule.final_schedule.rendered_schedule_entries[]`), GoAlert's
/// schedule shifts (`data.schedule.shifts[]`, `shifts[]` or a bare list of `{userID, start, end}`), or an iCalendar
/// feed whose event titles name the person. Spans become the rotation's shifts before its first one, on the same
/// grid (shift length and handoff): **the holder of most of a shift's hours holds it** (a tie goes to the one
/// listed first on the roster); a shift nobody held in a file is left out of history.
public enum PagingHistory {
    public enum Format: String, Sendable, CaseIterable {
        case pagerduty, goalert, ics
    }

    /// Someone on call from one instant to another, by the tool's identity (a user id, or an event's title).
    public struct HeldSpan: Sendable, Equatable {
        public let identity: String
        /// A display name the tool gives beside the id (PagerDuty's `summary`), for matching by name.
        public let name: String?
        public let span: TimeSpan
    }

    /// The spans in a file of `format`; `file` names it in errors.
    public static func spans(_ data: Data, format: Format, file: String, window: DateRange) throws(ScheduleError)
        -> [HeldSpan]
    {
        switch format {
        case .ics:
            let calendar: CalendarFile
            do { calendar = try CalendarFile.parse(data: data, file: file) } catch {
                throw .unreadable(file: file, reason: error.description, kind: .history)
            }
            return calendar.occurrences(in: window, timeZone: TimeZone(identifier: "UTC")!).compactMap { event in
                event.span.map { HeldSpan(identity: event.summary, name: nil, span: $0) }
            }
        case .pagerduty, .goalert:
            guard let json = try? JSONSerialization.jsonObject(with: data) else {
                throw .unreadable(file: file, reason: "it is not JSON", kind: .history)
            }
            let entries = format == .pagerduty ? pagerDutyEntries(json) : goAlertEntries(json)
            guard let entries else {
                throw .unreadable(
                    file: file,
                    reason: format == .pagerduty
                        ? "it is neither a GET /oncalls response (oncalls) nor a rendered schedule "
                            + "(schedule.final_schedule.rendered_schedule_entries)"
                        : "it holds no shifts (data.schedule.shifts, shifts, or a list of {userID, start, end})",
                    kind: .history)
            }
            var spans: [HeldSpan] = []
            for (index, entry) in entries.enumerated() {
                let user = format == .pagerduty ? entry["user"] as? [String: Any] : entry
                guard let id = (format == .pagerduty ? user?["id"] : user?["userID"]) as? String,
                    let startText = entry["start"] as? String
                else {
                    throw .invalidValue(
                        file: file, line: index + 1, column: format == .pagerduty ? "user.id" : "userID", value: "",
                        expected: "an entry with a user and a start (entry \(index + 1))")
                }
                // An open-ended PagerDuty entry (end null: on call until further notice) has no hours to count.
                guard let endText = entry["end"] as? String else { continue }
                guard case .success(let start) = Instant.parse(startText),
                    case .success(let end) = Instant.parse(endText),
                    let span = TimeSpan(start: start, end: end)
                else {
                    throw .invalidValue(
                        file: file, line: index + 1, column: "start", value: startText,
                        expected: "RFC 3339 start and end instants, end after start (entry \(index + 1))")
                }
                spans.append(HeldSpan(identity: id, name: user?["summary"] as? String, span: span))
            }
            return spans
        }
    }

    static func pagerDutyEntries(_ json: Any) -> [[String: Any]]? {
        guard let object = json as? [String: Any] else { return nil }
        if let oncalls = object["oncalls"] as? [[String: Any]] { return oncalls }
        let schedule = object["schedule"] as? [String: Any]
        let final = schedule?["final_schedule"] as? [String: Any]
        return final?["rendered_schedule_entries"] as? [[String: Any]]
    }

    static func goAlertEntries(_ json: Any) -> [[String: Any]]? {
        if let list = json as? [[String: Any]] { return list }
        guard let object = json as? [String: Any] else { return nil }
        if let shifts = object["shifts"] as? [[String: Any]] { return shifts }
        let data = object["data"] as? [String: Any]
        return (data?["schedule"] as? [String: Any])?["shifts"] as? [[String: Any]]
    }

    /// The engineer a span belongs to: by the tool's identity in `contacts`, else (PagerDuty's summary, an event
    /// title) by name, id, Grafana username or email, case-insensitive.
    public static func engineer(of span: HeldSpan, format: Format, in team: [Engineer]) -> Engineer? {
        let field: Contacts.Field? =
            switch format {
            case .pagerduty: .pagerduty
            case .goalert: .goalert
            case .ics: nil
            }
        if let field, let found = team.first(where: { $0.contacts[field] == span.identity }) { return found }
        let names = [span.name, format == .ics ? span.identity : nil].compactMap { $0?.lowercased() }
        return team.first { engineer in
            let known = [engineer.name, engineer.id, engineer.contacts[.grafana], engineer.contacts[.email]]
                .compactMap { $0?.lowercased() }
            return names.contains { known.contains($0) }
        }
    }

    /// The holder of each grid shift from `spans` (already matched to engineer ids): most hours inside the shift's
    /// hours; ties by `roster` order; nil where nobody held any of it.
    public static func holder(of shift: TimeSpan, _ spans: [(engineer: String, span: TimeSpan)], roster: [String])
        -> String?
    {
        var seconds: [String: Int] = [:]
        for (engineer, span) in spans {
            if let inside = span.clamped(to: shift) { seconds[engineer, default: 0] += inside.seconds }
        }
        let most = seconds.values.max() ?? 0
        guard most > 0 else { return nil }
        let tied = seconds.filter { $0.value == most }.map(\.key)
        return roster.first { tied.contains($0) } ?? tied.sorted().first
    }
}
