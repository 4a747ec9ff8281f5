import RotaModel

/// A duty shift that holds public holidays of the engineer's region.
public struct HolidayDuty: Sendable {
    /// The rotation's id ("" with one rotation) and the shift's number in it.
    public let rotation: String
    public let week: Int
    public let role: DutyRole
    public let holidays: [Holiday]
    /// The shift's holiday weight (see ``PersonalCalendar``) × 2 as primary, × 1 as backup.
    public let burden: Int
}

/// One engineer's figures in one rotation.
public struct RotationFairness: Sendable {
    public let rotation: String
    /// Shifts of the rotation the engineer is free for, and the rotation's shifts.
    public let availableShifts: Int
    public let shifts: Int
    public let fairShare: Double
    public let backupFairShare: Double
    public let primaryWeeks: Int
    public let backupWeeks: Int
    public let historyPrimaryWeeks: Int
    public let historyBackupWeeks: Int

    /// Shifts in `role` over history and period, minus the fair share.
    public func deviation(_ role: DutyRole) -> Double {
        role == .primary
            ? Double(primaryWeeks + historyPrimaryWeeks) - fairShare
            : Double(backupWeeks + historyBackupWeeks) - backupFairShare
    }
}

/// One engineer's figures (summed over the rotations they are on; deviations are judged per rotation).
public struct EngineerFairness: Sendable {
    public let engineer: Engineer
    /// Per rotation the engineer is on.
    public let rotations: [RotationFairness]
    public let holidayDuty: [HolidayDuty]
    public let historyHolidayBurden: Int
    /// Σ weight × (2 as primary owner, 1 as secondary).
    public let ownershipLoad: Double
    public let primaryOwned: [String]
    public let secondaryOwned: [String]
    /// Hours the engineer covers for others (coverage.csv's cover rows in their name).
    public var coverHours: Double = 0

    private func sum<Figure: AdditiveArithmetic>(_ figure: (RotationFairness) -> Figure) -> Figure {
        rotations.reduce(.zero) { $0 + figure($1) }
    }

    /// Shifts the engineer is free for, and the shifts of the rotations they are on.
    public var availableShifts: Int { sum(\.availableShifts) }
    public var shifts: Int { sum(\.shifts) }
    /// Fair share of primary shifts: W × available ÷ all available per rotation, over history and period together
    /// when the scenario has history (see docs/model.md), summed over rotations.
    public var fairShare: Double { sum(\.fairShare) }
    /// Fair share of backup shifts (equal to `fairShare` without history).
    public var backupFairShare: Double { sum(\.backupFairShare) }
    public var primaryWeeks: Int { sum(\.primaryWeeks) }
    public var backupWeeks: Int { sum(\.backupWeeks) }
    /// Shifts in the history window (0 without history).
    public var historyPrimaryWeeks: Int { sum(\.historyPrimaryWeeks) }
    public var historyBackupWeeks: Int { sum(\.historyBackupWeeks) }
    /// Holiday burden in this period.
    public var holidayBurden: Int { holidayDuty.reduce(0) { $0 + $1.burden } }
    /// The holiday burden fairness judges: history and period.
    public var countedHolidayBurden: Int { holidayBurden + historyHolidayBurden }

    /// Shifts in `role` over history and period, summed over the rotations, minus the fair shares summed likewise.
    public func deviationAcrossRotations(_ role: DutyRole) -> Double {
        role == .primary
            ? Double(primaryWeeks + historyPrimaryWeeks) - fairShare
            : Double(backupWeeks + historyBackupWeeks) - backupFairShare
    }

    /// Shifts in `role` over history and period minus the fair share (positive: more than the share), in the
    /// rotation where it is furthest from it.
    public func deviation(_ role: DutyRole) -> Double {
        rotations.map { $0.deviation(role) }.max { abs($0) < abs($1) } ?? 0
    }
}

/// The fairness figures of a schedule, computed from the schedule, the scenario and the calendar alone.
public struct FairnessReport: Sendable {
    public let engineers: [EngineerFairness]
    /// Broken instances of each soft rule (see ``RuleChecker/softFindings(_:)``).
    public let softBroken: [Rule: Int]
    /// Assignments that differ from the baseline, when there is one.
    public let changes: Int?
    /// For each hours goal the scenario's priorities name: the largest |hours of its kind on duty − fair share|
    /// (``OptionalGoal``), in hours.
    public let hoursDeviations: [OptionalGoal: Double]

    /// `changes`: the schedule's changes against a baseline, when replanning (counted for the `changes` level).
    public init(schedule: Schedule, scenario: Scenario, changes: ScheduleChanges? = nil) {
        let rotations = scenario.rotations
        let shifts = scenario.shifts
        let history = scenario.history
        // Shares per rotation and role: W × A_e ÷ Σ A over the roster, where A_e counts the rotation's shifts free of
        // leave in which e may hold the role and, for an engineer in the rotation's history who held it all along, its
        // H history shifts; the duties shared are W plus the history's
        // duties of today's engineers (see docs/model.md).
        struct Shares {
            let available: [Int]
            let share: [DutyRole: [Double]]
            let past: [DutyRole: [Int]]
        }
        /// Free for a shift: no leave in it (days, or part-day leave in its hours), or under covered_leave, little
        /// enough leave that a cover may take it.
        func isAvailable(_ engineer: Engineer, _ dates: DateRange, _ clock: ShiftClock) -> Bool {
            if engineer.timedLeave.isEmpty && !engineer.isOnLeave(during: dates) { return true }
            let span = clock.span(of: dates)
            guard engineer.isOnLeave(during: dates, span: span) else { return true }
            guard let limit = scenario.rules.coveredLeave else { return false }
            let spans = engineer.leaveSpans(during: dates, span: span)
            return !spans.isEmpty && limit.admits(spans, zone: engineer.zone)
        }
        let shares = rotations.map { rotation -> Shares in
            let on = scenario.engineers.map { rotation.roster.contains($0.id) }
            let clock = ShiftClock(rotation: rotation, scenario: scenario)
            // Available: free of leave, and allowed some role (`can:`, `from:`).
            let available = scenario.engineers.enumerated().map { e, engineer in
                on[e]
                    ? rotation.period.allShifts.filter { dates in
                        isAvailable(engineer, dates, clock)
                            && DutyRole.allCases.contains { engineer.eligibility.allows($0, in: dates) }
                    }.count : 0
            }
            let historyShifts = history.shiftCount(of: rotation, in: scenario)
            var share: [DutyRole: [Double]] = [:]
            var past: [DutyRole: [Int]] = [:]
            for role in DutyRole.allCases {
                // Only the shifts the engineer may hold the role in; the history counts for a role held all along.
                let weighted = scenario.engineers.enumerated().map { e, engineer in
                    guard on[e] else { return 0 }
                    let allowed = rotation.period.allShifts.filter {
                        engineer.eligibility.allows(role, in: $0) && isAvailable(engineer, $0, clock)
                    }
                    let inHistory =
                        engineer.eligibility[role] == .always
                        && history.includes(engineer.id, rotation: rotation, in: scenario)
                    return allowed.count + (inHistory ? historyShifts : 0)
                }
                let total = weighted.reduce(0, +)
                let counts = scenario.engineers.enumerated().map { e, engineer in
                    on[e] ? history.count(engineer.id, role, rotation: rotation, in: scenario) : 0
                }
                // A rotation without the role (primaries alone) has none of it to share.
                let duties = rotation.roles.contains(role) ? rotation.period.shiftCount + counts.reduce(0, +) : 0
                share[role] = weighted.map { total > 0 ? Double(duties * $0) / Double(total) : 0 }
                past[role] = counts
            }
            return Shares(available: available, share: share, past: past)
        }
        let weights = Dictionary(scenario.pipelines.map { ($0.id, $0.weight) }, uniquingKeysWith: { first, _ in first })
        engineers = scenario.engineers.enumerated().map { index, engineer in
            let personal = scenario.personalCalendar(engineer)
            var duty: [HolidayDuty] = []
            for week in schedule.shifts {
                guard let slot = scenario.slot(rotation: week.rotation, number: week.number) else { continue }
                for role in DutyRole.allCases where week.engineer(for: role) == engineer.id {
                    let burden = personal.burden(during: shifts[slot].dates)
                    if burden.weight > 0 {
                        duty.append(
                            HolidayDuty(
                                rotation: week.rotation, week: week.number, role: role, holidays: burden.holidays,
                                burden: role.holidayWeight * burden.weight))
                    }
                }
            }
            var historyBurden = 0
            for shift in history.shifts {
                for role in DutyRole.allCases where shift.engineer(for: role) == engineer.id {
                    historyBurden += role.holidayWeight * personal.burden(during: shift.dates).weight
                }
            }
            let figures = rotations.enumerated().compactMap { r, rotation -> RotationFairness? in
                guard rotation.roster.contains(engineer.id) else { return nil }
                let rows = schedule.shifts.filter { scenario.rotationIndex(of: $0.rotation) == r }
                return RotationFairness(
                    rotation: rotation.id, availableShifts: shares[r].available[index],
                    shifts: rotation.period.shiftCount,
                    fairShare: shares[r].share[.primary]![index], backupFairShare: shares[r].share[.backup]![index],
                    primaryWeeks: rows.filter { $0.primary == engineer.id }.count,
                    backupWeeks: rows.filter { $0.backup == engineer.id }.count,
                    historyPrimaryWeeks: shares[r].past[.primary]![index],
                    historyBackupWeeks: shares[r].past[.backup]![index])
            }
            let primaryOwned = schedule.ownership.filter { $0.primary == engineer.id }.map(\.pipeline)
            let secondaryOwned = schedule.ownership.filter { $0.secondary == engineer.id }.map(\.pipeline)
            let load =
                primaryOwned.reduce(0) { $0 + 2 * (weights[$1] ?? 0) }
                + secondaryOwned.reduce(0) { $0 + (weights[$1] ?? 0) }
            var figuresOfEngineer = EngineerFairness(
                engineer: engineer, rotations: figures, holidayDuty: duty, historyHolidayBurden: historyBurden,
                ownershipLoad: load, primaryOwned: primaryOwned, secondaryOwned: secondaryOwned)
            figuresOfEngineer.coverHours =
                Double(schedule.covers.filter { $0.engineer == engineer.id }.reduce(0) { $0 + $1.span.seconds }) / 3600
            return figuresOfEngineer
        }
        var broken: [Rule: Int] = [:]
        for finding in RuleChecker(scenario: scenario).softFindings(schedule) {
            if finding.rule.isConfigurable { broken[finding.rule, default: 0] += 1 }
        }
        softBroken = broken
        self.changes = changes?.changes.count
        var hoursDeviations: [OptionalGoal: Double] = [:]
        for goal in scenario.rules.hoursGoals {
            guard let kind = goal.hourKind else { continue }
            hoursDeviations[goal] = Self.hoursDeviation(
                kind, schedule: schedule, scenario: scenario, available: shares.map(\.available))
        }
        self.hoursDeviations = hoursDeviations
    }

    /// The largest deviation of an engineer's hours of `kind` on duty (the shifts as held, either role, the
    /// history's included) from their fair share: per rotation on their roster, their part (available shifts, plus
    /// the history's shifts when they are in it, over everyone's) of the hours of the kind the rotation's duties hold
    /// for them, the period's (2 a shift with a backup, 1 without) and the history's held by someone on its roster.
    /// Hours counted by ``OnCallHours``, the report's own arithmetic.
    static func hoursDeviation(_ kind: HourKind, schedule: Schedule, scenario: Scenario, available: [[Int]]) -> Double {
        let clocks = scenario.shiftClocks
        let history = scenario.history
        var largest = 0.0
        for (e, engineer) in scenario.engineers.enumerated() {
            let days = OnCallHours.DayKinds(engineer: engineer, scenario: scenario)
            func seconds(_ span: TimeSpan) -> Int {
                OnCallHours.split(span, engineer: engineer, scenario: scenario, days: days)[kind] ?? 0
            }
            var share = 0.0
            var before = 0
            var onAny = false
            for (r, rotation) in scenario.rotations.enumerated() where rotation.roster.contains(engineer.id) {
                onAny = true
                let past = history.shifts(of: rotation, in: scenario)
                let pastShifts = history.shiftCount(of: rotation, in: scenario)
                func part(_ f: Int) -> Int {
                    available[r][f]
                        + (history.includes(scenario.engineers[f].id, rotation: rotation, in: scenario)
                            ? pastShifts : 0)
                }
                let everyone = scenario.engineers.indices.filter { rotation.roster.contains(scenario.engineers[$0].id) }
                    .reduce(0) { $0 + part($1) }
                var pool =
                    rotation.roles.count
                    * rotation.period.allShifts.reduce(0) {
                        $0 + seconds(clocks[r].span(of: $1))
                    }
                for shift in past {
                    let holders = [shift.primary, shift.backup].compactMap { $0 }.filter {
                        rotation.roster.contains($0)
                    }
                    guard !holders.isEmpty else { continue }
                    let hours = seconds(clocks[r].span(of: shift.dates))
                    pool += holders.count * hours
                    if holders.contains(engineer.id) { before += hours }
                }
                guard everyone > 0 else { continue }
                share += Double(part(e)) / Double(everyone) * Double(pool) / 3600
            }
            guard onAny else { continue }
            let held =
                before
                + OnCallHours.plannedSeconds(
                    of: kind, engineer: engineer, schedule: schedule, scenario: scenario, days: days)
            largest = max(largest, abs(Double(held) / 3600 - share))
        }
        return largest
    }

    public var largestPrimaryDeviation: Double { engineers.map { abs($0.deviation(.primary)) }.max() ?? 0 }
    public var largestBackupDeviation: Double { engineers.map { abs($0.deviation(.backup)) }.max() ?? 0 }
    /// The largest deviation of either role's weeks over all rotations from the summed fair share (the level
    /// `across_rotations_balance`; with one rotation the larger of the two above).
    public var largestDeviationAcrossRotations: Double {
        engineers.flatMap { engineer in DutyRole.allCases.map { abs(engineer.deviationAcrossRotations($0)) } }.max()
            ?? 0
    }
    /// This period's holiday burden of the whole team (history is a constant and left out).
    public var totalHolidayBurden: Int { engineers.reduce(0) { $0 + $1.holidayBurden } }
    /// The largest holiday burden of one engineer, history included.
    public var largestHolidayBurden: Int { engineers.map(\.countedHolidayBurden).max() ?? 0 }
    public var largestOwnershipLoad: Double { engineers.map(\.ownershipLoad).max() ?? 0 }
    /// Engineers who are primary owner of no pipeline (the level `owners_without_primary`): only secondary owners,
    /// or owners of nothing.
    public var ownersWithoutPrimary: Int { engineers.filter(\.primaryOwned.isEmpty).count }
    /// Whether any engineer has history.
    public var hasHistory: Bool { engineers.contains { $0.historyPrimaryWeeks + $0.historyBackupWeeks > 0 } }

}
