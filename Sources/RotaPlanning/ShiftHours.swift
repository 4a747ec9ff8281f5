import Foundation
import RotaModel

/// The hours of one kind each shift holds for each engineer, as the hours goals' rows count them: the shift's
/// span (handoff to handoff) cut at the engineer's local midnights with Foundation's calendar in their zone, each
/// day taken whole by its kind (a festival they observe, their weekend, a counted holiday) or split at their working
/// hours. Computed here on its own, apart from the rule checker's ``OnCallHours`` (which walks instants), so that
/// a test comparing the two compares two computations.
struct ShiftHours {
    /// `seconds[e][t]`: seconds of the kind slot t holds for engineer e (whoever holds it).
    let seconds: [[Int]]

    init(kind: HourKind, scenario: Scenario, slots: [(rotation: Int, dates: DateRange)]) {
        let clocks = scenario.shiftClocks
        seconds = scenario.engineers.map { engineer in
            let counter = DayCounter(engineer: engineer, scenario: scenario)
            return slots.map { slot in
                counter.seconds(of: kind, in: clocks[slot.rotation].span(of: slot.dates))
            }
        }
    }

    struct DayCounter {
        let calendar: Calendar
        let personal: PersonalCalendar
        let weekend: Set<Int>
        let hours: WorkingHours
        let counted: Set<HolidayCategory>

        init(engineer: Engineer, scenario: Scenario) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: engineer.timeZone) ?? TimeZone(identifier: "UTC")!
            self.calendar = calendar
            personal = scenario.personalCalendar(engineer)
            weekend = personal.region?.weekend ?? []
            hours = scenario.workingHours(of: engineer)
            counted = scenario.rules.holidayCategories
        }

        /// What a local day is taken as whole, or nil for a working day.
        func wholeDay(_ start: Date) -> HourKind? {
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: start)
            guard let date = CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!) else { return nil }
            let onDay = personal.holidays(during: DateRange(first: date, last: date)!)
            if onDay.contains(where: { personal.observedFestival($0) != nil }) { return .festival }
            // Foundation numbers Sunday 1 … Saturday 7; the regions, Monday 1 … Sunday 7.
            if weekend.contains(parts.weekday! == 1 ? 7 : parts.weekday! - 1) { return .weekend }
            if onDay.contains(where: { counted.contains($0.category) }) { return .publicHoliday }
            return nil
        }

        /// The instant a wall clock shows `seconds` after midnight on the day starting at `dayStart` (24:00: the next
        /// midnight).
        func wall(_ seconds: Int, of dayStart: Date, nextDay: Date) -> Date {
            guard seconds < 86_400 else { return nextDay }
            return calendar.date(
                bySettingHour: seconds / 3600, minute: seconds % 3600 / 60, second: seconds % 60, of: dayStart)
                ?? dayStart.addingTimeInterval(TimeInterval(seconds))
        }

        func seconds(of kind: HourKind, in span: TimeSpan) -> Int {
            let end = Date(timeIntervalSince1970: TimeInterval(span.end.secondsSince1970))
            var cursor = Date(timeIntervalSince1970: TimeInterval(span.start.secondsSince1970))
            var total = 0.0
            while cursor < end {
                let dayStart = calendar.startOfDay(for: cursor)
                let nextDay = calendar.date(byAdding: .day, value: 1, to: dayStart)!
                let pieceEnd = min(nextDay, end)
                let piece = pieceEnd.timeIntervalSince(cursor)
                if let whole = wholeDay(dayStart) {
                    if whole == kind { total += piece }
                } else if kind == .working || kind == .outOfHours {
                    let open = wall(hours.start, of: dayStart, nextDay: nextDay)
                    let close = wall(hours.end, of: dayStart, nextDay: nextDay)
                    let inside = max(0, min(close, pieceEnd).timeIntervalSince(max(open, cursor)))
                    total += kind == .working ? inside : piece - inside
                }
                cursor = pieceEnd
            }
            return Int(total.rounded())
        }
    }
}
