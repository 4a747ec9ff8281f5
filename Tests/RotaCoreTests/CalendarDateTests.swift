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
