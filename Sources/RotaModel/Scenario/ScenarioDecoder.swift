import Foundation

/// Turns the YAML tree into a ``Scenario``, field by field.
struct ScenarioDecoder {
    let file: String
    let library: CalendarLibrary
    /// The seam every file the scenario names is read through (.ics calendars, history).
    var files: InputSource = .disk
    /// Things read but not used (from calendar files), for the user to see, and the files read.
    let log = ReadLog()

    func scenario(_ root: YAMLValue) throws(ScenarioError) -> Scenario {
        let fields = try root.mapping(allowed: ScenarioReader.topLevelFields)
        let name = try fields.required("name", hint: "add `name: team-2027q1`; it names the report folder").identifier()
        let title = try fields["title"]?.singleLine() ?? name
        let period = try self.period(
            fields.required("period", hint: "add `period: {start: 2027-01-04, weeks: 13}`"))
        let rules =
            try fields["rules"].map { value throws(ScenarioError) in try self.rules(value, weeks: period.shiftCount) }
            ?? Rules()
        let engineersValue = try fields.required(
            "engineers", hint: "add `engineers:` with at least two `{id, name, region}` entries")
        // Read once; each engineer's company days are then taken in their own time zone.
        let teamCalendars =
            try fields["calendars"].map { value throws(ScenarioError) in try calendarFiles(value) } ?? []
        let inlineHolidays = try fields["holidays"].map { value throws(ScenarioError) in try holidays(value) } ?? []
        let engineers = try self.engineers(
            engineersValue, period: period, covered: coveredDays(fields["rotations"], period: period), rules: rules,
            teamCalendars: teamCalendars, inlineHolidays: inlineHolidays)
        let ids = engineers.map(\.id)
        for holiday in inlineHolidays {
            for (value, id) in holiday.engineers where !ids.contains(id) {
                throw .invalidValue(
                    value.location, field: value.path, value: TextSafety.quoted(id), expected: "the id of an engineer",
                    hint: Suggestions.didYouMean(id, ids) ?? "engineers: \(ids.joined(separator: ", "))")
            }
        }
        let pipelines = try self.pipelines(
            fields.required(
                "pipelines", hint: "add `pipelines:` with `{id, name, area, investor_facing, on_call, weight}`"),
            engineers: ids)
        let rotations = try fields["rotations"].map { value throws(ScenarioError) in
            try self.rotations(value, period: period, engineers: ids, pipelines: pipelines)
        }
        let history =
            try fields["history"].map { value throws(ScenarioError) in
                try self.history(
                    value, period: period, rotations: rotations ?? [], team: engineers, weeks: rules.historyWeeks)
            } ?? DutyHistory()
        let lastDay =
            (rotations ?? []).map(\.period.dates.last).max().map { max($0, period.dates.last) } ?? period.dates.last
        let years = (history.dates?.first.year ?? period.dates.first.year)...lastDay.year
        for (value, id) in log.requestRotations where !(rotations ?? []).contains(where: { $0.id == id }) {
            let known = (rotations ?? []).map(\.id)
            throw .invalidValue(
                value.location, field: value.path, value: TextSafety.quoted(id), expected: "the id of a rotation",
                hint: known.isEmpty
                    ? "the scenario has no `rotations:`; leave `rotation` out"
                    : Suggestions.didYouMean(id, known) ?? "rotations: \(known.joined(separator: ", "))")
        }
        let calendar: HolidayCalendar
        do {
            calendar = try library.calendar(regions: Set(engineers.map(\.region)), years: years)
        } catch {
            throw .calendar(fields["period"]!.location, field: "period", error)
        }
        var scenario = Scenario(
            name: name, title: title, period: period, engineers: engineers, pipelines: pipelines, rules: rules,
            calendar: calendar, notices: log.notices, sources: log.sources, history: history, rotations: rotations)
        if let pagerValue = fields["pager"] {
            guard rotations == nil else {
                throw .invalidValue(
                    pagerValue.location, field: "pager", value: "a top-level pager", expected: "no top-level pager",
                    hint: "with `rotations:`, give each rotation its own `pager:`")
            }
            scenario.defaultPager = try pager(pagerValue)
        }
        return scenario
    }

    func period(_ value: YAMLValue) throws(ScenarioError) -> PlanningPeriod {
        let fields = try value.mapping(allowed: ScenarioReader.periodFields)
        let start = try fields.required("start", hint: "the first handoff day, e.g. `start: 2027-01-04`").date()
        let weeks = try fields.required(
            "weeks", hint: "how many weeks the period lasts, e.g. `weeks: 13` for a quarter"
        )
        .int(in: 1...260, hint: "a quarter is 13 weeks, a year 52")
        let shiftDays =
            try fields["shift_days"]?.int(in: 1...28, hint: "7 for weekly shifts, 14 to rotate every two weeks") ?? 7
        var period = PlanningPeriod(
            start: start, shiftCount: (weeks * 7 + shiftDays - 1) / shiftDays, shiftDays: shiftDays,
            lastDay: start.adding(days: weeks * 7 - 1))
        if let handoffValue = fields["handoff"] {
            let handoff = try self.handoff(handoffValue)
            if let weekday = handoff.weekday, weekday.index != start.isoWeekday {
                throw .invalidValue(
                    weekday.value.location, field: weekday.value.path, value: TextSafety.quoted(weekday.name),
                    expected: "the weekday of period.start (\(start) is a \(start.weekdayName))",
                    hint: "period.start is the first handoff: move it to a \(weekday.name.capitalized)")
            }
            period.handoffTime = handoff.time
            period.handoffTimeZone = handoff.timeZone
        }
        return period
    }

    /// A list of mappings with the given fields, each with an `id` unique in the list, made into values by `make`.
    func entries<Entry>(
        _ value: YAMLValue, allowed: [String], idHint: String,
        make: (YAMLMapping, String) throws(ScenarioError) -> Entry
    ) throws(ScenarioError) -> [Entry] {
        var result: [Entry] = []
        var firstLines: [String: Int?] = [:]
        for item in try value.list() {
            let fields = try item.mapping(allowed: allowed)
            let idValue = try fields.required("id", hint: idHint)
            let id = try idValue.identifier()
            if let first = firstLines[id] {
                throw .duplicateID(idValue.location, field: "\(item.path).id", id: id, firstLine: first)
            }
            firstLines[id] = idValue.line
            result.append(try make(fields, id))
        }
        return result
    }

    /// A path in the scenario, relative to the scenario file's folder.
    func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
        return folder.isEmpty || folder == "." ? path : folder + "/" + path
    }
}

/// Collects notices and the files read while a scenario is decoded.
final class ReadLog {
    var notices: [String] = []
    var sources: [InputDigest] = []
    /// Rotation ids named by duty requests, checked once the rotations are read.
    var requestRotations: [(YAMLValue, String)] = []
}
