import Foundation
import RotaModel

/// Hours on call, by kind (``HourKind``), per rotation, engineer and role: read off the coverage timeline (covers
/// included: whoever holds the pager holds the hours), each piece cut at the holder's local midnights and working
/// hours. Elapsed time between instants, so a day a daylight-saving change shortens has 23 hours and one it
/// lengthens 25. With `pay:`, each row's pay, summed exactly and rounded once.
public struct OnCallHours: Sendable {
    public struct Row: Sendable, Equatable {
        public let rotation: String
        public let engineer: String
        public let role: DutyRole
        /// Seconds by kind; every kind present (0 when none).
        public let seconds: [HourKind: Int]
        /// In the currency's minor units; nil without `pay:`.
        public let pay: Int?

        public var totalSeconds: Int { seconds.values.reduce(0, +) }
    }

    /// Rotations in scenario order; in each, every engineer of its roster (and anyone covering in it) in scenario
    /// order, primary then backup.
    public let rows: [Row]
    public let pay: PayRates?

    public init(schedule: Schedule, scenario: Scenario) {
        pay = scenario.pay
        let intervals = CoverageTimeline.intervals(schedule, scenario: scenario)
        var days: [String: DayKinds] = [:]
        func dayKinds(_ engineer: Engineer) -> DayKinds {
            if let known = days[engineer.id] { return known }
            let made = DayKinds(engineer: engineer, scenario: scenario)
            days[engineer.id] = made
            return made
        }
        var split: [RowKey: [HourKind: Int]] = [:]
        var sums: [RowKey: PayRates.Sum] = [:]
        for interval in intervals {
            guard let engineer = scenario.engineer(interval.engineer) else { continue }
            let key = RowKey(rotation: interval.rotation, engineer: engineer.id, role: interval.role)
            let pieces = Self.split(interval.span, engineer: engineer, scenario: scenario, days: dayKinds(engineer))
            for (kind, seconds) in pieces {
                split[key, default: [:]][kind, default: 0] += seconds
                if let rates = scenario.pay {
                    sums[key, default: PayRates.Sum()].add(
                        seconds: seconds, kind: kind, role: interval.role, rates: rates)
                }
            }
        }
        var rows: [Row] = []
        for rotation in scenario.rotations {
            let holders = Set(intervals.filter { $0.rotation == rotation.id }.map(\.engineer))
            for engineer in scenario.engineers
            where rotation.roster.contains(engineer.id) || holders.contains(engineer.id) {
                for role in DutyRole.allCases {
                    let key = RowKey(rotation: rotation.id, engineer: engineer.id, role: role)
                    let found = split[key] ?? [:]
                    var seconds: [HourKind: Int] = [:]
                    for kind in HourKind.allCases { seconds[kind] = found[kind] ?? 0 }
                    rows.append(
                        Row(
                            rotation: rotation.id, engineer: engineer.id, role: role, seconds: seconds,
                            pay: scenario.pay.map { _ in (sums[key] ?? PayRates.Sum()).minorUnits }))
                }
            }
        }
        self.rows = rows
    }

    /// An engineer's seconds by kind over every rotation and role.
    public func totals(of engineer: String) -> [HourKind: Int] {
        var totals: [HourKind: Int] = [:]
        for kind in HourKind.allCases { totals[kind] = 0 }
        for row in rows where row.engineer == engineer {
            for (kind, seconds) in row.seconds { totals[kind, default: 0] += seconds }
        }
        return totals
    }

    /// An engineer's pay over every rotation and role (the sum of the rounded rows); nil without `pay:`.
    public func pay(of engineer: String) -> Int? {
        guard pay != nil else { return nil }
        return rows.filter { $0.engineer == engineer }.compactMap(\.pay).reduce(0, +)
    }

    struct RowKey: Hashable {
        let rotation: String
        let engineer: String
        let role: DutyRole
    }

    /// What each local day is for one engineer, where it is not an ordinary working day.
    struct DayKinds {
        let zone: TimeZone
        let hours: WorkingHours
        let special: [CalendarDate: HourKind]

        init(engineer: Engineer, scenario: Scenario) {
            zone = TimeZone(identifier: engineer.timeZone) ?? TimeZone(identifier: "UTC")!
            hours = scenario.workingHours(of: engineer)
            let calendar = scenario.personalCalendar(engineer)
            // A day either side of the period and its history: a shift's hours reach into the neighbouring local
            // days, and the history's shifts count in the hours goals.
            let covered = scenario.coveredDates
            let first = min(covered.first, scenario.history.shifts.map(\.dates.first).min() ?? covered.first)
            let range = DateRange(first: first.adding(days: -1), last: covered.last.adding(days: 1))!
            let holidays = calendar.holidays(during: range)
            var special: [CalendarDate: HourKind] = [:]
            for date in range.days {
                let onDay = holidays.filter { $0.date == date }
                if onDay.contains(where: { calendar.observedFestival($0) != nil }) {
                    special[date] = .festival
                } else if calendar.region?.isWeekend(date) == true {
                    special[date] = .weekend
                } else if onDay.contains(where: { scenario.rules.holidayCategories.contains($0.category) }) {
                    special[date] = .publicHoliday
                }
            }
            self.special = special
        }
    }

    /// Seconds of `kind` in the shifts `engineer` holds in `schedule` as planned (either role; covers aside, as the
    /// holiday burden counts them): what the hours goals and `max_weekend_days` judge.
    static func plannedSeconds(
        of kind: HourKind, engineer: Engineer, schedule: Schedule, scenario: Scenario, days: DayKinds
    ) -> Int {
        let clocks = scenario.shiftClocks
        var total = 0
        for shift in schedule.shifts where shift.primary == engineer.id || shift.backup == engineer.id {
            guard let r = scenario.rotationIndex(of: shift.rotation) else { continue }
            total +=
                split(clocks[r].span(of: shift.dates), engineer: engineer, scenario: scenario, days: days)[kind] ?? 0
        }
        return total
    }

    /// `span` cut at the engineer's local midnights and working hours, in seconds by kind.
    static func split(_ span: TimeSpan, engineer: Engineer, scenario: Scenario, days: DayKinds) -> [HourKind: Int] {
        var result: [HourKind: Int] = [:]
        var date = span.start.date(in: days.zone)
        while true {
            let day = TimeSpan.day(date, in: days.zone)
            guard day.start < span.end else { break }
            if let piece = day.clamped(to: span) {
                if let kind = days.special[date] {
                    result[kind, default: 0] += piece.seconds
                } else {
                    let working = TimeSpan(
                        start: Instant(wall: date, seconds: days.hours.start, in: days.zone),
                        end: Instant(wall: date, seconds: days.hours.end, in: days.zone))
                    let inside = working.flatMap { $0.clamped(to: piece) }?.seconds ?? 0
                    result[.working, default: 0] += inside
                    result[.outOfHours, default: 0] += piece.seconds - inside
                }
            }
            date = date.adding(days: 1)
        }
        return result
    }
}
