/// Calendar facts for one engineer in one week of the period: leave, and the holidays that weigh for them.
public struct WeekAvailability: Sendable {
    /// Whether the week overlaps the engineer's leave (then they cannot be on duty).
    public let onLeave: Bool
    /// Holidays inside the week that weigh in the engineer's holiday burden, by date.
    public let holidays: [Holiday]
    /// The week's weight in the holiday burden: the sum of its days' weights (see ``PersonalCalendar``).
    public let holidayWeight: Int
}

/// Leave and holidays for every engineer and week of a scenario: the calendar input of the model.
public struct TeamAvailability: Sendable {
    /// `weeks[engineer][week]`, in scenario order.
    public let weeks: [[WeekAvailability]]

    public init(scenario: Scenario) {
        weeks = scenario.engineers.map { engineer in
            let personal = scenario.personalCalendar(engineer)
            return scenario.period.allWeeks.map { week in
                let burden = personal.burden(during: week)
                return WeekAvailability(
                    onLeave: engineer.isOnLeave(during: week), holidays: burden.holidays, holidayWeight: burden.weight)
            }
        }
    }

    /// Weeks the engineer is not on leave.
    public func availableWeeks(_ engineer: Int) -> Int { weeks[engineer].filter { !$0.onLeave }.count }
}
