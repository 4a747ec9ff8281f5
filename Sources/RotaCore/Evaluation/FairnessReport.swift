/// A duty week that holds public holidays of the engineer's region.
public struct HolidayDuty: Sendable {
    public let week: Int
    public let role: DutyRole
    public let holidays: [Holiday]
    /// The week's holiday weight (see ``PersonalCalendar``) × 2 as primary, × 1 as backup.
    public let burden: Int
}

/// One engineer's figures.
public struct EngineerFairness: Sendable {
    public let engineer: Engineer
    public let availableWeeks: Int
    /// Fair share of primary weeks, and equally of backup weeks: weeks × available / all available.
    public let fairShare: Double
    public let primaryWeeks: Int
    public let backupWeeks: Int
    public let holidayDuty: [HolidayDuty]
    public var holidayBurden: Int { holidayDuty.reduce(0) { $0 + $1.burden } }
    /// Σ weight × (2 as primary owner, 1 as secondary).
    public let ownershipLoad: Double
    public let primaryOwned: [String]
    public let secondaryOwned: [String]
}

/// The fairness figures of a schedule, computed from the schedule, the scenario and the calendar alone.
public struct FairnessReport: Sendable {
    public let engineers: [EngineerFairness]

    public init(schedule: Schedule, scenario: Scenario) {
        let period = scenario.period
        let available = scenario.engineers.map { engineer in
            period.allWeeks.filter { !engineer.isOnLeave(during: $0) }.count
        }
        let total = available.reduce(0, +)
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
            let primaryOwned = schedule.ownership.filter { $0.primary == engineer.id }.map(\.pipeline)
            let secondaryOwned = schedule.ownership.filter { $0.secondary == engineer.id }.map(\.pipeline)
            let load =
                primaryOwned.reduce(0) { $0 + 2 * (weights[$1] ?? 0) }
                + secondaryOwned.reduce(0) { $0 + (weights[$1] ?? 0) }
            return EngineerFairness(
                engineer: engineer, availableWeeks: available[index],
                fairShare: total > 0 ? Double(period.weeks * available[index]) / Double(total) : 0,
                primaryWeeks: schedule.weeks.filter { $0.primary == engineer.id }.count,
                backupWeeks: schedule.weeks.filter { $0.backup == engineer.id }.count,
                holidayDuty: duty, ownershipLoad: load, primaryOwned: primaryOwned, secondaryOwned: secondaryOwned)
        }
    }

    public var largestPrimaryDeviation: Double {
        engineers.map { abs(Double($0.primaryWeeks) - $0.fairShare) }.max() ?? 0
    }
    public var largestBackupDeviation: Double {
        engineers.map { abs(Double($0.backupWeeks) - $0.fairShare) }.max() ?? 0
    }
    public var totalHolidayBurden: Int { engineers.reduce(0) { $0 + $1.holidayBurden } }
    public var largestHolidayBurden: Int { engineers.map(\.holidayBurden).max() ?? 0 }
    public var largestOwnershipLoad: Double { engineers.map(\.ownershipLoad).max() ?? 0 }

    /// The figure an objective level minimizes, measured on the schedule.
    public func value(of kind: ObjectiveKind) -> Double {
        switch kind {
        case .primaryBalance: return largestPrimaryDeviation
        case .backupBalance: return largestBackupDeviation
        case .holidayTotal: return Double(totalHolidayBurden)
        case .holidayLargest: return Double(largestHolidayBurden)
        case .ownershipLargest: return largestOwnershipLoad
        }
    }
}
