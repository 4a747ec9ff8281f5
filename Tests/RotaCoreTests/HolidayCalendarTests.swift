import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

@Suite("Bundled holiday calendars")
struct HolidayCalendarTests {
    let library = TestScenarios.library

    func names(_ region: String, _ day: String) throws -> [String] {
        let date = CalendarDate(iso: day)!
        return try library.holidays(of: region).filter { $0.date == date }.map(\.name)
    }

    func holiday(_ region: String, _ day: String, _ name: String) throws -> Holiday? {
        try library.holidays(of: region).first { $0.date == CalendarDate(iso: day)! && $0.name == name }
    }

    // Malaysia: Prime Minister's Department (kabinet.gov.my) federal list HKA 2026: Hari Raya Aidilfitri
    // 21–22 March 2026, Sunday 22 March replaced on Monday 23 March; Selangor state gazette: the Sultan's
    // birthday on 11 December is a Selangor holiday, not Kuala Lumpur's.
    @Test func malaysia() throws {
        #expect(try names("MY-10", "2026-03-21").contains("Eid al-Fitr"))
        #expect(try names("MY-10", "2026-03-22").contains("Eid al-Fitr (Second Day)"))
        #expect(try holiday("MY-10", "2026-03-23", "Eid al-Fitr (Second Day)")?.observedSubstitute == true)
        #expect(try names("MY-10", "2026-12-11").contains("Birthday of The Sultan of Selangor"))
        #expect(try names("MY-14", "2026-12-11").isEmpty)
        #expect(try names("MY-14", "2026-02-01").contains("Federal Territory Day"))
        #expect(try names("MY-10", "2026-02-01").contains("Federal Territory Day") == false)
        // Every state and federal territory has its own calendar: 13 states + 3 territories + the federation.
        let malaysian = library.regions.values.filter { $0.country == "MY" }
        #expect(malaysian.count == 17)
        // Kedah, Kelantan and Terengganu keep a Friday–Saturday weekend (Holidays Act 1951 practice; the
        // `holidays` package's Malaysia notes); Johor returned to Saturday–Sunday in 2025.
        #expect(try library.region("MY-02").weekend == [5, 6])
        #expect(try library.region("MY-11").weekend == [5, 6])
        #expect(try library.region("MY-01").weekend == [6, 7])
    }

    // Singapore: Ministry of Manpower public holidays 2027: Chinese New Year 6–7 February (Sunday 7th
    // replaced on Monday 8th), Hari Raya Puasa 10 March, National Day 9 August.
    @Test func singapore() throws {
        #expect(try names("SG", "2027-02-06") == ["Chinese New Year"])
        #expect(try holiday("SG", "2027-02-08", "Chinese New Year")?.observedSubstitute == true)
        #expect(try names("SG", "2027-03-10") == ["Eid al-Fitr"])
        #expect(try names("SG", "2027-08-09") == ["National Day"])
    }

    // India: Republic Day 26 January (national); Karnataka Rajyotsava 1 November (Karnataka only). The 2027
    // dates are provisional: no official list for 2027 when the data was generated.
    @Test func india() throws {
        #expect(try names("IN", "2027-01-26").contains("Republic Day"))
        #expect(try names("IN-KA", "2027-11-01").contains("Karnataka Rajyotsava"))
        #expect(try names("IN-MH", "2027-11-01").isEmpty)
        #expect(try holiday("IN-KA", "2027-11-01", "Karnataka Rajyotsava")?.provisional == true)
        #expect(try holiday("IN-KA", "2026-11-01", "Karnataka Rajyotsava")?.provisional == false)
        #expect(library.regions.values.filter { $0.country == "IN" }.count == 37)  // 28 states, 8 UTs, national
    }

    // United States: Thanksgiving 26 November 2026 (5 U.S.C. 6103); California Government Code 6700:
    // Cesar Chavez Day 31 March and the day after Thanksgiving; Texas: Cesar Chavez Day is optional.
    @Test func unitedStates() throws {
        #expect(try names("US-CA", "2026-11-26").contains("Thanksgiving Day"))
        #expect(try names("US-CA", "2026-11-27").contains("Day After Thanksgiving"))
        #expect(try holiday("US-CA", "2026-03-31", "Cesar Chavez Day")?.category == .public)
        #expect(try holiday("US-TX", "2026-03-31", "Cesar Chavez Day")?.category == .optional)
        #expect(try holiday("US-CA", "2027-02-15", "Susan B. Anthony Day")?.category == .observance)
        let states = library.regions.values.filter { $0.country == "US" }.map(\.code)
        #expect(states.contains("US-DC") && states.contains("US-WY") && states.count >= 52)
    }

    // United Kingdom (GOV.UK bank holidays): St Andrew's Day 2025 fell on a Sunday, so Scotland had Monday
    // 1 December 2025 instead; England has no St Andrew's Day.
    @Test func unitedKingdom() throws {
        #expect(try holiday("GB-SCT", "2025-12-01", "Saint Andrew's Day")?.observedSubstitute == true)
        #expect(try names("GB-ENG", "2025-12-01").isEmpty)
        #expect(try names("GB-SCT", "2026-11-30") == ["Saint Andrew's Day"])
        #expect(try names("GB-NIR", "2027-03-17").contains("Saint Patrick's Day"))
    }

    // Germany 2027: Bavaria keeps Epiphany (6 Jan) and Corpus Christi (27 May); Berlin keeps Women's Day
    // (8 Mar) instead (Feiertagsgesetze of both Länder).
    @Test func germanyBavariaVersusBerlin() throws {
        #expect(try names("DE-BY", "2027-01-06") == ["Epiphany"])
        #expect(try names("DE-BE", "2027-01-06").isEmpty)
        #expect(try names("DE-BY", "2027-05-27") == ["Corpus Christi"])
        #expect(try names("DE-BE", "2027-05-27").isEmpty)
        #expect(try names("DE-BE", "2027-03-08") == ["Women's Day"])
        #expect(try names("DE-BY", "2027-03-08").isEmpty)
        // Assumption Day is a holiday only in Bavaria's Catholic-majority municipalities.
        #expect(try holiday("DE-BY", "2027-08-15", "Assumption Day")?.category == .optional)
    }

    // Australia: Australia Day 26 January; Western Australia Day, first Monday in June (7 June 2027).
    @Test func australia() throws {
        #expect(try names("AU-NSW", "2027-01-26") == ["Australia Day"])
        #expect(try names("AU-WA", "2027-06-07") == ["Western Australia Day"])
        #expect(try names("AU-NSW", "2027-06-07").isEmpty)
    }

    @Test func everyRegionCoversTheBundledYearsAndDatesAfterConfirmationAreProvisional() throws {
        for code in library.regions.keys.sorted() {
            #expect(try library.years(of: code) == 2025...2030, "\(code)")
            let region = try library.region(code)
            for holiday in try library.holidays(of: code) where holiday.date.year > region.confirmedThrough {
                #expect(holiday.provisional, "\(code) \(holiday.date) \(holiday.name)")
            }
        }
    }

    @Test func unknownRegionsAndYearsAreClearErrors() {
        #expect(throws: CalendarError.unknownRegion("MY-99", closest: ["MY-09", "MY-01", "MY-02"])) {
            try library.region("MY-99")
        }
        let error = #expect(throws: CalendarError.self) {
            try library.calendar(regions: ["SG"], years: 2031...2031)
        }
        #expect(error?.description.contains("covers 2025–2030, not 2031") == true)
        #expect(error?.description.contains("scripts/generate_calendars.py") == true)
    }

    @Test func aMalformedCalendarFileNamesItsLine() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "regions.csv", "code,country,name,weekend,time_zone,confirmed_through\nXX,XX,Nowhere,Sat Sun,UTC,2027\n")
        try folder.write(
            "XX.csv",
            "region,date,name,category,observed,provisional\nXX,2027-01-01,New Year,public,false,false\n"
                + "XX,2027-02-30,Bad Day,public,false,false\n")
        let library = try CalendarLibrary(directory: folder.path)
        #expect(
            throws: CalendarError.malformed(
                SourceLocation(file: folder.path + "/XX.csv", line: 3), field: "date",
                problem: "\"2027-02-30\" is not a date", hint: "write dates as YYYY-MM-DD")
        ) {
            try library.holidays(of: "XX")
        }
    }
}
