import Foundation

/// `history:`: earlier schedules, judged against each rotation's first shift.
extension ScenarioDecoder {
    /// `history:`: earlier rotation.csv files or report folders. Shifts that start in the `weeks` weeks before the
    /// period count; a shift that reaches into the period is an error (it would be counted twice).
    func history(
        _ value: YAMLValue, period: PlanningPeriod, rotations: [Rotation], team: [Engineer], weeks: Int
    ) throws(ScenarioError) -> DutyHistory {
        let engineers = team.map(\.id)
        /// History is what happened before each rotation's own first shift (a Wednesday rotation starts after
        /// the period's Monday); a row without a known rotation is judged against the period.
        func firstDay(of rotation: String) -> CalendarDate {
            if let own = rotations.first(where: { $0.id == rotation }) { return own.period.start }
            return rotations.count == 1 && rotation.isEmpty ? rotations[0].period.start : period.start
        }
        var history = DutyHistory()
        let windowStart = period.start.adding(days: -7 * weeks)
        /// Where each (rotation, first day) was read: one shift is in one history file once.
        struct Start: Hashable {
            let rotation: String
            let day: CalendarDate
        }
        var seen: [Start: String] = [:]
        var latestOwnership: CalendarDate?
        for entry in try value.list() {
            if entry.isMapping {
                let shifts = try pagingHistory(
                    entry, period: period, rotations: rotations, team: team, windowStart: windowStart)
                for shift in shifts {
                    let start = Start(rotation: shift.rotation, day: shift.dates.first)
                    if let earlier = seen[start] {
                        throw .history(
                            entry.location, field: entry.path,
                            problem: "\(shift.source): the shift from \(shift.dates.first) is also in \(earlier)")
                    }
                    seen[start] = shift.source
                    history.shifts.append(shift)
                }
                continue
            }
            let named = try entry.nonEmptyString()
            var path = resolve(named)
            // A report folder's ownership.csv, as resolved and as the scenario names it.
            var ownership: (path: String, shown: String)?
            // Findings and notices name files as the scenario writes them, not as resolved on this machine.
            var shown = named
            if files.isFolder(path) {
                let folder = path.hasSuffix("/") ? path : path + "/"
                let written = named.hasSuffix("/") ? named : named + "/"
                path = folder + "rotation.csv"
                shown = written + "rotation.csv"
                ownership = (folder + "ownership.csv", written + "ownership.csv")
            }
            let rows: [RotationShift]
            let lines: [ShiftKey: Int]
            let data: Data
            do { (rows, lines, data) = try ScheduleReader.readRotation(path, as: .history, from: files) } catch {
                throw .history(entry.location, field: entry.path, problem: error.message)
            }
            log.sources.append(InputDigest(kind: .history, name: named, bytes: data))
            history.files.append(named)
            var unknown = Set<String>()
            for row in rows {
                let source = "\(shown):\(lines[row.key].map(String.init) ?? "?")"
                let first = firstDay(of: row.rotation)
                if row.dates.last >= first {
                    throw .history(
                        entry.location, field: entry.path,
                        problem: "\(source): the shift \(row.dates) reaches into the period (from \(first)); "
                            + "history is what happened before it")
                }
                let start = Start(rotation: row.rotation, day: row.dates.first)
                if let earlier = seen[start] {
                    throw .history(
                        entry.location, field: entry.path,
                        problem: "\(source): the shift from \(row.dates.first) is also in \(earlier)")
                }
                seen[start] = source
                guard row.dates.first >= windowStart else { continue }
                for id in [row.primary, row.backup].compactMap({ $0 }) where !engineers.contains(id) {
                    unknown.insert(id)
                }
                history.shifts.append(
                    DutyHistory.Shift(
                        rotation: row.rotation, dates: row.dates, primary: row.primary, backup: row.backup,
                        shadow: row.shadow, source: source))
            }
            // A report folder's ownership.csv: the previous period's owners when its shifts end last.
            if let ownership, let last = rows.map(\.dates.last).max(),
                last > (latestOwnership ?? last.adding(days: -1))
            {
                if let owners = try pastOwners(ownership.path, entry: entry, named: ownership.shown) {
                    history.ownership = owners
                    latestOwnership = last
                }
            }
            if !unknown.isEmpty {
                log.notices.append(
                    "\(shown): \(unknown.sorted().joined(separator: ", ")) not in the team now; their shifts are "
                        + "left out of the fairness figures")
            }
        }
        history.shifts.sort { $0.dates.first < $1.dates.first }
        return history
    }

    /// The owners in `path` (a history folder's ownership.csv), by pipeline; nil when the folder has none.
    func pastOwners(_ path: String, entry: YAMLValue, named: String) throws(ScenarioError)
        -> [String: DutyHistory.PastOwners]?
    {
        // A folder without ownership.csv holds no owners; any other failure is the reader's to word.
        var data = Data()
        do { data = try files.read(path, .history) } catch {
            if case .missing = error { return nil }
        }
        let rows: [OwnershipAssignment]
        let lines: [String: Int]
        do { (rows, lines) = try ScheduleReader.readOwnership(path, as: .history, from: files) } catch {
            throw .history(entry.location, field: entry.path, problem: error.message)
        }
        log.sources.append(InputDigest(kind: .history, name: named, bytes: data))
        var owners: [String: DutyHistory.PastOwners] = [:]
        for row in rows where owners[row.pipeline] == nil {
            owners[row.pipeline] = DutyHistory.PastOwners(
                primary: row.primary, secondary: row.secondary,
                source: "\(named):\(lines[row.pipeline].map(String.init) ?? "?")")
        }
        return owners
    }

    /// `{rotation: R, primary: {pagerduty|goalert|ics: FILE}, backup: {…}}`: a paging tool's export of who held each
    /// role, made into the rotation's shifts before its first (``PagingHistory``) within the history window.
    func pagingHistory(
        _ entry: YAMLValue, period: PlanningPeriod, rotations: [Rotation], team: [Engineer], windowStart: CalendarDate
    ) throws(ScenarioError) -> [DutyHistory.Shift] {
        let fields = try entry.mapping(allowed: ["rotation", "primary", "backup"])
        let rotation: Rotation
        if let idValue = fields["rotation"] {
            let id = try idValue.nonEmptyString()
            guard let found = rotations.first(where: { $0.id == id }) else {
                let known = rotations.map(\.id)
                throw .invalidValue(
                    idValue.location, field: idValue.path, value: TextSafety.quoted(id),
                    expected: "the id of a rotation",
                    hint: known.isEmpty
                        ? "the scenario has no `rotations:`; leave `rotation` out"
                        : Suggestions.didYouMean(id, known) ?? "rotations: \(known.joined(separator: ", "))")
            }
            rotation = found
        } else if rotations.count > 1 {
            throw .missingField(
                entry.location, field: "\(entry.path).rotation",
                hint: "the scenario has several rotations; name the one the export is of")
        } else {
            rotation =
                rotations.first
                ?? Rotation(id: "", name: "", roster: team.map(\.id), pipelines: [], period: period)
        }
        let clock = ShiftClock(rotation: rotation, team: team)
        let shiftDays = rotation.period.shiftDays
        // The rotation's grid run backwards from its first shift, inside the history window.
        var grid: [DateRange] = []
        var first = rotation.period.start.adding(days: -shiftDays)
        while first >= windowStart {
            grid.insert(DateRange(first: first, last: first.adding(days: shiftDays - 1))!, at: 0)
            first = first.adding(days: -shiftDays)
        }
        guard let window = DateRange(first: windowStart.adding(days: -1), last: rotation.period.start) else {
            return []
        }
        var holders: [DutyRole: [String?]] = [:]
        var names: [DutyRole: String] = [:]
        for role in DutyRole.allCases {
            let source = try fields.required(
                role.rawValue, hint: "the export of who held \(role.rawValue), e.g. `{pagerduty: past/primary.json}`")
            let formats = try source.mapping(allowed: PagingHistory.Format.allCases.map(\.rawValue))
            guard formats.entries.count == 1, let (key, pathValue) = formats.entries.first,
                let format = PagingHistory.Format(rawValue: key)
            else {
                throw .invalidValue(
                    source.location, field: source.path, value: "{…}", expected: "one of pagerduty, goalert or ics",
                    hint: "e.g. `{pagerduty: past/oncalls.json}`")
            }
            let named = try pathValue.nonEmptyString()
            let path = resolve(named)
            let data: Data
            do { data = try files.read(path, .history) } catch {
                throw .history(pathValue.location, field: pathValue.path, problem: "\(path): \(error.description)")
            }
            let spans: [PagingHistory.HeldSpan]
            do { spans = try PagingHistory.spans(data, format: format, file: path, window: window) } catch {
                throw .history(pathValue.location, field: pathValue.path, problem: error.message)
            }
            log.sources.append(InputDigest(kind: .history, name: named, bytes: data))
            var matched: [(engineer: String, span: TimeSpan)] = []
            var strangers = 0
            for span in spans {
                if let engineer = PagingHistory.engineer(of: span, format: format, in: team) {
                    matched.append((engineer.id, span.span))
                } else {
                    strangers += 1
                }
            }
            if strangers > 0 {
                log.notices.append(
                    "\(path): \(strangers) of \(spans.count) \(format.rawValue) entries are of people not in the team "
                        + "(matched by contacts.\(format == .ics ? "grafana, name, id or email" : format.rawValue)); "
                        + "they are left out of the history")
            }
            holders[role] = grid.map { dates in
                PagingHistory.holder(of: clock.span(of: dates), matched, roster: rotation.roster)
            }
            names[role] = "\(named) (\(format.rawValue))"
        }
        var shifts: [DutyHistory.Shift] = []
        var unheld = 0
        for (index, dates) in grid.enumerated() {
            guard let primary = holders[.primary]?[index] ?? nil, let backup = holders[.backup]?[index] ?? nil else {
                unheld += 1
                continue
            }
            shifts.append(
                DutyHistory.Shift(
                    rotation: rotation.id, dates: dates, primary: primary, backup: backup,
                    source: "\(names[.primary] ?? "") and \(names[.backup] ?? ""), shift from \(dates.first)"))
        }
        if unheld > 0, unheld < grid.count {
            log.notices.append(
                "\(entry.location): \(unheld) of the \(grid.count) shifts before the period have no primary or no "
                    + "backup in the exports; they are left out of the history")
        }
        return shifts
    }
}
