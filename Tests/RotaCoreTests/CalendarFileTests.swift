import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// The iCalendar reader against files in the shapes Google Calendar and Outlook export (Tests/Fixtures/ics/).
@Suite("Reading iCalendar files")
struct CalendarFileTests {
    static let fixtures = TestScenarios.repositoryRoot.appendingPathComponent("Tests/Fixtures/ics")
    static let quarter = DateRange(first: CalendarDate(iso: "2027-01-01")!, last: CalendarDate(iso: "2027-03-31")!)!

    func read(_ name: String) throws -> CalendarFile {
        try CalendarFile.read(
            path: Self.fixtures.appendingPathComponent(name).path,
            windowsTimeZones: try TestScenarios.library.windowsTimeZones())
    }

    func days(_ file: CalendarFile, zone: String) -> [String] {
        file.occurrences(in: Self.quarter, timeZone: TimeZone(identifier: zone)!).map {
            "\($0.dates) \($0.summary)"
        }
    }

    @Test func googleExport() throws {
        let file = try read("google-leave.ics")
        #expect(
            days(file, zone: "Asia/Kuala_Lumpur") == [
                "2027-01-04 Training (away)",  // weekly, COUNT=4 …
                "2027-01-13 Training (away)",  // … the 11 January instance moved to the 13th (RECURRENCE-ID)
                "2027-01-18 Training (away)",
                "2027-01-25 Training (away)",
                "2027-02-08..2027-02-12 Annual leave; Johor",  // exclusive DTEND, escaped ';'
                "2027-03-02 Flight KUL",  // 20:00Z on 1 March is 04:00 on 2 March in Kuala Lumpur
            ])
        // The yearly birthday is excluded in 2027 (EXDATE) but not in 2026.
        let year2026 = DateRange(first: CalendarDate(iso: "2026-01-01")!, last: CalendarDate(iso: "2026-12-31")!)!
        #expect(
            file.occurrences(in: year2026, timeZone: TimeZone(identifier: "UTC")!).map(\.dates.description)
                == ["2026-03-06"])
        // The cancelled event is named, not silently dropped.
        #expect(file.notices.count == 1 && file.notices[0].contains("cancelled event \"Cancelled leave\""))
    }

    @Test func aFoldThatSplitsAUTF8CharacterIsJoinedBeforeDecoding() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("google-leave.ics"))
        #expect(data.range(of: Data([0xC3, 0x0D, 0x0A, 0x20, 0xA9])) != nil, "the fixture must split é across a fold")
        let lines = try ContentLine.lines(of: data, file: "google-leave.ics")
        let description = try #require(lines.first { $0.name == "DESCRIPTION" })
        #expect(description.text.contains("Café – naïve résumé"))
        #expect(description.text.contains("New Year, then"))  // "\," unescaped
    }

    /// A title with an escaped newline or raw control bytes becomes one harmless line for every report format.
    @Test func eventTitlesAreOneLineWithoutControlCharacters() throws {
        let ics =
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20270201\r\n"
            + "SUMMARY:Off\\nsite\u{1B}[2J day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let file = try CalendarFile.parse(data: Data(ics.utf8), file: "t.ics")
        let dates = try #require(
            DateRange(first: CalendarDate(iso: "2027-02-01")!, last: CalendarDate(iso: "2027-02-07")!))
        let occurrence = try #require(file.occurrences(in: dates, timeZone: TimeZone(identifier: "UTC")!).first)
        #expect(occurrence.summary == "Off site\\u{1B}[2J day")
        #expect(CalendarFile.title(nil) == "(no title)")
    }

    @Test func outlookExportWithWindowsTimeZones() throws {
        let file = try read("outlook-leave.ics")
        #expect(
            days(file, zone: "Asia/Singapore") == [
                "2027-01-05 Part-time day off",  // weekly on Tuesdays …
                "2027-01-19 Part-time day off",  // … 12 January excluded (EXDATE in the Windows zone)
                "2027-01-26 Part-time day off",  // UNTIL 16:00Z on the 26th is midnight on the 27th in Singapore
                "2027-02-22..2027-02-26 Out of office",  // midnight to midnight: the 27th is not touched
            ])
        // Read by someone in London the same out-of-office starts at 16:00 on 21 February.
        #expect(days(file, zone: "Europe/London").contains("2027-02-21..2027-02-26 Out of office"))
        #expect(file.notices.count == 1 && file.notices[0].contains("VTODO ignored"))
    }

    @Test func companyDaysWithMonthlyOrdinalAndDuration() throws {
        let file = try read("company-days.ics")
        #expect(
            days(file, zone: "UTC") == [
                "2027-02-03..2027-02-04 Company offsite",  // DURATION:P2D
                "2027-03-01 Company family day",  // first Monday of March, yearly
            ])
    }

    @Test(arguments: [
        ("missing-end.ics", 7, "END:VCALENDAR, but BEGIN:VEVENT on line 3 is still open"),
        ("broken-fold.ics", 1, "the file starts with a continuation line"),
        ("unsupported-rule.ics", 6, "RRULE: BYSETPOS is not supported"),
        ("unknown-zone.ics", 5, "unknown time zone TZID=Mars/Olympus"),
    ])
    func whatCannotBeUsedIsNamedWithItsLine(file: String, line: Int, fragment: String) throws {
        let error = #expect(throws: CalendarError.self) { try read(file) }
        guard case .iCalendar(let location, let problem, _) = error else {
            Issue.record("expected an iCalendar error, got \(String(describing: error))")
            return
        }
        #expect(location.line == line)
        #expect(problem.contains(fragment), "\(problem)")
    }

    /// WEEKLY rules against a day-by-day oracle: a day is an occurrence when its weekday is listed and it lies in
    /// a week (counted from WKST) that is a multiple of INTERVAL weeks after the start's.
    @Test func weeklyRulesMatchADayByDayOracle() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<300 {
            let start = CalendarDate(iso: "2027-01-01")!.adding(days: Int(random.next() % 60))
            let interval = 1 + Int(random.next() % 3)
            let weekStart = 1 + Int(random.next() % 7)
            var weekdays = Set((0..<3).map { _ in 1 + Int(random.next() % 7) })
            weekdays.insert(start.isoWeekday)
            let rule = RecurrenceRule(
                frequency: .weekly, interval: interval, count: nil, until: nil,
                byDay: weekdays.sorted().map { .init(ordinal: nil, weekday: $0) }, byMonthDay: [], byMonth: [],
                weekStart: weekStart)
            let horizon = start.adding(days: 120)
            let expanded = rule.dates(from: start, through: horizon) { _ in false }
            func weekIndex(_ date: CalendarDate) -> Int {
                (date.dayNumber - (date.isoWeekday - weekStart + 7) % 7 - 4) / 7  // 1970-01-05 was a Monday
            }
            let oracle = (0...120).map { start.adding(days: $0) }.filter { day in
                weekdays.contains(day.isoWeekday) && (weekIndex(day) - weekIndex(start)) % interval == 0
            }
            #expect(expanded == oracle, "start \(start) interval \(interval) wkst \(weekStart) days \(weekdays)")
        }
    }

    /// MONTHLY BYDAY with an ordinal (e.g. 2TU, -1FR) against the definition: the n-th such weekday of the month.
    @Test func monthlyOrdinalsMatchTheirDefinition() {
        for ordinal in [1, 2, 3, 4, -1, -2] {
            for weekday in 1...7 {
                let start = CalendarDate(iso: "2027-01-01")!
                let rule = RecurrenceRule(
                    frequency: .monthly, interval: 1, count: nil, until: nil,
                    byDay: [.init(ordinal: ordinal, weekday: weekday)], byMonthDay: [], byMonth: [], weekStart: 1)
                let dates = rule.dates(from: start, through: CalendarDate(iso: "2027-12-31")!) { _ in false }
                    .filter { $0 != start }
                #expect(dates.count == 12 || (dates.count == 11 && dates.first!.month == 2))
                for date in dates {
                    let sameWeekday = (1...CalendarDate.daysIn(month: date.month, year: date.year)).filter {
                        CalendarDate(year: date.year, month: date.month, day: $0)!.isoWeekday == weekday
                    }
                    let index = ordinal > 0 ? ordinal - 1 : sameWeekday.count + ordinal
                    #expect(
                        date.isoWeekday == weekday && sameWeekday[index] == date.day, "\(ordinal) \(weekday) \(date)")
                }
            }
        }
    }
}
