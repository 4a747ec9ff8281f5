import PropertyBased
import Testing

@testable import RotaCore

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test func knownDays() {
        #expect(CalendarDate(iso: "1970-01-01")!.dayNumber == 0)
        #expect(CalendarDate(iso: "2000-03-01")!.dayNumber == 11_017)
        #expect(CalendarDate(iso: "2027-01-04")!.isoWeekday == 1)  // a Monday
        #expect(CalendarDate(iso: "2026-12-25")!.weekdayName == "Friday")
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(dayNumber: -1).description == "1969-12-31")
    }

    @Test(arguments: [
        "2027-02-29", "2027-02-30", "2027-13-01", "2027-00-10", "2027-1-04", "27-01-04", "2027/01/04", "",
        "2027-01-04x",
    ])
    func invalidTextIsRejected(_ text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func dayNumbersRoundTrip() async {
        // Day numbers of 0001-01-01 … 9999-12-31, the years CalendarDate represents.
        await propertyCheck(count: 500, input: Gen.int(in: -719_162...2_932_896)) { day in
            let date = CalendarDate(dayNumber: day)
            #expect(date.dayNumber == day)
            #expect(CalendarDate(iso: date.description) == date)
            #expect(date.adding(days: 1).isoWeekday == date.isoWeekday % 7 + 1)
        }
    }

    @Test func rangesIncludeBothEnds() {
        let range = DateRange(first: CalendarDate(iso: "2027-03-08")!, last: CalendarDate(iso: "2027-03-12")!)!
        #expect(range.days.count == 5)
        #expect(range.contains(CalendarDate(iso: "2027-03-12")!))
        #expect(!range.contains(CalendarDate(iso: "2027-03-13")!))
        #expect(DateRange(first: range.last, last: range.first) == nil)
    }
}

@Suite("Built-in holiday calendar")
struct HolidayCalendarTests {
    // Spot checks against official announcements: Malaysia's Prime Minister's Department federal holiday list
    // for 2026 (Hari Raya Aidilfitri 21–22 March), Selangor's state gazette (Sultan's birthday 11 December),
    // GOV.UK bank holidays (Scotland: St Andrew's Day 30 November 2026, a Monday).
    @Test func spotChecks() {
        let calendar = HolidayCalendar.builtin
        func names(_ region: String, _ day: String) -> [String] {
            let date = CalendarDate(iso: day)!
            return calendar.holidays(in: region, during: DateRange(day: date)).map(\.name)
        }
        #expect(names("MY-10", "2026-03-21").contains("Eid al-Fitr"))
        #expect(names("MY-10", "2026-12-11").contains("Birthday of The Sultan of Selangor"))
        #expect(names("MY-14", "2026-12-11").isEmpty)  // a Selangor-only holiday
        #expect(names("GB-SCT", "2026-11-30").contains("Saint Andrew's Day"))
        #expect(names("GB-ENG", "2026-11-30").isEmpty)
        #expect(names("US-CA", "2026-11-26").contains("Thanksgiving Day"))
    }

    @Test func knowsItsRegionsAndYears() {
        let calendar = HolidayCalendar.builtin
        #expect(calendar.years == 2026...2027)
        #expect(calendar.knows(region: "MY-14"))
        #expect(!calendar.knows(region: "MY-99"))
        #expect(calendar.regions == calendar.regions.sorted())
    }
}
