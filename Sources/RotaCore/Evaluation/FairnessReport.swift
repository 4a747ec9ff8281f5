/// A duty shift that holds public holidays of the engineer's region.
public struct HolidayDuty: Sendable {
    public let week: Int
    public let role: DutyRole
    public let holidays: [Holiday]
    /// The shift's holiday weight (see ``PersonalCalendar``) × 2 as primary, × 1 as backup.
    public let burden: Int
}

/// One engineer's figures.
public struct EngineerFairness: Sendable {
    public let engineer: Engineer
    public let availableWeeks: Int
    /// Fair share of primary shifts: W × available ÷ all available, over history and period together when the
    /// scenario has history (see docs/model.md).
    public let fairShare: Double
    /// Fair share of backup shifts (equal to `fairShare` without history).
    public let backupFairShare: Double
    public let primaryWeeks: Int
    public let backupWeeks: Int
    public let holidayDuty: [HolidayDuty]
    /// Holiday burden in this period.
    public var holidayBurden: Int { holidayDuty.reduce(0) { $0 + $1.burden } }
    /// Shifts and holiday burden in the history window (0 without history).
    public let historyPrimaryWeeks: Int
    public let historyBackupWeeks: Int
    public let historyHolidayBurden: Int
    /// The holiday burden fairness judges: history and period.
    public var countedHolidayBurden: Int { holidayBurden + historyHolidayBurden }
    /// Σ weight × (2 as primary owner, 1 as secondary).
    public let ownershipLoad: Double
    public let primaryOwned: [String]
    public let secondaryOwned: [String]

    /// Shifts in `role` over history and period, minus the fair share (positive: more than the share).
    public func deviation(_ role: DutyRole) -> Double {
        role == .primary
            ? Double(primaryWeeks + historyPrimaryWeeks) - fairShare
            : Double(backupWeeks + historyBackupWeeks) - backupFairShare
    }
}

/// The fairness figures of a schedule, computed from the schedule, the scenario and the calendar alone.
public struct FairnessReport: Sendable {
    public let engineers: [EngineerFairness]
    /// Broken instances of each soft rule (see ``RuleChecker/softFindings(_:)``).
    public let softBroken: [SchedulingRule: Int]
    /// Assignments that differ from the baseline, when there is one.
    public let changes: Int?

    public init(schedule: Schedule, scenario: Scenario, baseline: PlanBaseline? = nil) {
        let period = scenario.period
        let available = scenario.engineers.map { engineer in
            period.allWeeks.filter { !engineer.isOnLeave(during: $0) }.count
        }
        // History: today's engineers who appear in it count as available for its shifts too (see docs/model.md).
        let history = scenario.history
        let historyShifts = Set(history.shifts.map(\.dates.first)).count
        let availableWithHistory = scenario.engineers.enumerated().map { e, engineer in
            available[e] + (history.includes(engineer.id) ? historyShifts : 0)
        }
        let totalAvailable = availableWithHistory.reduce(0, +)
        func share(_ role: DutyRole, _ e: Int) -> Double {
            let duties = period.weeks + scenario.engineers.reduce(0) { $0 + history.count($1.id, role) }
            return totalAvailable > 0 ? Double(duties * availableWithHistory[e]) / Double(totalAvailable) : 0
        }
        let weights = Dictionary(scenario.pipelines.map { ($0.id, $0.weight) }, uniquingKeysWith: { first, _ in first })
        engineers = scenario.engineers.enumerated().map { index, engineer in
            let personal = scenario.personalCalendar(engineer)
            var duty: [HolidayDuty] = []
            for week in schedule.weeks {
                for role in DutyRole.allCases where week.engineer(for: role) == engineer.id {
                    let burden = personal.burden(during: period.week(week.number - 1))
                    if burden.weight > 0 {
                        duty.append(
                            HolidayDuty(
                                week: week.number, role: role, holidays: burden.holidays,
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
            let primaryOwned = schedule.ownership.filter { $0.primary == engineer.id }.map(\.pipeline)
            let secondaryOwned = schedule.ownership.filter { $0.secondary == engineer.id }.map(\.pipeline)
            let load =
                primaryOwned.reduce(0) { $0 + 2 * (weights[$1] ?? 0) }
                + secondaryOwned.reduce(0) { $0 + (weights[$1] ?? 0) }
            return EngineerFairness(
                engineer: engineer, availableWeeks: available[index],
                fairShare: share(.primary, index), backupFairShare: share(.backup, index),
                primaryWeeks: schedule.weeks.filter { $0.primary == engineer.id }.count,
                backupWeeks: schedule.weeks.filter { $0.backup == engineer.id }.count,
                holidayDuty: duty, historyPrimaryWeeks: history.count(engineer.id, .primary),
                historyBackupWeeks: history.count(engineer.id, .backup), historyHolidayBurden: historyBurden,
                ownershipLoad: load, primaryOwned: primaryOwned, secondaryOwned: secondaryOwned)
        }
        var broken: [SchedulingRule: Int] = [:]
        for finding in RuleChecker(scenario: scenario).softFindings(schedule) {
            if let rule = finding.rule.schedulingRule { broken[rule, default: 0] += 1 }
        }
        softBroken = broken
        changes = baseline.map { ScheduleChanges(baseline: $0, schedule: schedule, scenario: scenario).changes.count }
    }

    public var largestPrimaryDeviation: Double { engineers.map { abs($0.deviation(.primary)) }.max() ?? 0 }
    public var largestBackupDeviation: Double { engineers.map { abs($0.deviation(.backup)) }.max() ?? 0 }
    /// This period's holiday burden of the whole team (history is a constant and left out).
    public var totalHolidayBurden: Int { engineers.reduce(0) { $0 + $1.holidayBurden } }
    /// The largest holiday burden of one engineer, history included.
    public var largestHolidayBurden: Int { engineers.map(\.countedHolidayBurden).max() ?? 0 }
    public var largestOwnershipLoad: Double { engineers.map(\.ownershipLoad).max() ?? 0 }
    /// Whether any engineer has history.
    public var hasHistory: Bool { engineers.contains { $0.historyPrimaryWeeks + $0.historyBackupWeeks > 0 } }

    /// The figure an objective level minimizes, measured on the schedule.
    public func value(of kind: ObjectiveKind) -> Double {
        if let rule = kind.softRule { return Double(softBroken[rule] ?? 0) }
        switch kind {
        case .primaryBalance: return largestPrimaryDeviation
        case .backupBalance: return largestBackupDeviation
        case .holidayTotal: return Double(totalHolidayBurden)
        case .holidayLargest: return Double(largestHolidayBurden)
        case .ownershipLargest: return largestOwnershipLoad
        case .changes: return Double(changes ?? 0)
        default: return 0
        }
    }
}
