import Foundation
import PropertyBased
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

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

    /// The byte parser and writer agree with the rule read as text: `YYYY-MM-DD`, four, two and two ASCII digits
    /// (a reference written here on Characters), on random near-dates; and the text is zero-padded.
    @Test func isoTextIsReadAndWrittenAsTheCharacterRuleSays() {
        func reference(_ text: String) -> CalendarDate? {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
            else { return nil }
            return CalendarDate(year: year, month: month, day: day)
        }
        var random = SeededRandom(seed: 12)
        let alphabet: [Character] = ["0", "1", "2", "3", "9", "-", "-", "/", " ", "٣", "a", "+"]
        var valid = 0
        for _ in 0..<5000 {
            var text = String((0..<random.int(in: 8...11)).map { _ in random.pick(alphabet) })
            if random.int(in: 0...1) == 0 {  // mostly well-formed, so that many are dates
                text = String(
                    format: "%04d-%02d-%02d", random.int(in: 0...9999), random.int(in: 0...13), random.int(in: 0...32))
            }
            #expect(CalendarDate(iso: text) == reference(text), "\(text)")
            if let date = CalendarDate(iso: text) {
                valid += 1
                #expect(date.description == text)
            }
        }
        #expect(valid > 1000)
        #expect(CalendarDate(year: 7, month: 3, day: 9)!.description == "0007-03-09")
    }

    @Test func rangesIncludeBothEnds() {
        let range = DateRange(first: CalendarDate(iso: "2027-03-08")!, last: CalendarDate(iso: "2027-03-12")!)!
        #expect(range.days.count == 5)
        #expect(range.contains(CalendarDate(iso: "2027-03-12")!))
        #expect(!range.contains(CalendarDate(iso: "2027-03-13")!))
        #expect(DateRange(first: range.last, last: range.first) == nil)
    }
}
