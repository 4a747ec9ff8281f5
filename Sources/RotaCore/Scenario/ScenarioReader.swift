import Foundation
import Yams

/// Reads and validates a scenario file (YAML). Every problem is a ``ScenarioError`` with file, line and field.
public enum ScenarioReader {
    static let topLevelFields = [
        "name", "title", "period", "engineers", "pipelines", "rotations", "rules", "calendars", "holidays", "history",
        "variants",
    ]
    static let holidayFields = ["date", "name", "engineers"]
    static let periodFields = ["start", "weeks", "shift_days", "handoff"]
    static let handoffFields = ["weekday", "time", "time_zone"]
    static let rotationFields = ["id", "name", "engineers", "pipelines", "shift_days", "handoff"]
    static let engineerFields = [
        "id", "name", "region", "leave", "time_zone", "observes", "calendars", "pinned", "forbidden", "undesired",
    ]
    static let pipelineFields = [
        "id", "name", "area", "investor_facing", "on_call", "weight", "primary_owner", "secondary_owner", "runbook",
    ]
    static let runbookFields = [
        "purpose", "audience", "sources", "outputs", "schedule", "alerts", "failures", "escalate_after_hours",
        "outside_team", "required",
    ]
    static let ruleFields =
        ["priorities", "holiday_categories", "festival_weight", "fairness", "history_weeks"]
        + Rule.configurable.filter { $0 != .undesiredDuty }.map(\.rawValue)
    static let fairnessFields = [
        "max_deviation", "max_holiday_burden", "max_total_holiday_burden", "max_ownership_load",
    ]

    /// Reads the scenario at `path`; `library` holds the regions, their holidays and the festival names.
    public static func read(path: String, library: CalendarLibrary) throws(ScenarioError) -> Scenario {
        try parse(data: contents(of: path), file: path, library: library)
    }

    /// The bytes of the scenario file at `path`.
    static func contents(of path: String) throws(ScenarioError) -> Data {
        // A scenario is a few kilobytes; a huge file is a mistake (a wrong path, a dump), not a team to plan.
        do { return try InputFile.read(path, as: .scenario) } catch {
            throw .unreadable(file: path, reason: error.description)
        }
    }

    /// Parses scenario text; `file` is used in messages only.
    public static func parse(data: Data, file: String, library: CalendarLibrary) throws(ScenarioError)
        -> Scenario
    {
        let text = try text(of: data, file: file)
        return try parse(yaml: text, file: file, library: library, bytes: data)
    }

    /// Parses scenario text; `file` is used in messages, and its last component names the scenario in digests.
    public static func parse(yaml: String, file: String, library: CalendarLibrary) throws(ScenarioError)
        -> Scenario
    {
        try parse(yaml: yaml, file: file, library: library, bytes: Data(yaml.utf8))
    }

    private static func parse(yaml: String, file: String, library: CalendarLibrary, bytes: Data)
        throws(ScenarioError) -> Scenario
    {
        let (base, _) = splitVariants(try compose(yaml: yaml, file: file), file: file)
        return try decode(base, file: file, library: library, bytes: bytes)
    }

    /// Decodes a composed scenario document (without `variants:`).
    static func decode(_ root: Node, file: String, library: CalendarLibrary, bytes: Data) throws(ScenarioError)
        -> Scenario
    {
        let decoder = Decoder(file: file, library: library)
        // The digest is of the document as read (canonical YAML, without `variants:`), not of the file's bytes: a
        // comment, a reformatting or a new variant does not change the plan, so it must not make a report stale.
        let canonical = (try? Yams.serialize(node: root)).map { Data($0.utf8) } ?? bytes
        decoder.log.sources.append(
            InputDigest(kind: .scenario, name: URL(fileURLWithPath: file).lastPathComponent, bytes: canonical))
        return try decoder.scenario(YAMLValue(node: root, path: "", file: file))
    }

    /// The document without its `variants:` field, and that field's value if present.
    static func splitVariants(_ root: Node, file: String) -> (base: Node, variants: YAMLValue?) {
        guard case .mapping(var mapping) = root, let variants = mapping["variants"] else { return (root, nil) }
        mapping["variants"] = nil
        return (.mapping(mapping), YAMLValue(node: variants, path: "variants", file: file))
    }

    /// No tag resolution: Yams' default resolver tries regular expressions on plain scalars (when mapping keys are
    /// compared, when the digest's canonical text is written), and compiling the first one sets up ICU's
    /// regular-expression engine: about 1.5 ms, a twentieth of planning a 4-person quarter. Yams reads numbers and
    /// null from the text whatever the tag (`Node.int`, `.float`, `.null`), booleans are read by
    /// ``YAMLValue/boolean(_:)``, and the canonical text keeps each scalar's style, not its tag.
    static let resolver = Resolver.basic

    /// The YAML document as a node tree; syntax errors located.
    static func compose(yaml: String, file: String) throws(ScenarioError) -> Node {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml, resolver) else {
                throw ScenarioError.syntax(SourceLocation(file: file, line: 1), problem: "the file is empty")
            }
            root = node
            try checkExpansion(of: root, bytes: yaml.utf8.count, file: file)
        } catch let error as ScenarioError {
            throw error
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        } catch {
            throw .syntax(SourceLocation(file: file), problem: "\(error)")
        }
        return root
    }

    /// How many values a document may expand to through its aliases: what its text could hold without aliases
    /// (a value takes at least two bytes, `x,`) and then some for honest reuse.
    static func expansionLimit(bytes: Int) -> Int { bytes / 2 + 10_000 }

    /// Refuses a document whose aliases expand it beyond ``expansionLimit(bytes:)``: nested anchors ("a billion
    /// laughs") make a 1 KB file stand for billions of values, and the digest and every reader would walk them
    /// all. The walk stops at the limit, so the check costs at most that many steps.
    static func checkExpansion(of root: Node, bytes: Int, file: String) throws(ScenarioError) {
        let limit = expansionLimit(bytes: bytes)
        var count = 0
        var stack: [Node] = [root]
        while let node = stack.popLast() {
            count += 1
            if count > limit {
                throw .aliasExpansion(
                    SourceLocation(file: file, line: node.mark?.line ?? 1), limit: limit, bytes: bytes)
            }
            switch node {
            case .scalar, .alias: break
            case .sequence(let sequence): stack.append(contentsOf: sequence)
            case .mapping(let mapping):
                for (key, value) in mapping {
                    stack.append(key)
                    stack.append(value)
                }
            }
        }
    }

    private static func syntaxError(_ error: YamlError, file: String) -> ScenarioError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = [problem, context?.text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return .syntax(SourceLocation(file: file, line: mark.line, column: mark.column), problem: detail)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .syntax(
                SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                problem: "a key appears twice in one mapping: \(duplicates.joined(separator: ", "))")
        case .reader(let problem, _, _, _):
            return .syntax(SourceLocation(file: file), problem: problem)
        default:
            return .syntax(SourceLocation(file: file), problem: "\(error)")
        }
    }
}

/// Turns the YAML tree into a ``Scenario``, field by field.
private struct Decoder {
    let file: String
    let library: CalendarLibrary
    /// Things read but not used (from calendar files), for the user to see, and the files read.
    let log = ReadLog()

    func scenario(_ root: YAMLValue) throws(ScenarioError) -> Scenario {
        let fields = try root.mapping(allowed: ScenarioReader.topLevelFields)
        let name = try fields.required("name", hint: "add `name: team-2027q1`; it names the report folder").identifier()
        let title = try fields["title"]?.singleLine() ?? name
        let period = try self.period(
            fields.required("period", hint: "add `period: {start: 2027-01-04, weeks: 13}`"))
        let rules =
            try fields["rules"].map { value throws(ScenarioError) in try self.rules(value, weeks: period.weeks) }
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
                    value, period: period, rotations: rotations ?? [], engineers: ids, weeks: rules.historyWeeks)
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
        return Scenario(
            name: name, title: title, period: period, engineers: engineers, pipelines: pipelines, rules: rules,
            calendar: calendar, notices: log.notices, sources: log.sources, history: history, rotations: rotations)
    }

    /// `history:`: earlier rotation.csv files or report folders. Shifts that start in the `weeks` weeks before the
    /// period count; a shift that reaches into the period is an error (it would be counted twice).
    private func history(
        _ value: YAMLValue, period: PlanningPeriod, rotations: [Rotation], engineers: [String], weeks: Int
    ) throws(ScenarioError) -> DutyHistory {
        /// History is what happened before each rotation's own first shift (a Wednesday rotation starts after
        /// the period's Monday); a row without a known rotation is judged against the period.
        func firstDay(of rotation: String) -> CalendarDate {
            if let own = rotations.first(where: { $0.id == rotation }) { return own.period.start }
            return rotations.count == 1 && rotation.isEmpty ? rotations[0].period.start : period.start
        }
        var history = DutyHistory()
        let windowStart = period.start.adding(days: -7 * weeks)
        var seen: [String: String] = [:]
        for entry in try value.list() {
            let named = try entry.nonEmptyString()
            var path = resolve(named)
            if InputFile.isFolder(path) { path = (path.hasSuffix("/") ? path : path + "/") + "rotation.csv" }
            let rows: [RotationWeek]
            let lines: [String: Int]
            let data: Data
            do { (rows, lines, data) = try ScheduleReader.readRotation(path, as: .history) } catch {
                throw .history(entry.location, field: entry.path, problem: error.message)
            }
            log.sources.append(InputDigest(kind: .history, name: named, bytes: data))
            history.files.append(named)
            var unknown = Set<String>()
            for row in rows {
                let source = "\(path):\(lines["\(row.rotation)#\(row.number)"].map(String.init) ?? "?")"
                let first = firstDay(of: row.rotation)
                if row.dates.last >= first {
                    throw .history(
                        entry.location, field: entry.path,
                        problem: "\(source): the shift \(row.dates) reaches into the period (from \(first)); "
                            + "history is what happened before it")
                }
                if let earlier = seen["\(row.rotation)#\(row.dates.first)"] {
                    throw .history(
                        entry.location, field: entry.path,
                        problem: "\(source): the shift from \(row.dates.first) is also in \(earlier)")
                }
                seen["\(row.rotation)#\(row.dates.first)"] = source
                guard row.dates.first >= windowStart else { continue }
                for id in [row.primary, row.backup] where !engineers.contains(id) { unknown.insert(id) }
                history.shifts.append(
                    DutyHistory.Shift(
                        rotation: row.rotation, dates: row.dates, primary: row.primary, backup: row.backup,
                        source: source))
            }
            if !unknown.isEmpty {
                log.notices.append(
                    "\(path): \(unknown.sorted().joined(separator: ", ")) not in the team now; their shifts are "
                        + "left out of the fairness figures")
            }
        }
        history.shifts.sort { $0.dates.first < $1.dates.first }
        return history
    }

    private func period(_ value: YAMLValue) throws(ScenarioError) -> PlanningPeriod {
        let fields = try value.mapping(allowed: ScenarioReader.periodFields)
        let start = try fields.required("start", hint: "the first handoff day, e.g. `start: 2027-01-04`").date()
        let weeks = try fields.required(
            "weeks", hint: "how many weeks the period lasts, e.g. `weeks: 13` for a quarter"
        )
        .int(in: 1...260, hint: "a quarter is 13 weeks, a year 52")
        let shiftDays =
            try fields["shift_days"]?.int(in: 1...28, hint: "7 for weekly shifts, 14 to rotate every two weeks") ?? 7
        var period = PlanningPeriod(
            start: start, weeks: (weeks * 7 + shiftDays - 1) / shiftDays, shiftDays: shiftDays,
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

    /// A `handoff:` mapping: weekday (ISO index), time HH:MM, IANA time zone, each optional.
    private func handoff(_ value: YAMLValue) throws(ScenarioError) -> (
        weekday: (index: Int, name: String, value: YAMLValue)?, time: String?, timeZone: String?
    ) {
        let handoff = try value.mapping(allowed: ScenarioReader.handoffFields)
        var weekday: (index: Int, name: String, value: YAMLValue)?
        if let weekdayValue = handoff["weekday"] {
            let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
            let text = try weekdayValue.nonEmptyString().lowercased()
            guard let index = names.firstIndex(of: text) else {
                throw .invalidValue(
                    weekdayValue.location, field: weekdayValue.path, value: TextSafety.quoted(text),
                    expected: "a weekday name (monday … sunday)", hint: Suggestions.didYouMean(text, names))
            }
            weekday = (index + 1, text, weekdayValue)
        }
        var time: String?
        if let timeValue = handoff["time"] {
            let text = try timeValue.nonEmptyString()
            let parts = text.split(separator: ":").map { Int($0) }
            guard parts.count == 2, let hour = parts[0], let minute = parts[1], (0...23).contains(hour),
                (0...59).contains(minute), text.count == 5
            else {
                throw .invalidValue(
                    timeValue.location, field: timeValue.path, value: TextSafety.quoted(text),
                    expected: "a time HH:MM (24-hour)", hint: "quote it: `time: \"09:00\"`")
            }
            time = text
        }
        var timeZone: String?
        if let zoneValue = handoff["time_zone"] {
            let zone = try zoneValue.nonEmptyString()
            guard TimeZone(identifier: zone) != nil else {
                throw .invalidValue(
                    zoneValue.location, field: zoneValue.path, value: TextSafety.quoted(zone),
                    expected: "an IANA time zone", hint: "e.g. Asia/Kuala_Lumpur, Europe/London, America/New_York")
            }
            timeZone = zone
        }
        return (weekday, time, timeZone)
    }

    /// `rotations:`: each with an id, a name, its roster (default everyone), the on-call pipelines it covers
    /// (default all), its shift length and handoff (default the period's). Its first shift starts on the first
    /// handoff weekday on or after period.start; its shifts run until one ends on or after the period's last day.
    private func rotations(
        _ value: YAMLValue, period: PlanningPeriod, engineers: [String], pipelines: [Pipeline]
    ) throws(ScenarioError) -> [Rotation] {
        let onCall = pipelines.filter(\.onCall).map(\.id)
        var covered = Set<String>()
        let rotations = try entries(
            value, allowed: ScenarioReader.rotationFields, idHint: "a short id such as `investor` or `growth`"
        ) { fields, id throws(ScenarioError) in
            var roster = engineers
            if let rosterValue = fields["engineers"] {
                roster = []
                for entry in try rosterValue.list() {
                    let engineer = try entry.identifier()
                    guard engineers.contains(engineer) else {
                        throw .invalidValue(
                            entry.location, field: entry.path, value: TextSafety.quoted(engineer),
                            expected: "the id of an engineer",
                            hint: Suggestions.didYouMean(engineer, engineers)
                                ?? "engineers: \(engineers.joined(separator: ", "))")
                    }
                    if roster.contains(engineer) {
                        throw .invalidValue(
                            entry.location, field: entry.path, value: TextSafety.quoted(engineer),
                            expected: "each engineer once in a roster",
                            hint: "\(engineer) is listed twice; remove one of them")
                    }
                    roster.append(engineer)
                }
                if roster.count < 2 {
                    throw .invalidValue(
                        rosterValue.location, field: rosterValue.path, value: "\(roster.count) engineer(s)",
                        expected: "at least 2 (a primary and a different backup)", hint: "add engineers to the roster")
                }
                roster = engineers.filter(roster.contains)
            }
            var covers = onCall
            if let pipelinesValue = fields["pipelines"] {
                covers = []
                for entry in try pipelinesValue.list() {
                    let pipeline = try entry.identifier()
                    guard onCall.contains(pipeline) else {
                        let known = pipelines.map(\.id)
                        throw .invalidValue(
                            entry.location, field: entry.path, value: TextSafety.quoted(pipeline),
                            expected: "the id of a pipeline with on_call: true",
                            hint: known.contains(pipeline)
                                ? "\(pipeline) has on_call: false; no rotation covers it"
                                : Suggestions.didYouMean(pipeline, known)
                                    ?? "pipelines: \(onCall.joined(separator: ", "))")
                    }
                    covers.append(pipeline)
                }
            }
            covered.formUnion(covers)
            return Rotation(
                id: id, name: try fields["name"]?.singleLine() ?? id, roster: roster, pipelines: covers,
                period: try rotationPeriod(fields, period: period))
        }
        if rotations.isEmpty {
            throw .invalidValue(
                value.location, field: "rotations", value: "an empty list", expected: "at least one rotation",
                hint: "leave `rotations:` out for one rotation of everyone")
        }
        if let missing = onCall.first(where: { !covered.contains($0) }) {
            throw .invalidValue(
                value.location, field: "rotations", value: "no rotation covering \(missing)",
                expected: "every on-call pipeline covered by a rotation",
                hint: "add \(missing) to a rotation's pipelines, or set `on_call: false` on it")
        }
        return rotations
    }

    /// A rotation's shifts: its `shift_days` and `handoff` over the period's. The first shift starts on the first
    /// handoff weekday on or after period.start; shifts run until one ends on or after the period's last day.
    private func rotationPeriod(_ fields: YAMLMapping, period: PlanningPeriod) throws(ScenarioError) -> PlanningPeriod {
        var rotationPeriod = period
        if let daysValue = fields["shift_days"] {
            rotationPeriod.shiftDays = try daysValue.int(
                in: 1...28, hint: "7 for weekly shifts, 14 to rotate every two weeks")
        }
        if let handoffValue = fields["handoff"] {
            let handoff = try self.handoff(handoffValue)
            if let weekday = handoff.weekday {
                let shift = (weekday.index - period.start.isoWeekday + 7) % 7
                rotationPeriod.start = period.start.adding(days: shift)
            }
            rotationPeriod.handoffTime = handoff.time ?? period.handoffTime
            rotationPeriod.handoffTimeZone = handoff.timeZone ?? period.handoffTimeZone
        }
        let days = period.lastDay.dayNumber - rotationPeriod.start.dayNumber + 1
        rotationPeriod.weeks = max(1, (days + rotationPeriod.shiftDays - 1) / rotationPeriod.shiftDays)
        return rotationPeriod
    }

    /// Every day a shift of some rotation covers: the period, and the days a rotation's last shift runs past it.
    /// Calendars (leave, company days) are read over these days, so every day of duty weighs as the model says.
    /// Read before the engineers, which the rest of `rotations:` refers to; a malformed entry is left to the full
    /// read, which reports it.
    private func coveredDays(_ value: YAMLValue?, period: PlanningPeriod) -> DateRange {
        var last = period.dates.last
        var first = period.dates.first
        for item in (try? value?.list()) ?? [] {
            guard let fields = try? item.mapping(allowed: ScenarioReader.rotationFields),
                let rotation = try? rotationPeriod(fields, period: period)
            else { continue }
            first = min(first, rotation.dates.first)
            last = max(last, rotation.dates.last)
        }
        return DateRange(first: first, last: last)!
    }

    /// A list of mappings with the given fields, each with an `id` unique in the list, made into values by `make`.
    private func entries<Entry>(
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

    /// A day off written in the scenario (`holidays:`): company days for the engineers listed (default everyone).
    struct InlineHoliday {
        let dates: DateRange
        let name: String
        /// Empty: everyone.
        let engineers: [(YAMLValue, String)]

        func applies(to id: String) -> Bool { engineers.isEmpty || engineers.contains { $0.1 == id } }
    }

    private func holidays(_ value: YAMLValue) throws(ScenarioError) -> [InlineHoliday] {
        var result: [InlineHoliday] = []
        for item in try value.list() {
            let fields = try item.mapping(allowed: ScenarioReader.holidayFields)
            let dates = try fields.required("date", hint: "a day or range, e.g. `date: 2027-03-15`").dateRange()
            let name = try fields.required("name", hint: "what the day is, e.g. `name: Team offsite`").nonEmptyString()
            var engineers: [(YAMLValue, String)] = []
            if let list = fields["engineers"] {
                for entry in try list.list() { engineers.append((entry, try entry.identifier())) }
            }
            result.append(InlineHoliday(dates: dates, name: name, engineers: engineers))
        }
        return result
    }

    private func engineers(
        _ value: YAMLValue, period: PlanningPeriod, covered: DateRange, rules: Rules,
        teamCalendars: [(label: String, file: CalendarFile)], inlineHolidays: [InlineHoliday]
    )
        throws(ScenarioError) -> [Engineer]
    {
        let engineers = try entries(value, allowed: ScenarioReader.engineerFields, idHint: "a short id such as `aidil`")
        {
            fields, id throws(ScenarioError) in
            let regionValue = try fields.required("region", hint: "an ISO 3166 region such as MY-14, US-CA or GB-ENG")
            let regionCode = try regionValue.nonEmptyString()
            guard let region = library.regions[regionCode] else {
                throw .unknownRegion(
                    regionValue.location, field: regionValue.path, region: regionCode,
                    known: library.regions.keys.sorted())
            }
            var timeZone = region.timeZone
            if let zoneValue = fields["time_zone"] {
                timeZone = try zoneValue.nonEmptyString()
                guard TimeZone(identifier: timeZone) != nil else {
                    throw .invalidValue(
                        zoneValue.location, field: zoneValue.path, value: TextSafety.quoted(timeZone),
                        expected: "an IANA time zone", hint: "e.g. Asia/Kuala_Lumpur, Europe/London, America/New_York")
                }
            }
            var leave: [DateRange] = []
            var notes: [DateRange: String] = [:]
            if let leaveValue = fields["leave"] {
                for entry in try leaveValue.list() {
                    if entry.isMapping {
                        for occurrence in try calendarOccurrences(entry, during: covered, timeZone: timeZone) {
                            leave.append(occurrence.dates)
                            notes[occurrence.dates] = "\(occurrence.summary) (\(occurrence.source))"
                        }
                    } else {
                        leave.append(try entry.dateRange())
                    }
                }
            }
            let ownCalendars =
                try fields["calendars"].map { value throws(ScenarioError) in
                    try calendarFiles(value)
                } ?? []
            var companyDays = Self.companyDays(
                teamCalendars + ownCalendars, during: covered, timeZone: TimeZone(identifier: timeZone)!)
            for holiday in inlineHolidays where holiday.applies(to: id) {
                for date in holiday.dates.days where covered.contains(date) {
                    companyDays.append(Holiday(date: date, region: "scenario", name: holiday.name, category: .company))
                }
            }
            let observes =
                try fields["observes"].map { value throws(ScenarioError) in
                    try festivals(value, region: regionCode, companyDays: companyDays)
                } ?? []
            return Engineer(
                id: id, name: try fields["name"]?.singleLine() ?? id, region: regionCode, leave: leave,
                leaveNotes: notes, timeZone: timeZone, observes: observes, companyDays: companyDays,
                pinned: try fields["pinned"].map { value throws(ScenarioError) in
                    try dutyRequests(value, period: period, roleRequired: true)
                } ?? [],
                forbidden: try fields["forbidden"].map { value throws(ScenarioError) in
                    try dutyRequests(value, period: period, roleRequired: false)
                } ?? [],
                undesired: try fields["undesired"].map { value throws(ScenarioError) in
                    try dutyRequests(value, period: period, roleRequired: false)
                } ?? [])
        }
        if engineers.count < 2 { throw .tooFewEngineers(value.location, count: engineers.count) }
        return engineers
    }

    /// `pinned:`, `forbidden:` or `undesired:`: dates (a day or range, every shift overlapping them) or
    /// `{dates, role}` mappings; a pin names its role and one day (the shift that contains it).
    private func dutyRequests(_ value: YAMLValue, period: PlanningPeriod, roleRequired: Bool) throws(ScenarioError)
        -> [DutyRequest]
    {
        var requests: [DutyRequest] = []
        for entry in try value.list() {
            var datesValue = entry
            var role: DutyRole?
            if entry.isMapping {
                let fields = try entry.mapping(allowed: ["dates", "role", "rotation"])
                datesValue = try fields.required("dates", hint: "a day or range, e.g. `dates: 2027-02-15`")
                if let roleValue = fields["role"] {
                    role = try roleValue.oneOf(DutyRole.self, kind: "a duty role")
                }
            }
            let dates = try datesValue.dateRange()
            guard period.dates.overlaps(dates) else {
                throw .invalidValue(
                    datesValue.location, field: datesValue.path, value: "\(dates)",
                    expected: "dates inside the period (\(period.dates))", hint: "remove it or change the period")
            }
            if roleRequired {
                guard let role else {
                    throw .missingField(
                        entry.location, field: "\(entry.path).role",
                        hint: "a pin names the shift and the role: `{dates: 2027-01-11, role: primary}`")
                }
                guard dates.first == dates.last else {
                    throw .invalidValue(
                        datesValue.location, field: datesValue.path, value: "\(dates)",
                        expected: "one day (the pinned shift is the one that contains it)",
                        hint: "pin each shift on its own: `{dates: \(dates.first), role: \(role.rawValue)}`")
                }
            }
            var rotation: String?
            if entry.isMapping,
                let rotationValue = try entry.mapping(allowed: ["dates", "role", "rotation"])["rotation"]
            {
                rotation = try rotationValue.identifier()
                log.requestRotations.append((rotationValue, rotation!))
            }
            requests.append(DutyRequest(dates: dates, role: role, rotation: rotation))
        }
        return requests
    }

    /// A path in the scenario, relative to the scenario file's folder.
    private func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
        return folder.isEmpty || folder == "." ? path : folder + "/" + path
    }

    /// The occurrences of `{ics: FILE}` on `days` (the days shifts cover), timed events read in `timeZone`.
    private func calendarOccurrences(_ value: YAMLValue, during days: DateRange, timeZone: String)
        throws(ScenarioError) -> [CalendarOccurrence]
    {
        let fields = try value.mapping(allowed: ["ics"])
        let pathValue = try fields.required("ics", hint: "the path of an .ics file, relative to the scenario")
        return try calendarFile(pathValue).occurrences(in: days, timeZone: TimeZone(identifier: timeZone)!)
    }

    /// Reads the .ics file a scenario field names; its notices are kept for the user.
    private func calendarFile(_ pathValue: YAMLValue) throws(ScenarioError) -> CalendarFile {
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
    private func calendarFiles(_ value: YAMLValue) throws(ScenarioError) -> [(label: String, file: CalendarFile)] {
        var files: [(label: String, file: CalendarFile)] = []
        for entry in try value.list() { files.append((try entry.nonEmptyString(), try calendarFile(entry))) }
        return files
    }

    /// Company days off: every day shifts cover (`covered`) that an event of the calendars touches in `timeZone`.
    private static func companyDays(
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

    /// `observes:` as a list of festival names, or a mapping name → weight.
    private func festivals(_ value: YAMLValue, region: String, companyDays: [Holiday]) throws(ScenarioError)
        -> [ObservedFestival]
    {
        var named: [(YAMLValue, String, Int?)] = []
        if value.isMapping {
            for (key, weightValue) in try value.pairs() {
                named.append(
                    (
                        weightValue, key,
                        try weightValue.int(in: 1...10, hint: "a festival day counts this many holiday days")
                    ))
            }
        } else {
            for entry in try value.list() { named.append((entry, try entry.nonEmptyString(), nil)) }
        }
        let regionHolidays: [Holiday]
        do { regionHolidays = try library.holidays(of: region) } catch {
            throw .calendar(value.location, field: value.path, error)
        }
        let names = Set((regionHolidays + companyDays).map(\.name)).sorted()
        return try named.map { (entry, name, weight) throws(ScenarioError) in
            let festival = ObservedFestival(name: name, weight: weight, aliases: library.festivalAliases)
            guard names.contains(where: festival.matches(name:)) else {
                throw .invalidValue(
                    entry.location, field: entry.path, value: TextSafety.quoted(name),
                    expected: "a holiday of \(region) (or of the engineer's calendars)",
                    // Never the name itself: a festival Rota knows that the region does not have is not a typo.
                    hint: Suggestions.didYouMean(
                        name,
                        (names + library.festivalAliases.keys.sorted()).filter {
                            ObservedFestival.normalize($0) != ObservedFestival.normalize(name)
                        }) ?? "`rota holidays --region \(region) --year …` lists the names")
            }
            return festival
        }
    }

    private func pipelines(_ value: YAMLValue, engineers: [String]) throws(ScenarioError) -> [Pipeline] {
        let pipelines = try entries(
            value, allowed: ScenarioReader.pipelineFields, idHint: "a short id such as `aggregate-profit`"
        ) { fields, id throws(ScenarioError) in
            let primary = try fields["primary_owner"].map { value throws(ScenarioError) in
                try ownerPin(value, engineers: engineers)
            }
            let secondary = try fields["secondary_owner"].map { value throws(ScenarioError) in
                try ownerPin(value, engineers: engineers)
            }
            if let primary, primary == secondary, let value = fields["secondary_owner"] {
                throw .invalidValue(
                    value.location, field: value.path, value: TextSafety.quoted(primary.name),
                    expected: "an owner other than the primary owner",
                    hint: "a pipeline's primary and secondary owners are different")
            }
            return Pipeline(
                id: id,
                name: try fields["name"]?.singleLine() ?? id,
                area: try fields["area"]?.singleLine() ?? "General",
                investorFacing: try fields["investor_facing"]?.bool() ?? false,
                onCall: try fields["on_call"]?.bool() ?? true,
                weight: try fields["weight"]?.number(
                    in: 0.1...100, hint: "weights compare pipelines' effort; 1 is an ordinary pipeline") ?? 1,
                primaryOwner: primary, secondaryOwner: secondary,
                runbook: try fields["runbook"].map { value throws(ScenarioError) in try runbook(value) })
        }
        if pipelines.isEmpty {
            throw .invalidValue(
                value.location, field: "pipelines", value: "an empty list", expected: "at least one pipeline",
                hint: "list the pipelines that need owners")
        }
        if !pipelines.contains(where: \.onCall) {
            throw .invalidValue(
                value.location, field: "pipelines", value: "no pipeline with on_call: true",
                expected: "at least one pipeline covered by the on-call rotation",
                hint: "set `on_call: true` on the production pipelines")
        }
        return pipelines
    }

    /// A pipeline's `runbook:` block; every section optional.
    private func runbook(_ value: YAMLValue) throws(ScenarioError) -> Runbook {
        let fields = try value.mapping(allowed: ScenarioReader.runbookFields)
        var runbook = Runbook()
        runbook.purpose = try fields["purpose"]?.nonEmptyString()
        runbook.audience = try fields["audience"]?.nonEmptyString()
        func texts(_ value: YAMLValue) throws(ScenarioError) -> [String] {
            var result: [String] = []
            for entry in try value.list() { result.append(try entry.nonEmptyString()) }
            return result
        }
        if let sourcesValue = fields["sources"] {
            var sources: [Runbook.Source] = []
            for entry in try sourcesValue.list() {
                if entry.isMapping {
                    let source = try entry.mapping(allowed: ["name", "owner"])
                    sources.append(
                        Runbook.Source(
                            name: try source.required("name", hint: "what the source is").nonEmptyString(),
                            owner: try source["owner"]?.nonEmptyString()))
                } else {
                    sources.append(Runbook.Source(name: try entry.nonEmptyString()))
                }
            }
            runbook.sources = sources
        }
        runbook.outputs = try fields["outputs"].map { value throws(ScenarioError) in try texts(value) }
        runbook.schedule = try fields["schedule"]?.nonEmptyString()
        if let alertsValue = fields["alerts"] {
            var alerts: [Runbook.Alert] = []
            for entry in try alertsValue.list() {
                let alert = try entry.mapping(allowed: ["condition", "threshold"])
                alerts.append(
                    Runbook.Alert(
                        condition: try alert.required("condition", hint: "what fires, e.g. `Data lag`")
                            .nonEmptyString(),
                        threshold: try alert.required("threshold", hint: "when, e.g. `> 16 h`").nonEmptyString()))
            }
            runbook.alerts = alerts
        }
        if let failuresValue = fields["failures"] {
            var failures: [Runbook.Failure] = []
            for entry in try failuresValue.list() {
                let failure = try entry.mapping(allowed: ["name", "symptoms", "diagnosis", "recovery"])
                failures.append(
                    Runbook.Failure(
                        name: try failure.required("name", hint: "e.g. `Late source data`").nonEmptyString(),
                        symptoms: try failure.required("symptoms", hint: "what one sees").nonEmptyString(),
                        diagnosis: try texts(failure.required("diagnosis", hint: "a list of steps")),
                        recovery: try texts(failure.required("recovery", hint: "a list of steps"))))
            }
            runbook.failures = failures
        }
        runbook.escalateAfterHours = try fields["escalate_after_hours"]?.number(
            in: 0.25...72, hint: "hours before calling the next person in the chain; 2 is common")
        runbook.outsideTeam = try fields["outside_team"]?.nonEmptyString()
        if let requiredValue = fields["required"] {
            for entry in try requiredValue.list() {
                runbook.required.append(try entry.oneOf(RunbookSection.self, kind: "a runbook section"))
            }
        }
        return runbook
    }

    /// `primary_owner:` / `secondary_owner:`: an engineer's id, or `{team: NAME}` for a team outside the rota.
    private func ownerPin(_ value: YAMLValue, engineers: [String]) throws(ScenarioError) -> OwnerPin {
        if value.isMapping {
            let fields = try value.mapping(allowed: ["team"])
            let team = try fields.required("team", hint: "the team's name, e.g. `{team: Business Analytics}`")
                .singleLine()
            if engineers.contains(team) {
                throw .invalidValue(
                    value.location, field: value.path, value: "{team: \(team)}",
                    expected: "a team name that is not an engineer's id", hint: "write `\(team)` for the engineer")
            }
            return .team(team)
        }
        let id = try value.identifier()
        guard engineers.contains(id) else {
            throw .invalidValue(
                value.location, field: value.path, value: TextSafety.quoted(id),
                expected: "the id of an engineer, or `{team: NAME}` for a team outside the rota",
                hint: Suggestions.didYouMean(id, engineers) ?? "engineers: \(engineers.joined(separator: ", "))")
        }
        return .engineer(id)
    }

    private func rules(_ value: YAMLValue, weeks: Int) throws(ScenarioError) -> Rules {
        let fields = try value.mapping(allowed: ScenarioReader.ruleFields)
        var rules = Rules()
        /// A rule's value, written plainly (hard) or as `{value: X, soft: true}`; boolean rules may omit `value`.
        func setting(_ rule: Rule, boolean: Bool = false) throws(ScenarioError) -> YAMLValue? {
            guard let written = fields[rule.rawValue] else { return nil }
            guard written.isMapping else { return written }
            let parts = try written.mapping(allowed: ["value", "soft"])
            if try parts["soft"]?.bool() ?? false { rules.soft.insert(rule) }
            if boolean, parts["value"] == nil { return nil }
            return try parts.required("value", hint: "the rule's value, e.g. `{value: 1, soft: true}`")
        }
        let range = 0...max(0, weeks - 1)
        if let gap = try setting(.minGapWeeks) {
            rules.minGapWeeks = try gap.int(in: range, hint: "0 allows back-to-back primary shifts, 1 forbids them")
        }
        if let gap = try setting(.minDutyGapWeeks) {
            rules.minDutyGapWeeks = try gap.int(
                in: range, hint: "shifts between two duty shifts of one person (any role); 0 for no rule")
        }
        if let run = try setting(.maxConsecutiveDutyWeeks) {
            rules.maxConsecutiveDutyWeeks = try run.int(
                in: 1...max(1, weeks), hint: "the longest run of duty shifts (any role) one person may have")
        }
        /// A yes/no rule: `true`, `false`, or `{soft: true}` (on, soft) / `{value: false, soft: …}`.
        func flag(_ rule: Rule) throws(ScenarioError) -> Bool {
            guard fields[rule.rawValue] != nil else { return false }
            return try setting(rule, boolean: true)?.bool() ?? true
        }
        rules.backupBecomesPrimary = try flag(.backupBecomesPrimary)
        rules.everyoneSecondaryOwner = try flag(.everyoneSecondaryOwner)
        rules.avoidRepeatHolidays = try flag(.avoidRepeatHolidays)
        if fields[Rule.exclusivePrimary.rawValue] != nil {
            rules.exclusivePrimary = try flag(.exclusivePrimary)
        }
        rules.exclusiveDuty = try flag(.exclusiveDuty)
        if let cap = try setting(.maxInvestorPrimaries) {
            rules.maxInvestorPrimaries = try cap.int(
                in: 0...1000, hint: "investor-facing pipelines one engineer may be primary owner of")
        }
        for rule in [Rule.pinnedDuty, .forbiddenDuty] {
            guard let written = fields[rule.rawValue] else { continue }
            let parts = try written.mapping(allowed: ["soft"])
            if try parts.required("soft", hint: "`\(rule.rawValue): {soft: true}` makes every \(rule.rawValue) soft")
                .bool()
            {
                rules.soft.insert(rule)
            }
        }
        if let history = fields["history_weeks"] {
            rules.historyWeeks = try history.int(
                in: 1...520, hint: "weeks before the period in which history counts; 52 is four quarters")
        }
        if let prioritiesValue = fields["priorities"] {
            let goalNames = PlanningGoal.allCases.map(\.rawValue)
            let names = goalNames + ["changes"] + Rule.configurable.map(\.rawValue)
            var order: [Priority] = []
            for entry in try prioritiesValue.list() {
                let text = try entry.string()
                guard let priority = Priority(name: text) else {
                    throw .invalidValue(
                        entry.location, field: entry.path, value: TextSafety.quoted(text),
                        expected: "a goal (\(goalNames.joined(separator: ", "))), changes, or a soft rule",
                        hint: Suggestions.didYouMean(text, names))
                }
                if order.contains(priority) {
                    throw .invalidValue(
                        entry.location, field: entry.path, value: TextSafety.quoted(text), expected: "each entry once",
                        hint: "remove the second \(text)")
                }
                if case .rule(let rule) = priority, !rules.isSoft(rule) {
                    throw .invalidValue(
                        entry.location, field: entry.path, value: TextSafety.quoted(text),
                        expected: "a soft rule (a hard rule holds always and has no priority)",
                        hint: "declare it soft: `\(rule.rawValue): {value: …, soft: true}`, or remove it here")
                }
                order.append(priority)
            }
            let missing = PlanningGoal.allCases.filter { !order.contains(.goal($0)) }.map(\.rawValue)
            if !missing.isEmpty {
                throw .invalidValue(
                    prioritiesValue.location, field: prioritiesValue.path, value: "\(order.count) entries",
                    expected: "all of \(goalNames.joined(separator: ", ")) in order of importance",
                    hint: "add \(missing.joined(separator: ", "))")
            }
            rules.priorities = order
        }
        if let weight = fields["festival_weight"] {
            rules.festivalWeight = try weight.int(
                in: 1...10, hint: "a day of an engineer's own observed festival counts this many holiday days")
        }
        if let categoriesValue = fields["holiday_categories"] {
            var categories = Set<HolidayCategory>()
            for entry in try categoriesValue.list() {
                categories.insert(try entry.oneOf(HolidayCategory.self, kind: "a holiday category"))
            }
            rules.holidayCategories = categories
        }
        if let fairnessValue = fields["fairness"] { rules.fairness = try fairness(fairnessValue, weeks: weeks) }
        return rules
    }

    private func fairness(_ value: YAMLValue, weeks: Int) throws(ScenarioError) -> FairnessBounds {
        let fields = try value.mapping(allowed: ScenarioReader.fairnessFields)
        var bounds = FairnessBounds()
        bounds.maxDeviation = try fields["max_deviation"]?.number(
            in: 0...Double(weeks), hint: "weeks above or below each engineer's fair share; 1 is a common choice")
        bounds.maxHolidayBurden = try fields["max_holiday_burden"]?.int(
            in: 0...100_000, hint: "holiday points of one engineer (2 per holiday day as primary, 1 as backup)")
        bounds.maxTotalHolidayBurden = try fields["max_total_holiday_burden"]?.int(
            in: 0...1_000_000, hint: "holiday points of the whole team")
        bounds.maxOwnershipLoad = try fields["max_ownership_load"]?.number(
            in: 0...1_000_000, hint: "Σ pipeline weight × 2 as primary owner, × 1 as secondary, of one engineer")
        return bounds
    }
}

/// Collects notices and the files read while a scenario is decoded.
private final class ReadLog {
    var notices: [String] = []
    var sources: [InputDigest] = []
    /// Rotation ids named by duty requests, checked once the rotations are read.
    var requestRotations: [(YAMLValue, String)] = []
}
