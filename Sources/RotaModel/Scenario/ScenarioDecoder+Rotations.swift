import Foundation

/// `rotations:` and handoffs: each rotation's roster, pipelines and shifts.
extension ScenarioDecoder {
    /// A `handoff:` mapping: weekday (ISO index), time HH:MM, IANA time zone, each optional.
    func handoff(_ value: YAMLValue) throws(ScenarioError) -> (
        weekday: (index: Int, name: String, value: YAMLValue)?, time: String?, timeZone: String?
    ) {
        let handoff = try value.mapping(allowed: ScenarioReader.handoffFields) { log.problems.append($0) }
        var weekday: (index: Int, name: String, value: YAMLValue)?
        if let weekdayValue = handoff["weekday"] {
            let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
            var text = try weekdayValue.nonEmptyString().lowercased()
            // Abbreviations as calendars write them: mon, tue, tues, wed, thu, thur, thurs, fri, sat, sun.
            if text.count >= 3, let full = names.first(where: { $0.hasPrefix(text) }) { text = full }
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
    func rotations(
        _ value: YAMLValue, period: PlanningPeriod, engineers: [String], pipelines: [Pipeline]
    ) throws(ScenarioError) -> [Rotation] {
        let onCall = pipelines.filter(\.onCall).map(\.id)
        var covered = Set<String>()
        let problemsBefore = log.problems.count
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
            var rotation = Rotation(
                id: id, name: try fields["name"]?.singleLine() ?? id, roster: roster, pipelines: covers,
                period: try rotationPeriod(fields, period: period))
            if let rolesValue = fields["roles"] { (rotation.roles, rotation.hasShadow) = try roles(rolesValue) }
            if let pagerValue = fields["pager"] {
                rotation.pager = try pager(pagerValue)
                try requireRoles(of: rotation.pager, in: rotation.roles, pagerValue)
            }
            return rotation
        }
        // An entry with a problem is left out: the list as a whole is judged once every entry reads.
        guard log.problems.count == problemsBefore else { return rotations }
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
    func rotationPeriod(_ fields: YAMLMapping, period: PlanningPeriod) throws(ScenarioError) -> PlanningPeriod {
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
        rotationPeriod.shiftCount = max(1, (days + rotationPeriod.shiftDays - 1) / rotationPeriod.shiftDays)
        return rotationPeriod
    }

    /// Every day a shift of some rotation covers: the period, and the days a rotation's last shift runs past it.
    /// Calendars (leave, company days) are read over these days, so every day of duty weighs as the model says.
    /// Read before the engineers, which the rest of `rotations:` refers to; a malformed entry is left to the full
    /// read, which reports it.
    func coveredDays(_ value: YAMLValue?, period: PlanningPeriod) -> DateRange {
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
}
