import Foundation
import Synchronization

/// The calendars folder: regions, one holiday file per country, festival names and Windows time-zone names.
/// Country files are read on first use and kept; the library is safe to share between threads.
public final class CalendarLibrary: Sendable {
    /// The folder the files come from.
    public let directory: String
    /// Every region, by code.
    public let regions: [String: Region]
    /// Festival name → other names it goes by (Deepavali: Diwali), from festivals.csv.
    let festivalAliases: [String: [String]]
    /// Windows time-zone name → IANA name, from windows-time-zones.csv (Outlook writes Windows names); read on
    /// first use, as only .ics files need it.
    private let windowsZones = Mutex<[String: String]?>(nil)
    /// Region → its holidays, for the regions read so far.
    private let loaded = Mutex<[String: [Holiday]]>([:])

    /// Reads the folder's index files; country files are read when a region of theirs is first needed.
    public init(directory: String) throws(CalendarError) {
        self.directory = directory
        let regionTable = try CalendarTable(
            file: Self.path(directory, "regions.csv"),
            columns: ["code", "country", "name", "weekend", "time_zone", "confirmed_through"])
        var regions: [String: Region] = [:]
        var knownZones = Set<String>()  // each distinct zone is looked up once (145 regions, 11 zones)
        for row in regionTable.rows {
            let code = try regionTable.text(row, "code")
            var weekend = Set<Int>()
            for day in try regionTable.text(row, "weekend").split(separator: " ") {
                guard let index = Region.weekdayNames.firstIndex(of: String(day)) else {
                    throw .malformed(
                        regionTable.location(row), field: "weekend", problem: "unknown weekday \"\(day)\"",
                        hint: "write weekdays as \(Region.weekdayNames.joined(separator: " "))")
                }
                weekend.insert(index + 1)
            }
            let zone = try regionTable.text(row, "time_zone")
            guard knownZones.contains(zone) || TimeZone(identifier: zone) != nil else {
                throw .malformed(
                    regionTable.location(row), field: "time_zone", problem: "unknown time zone \"\(zone)\"",
                    hint: "an IANA name such as Asia/Kuala_Lumpur")
            }
            knownZones.insert(zone)
            regions[code] = Region(
                code: code, country: try regionTable.text(row, "country"), name: try regionTable.text(row, "name"),
                weekend: weekend, timeZone: zone,
                confirmedThrough: try regionTable.int(row, "confirmed_through"))
        }
        self.regions = regions

        let festivalFile = Self.path(directory, "festivals.csv")
        var aliases: [String: [String]] = [:]
        if FileManager.default.fileExists(atPath: festivalFile) {
            let table = try CalendarTable(file: festivalFile, columns: ["festival", "also_known_as"])
            for row in table.rows {
                let names = (row.fields["also_known_as"] ?? "").split(separator: "|").map {
                    $0.trimmingBlanks()
                }.filter { !$0.isEmpty }
                aliases[try table.text(row, "festival"), default: []].append(contentsOf: names)
            }
        }
        festivalAliases = aliases
    }

    /// Windows time-zone name → IANA name, from windows-time-zones.csv (empty when the folder has none).
    public func windowsTimeZones() throws(CalendarError) -> [String: String] {
        if let zones = windowsZones.withLock({ $0 }) { return zones }
        let zoneFile = Self.path(directory, "windows-time-zones.csv")
        var zones: [String: String] = [:]
        if FileManager.default.fileExists(atPath: zoneFile) {
            let table = try CalendarTable(file: zoneFile, columns: ["windows_name", "iana_name"])
            for row in table.rows { zones[try table.text(row, "windows_name")] = try table.text(row, "iana_name") }
        }
        windowsZones.withLock { $0 = zones }
        return zones
    }

    /// The calendars folder Rota uses when none is given: `ROTA_CALENDARS`, then share/rota/calendars next to
    /// the installed executable, then a calendars/ folder above the executable or the working directory.
    public static func locate(explicit: String? = nil) throws(CalendarError) -> CalendarLibrary {
        if let explicit { return try CalendarLibrary(directory: explicit) }
        var candidates: [String] = []
        if let variable = ProcessInfo.processInfo.environment["ROTA_CALENDARS"], !variable.isEmpty {
            return try CalendarLibrary(directory: variable)
        }
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            let folder = executable.deletingLastPathComponent()
            candidates.append(folder.appendingPathComponent("../share/rota/calendars").standardized.path)
            candidates += ancestors(of: folder).map { $0 + "/calendars" }
        }
        candidates += ancestors(of: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).map {
            $0 + "/calendars"
        }
        var seen = Set<String>()
        let unique = candidates.filter { seen.insert($0).inserted }
        guard let found = unique.first(where: { FileManager.default.fileExists(atPath: path($0, "regions.csv")) })
        else {
            throw .calendarsNotFound(searched: Array(unique.prefix(3)) + (unique.count > 3 ? ["…"] : []))
        }
        return try CalendarLibrary(directory: found)
    }

    private static func ancestors(of url: URL) -> [String] {
        var result: [String] = []
        var current = url.standardized
        while true {
            result.append(current.path)
            let parent = current.deletingLastPathComponent().standardized
            if parent.path == current.path || result.count > 12 { break }
            current = parent
        }
        return result
    }

    static func path(_ directory: String, _ file: String) -> String {
        directory.hasSuffix("/") ? directory + file : directory + "/" + file
    }

    /// Country codes with a region, sorted.
    public var countries: [String] { Set(regions.values.map(\.country)).sorted() }

    /// The region with `code`, or an error naming the closest known codes.
    public func region(_ code: String) throws(CalendarError) -> Region {
        guard let region = regions[code] else {
            throw .unknownRegion(code, closest: Suggestions.closest(to: code, in: regions.keys.sorted()))
        }
        return region
    }

    /// All holidays of `region` (every year the data has), by date then name.
    public func holidays(of region: String) throws(CalendarError) -> [Holiday] {
        try load([region])
        return loaded.withLock { $0[region] ?? [] }
    }

    /// Reads the holidays of the regions not read yet, one pass over each country file (only their lines are parsed).
    private func load(_ codes: Set<String>) throws(CalendarError) {
        var missing: [String: Set<String>] = [:]
        for code in codes {
            let country = try region(code).country
            if loaded.withLock({ $0[code] == nil }) { missing[country, default: []].insert(code) }
        }
        for (country, wanted) in missing.sorted(by: { $0.key < $1.key }) {
            let read = try readCountry(country, regions: wanted)
            loaded.withLock { table in
                for code in wanted { table[code] = read[code] ?? [] }
            }
        }
    }

    /// The years the data of `region` covers, or nil when it has no dates.
    public func years(of region: String) throws(CalendarError) -> ClosedRange<Int>? {
        let dates = try holidays(of: region).map(\.date.year)
        guard let first = dates.min(), let last = dates.max() else { return nil }
        return first...last
    }

    /// A calendar of the given regions, checked to cover `years`.
    public func calendar(regions codes: Set<String>, years: ClosedRange<Int>) throws(CalendarError) -> HolidayCalendar {
        var holidays: [Holiday] = []
        var regions: [String: Region] = [:]
        try load(codes)
        for code in codes.sorted() {
            regions[code] = try region(code)
            let covered = try self.years(of: code)
            guard let covered, covered.contains(years.lowerBound), covered.contains(years.upperBound) else {
                throw .yearsNotCovered(region: code, requested: years, available: covered)
            }
            holidays += try self.holidays(of: code)
        }
        return HolidayCalendar(regions: regions, holidays: holidays)
    }

    private func readCountry(_ country: String, regions wanted: Set<String>) throws(CalendarError)
        -> [String: [Holiday]]
    {
        let table = try CalendarTable(
            file: Self.path(directory, "\(country).csv"),
            columns: ["region", "date", "name", "category", "observed", "provisional"],
            keep: { wanted.contains(String($0)) })
        var result: [String: [Holiday]] = [:]
        for row in table.rows {
            let categoryText = try table.text(row, "category")
            guard let category = HolidayCategory(rawValue: categoryText), category != .company else {
                throw .malformed(
                    table.location(row), field: "category", problem: "unknown category \"\(categoryText)\"",
                    hint: "one of public, bank, optional, observance")
            }
            let region = try table.text(row, "region")
            let holiday = Holiday(
                date: try table.date(row, "date"), region: region, name: try table.text(row, "name"),
                category: category, observedSubstitute: try table.bool(row, "observed"),
                provisional: try table.bool(row, "provisional"))
            result[region, default: []].append(holiday)
        }
        return result.mapValues { $0.sorted { ($0.date, $0.name) < ($1.date, $1.name) } }
    }
}

extension CalendarLibrary {
    /// Common names of countries whose ISO code differs from what people write.
    static let countryAliases = [
        "uk": "GB", "great britain": "GB", "britain": "GB", "usa": "US", "united states of america": "US",
        "america": "US",
    ]

    /// The region `text` names: its code in any case (`my-10`), a country or subdivision name (`Malaysia`,
    /// `Selangor`, `England`, ignoring case), or a common alias (`UK`); nil when it names none or several.
    public func regionCode(for text: String) -> String? {
        if regions[text] != nil { return text }
        let upper = text.uppercased()
        if regions[upper] != nil { return upper }
        let lower = text.lowercased().trimmingCharacters(in: .whitespaces)
        if let alias = Self.countryAliases[lower], regions[alias] != nil { return alias }
        let named = regions.values.filter { region in
            let parts = region.name.lowercased().components(separatedBy: ", ")
            return region.name.lowercased() == lower
                || (parts.count == 2 ? parts[1] == lower : parts[0] == lower && region.code == region.country)
        }
        return named.count == 1 ? named[0].code : nil
    }
}
