import Foundation
import RotaChecking
import RotaModel
import RotaPlanning

/// What `rota init` writes: a commented scenario that plans as it is, each field's line pointing at its section of
/// docs/scenario.md, for a lead to edit into their team's.
public struct ScenarioTemplate: Sendable {
    public var name: String
    /// Engineer ids, in order (at least two).
    public var engineers: [String]
    /// Each engineer's region: one code for everyone, or one per engineer.
    public var regions: [String]
    /// The first handoff day.
    public var start: CalendarDate
    public var weeks: Int

    public init(name: String, engineers: [String], regions: [String], start: CalendarDate, weeks: Int = 13) {
        self.name = name
        self.engineers = engineers
        self.regions = regions
        self.start = start
        self.weeks = weeks
    }

    /// Why the values cannot make a scenario, in words; nil when they can.
    public func problem(library: CalendarLibrary) -> String? {
        if engineers.count < 2 { return "--engineers: at least two ids, comma-separated (ada,ben)" }
        let pattern = #"^[a-z0-9][a-z0-9_-]{0,63}$"#
        if let bad = engineers.first(where: { $0.range(of: pattern, options: .regularExpression) == nil }) {
            return "--engineers: \(TextSafety.quoted(bad)) is not an id (lower-case letters, digits, - and _)"
        }
        if Set(engineers).count != engineers.count { return "--engineers: an id appears twice" }
        if name.range(of: pattern, options: .regularExpression) == nil {
            return "--name: \(TextSafety.quoted(name)) is not a name (lower-case letters, digits, - and _)"
        }
        if regions.count != 1 && regions.count != engineers.count {
            return "--region: one region for everyone, or one per engineer (\(engineers.count))"
        }
        for region in regions where library.regions[region] == nil {
            let hint = Suggestions.didYouMean(region, library.regions.keys.sorted()).map { " (\($0))" } ?? ""
            return
                "--region: \(TextSafety.quoted(region)) is not a region of the calendars\(hint); `rota regions` lists them"
        }
        if !(1...104).contains(weeks) { return "--weeks: 1 to 104" }
        return nil
    }

    /// The scenario text.
    public var text: String {
        let docs = "docs/scenario.md"
        let title = "\(name) on-call, from \(start)"
        let last = start.adding(days: 7 * weeks - 1)
        func region(_ index: Int) -> String { regions.count == 1 ? regions[0] : regions[index] }
        var lines = [
            "# A Rota scenario written by `rota init`: it plans as it is (`rota plan \(name).yaml`). Every field is",
            "# described in \(docs); edit the team, pipelines and rules into your own.",
            "name: \(name)   # the report folder is reports/\(name)/ (\(docs)#top-level)",
            "title: \"\(title)\"   # report.md's heading",
            "period: {start: \(start), weeks: \(weeks)}   # the first handoff day (a \(start.weekdayName)), "
                + "\(weeks) weekly shifts to \(last) (\(docs)#period)",
            "engineers:   # two or more; each region's public holidays count for its people (\(docs)#engineers)",
        ]
        for (index, id) in engineers.enumerated() {
            let display = id.prefix(1).uppercased() + id.dropFirst()
            lines.append("  - {id: \(id), name: \(display), region: \(region(index))}")
        }
        lines += [
            "  # Days off: leave: [\"\(start.adding(days: 14))..\(start.adding(days: 18))\"], part of a day: "
                + "\"\(start.adding(days: 1))T13:00..\(start.adding(days: 1))T17:00\",",
            "  # or a calendar export: {ics: leave/\(engineers[0]).ics} (\(docs)#engineers)",
            "pipelines:   # what the team owns; investor-facing ones are capped per owner and get runbooks (\(docs)#pipelines)",
            "  - {id: daily-revenue, name: Daily revenue, area: Profit, investor_facing: true, weight: 3}",
            "  - {id: experiment-metrics, name: Experiment metrics, area: Growth, on_call: false}",
            "rules: {min_gap_weeks: 1}   # nobody primary two weeks running; more rules in \(docs)#rules",
            "# Several rotations, each with its own roster and handoff: rotations: (\(docs)#rotations)",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
