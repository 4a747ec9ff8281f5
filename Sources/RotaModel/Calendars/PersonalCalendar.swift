/// One engineer's holidays and how much each day weighs in their holiday burden.
///
/// A day weighs the festival weight when it is a day of a festival they observe (on their weekend too, unless
/// `rules.weekend_festivals: ignore`), 1 when a holiday of a counted category (`rules.holiday_categories`, default
/// public and company days) falls on it on a working day, and 0 otherwise: a public holiday on the weekend weighs
/// nothing, as the calendars list its substitute day.
public struct PersonalCalendar: Sendable {
    public let engineer: Engineer
    public let region: Region?
    private let calendar: HolidayCalendar
    private let rules: Rules

    public init(engineer: Engineer, calendar: HolidayCalendar, rules: Rules) {
        self.engineer = engineer
        self.region = calendar.regions[engineer.region]
        self.calendar = calendar
        self.rules = rules
    }

    /// Region holidays and company days inside `range`, by date then name.
    public func holidays(during range: DateRange) -> [Holiday] {
        (calendar.holidays(in: engineer.region, during: range) + engineer.companyDays.filter { range.contains($0.date) })
            .sorted { ($0.date, $0.name, $0.region) < ($1.date, $1.name, $1.region) }
    }

    /// The festival of `holiday` the engineer observes, if any.
    public func observedFestival(_ holiday: Holiday) -> ObservedFestival? {
        engineer.observes.first { $0.matches(holiday) }
    }

    /// What one day weighs in the holiday burden, given the holidays on it.
    public func weight(of date: CalendarDate, holidays: [Holiday]) -> Int {
        let weekend = region?.isWeekend(date) == true
        if weekend && rules.weekendFestivals == .ignore { return 0 }
        var weight = 0
        for holiday in holidays where holiday.date == date {
            if let festival = observedFestival(holiday) {
                weight = max(weight, festival.weight ?? rules.festivalWeight)
            } else if !weekend && rules.holidayCategories.contains(holiday.category) {
                weight = max(weight, 1)
            }
        }
        return weight
    }

    /// The holidays inside `range` that weigh (weight > 0), and the sum of the day weights.
    public func burden(during range: DateRange) -> (holidays: [Holiday], weight: Int) {
        let all = holidays(during: range)
        var counted: [Holiday] = []
        var total = 0
        for date in Set(all.map(\.date)).sorted() {
            let onDay = all.filter { $0.date == date }
            let weight = weight(of: date, holidays: onDay)
            if weight > 0 {
                total += weight
                counted += onDay.filter { observedFestival($0) != nil || rules.holidayCategories.contains($0.category) }
            }
        }
        return (counted, total)
    }
}
