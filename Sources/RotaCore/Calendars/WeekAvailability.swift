/// Calendar facts for one engineer in one week of the period: leave, and their region's holidays.
public struct WeekAvailability: Sendable {
    /// Whether the week overlaps the engineer's leave (then they cannot be on duty).
    public let onLeave: Bool
    /// Public holidays of the engineer's region inside the week, by date.
    public let holidays: [Holiday]
    /// Distinct holiday days inside the week: the week's weight in the holiday burden.
    public let holidayDays: Int
}

/// Leave and holidays for every engineer and week of a scenario: the calendar input of the model.
public struct TeamAvailability: Sendable {
    /// `weeks[engineer][week]`, in scenario order.
    public let weeks: [[WeekAvailability]]

    public init(scenario: Scenario, calendar: HolidayCalendar) {
        weeks = scenario.engineers.map { engineer in
            scenario.period.allWeeks.map { week in
                let holidays = calendar.holidays(in: engineer.region, during: week)
                return WeekAvailability(
                    onLeave: engineer.isOnLeave(during: week), holidays: holidays,
                    holidayDays: Set(holidays.map(\.date)).count)
            }
        }
    }

    /// Weeks the engineer is not on leave.
    public func availableWeeks(_ engineer: Int) -> Int { weeks[engineer].filter { !$0.onLeave }.count }
}
