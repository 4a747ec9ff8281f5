import Foundation

/// Makes a valid scenario of a given size, as YAML a lead could have written: engineers spread over regions, leave
/// clustered around each person's festivals, the region's summer (or year-end) school holidays and Christmas,
/// investor-facing and experiment pipelines, and rotations whose rosters share people.
///
/// Same spec and calendars, same bytes: every draw comes from ``SeededRandom``, every set is walked in sorted order.
public struct ScenarioGenerator {
    public let spec: GeneratorSpec
    let library: CalendarLibrary

    public init(spec: GeneratorSpec, library: CalendarLibrary) {
        self.spec = spec
        self.library = library
    }

    /// The scenario as YAML text; `command` is recorded in its header comment.
    public func yaml(command: String) throws(GeneratorError) -> String {
        if let problem = spec.problem { throw .invalidSpec(problem) }
        var random = SeededRandom(seed: spec.seed)
        let period = DateRange(first: spec.start, last: spec.start.adding(days: 7 * spec.weeks - 1))!
        var engineers = try makeEngineers(period: period, random: &random)
        let rosters = makeRosters(engineers.map(\.id), random: &random)
        TeamLeave.repair(&engineers, rosters: rosters, start: spec.start, weeks: spec.weeks)
        let pipelines = makePipelines(random: &random)
        return GeneratedScenarioText(
            spec: spec, command: command, engineers: engineers, pipelines: pipelines, rosters: rosters
        ).text
    }

    private func makeEngineers(period: DateRange, random: inout SeededRandom) throws(GeneratorError)
        -> [GeneratedEngineer]
    {
        var engineers: [GeneratedEngineer] = []
        var usedIDs = Set<String>()
        let festivals = library.festivalAliases.keys.sorted()
        var regionFestivals: [String: [(festival: String, holidays: [Holiday])]] = [:]
        for code in spec.regions where regionFestivals[code] == nil {
            let region: Region
            let holidays: [Holiday]
            do {
                region = try library.region(code)
                holidays = try library.holidays(of: code).filter {
                    period.contains($0.date) && $0.category == .public && !region.weekend.contains($0.date.isoWeekday)
                }
            } catch {
                throw .calendars(error.description)
            }
            regionFestivals[code] = festivals.compactMap { name in
                let festival = ObservedFestival(name: name, weight: nil, aliases: library.festivalAliases)
                let days = holidays.filter(festival.matches)
                return days.isEmpty ? nil : (name, days)
            }
        }
        for index in 0..<spec.engineers {
            let code = spec.regions[index % spec.regions.count]
            let country = (try? library.region(code).country) ?? code
            let first = random.pick(GeneratedNames.firstNames(country: country))
            let initial = random.pick(GeneratedNames.initials)
            var id = GeneratedNames.slug("\(first) \(initial)")
            if usedIDs.contains(id) {
                var number = 2
                while usedIDs.contains("\(id)-\(number)") { number += 1 }
                id = "\(id)-\(number)"
            }
            usedIDs.insert(id)
            let own = regionFestivals[code] ?? []
            let observed = own.isEmpty || !random.chance(0.6) ? nil : random.pick(own).festival
            var leave = LeaveDraw(period: period, country: country, random: random)
            for (festival, days) in own {
                let likely = festival == observed ? 0.7 : 0.2
                for day in days where leave.random.chance(likely) { leave.around(day.date) }
            }
            leave.schoolHolidays()
            leave.scatteredDays()
            random = leave.random
            engineers.append(
                GeneratedEngineer(
                    id: id, name: "\(first) \(initial).", region: code, observes: observed, leave: leave.ranges))
        }
        return engineers
    }

    /// Each rotation's roster: engineers are dealt into home groups; from the second rotation on, each roster also
    /// borrows a fifth of the next group (people on two rotations, kept apart by `exclusive_primary`).
    private func makeRosters(_ ids: [String], random: inout SeededRandom) -> [[String]] {
        let count = spec.rotations
        guard count > 1 else { return [ids] }
        let order = random.shuffled(Array(ids.indices))
        var groups = Array(repeating: [Int](), count: count)
        for (position, index) in order.enumerated() { groups[position % count].append(index) }
        return (0..<count).map { r in
            let next = groups[(r + 1) % count]
            let borrowed = next.prefix(max(1, next.count / 5))
            return Set(groups[r] + borrowed).sorted().map { ids[$0] }
        }
    }

    private func makePipelines(random: inout SeededRandom) -> [GeneratedPipeline] {
        let investorCount = max(spec.rotations, (spec.pipelines * 3 + 9) / 10)
        let areas = ["Profit", "Growth", "Engagement"]
        var onCallIndex = 0
        return (0..<spec.pipelines).map { index in
            let investor = index < investorCount
            let area = investor ? areas[index % areas.count] : random.pick(areas + ["General"])
            let onCall = investor || index < spec.rotations || random.chance(0.4)
            let rotation = onCall ? onCallIndex % spec.rotations : nil
            if onCall { onCallIndex += 1 }
            let number = String(format: "%03d", index + 1)
            let kind = investor ? "investor report" : "experiment"
            return GeneratedPipeline(
                id: "\(area.lowercased())-\(number)", name: "\(area) \(kind) \(index + 1)", area: area,
                investorFacing: investor, onCall: onCall, weight: investor ? 3 : random.int(in: 1...2),
                rotation: rotation)
        }
    }
}

/// Why a scenario could not be generated.
public enum GeneratorError: Error, CustomStringConvertible {
    case invalidSpec(String)
    case calendars(String)

    public var description: String {
        switch self {
        case .invalidSpec(let problem): "cannot generate this scenario: \(problem)"
        case .calendars(let message): message
        }
    }
}

struct GeneratedEngineer {
    let id: String
    let name: String
    let region: String
    let observes: String?
    var leave: [DateRange]
}

struct GeneratedPipeline {
    let id: String
    let name: String
    let area: String
    let investorFacing: Bool
    let onCall: Bool
    let weight: Int
    /// Index of the rotation that covers it (on-call pipelines only).
    let rotation: Int?
}
