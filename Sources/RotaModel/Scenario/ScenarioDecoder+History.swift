import Foundation

/// `history:`: earlier schedules, judged against each rotation's first shift.
extension ScenarioDecoder {
    /// `history:`: earlier rotation.csv files or report folders. Shifts that start in the `weeks` weeks before the
    /// period count; a shift that reaches into the period is an error (it would be counted twice).
    func history(
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
        /// Where each (rotation, first day) was read: one shift is in one history file once.
        struct Start: Hashable {
            let rotation: String
            let day: CalendarDate
        }
        var seen: [Start: String] = [:]
        for entry in try value.list() {
            let named = try entry.nonEmptyString()
            var path = resolve(named)
            if files.isFolder(path) { path = (path.hasSuffix("/") ? path : path + "/") + "rotation.csv" }
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
                let source = "\(path):\(lines[row.key].map(String.init) ?? "?")"
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
}
