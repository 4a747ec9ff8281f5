import Foundation

/// Turns the YAML tree into a ``Scenario``, field by field.
struct ScenarioDecoder {
    let file: String
    let library: CalendarLibrary
    /// The seam every file the scenario names is read through (.ics calendars, history).
    var files: InputSource = .disk
    /// Things read but not used (from calendar files), for the user to see, and the files read.
    let log = ReadLog()

    /// The scenario, or every independent problem found in it (``ScenarioError/several(_:)``): each top-level
    /// section, each list entry and each unknown field is read on its own, so one mistake does not hide the next.
    /// A part that depends on one that failed (the rotations on a broken period) is left unread rather than judged
    /// against a guess, so no problem is reported that fixing another would not leave.
    func scenario(_ root: YAMLValue) throws(ScenarioError) -> Scenario {
        let fields = try root.mapping(allowed: ScenarioReader.topLevelFields) { log.problems.append($0) }
        let name = attempt { () throws(ScenarioError) in
            try fields.required("name", hint: "add `name: team-2027q1`; it names the report folder").identifier()
        }
        let title = attempt { () throws(ScenarioError) in try fields["title"]?.singleLine() } ?? nil
        let period = attempt { () throws(ScenarioError) in
            try self.period(fields.required("period", hint: "add `period: {start: 2027-01-04, weeks: 13}`"))
        }
        let rules = attempt { () throws(ScenarioError) in
            // Without a period, the bounds tied to its length are judged against the longest one allowed.
            try fields["rules"].map { value throws(ScenarioError) in
                try self.rules(value, weeks: period?.shiftCount ?? 260)
            } ?? Rules()
        }
        let engineersValue = attempt { () throws(ScenarioError) in
            try fields.required("engineers", hint: "add `engineers:` with at least two `{id, name, region}` entries")
        }
        // Read once; each engineer's company days are then taken in their own time zone.
        let teamCalendars =
            attempt { () throws(ScenarioError) in
                try fields["calendars"].map { value throws(ScenarioError) in try calendarFiles(value) } ?? []
            } ?? []
        let inlineHolidays =
            attempt { () throws(ScenarioError) in
                try fields["holidays"].map { value throws(ScenarioError) in try holidays(value) } ?? []
            } ?? []
        var engineers: [Engineer]?
        if let period, let engineersValue {
            engineers = attempt { () throws(ScenarioError) in
                try self.engineers(
                    engineersValue, period: period, covered: coveredDays(fields["rotations"], period: period),
                    rules: rules ?? Rules(), teamCalendars: teamCalendars, inlineHolidays: inlineHolidays)
            }
        }
        // Every id the list names, also of entries with a problem: a reference to one is not a second problem.
        let ids = log.listedIDs["engineers"] ?? engineers?.map(\.id) ?? []
        for holiday in inlineHolidays {
            for (value, id) in holiday.engineers where !ids.contains(id) && engineers != nil {
                log.problems.append(
                    .invalidValue(
                        value.location, field: value.path, value: TextSafety.quoted(id),
                        expected: "the id of an engineer",
                        hint: Suggestions.didYouMean(id, ids) ?? "engineers: \(ids.joined(separator: ", "))"))
            }
        }
        var pipelines: [Pipeline]?
        let problemsBeforePipelines = log.problems.count
        if engineers != nil || log.listedIDs["engineers"] != nil {
            pipelines = attempt { () throws(ScenarioError) in
                try self.pipelines(
                    fields.required(
                        "pipelines", hint: "add `pipelines:` with `{id, name, area, investor_facing, on_call, weight}`"),
                    engineers: ids)
            }
        }
        var rotations: [Rotation]??
        // Rotations name pipelines: read them only against a complete list.
        if let period, let pipelines, log.problems.count == problemsBeforePipelines {
            rotations = attempt { () throws(ScenarioError) in
                try fields["rotations"].map { value throws(ScenarioError) in
                    try self.rotations(value, period: period, engineers: ids, pipelines: pipelines)
                }
            }
        }
        let teamWorkingHours =
            attempt { () throws(ScenarioError) in
                try fields["working_hours"].map { value throws(ScenarioError) in try workingHours(value) }
            } ?? nil
        let payRates =
            attempt { () throws(ScenarioError) in
                try fields["pay"].map { value throws(ScenarioError) in try pay(value) }
            } ?? nil
        // What follows reads files and judges the whole: only for a scenario read without a problem so far.
        guard log.problems.isEmpty, let name, let period, let rules, let engineers, let pipelines, let rotations
        else {
            throw .several(log.problems)
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
            log.problems.append(
                .invalidValue(
                    value.location, field: value.path, value: TextSafety.quoted(id), expected: "the id of a rotation",
                    hint: known.isEmpty
                        ? "the scenario has no `rotations:`; leave `rotation` out"
                        : Suggestions.didYouMean(id, known) ?? "rotations: \(known.joined(separator: ", "))"))
        }
        if !log.problems.isEmpty { throw .several(log.problems) }
        let calendar: HolidayCalendar
        do {
            calendar = try library.calendar(regions: Set(engineers.map(\.region)), years: years)
        } catch {
            throw .calendar(fields["period"]!.location, field: "period", error)
        }
        var scenario = Scenario(
            name: name, title: title ?? name, period: period, engineers: engineers, pipelines: pipelines,
            rules: rules, calendar: calendar, notices: log.notices, sources: log.sources, history: history,
            rotations: rotations)
        if let pagerValue = fields["pager"] {
            guard rotations == nil else {
                throw .invalidValue(
                    pagerValue.location, field: "pager", value: "a top-level pager", expected: "no top-level pager",
                    hint: "with `rotations:`, give each rotation its own `pager:`")
            }
            scenario.defaultPager = try pager(pagerValue)
        }
        if let rolesValue = fields["roles"] {
            guard rotations == nil else {
                throw .invalidValue(
                    rolesValue.location, field: "roles", value: "top-level roles", expected: "no top-level roles",
                    hint: "with `rotations:`, give each rotation its own `roles:`")
            }
            (scenario.defaultRoles, scenario.defaultShadow) = try roles(rolesValue)
            if let pagerValue = fields["pager"] {
                try requireRoles(of: scenario.defaultPager, in: scenario.defaultRoles, pagerValue)
            }
        }
        scenario.workingHours = teamWorkingHours
        scenario.pay = payRates
        attempt { () throws(ScenarioError) in try cycleRules(fields["rules"], in: &scenario) }
        attempt { () throws(ScenarioError) in try backupRules(fields["rules"], in: scenario) }
        attempt { () throws(ScenarioError) in try shadowRules(fields["engineers"], in: scenario) }
        if !log.problems.isEmpty { throw .several(log.problems) }
        return scenario
    }

    /// Runs one independent part of the reading: a problem is recorded, to be reported with the others, and the
    /// part is left out (nil).
    func attempt<Value>(_ body: () throws(ScenarioError) -> Value) -> Value? {
        do { return try body() } catch {
            log.problems.append(error)
            return nil
        }
    }

    func period(_ value: YAMLValue) throws(ScenarioError) -> PlanningPeriod {
        let fields = try value.mapping(allowed: ScenarioReader.periodFields) { log.problems.append($0) }
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
    /// Each entry is read on its own: an entry with a problem is recorded (see ``attempt(_:)``) and left out, and
    /// its id, when readable, is still listed in `log.listedIDs` so references to it are not called unknown.
    /// Whether any entry failed shows in `log.problems`; the caller then skips the checks of the list as a whole.
    func entries<Entry>(
        _ value: YAMLValue, allowed: [String], idHint: String,
        make: (YAMLMapping, String) throws(ScenarioError) -> Entry
    ) throws(ScenarioError) -> [Entry] {
        var result: [Entry] = []
        var firstLines: [String: Int?] = [:]
        var listed: [String] = []
        for item in try value.list() {
            guard
                let (fields, idValue, id) = attempt({ () throws(ScenarioError) in
                    let fields = try item.mapping(allowed: allowed) { log.problems.append($0) }
                    let idValue = try fields.required("id", hint: idHint)
                    return (fields, idValue, try idValue.identifier())
                })
            else { continue }
            if let first = firstLines[id] {
                log.problems.append(.duplicateID(idValue.location, field: "\(item.path).id", id: id, firstLine: first))
                continue
            }
            firstLines[id] = idValue.line
            listed.append(id)
            if let entry = attempt({ () throws(ScenarioError) in try make(fields, id) }) { result.append(entry) }
        }
        log.listedIDs[value.path] = listed
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
    /// `rules.fixed_order` as written: its value, and its ids (nil: `true`, each roster as written), resolved once
    /// the rotations are read.
    var fixedOrder: (YAMLValue, [(YAMLValue, String)]?)?
    /// `rules.rotate_owners` as written: its value and its pipeline ids (nil: every pipeline).
    var rotateOwners: (YAMLValue, [(YAMLValue, String)]?)?
    /// Rotation ids named by duty requests, checked once the rotations are read.
    var requestRotations: [(YAMLValue, String)] = []
    /// The problems found so far, each independent of the others (see ``ScenarioDecoder/scenario(_:)``).
    var problems: [ScenarioError] = []
    /// Every id each list (by its path: `engineers`, `pipelines`) names, also of entries with a problem.
    var listedIDs: [String: [String]] = [:]
}
