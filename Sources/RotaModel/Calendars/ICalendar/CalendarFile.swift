import Foundation

/// One occurrence of a calendar event, as the days it touches in the reader's time zone.
public struct CalendarOccurrence: Sendable, Hashable {
    public let summary: String
    /// The days it touches (a timed event's in the reader's time zone).
    public let dates: DateRange
    /// Where the event is defined (its BEGIN:VEVENT line).
    public let source: SourceLocation
    /// A timed event's instants (nil for an all-day event; an empty span for a timed event without length).
    public var span: TimeSpan? = nil
    /// Whether the occurrence is timed (DTSTART a date-time), even one without length.
    public var isTimed = false
    /// Whether it comes from a repeating event (RRULE or RDATE).
    public var isRecurring = false
    /// Whether the event is marked free: `TRANSP:TRANSPARENT` or Outlook's `X-MICROSOFT-CDO-BUSYSTATUS:FREE`.
    public var isFree = false
    /// Whether Outlook marks it out of office (`X-MICROSOFT-CDO-BUSYSTATUS:OOF`).
    public var isOutOfOffice = false
    /// Its length in seconds (timed events; 0 without an end).
    public var seconds = 0
}

/// An iCalendar file (RFC 5545) as exported by Google Calendar, Outlook or Apple Calendar: its events, expanded
/// into the days they cover. Whatever the file holds that Rota cannot use is named in an error or a notice with
/// its line; nothing is dropped silently.
public struct CalendarFile: Sendable {
    public let file: String
    let events: [Event]
    /// Things read but not used, with their line: other components (VTODO…), cancelled events.
    public let notices: [String]

    struct Event: Sendable {
        enum End: Sendable {
            case time(ICalendarTime)
            case duration(days: Int, seconds: Int)
            case none
        }
        let uid: String?
        let summary: String
        let start: ICalendarTime
        let end: End
        let rule: RecurrenceRule?
        let extraDates: [ICalendarTime]
        let exceptions: [ICalendarTime]
        let recurrenceID: ICalendarTime?
        let cancelled: Bool
        /// Marked free (TRANSP:TRANSPARENT, or Outlook's busy status FREE).
        let free: Bool
        /// Outlook's busy status OOF.
        let outOfOffice: Bool
        /// Outlook's all-day flag on an event written midnight to midnight in a zone.
        let allDay: Bool
        let line: Int
    }

    /// Reads and checks the file at `path`.
    public static func read(path: String, windowsTimeZones: [String: String] = [:]) throws(CalendarError)
        -> CalendarFile
    {
        try parse(data: contents(of: path), file: path, windowsTimeZones: windowsTimeZones)
    }

    /// The bytes of the file at `path`, or why it cannot be read.
    public static func contents(of path: String) throws(CalendarError) -> Data {
        do { return try InputFile.read(path, as: .calendar) } catch {
            throw .unreadable(file: path, reason: error.description)
        }
    }

    /// An event's title as reports show it: one line (an escaped `\n` is a space), every other control character
    /// made visible, since it lands in Markdown, CSV, .ics and terminals; "(no title)" when there is none.
    static func title(_ summary: String?) -> String {
        guard let summary, !summary.isEmpty else { return "(no title)" }
        let line = String(
            String.UnicodeScalarView(summary.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
        return TextSafety.neutralised(line)
    }

    /// Parses iCalendar bytes; `file` is used in messages.
    public static func parse(data: Data, file: String, windowsTimeZones: [String: String] = [:]) throws(CalendarError)
        -> CalendarFile
    {
        let lines = try ContentLine.lines(of: data, file: file)
        let times = ICalendarTimeParser(file: file, windowsTimeZones: windowsTimeZones)
        guard let first = lines.first, first.name == "BEGIN", first.value.uppercased() == "VCALENDAR" else {
            throw .iCalendar(
                SourceLocation(file: file, line: lines.first?.line ?? 1),
                problem: "not an iCalendar file: expected BEGIN:VCALENDAR",
                hint: "export the calendar as .ics from Google Calendar, Outlook or Apple Calendar")
        }
        var stack: [(name: String, line: Int)] = []
        var events: [Event] = []
        var notices: [String] = []
        var current: [ContentLine] = []
        for line in lines {
            switch line.name {
            case "BEGIN":
                let component = line.value.uppercased()
                if stack.isEmpty, component != "VCALENDAR" {
                    throw .iCalendar(
                        SourceLocation(file: file, line: line.line),
                        problem: "BEGIN:\(component) outside BEGIN:VCALENDAR … END:VCALENDAR", hint: nil)
                }
                if component == "VEVENT" {
                    if stack.contains(where: { $0.name == "VEVENT" }) {
                        throw .iCalendar(
                            SourceLocation(file: file, line: line.line),
                            problem: "BEGIN:VEVENT inside the event that begins on line \(stack.last!.line)",
                            hint: "the event above lacks its END:VEVENT")
                    }
                    current = []
                } else if ["VTODO", "VJOURNAL", "VFREEBUSY"].contains(component) {
                    notices.append("\(file):\(line.line): \(component) ignored (Rota reads events only)")
                }
                stack.append((component, line.line))
            case "END":
                let component = line.value.uppercased()
                guard let open = stack.last else {
                    throw .iCalendar(
                        SourceLocation(file: file, line: line.line), problem: "END:\(component) without a BEGIN",
                        hint: nil)
                }
                guard open.name == component else {
                    throw .iCalendar(
                        SourceLocation(file: file, line: line.line),
                        problem: "END:\(component), but BEGIN:\(open.name) on line \(open.line) is still open",
                        hint: "add END:\(open.name) before this line")
                }
                stack.removeLast()
                if component == "VEVENT" {
                    let event = try makeEvent(current, line: open.line, file: file, times: times)
                    if event.cancelled, event.recurrenceID == nil {
                        notices.append("\(file):\(open.line): cancelled event \"\(event.summary)\" not counted")
                    }
                    events.append(event)
                }
            default:
                if stack.last?.name == "VEVENT" { current.append(line) }
            }
        }
        if let open = stack.last {
            throw .iCalendar(
                SourceLocation(file: file, line: open.line),
                problem: "BEGIN:\(open.name) on line \(open.line) has no END:\(open.name)",
                hint: "the file may be cut short; export it again")
        }
        return CalendarFile(file: file, events: events, notices: notices)
    }

    private static func makeEvent(_ lines: [ContentLine], line: Int, file: String, times: ICalendarTimeParser)
        throws(CalendarError) -> Event
    {
        func single(_ name: String) throws(CalendarError) -> ContentLine? {
            let matching = lines.filter { $0.name == name }
            if matching.count > 1 {
                throw .iCalendar(
                    SourceLocation(file: file, line: matching[1].line),
                    problem: "\(name) appears twice in the event that begins on line \(line)", hint: nil)
            }
            return matching.first
        }
        guard let startLine = try single("DTSTART") else {
            throw .iCalendar(
                SourceLocation(file: file, line: line), problem: "the event that begins on line \(line) has no DTSTART",
                hint: "every event needs a start date")
        }
        let start = try times.time(startLine.value, of: startLine)
        var end = Event.End.none
        if let endLine = try single("DTEND") {
            if try single("DURATION") != nil {
                throw .iCalendar(
                    SourceLocation(file: file, line: endLine.line), problem: "an event has both DTEND and DURATION",
                    hint: "RFC 5545 allows one of them")
            }
            let value = try times.time(endLine.value, of: endLine)
            if value.isDate != start.isDate {
                throw .iCalendar(
                    SourceLocation(file: file, line: endLine.line),
                    problem: "DTEND is a \(value.isDate ? "date" : "date-time") but DTSTART a "
                        + (start.isDate ? "date" : "date-time"),
                    hint: "all-day events use VALUE=DATE on both")
            }
            let utc = TimeZone(identifier: "UTC")!
            if value.instant(local: utc) < start.instant(local: utc) {
                throw .iCalendar(
                    SourceLocation(file: file, line: endLine.line), problem: "DTEND is before DTSTART", hint: nil)
            }
            end = .time(value)
        } else if let durationLine = try single("DURATION") {
            let duration = try times.duration(durationLine)
            if duration.days < 0 || duration.seconds < 0 {
                throw .iCalendar(
                    SourceLocation(file: file, line: durationLine.line), problem: "DURATION is negative", hint: nil)
            }
            end = .duration(days: duration.days, seconds: duration.seconds)
        }
        var rule: RecurrenceRule? = nil
        let ruleLines = lines.filter { $0.name == "RRULE" }
        if ruleLines.count > 1 {
            throw .iCalendar(
                SourceLocation(file: file, line: ruleLines[1].line), problem: "more than one RRULE in one event",
                hint: "RFC 5545 deprecates several RRULEs; split the event")
        }
        if let ruleLine = ruleLines.first { rule = try RecurrenceRule.parse(ruleLine, times: times) }
        var extra: [ICalendarTime] = []
        for rdate in lines where rdate.name == "RDATE" { extra += try times.times(of: rdate) }
        var exceptions: [ICalendarTime] = []
        for exdate in lines where exdate.name == "EXDATE" { exceptions += try times.times(of: exdate) }
        let recurrenceID = try single("RECURRENCE-ID").map { (line) throws(CalendarError) in
            try times.time(line.value, of: line)
        }
        let transparent = try single("TRANSP")?.value.uppercased() == "TRANSPARENT"
        let busy = try single("X-MICROSOFT-CDO-BUSYSTATUS")?.value.uppercased()
        let allDay = try single("X-MICROSOFT-CDO-ALLDAYEVENT")?.value.uppercased() == "TRUE"
        return Event(
            uid: try single("UID")?.value, summary: Self.title(try single("SUMMARY")?.text), start: start,
            end: end, rule: rule, extraDates: extra, exceptions: exceptions, recurrenceID: recurrenceID,
            cancelled: try single("STATUS")?.value.uppercased() == "CANCELLED",
            free: transparent || busy == "FREE", outOfOffice: busy == "OOF", allDay: allDay,
            line: line)
    }

    /// Every occurrence overlapping `window`, as the days it touches in `timeZone` (timed events), sorted.
    public func occurrences(in window: DateRange, timeZone: TimeZone) -> [CalendarOccurrence] {
        var overrides: [String: [Event]] = [:]
        for event in events where event.recurrenceID != nil {
            overrides[event.uid ?? "", default: []].append(event)
        }
        var result: [CalendarOccurrence] = []
        func same(_ a: ICalendarTime, _ b: ICalendarTime) -> Bool {
            a.isDate || b.isDate ? a.date == b.date : a.instant(local: timeZone) == b.instant(local: timeZone)
        }
        for event in events where event.recurrenceID == nil && !event.cancelled {
            let horizon = window.last
            var starts: [ICalendarTime]
            if let rule = event.rule {
                let until = rule.until
                let dates = rule.dates(from: event.start.date, through: horizon) { date in
                    guard let until else { return false }
                    if until.isDate || event.start.isDate { return date > until.date }
                    return event.start.on(date).instant(local: timeZone) > until.instant(local: timeZone)
                }
                starts = dates.map { event.start.on($0) }
            } else {
                starts = [event.start]
            }
            starts += event.extraDates.map { event.start.isDate || !$0.isDate ? $0 : event.start.on($0.date) }
            let replaced = overrides[event.uid ?? ""] ?? []
            starts = starts.filter { start in
                !event.exceptions.contains { same($0, start) }
                    && !replaced.contains { same($0.recurrenceID!, start) }
            }
            let recurring = event.rule != nil || !event.extraDates.isEmpty
            for start in starts {
                if let occurrence = occurrence(of: event, startingAt: start, timeZone: timeZone, recurring: recurring),
                    occurrence.dates.overlaps(window)
                {
                    result.append(occurrence)
                }
            }
        }
        for list in overrides.values {
            for event in list where !event.cancelled {
                // A moved instance of a repeating event is still part of the series.
                if let occurrence = occurrence(of: event, startingAt: event.start, timeZone: timeZone, recurring: true),
                    occurrence.dates.overlaps(window)
                {
                    result.append(occurrence)
                }
            }
        }
        return result.sorted {
            ($0.dates.first, $0.dates.last, $0.summary) < ($1.dates.first, $1.dates.last, $1.summary)
        }
    }

    private func occurrence(of event: Event, startingAt start: ICalendarTime, timeZone: TimeZone, recurring: Bool)
        -> CalendarOccurrence?
    {
        guard let dates = days(of: event, startingAt: start, timeZone: timeZone) else { return nil }
        var occurrence = CalendarOccurrence(
            summary: event.summary, dates: dates, source: SourceLocation(file: file, line: event.line))
        occurrence.isRecurring = recurring
        occurrence.isFree = event.free
        occurrence.isOutOfOffice = event.outOfOffice
        // Outlook writes all-day events as midnight-to-midnight times with a flag: they are days, like VALUE=DATE.
        if !start.isDate && !event.allDay {
            let begin = start.instant(local: timeZone)
            let seconds = timedLength(of: event, startingAt: start, timeZone: timeZone)
            occurrence.isTimed = true
            occurrence.seconds = seconds
            occurrence.span = TimeSpan(
                start: Instant(secondsSince1970: begin), end: Instant(secondsSince1970: begin + seconds))
        }
        return occurrence
    }

    /// A timed occurrence's length in seconds (a duration's days are nominal: the same wall time days later).
    private func timedLength(of event: Event, startingAt start: ICalendarTime, timeZone: TimeZone) -> Int {
        let begin = start.instant(local: timeZone)
        switch event.end {
        case .time(let end): return end.instant(local: timeZone) - event.start.instant(local: timeZone)
        case .duration(let days, let extra): return start.adding(days: days).instant(local: timeZone) - begin + extra
        case .none: return 0
        }
    }

    /// The days one occurrence touches: all-day events from the start date to the day before the exclusive end
    /// (one day without an end); timed events from the local date of the start to that of the last second.
    private func days(of event: Event, startingAt start: ICalendarTime, timeZone: TimeZone) -> DateRange? {
        if case .date(let first) = start {
            var length = 1
            switch event.end {
            case .time(let end): length = max(1, end.date.dayNumber - event.start.date.dayNumber)
            case .duration(let days, let seconds): length = max(1, days + (seconds > 0 ? 1 : 0))
            case .none: length = 1
            }
            return DateRange(first: first, last: first.adding(days: length - 1))
        }
        let begin = start.instant(local: timeZone)
        let seconds = timedLength(of: event, startingAt: start, timeZone: timeZone)
        let first = ICalendarTime.localDate(of: begin, in: timeZone)
        let last = ICalendarTime.localDate(of: begin + max(0, seconds - 1), in: timeZone)
        return DateRange(first: first, last: max(first, last))
    }
}
