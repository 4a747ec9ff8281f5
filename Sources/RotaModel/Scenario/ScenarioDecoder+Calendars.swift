import Foundation

/// The .ics files a scenario names: read once each, their days taken over the days shifts cover.
extension ScenarioDecoder {
    /// Leave read from `{ics: FILE, match:, min_hours:, recurring:, free:}` on `days` (the days shifts cover), timed
    /// events read in `timeZone`: what counts as leave, and a notice of what did not and why.
    func calendarLeave(_ value: YAMLValue, during days: DateRange, timeZone: String, engineer: String)
        throws(ScenarioError) -> (allDay: [CalendarOccurrence], timed: [CalendarOccurrence])
    {
        let fields = try value.mapping(allowed: ScenarioReader.leaveCalendarFields) { log.problems.append($0) }
        let pathValue = try fields.required("ics", hint: "the path of an .ics file, relative to the scenario")
        var filter = LeaveFilter()
        if let match = fields["match"] {
            let pattern = try match.nonEmptyString()
            do { filter.match = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) } catch {
                throw .invalidValue(
                    match.location, field: match.path, value: TextSafety.quoted(pattern),
                    expected: "a regular expression (ICU syntax) matched against each event's title",
                    hint: "e.g. \"leave|vacation|out of office\"; escape special characters with \\")
            }
        }
        if let hours = fields["min_hours"] {
            filter.minHours = try hours.number(in: 0...(24 * 366), hint: "0 counts timed events of any length")
        }
        if let recurring = fields["recurring"] { filter.countRecurring = try recurring.bool() }
        if let free = fields["free"] { filter.countFree = try free.bool() }
        let file = try calendarFile(pathValue)
        let zone = TimeZone(identifier: timeZone)!
        var allDay: [CalendarOccurrence] = []
        var timed: [CalendarOccurrence] = []
        var ignored: [LeaveFilter.Reason: Int] = [:]
        for occurrence in file.occurrences(in: days, timeZone: zone) {
            if let reason = filter.reasonToIgnore(occurrence) {
                ignored[reason, default: 0] += 1
            } else if occurrence.isTimed {
                timed.append(occurrence)
            } else {
                allDay.append(occurrence)
            }
        }
        if !ignored.isEmpty {
            let total = ignored.values.reduce(0, +)
            let parts = LeaveFilter.Reason.allCases.compactMap { reason in
                ignored[reason].map { "\($0) \(reason.phrase(filter))" }
            }
            log.notices.append(
                "\(file.file): \(total) event\(total == 1 ? "" : "s") not counted as \(engineer)'s leave: "
                    + parts.joined(separator: ", ") + " (set match, min_hours, recurring: true or free: true on the "
                    + "ics entry to count them)")
        }
        return (allDay, timed)
    }

    /// Reads the .ics file a scenario field names; its notices are kept for the user.
    func calendarFile(_ pathValue: YAMLValue) throws(ScenarioError) -> CalendarFile {
        let named = try pathValue.nonEmptyString()
        let path = resolve(named)
        let data: Data
        do { data = try files.read(path, .calendar) } catch {
            throw .calendar(
                pathValue.location, field: pathValue.path, .unreadable(file: path, reason: error.description))
        }
        do {
            let file = try CalendarFile.parse(data: data, file: path, windowsTimeZones: library.windowsTimeZones())
            log.notices += file.notices
            if !log.sources.contains(where: { $0.kind == .calendarFile && $0.name == named }) {
                log.sources.append(InputDigest(kind: .calendarFile, name: named, bytes: data))
            }
            return file
        } catch {
            throw .calendar(pathValue.location, field: pathValue.path, error)
        }
    }

    /// A `calendars:` list of .ics paths, read, each with the path it was named by.
    func calendarFiles(_ value: YAMLValue) throws(ScenarioError) -> [(label: String, file: CalendarFile)] {
        var files: [(label: String, file: CalendarFile)] = []
        for entry in try value.list() { files.append((try entry.nonEmptyString(), try calendarFile(entry))) }
        return files
    }

    /// Company days off: every day shifts cover (`covered`) that an event of the calendars touches in `timeZone`.
    static func companyDays(
        _ calendars: [(label: String, file: CalendarFile)], during covered: DateRange, timeZone: TimeZone
    ) -> [Holiday] {
        var days: [Holiday] = []
        for (label, file) in calendars {
            for occurrence in file.occurrences(in: covered, timeZone: timeZone) {
                for date in occurrence.dates.days where covered.contains(date) {
                    days.append(Holiday(date: date, region: label, name: occurrence.summary, category: .company))
                }
            }
        }
        return days
    }
}
