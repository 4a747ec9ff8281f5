/// An RRULE (RFC 5545 §3.3.10) with the parts calendar exports use for leave and days off: FREQ DAILY, WEEKLY,
/// MONTHLY or YEARLY; INTERVAL; COUNT or UNTIL; BYDAY (with ordinals for MONTHLY and YEARLY); BYMONTHDAY;
/// BYMONTH; WKST. Other parts are rejected with the line, never ignored.
struct RecurrenceRule {
    enum Frequency: String {
        case daily = "DAILY"
        case weekly = "WEEKLY"
        case monthly = "MONTHLY"
        case yearly = "YEARLY"
    }

    struct WeekdayRule: Equatable {
        /// 1st, 2nd, -1st (last)… or nil for every such weekday of the period.
        let ordinal: Int?
        /// ISO weekday, 1 = Monday.
        let weekday: Int
    }

    let frequency: Frequency
    let interval: Int
    let count: Int?
    let until: ICalendarTime?
    let byDay: [WeekdayRule]
    let byMonthDay: [Int]
    let byMonth: [Int]
    let weekStart: Int

    static let weekdayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    static func parse(_ line: ContentLine, times: ICalendarTimeParser) throws(CalendarError) -> RecurrenceRule {
        func fail(_ problem: String, _ hint: String? = nil) -> CalendarError {
            .iCalendar(
                SourceLocation(file: times.file, line: line.line), problem: "RRULE: \(problem)",
                hint: hint ?? "Rota expands FREQ=DAILY/WEEKLY/MONTHLY/YEARLY with INTERVAL, COUNT, UNTIL, BYDAY, "
                    + "BYMONTHDAY and BYMONTH; list unusual dates under leave: instead")
        }
        var parts: [String: String] = [:]
        for part in line.value.split(separator: ";") where !part.isEmpty {
            let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pieces.count == 2 else { throw fail("\"\(part)\" is not NAME=VALUE") }
            parts[pieces[0].uppercased()] = pieces[1]
        }
        let supported: Set<String> = ["FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "WKST"]
        if let unsupported = parts.keys.sorted().first(where: { !supported.contains($0) }) {
            throw fail("\(unsupported) is not supported")
        }
        guard let frequencyText = parts["FREQ"] else { throw fail("FREQ is missing") }
        guard let frequency = Frequency(rawValue: frequencyText.uppercased()) else {
            throw fail("FREQ=\(frequencyText) is not supported")
        }
        func integers(_ name: String, in range: ClosedRange<Int>) throws(CalendarError) -> [Int] {
            guard let text = parts[name] else { return [] }
            var values: [Int] = []
            for piece in text.split(separator: ",") {
                guard let value = Int(piece), range.contains(value), value != 0 else {
                    throw fail("\(name)=\(text) holds \"\(piece)\", expected \(range.lowerBound)…\(range.upperBound)")
                }
                values.append(value)
            }
            return values
        }
        let interval = try integers("INTERVAL", in: 1...1000).first ?? 1
        let count = try integers("COUNT", in: 1...100_000).first
        var until: ICalendarTime? = nil
        if let text = parts["UNTIL"] {
            if count != nil { throw fail("both COUNT and UNTIL are given", "RFC 5545 allows one of them") }
            let untilLine = ContentLine(name: "UNTIL", parameters: [:], value: text, line: line.line)
            until = try times.time(text, of: untilLine)
        }
        var byDay: [WeekdayRule] = []
        if let text = parts["BYDAY"] {
            for piece in text.split(separator: ",") {
                let code = String(piece.suffix(2)).uppercased()
                guard let index = weekdayCodes.firstIndex(of: code) else {
                    throw fail("BYDAY \"\(piece)\" is not a weekday")
                }
                let prefix = piece.dropLast(2)
                var ordinal: Int? = nil
                if !prefix.isEmpty {
                    guard let value = Int(prefix), value != 0, abs(value) <= 53 else {
                        throw fail("BYDAY \"\(piece)\" has a bad ordinal")
                    }
                    guard frequency == .monthly || frequency == .yearly else {
                        throw fail("BYDAY with an ordinal (\(piece)) needs FREQ=MONTHLY or YEARLY")
                    }
                    ordinal = value
                }
                byDay.append(WeekdayRule(ordinal: ordinal, weekday: index + 1))
            }
        }
        var weekStart = 1
        if let text = parts["WKST"] {
            guard let index = weekdayCodes.firstIndex(of: text.uppercased()) else {
                throw fail("WKST=\(text) is not a weekday")
            }
            weekStart = index + 1
        }
        return RecurrenceRule(
            frequency: frequency, interval: interval, count: count, until: until, byDay: byDay,
            byMonthDay: try integers("BYMONTHDAY", in: -31...31), byMonth: try integers("BYMONTH", in: 1...12),
            weekStart: weekStart)
    }

    /// The dates of the occurrences from `start` (always the first) up to `horizon`, stopping at COUNT or when
    /// `isPastUntil` says a date is beyond UNTIL.
    func dates(from start: CalendarDate, through horizon: CalendarDate, isPastUntil: (CalendarDate) -> Bool)
        -> [CalendarDate]
    {
        var result: [CalendarDate] = [start]
        if let count, result.count >= count { return result }
        for period in 0..<1_000_000 {
            if periodStart(period, start: start) > horizon { break }
            for date in candidates(period: period, start: start) where date > start {
                if isPastUntil(date) || date > horizon { return result }
                result.append(date)
                if let count, result.count >= count { return result }
            }
        }
        return result
    }

    /// The first day of period `index`.
    private func periodStart(_ index: Int, start: CalendarDate) -> CalendarDate {
        switch frequency {
        case .daily:
            return start.adding(days: index * interval)
        case .weekly:
            let offset = (start.isoWeekday - weekStart + 7) % 7
            return start.adding(days: -offset + index * interval * 7)
        case .monthly:
            let months = start.month - 1 + index * interval
            return CalendarDate(year: start.year + months / 12, month: months % 12 + 1, day: 1)!
        case .yearly:
            return CalendarDate(year: start.year + index * interval, month: 1, day: 1)!
        }
    }

    private func candidates(period index: Int, start: CalendarDate) -> [CalendarDate] {
        switch frequency {
        case .daily:
            let date = start.adding(days: index * interval)
            return matchesFilters(date) ? [date] : []
        case .weekly:
            let weekBegin = periodStart(index, start: start)
            let weekdays = byDay.isEmpty ? [start.isoWeekday] : byDay.map(\.weekday)
            return (0..<7).map { weekBegin.adding(days: $0) }.filter {
                weekdays.contains($0.isoWeekday) && (byMonth.isEmpty || byMonth.contains($0.month))
            }
        case .monthly:
            let months = start.month - 1 + index * interval
            let year = start.year + months / 12
            let month = months % 12 + 1
            if !byMonth.isEmpty, !byMonth.contains(month) { return [] }
            return days(inMonth: month, year: year, start: start)
        case .yearly:
            let year = start.year + index * interval
            if !byDay.isEmpty, byMonth.isEmpty, byMonthDay.isEmpty {
                return days(inYear: year)
            }
            let months = byMonth.isEmpty ? (byMonthDay.isEmpty ? [start.month] : Array(1...12)) : byMonth
            return months.sorted().flatMap { days(inMonth: $0, year: year, start: start) }
        }
    }

    private func matchesFilters(_ date: CalendarDate) -> Bool {
        if !byMonth.isEmpty, !byMonth.contains(date.month) { return false }
        if !byMonthDay.isEmpty {
            let length = CalendarDate.daysIn(month: date.month, year: date.year)
            if !byMonthDay.contains(where: { ($0 > 0 ? $0 : length + 1 + $0) == date.day }) { return false }
        }
        if !byDay.isEmpty, !byDay.contains(where: { $0.weekday == date.isoWeekday }) { return false }
        return true
    }

    private func days(inMonth month: Int, year: Int, start: CalendarDate) -> [CalendarDate] {
        let length = CalendarDate.daysIn(month: month, year: year)
        let all = (1...length).compactMap { CalendarDate(year: year, month: month, day: $0) }
        var chosen: [CalendarDate]
        if !byMonthDay.isEmpty {
            let wanted = Set(byMonthDay.map { $0 > 0 ? $0 : length + 1 + $0 })
            chosen = all.filter { wanted.contains($0.day) }
            if !byDay.isEmpty { chosen = chosen.filter { day in byDay.contains { $0.weekday == day.isoWeekday } } }
        } else if !byDay.isEmpty {
            chosen = Self.select(byDay, from: all)
        } else {
            chosen = all.filter { $0.day == start.day }
        }
        return chosen.sorted()
    }

    private func days(inYear year: Int) -> [CalendarDate] {
        let first = CalendarDate(year: year, month: 1, day: 1)!
        let length = CalendarDate.daysIn(month: 2, year: year) == 29 ? 366 : 365
        return Self.select(byDay, from: (0..<length).map { first.adding(days: $0) }).sorted()
    }

    /// Weekdays of a month or year: every such weekday, or the n-th (from the end when negative).
    private static func select(_ rules: [WeekdayRule], from days: [CalendarDate]) -> [CalendarDate] {
        var result = Set<CalendarDate>()
        for rule in rules {
            let matching = days.filter { $0.isoWeekday == rule.weekday }
            if let ordinal = rule.ordinal {
                let index = ordinal > 0 ? ordinal - 1 : matching.count + ordinal
                if matching.indices.contains(index) { result.insert(matching[index]) }
            } else {
                result.formUnion(matching)
            }
        }
        return Array(result)
    }
}
