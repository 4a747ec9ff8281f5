/// One engineer's leave as people take it: a few days around their festivals, a week or two in the school holidays
/// of their country (summer in the north, December–January in Australia, the year-end break in Asia), Christmas
/// week in countries that close for it, and a few single days.
struct LeaveDraw {
    let period: DateRange
    let country: String
    var random: SeededRandom
    private var drawn: [DateRange] = []

    init(period: DateRange, country: String, random: SeededRandom) {
        self.period = period
        self.country = country
        self.random = random
    }

    /// Two to five days around a holiday (bridging it to the weekend, or travelling home).
    mutating func around(_ day: CalendarDate) {
        add(day.adding(days: -random.int(in: 0...2)), day.adding(days: random.int(in: 1...3)))
    }

    /// A week (sometimes two) inside each school-holiday window the period touches, and Christmas week.
    mutating func schoolHolidays() {
        for year in (period.first.year - 1)...period.last.year {
            for window in Self.windows(country: country, year: year) where window.range.overlaps(period) {
                guard random.chance(window.likelihood) else { continue }
                let span = window.range.last.dayNumber - window.range.first.dayNumber
                let monday = Self.monday(
                    onOrAfter: window.range.first.adding(days: random.int(in: 0...max(0, span - 7))))
                add(monday, monday.adding(days: random.chance(0.3) ? 11 : 4))
            }
            if Self.closesForChristmas.contains(country), random.chance(0.35),
                let christmas = CalendarDate(year: year, month: 12, day: 24)
            {
                add(christmas, christmas.adding(days: 7))
            }
        }
    }

    /// Zero to three single days off.
    mutating func scatteredDays() {
        let days = period.last.dayNumber - period.first.dayNumber
        for _ in 0..<random.int(in: 0...3) {
            let day = period.first.adding(days: random.int(in: 0...days))
            if day.isoWeekday <= 5 { add(day, day) }
        }
    }

    /// The leave inside the period, sorted, overlapping and adjacent ranges merged.
    var ranges: [DateRange] {
        var merged: [DateRange] = []
        for range in drawn.sorted(by: { ($0.first, $0.last) < ($1.first, $1.last) }) {
            if let last = merged.last, range.first.dayNumber <= last.last.dayNumber + 1 {
                merged[merged.count - 1] = DateRange(first: last.first, last: max(last.last, range.last))!
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    private mutating func add(_ first: CalendarDate, _ last: CalendarDate) {
        let clipped = (max(first, period.first), min(last, period.last))
        if let range = DateRange(first: clipped.0, last: clipped.1) { drawn.append(range) }
    }

    private static let closesForChristmas: Set<String> = ["GB", "DE", "US", "AU"]

    private static func windows(country: String, year: Int) -> [(range: DateRange, likelihood: Double)] {
        func range(_ m1: Int, _ d1: Int, _ y2: Int, _ m2: Int, _ d2: Int) -> DateRange {
            DateRange(
                first: CalendarDate(year: year, month: m1, day: d1)!, last: CalendarDate(year: y2, month: m2, day: d2)!)!
        }
        switch country {
        case "GB", "DE", "US": return [(range(7, 1, year, 8, 31), 0.8)]
        case "AU": return [(range(12, 15, year + 1, 1, 31), 0.8)]
        default: return [(range(11, 20, year, 12, 31), 0.5)]
        }
    }

    private static func monday(onOrAfter day: CalendarDate) -> CalendarDate {
        day.adding(days: (8 - day.isoWeekday) % 7)
    }
}

/// Keeps generated leave plannable: in every rotation and shift at least three of the roster are at work (a primary,
/// a backup, and someone else when last week's primary may not go again). Where leave clusters too much, the
/// leave of whoever has the most is dropped for that week, as a lead would refuse the last request.
enum TeamLeave {
    static func repair(_ engineers: inout [GeneratedEngineer], rosters: [[String]], start: CalendarDate, weeks: Int) {
        let position = Dictionary(uniqueKeysWithValues: engineers.enumerated().map { ($1.id, $0) })
        for roster in rosters {
            let needed = min(3, roster.count)
            for week in 0..<weeks {
                let shift = DateRange(first: start.adding(days: 7 * week), last: start.adding(days: 7 * week + 6))!
                while true {
                    let away = roster.map { position[$0]! }.filter {
                        engineers[$0].leave.contains { $0.overlaps(shift) }
                    }
                    guard roster.count - away.count < needed else { break }
                    let most = away.max { a, b in
                        (leaveDays(engineers[a]), engineers[b].id) < (leaveDays(engineers[b]), engineers[a].id)
                    }!
                    engineers[most].leave.removeAll { $0.overlaps(shift) }
                }
            }
        }
    }

    private static func leaveDays(_ engineer: GeneratedEngineer) -> Int {
        engineer.leave.reduce(0) { $0 + $1.last.dayNumber - $1.first.dayNumber + 1 }
    }
}
