import ArgumentParser
import RotaChecking
import RotaCore
import RotaModel
import RotaPlanning

struct HolidaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holidays",
        abstract: "List the holidays of a region, or every holiday and leave day of a scenario's engineers.",
        discussion: """
            rota holidays --region MY-10 --year 2027 lists the region's holidays with their category and whether \
            the date is provisional (not yet officially confirmed). rota holidays SCENARIO lists, per engineer, \
            every holiday and leave day inside the scenario's period, with the weight each day has in the holiday \
            burden (0 on the engineer's weekend or for a category that does not count). \
            Exit status: 0 listed; 2 bad input.
            """
    )

    @Argument(help: "A scenario file (YAML); omit it and give --region instead.")
    var scenario: String?

    @Option(help: "A region code such as MY-10, US-CA, GB-SCT or SG (see rota regions).")
    var region: String?

    @Option(help: "Only this year (with --region).")
    var year: Int?

    @Option(help: "table (default) or csv.")
    var format: ListingFormat = .table

    @OptionGroup var calendarOptions: CalendarOptions

    func validate() throws {
        if (scenario == nil) == (region == nil) {
            throw ValidationError("give a scenario file or --region CODE (one of them)")
        }
        if year != nil, region == nil { throw ValidationError("--year goes with --region") }
    }

    func run() throws {
        let listing: HolidayListing
        if let scenario {
            listing = HolidayListing.scenario(try calendarOptions.scenario(scenario))
        } else {
            let library = try calendarOptions.library()
            do {
                listing = try HolidayListing.region(region!, year: year, library: library)
            } catch {
                Terminal.error(error.description)
                throw ExitStatus.badInput
            }
        }
        format.print(listing)
    }
}

struct RegionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regions",
        abstract: "List the region codes that have holiday calendars, with their weekend and time zone.",
        discussion: "Exit status: 0 listed; 2 unknown country."
    )

    @Argument(help: "Only this country (ISO 3166 code such as MY or US).")
    var country: String?

    @Option(help: "table (default) or csv.")
    var format: ListingFormat = .table

    @OptionGroup var calendarOptions: CalendarOptions

    func run() throws {
        let library = try calendarOptions.library()
        let listing: HolidayListing
        do {
            listing = try HolidayListing.regions(country: country, library: library)
        } catch {
            Terminal.error(error.description)
            throw ExitStatus.badInput
        }
        format.print(listing)
    }
}

enum ListingFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case csv

    /// Prints the listing on standard output (CSV with CRLF row ends, as Rota's CSV files).
    func print(_ listing: HolidayListing) {
        switch self {
        case .table: Terminal.out(listing.table())
        case .csv: Terminal.write(listing.csv())  // its own CRLF row ends, last row included
        }
    }
}
