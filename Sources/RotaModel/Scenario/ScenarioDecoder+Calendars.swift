import Foundation

/// The .ics files a scenario names: read once each, their days taken over the days shifts cover.
extension ScenarioDecoder {
    /// The occurrences of `{ics: FILE}` on `days` (the days shifts cover), timed events read in `timeZone`.
    func calendarOccurrences(_ value: YAMLValue, during days: DateRange, timeZone: String)
        throws(ScenarioError) -> [CalendarOccurrence]
    {
        let fields = try value.mapping(allowed: ["ics"])
        let pathValue = try fields.required("ics", hint: "the path of an .ics file, relative to the scenario")
        return try calendarFile(pathValue).occurrences(in: days, timeZone: TimeZone(identifier: timeZone)!)
    }

    /// Reads the .ics file a scenario field names; its notices are kept for the user.
    func calendarFile(_ pathValue: YAMLValue) throws(ScenarioError) -> CalendarFile {
        let named = try pathValue.nonEmptyString()
        let path = resolve(named)
        do {
            let data = try CalendarFile.contents(of: path)
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
