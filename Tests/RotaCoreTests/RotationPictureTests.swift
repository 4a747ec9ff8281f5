import BenchmarkSupport
import Foundation
import LinearProgramming
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// rotation.svg and report.md's chart: well-formed, one row per engineer per rotation, a bar for every duty where the
/// schedule puts it, and small enough for a big team.
@Suite("The rotation picture and chart")
struct RotationPictureTests {
    /// The elements of an SVG document, read with Foundation's XML parser (so the file must be well formed).
    final class SVGDocument: NSObject, XMLParserDelegate {
        struct Element {
            let name: String
            let attributes: [String: String]
            var title = ""
        }
        private(set) var elements: [Element] = []
        private var open: [Int] = []
        private var inTitle = false

        init(_ text: String) throws {
            super.init()
            let parser = XMLParser(data: Data(text.utf8))
            parser.delegate = self
            guard parser.parse() else {
                throw parser.parserError ?? CocoaError(.fileReadCorruptFile)
            }
        }

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            if name == "title" {
                inTitle = true
                return
            }
            elements.append(Element(name: name, attributes: attributes))
            open.append(elements.count - 1)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "title" {
                inTitle = false
                return
            }
            open.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inTitle, let index = open.last { elements[index].title += string }
        }

        func bars(_ colour: String) -> [Element] {
            elements.filter { $0.name == "rect" && $0.attributes["fill"] == colour }
        }
    }

    static func picture(_ plan: Plan) throws -> (svg: SVGDocument, text: String) {
        let text = RotationPicture().render(plan)
        return (try SVGDocument(text), text)
    }

    /// xyz-tech-2027q1 has a backup each week; xyz-tech-rotations-2027q2 two rotations of primaries alone.
    @Test(arguments: ["xyz-tech-2027q1", "xyz-tech-rotations-2027q2"])
    func everyDutyIsABarInItsEngineersRowAtItsDates(_ name: String) throws {
        let plan = try Planner().plan(try TestScenarios.seed(name))
        let (svg, _) = try Self.picture(plan)
        #expect(svg.elements.first?.name == "svg")
        let rows = RotationPicture.rows(plan.scenario)
        let scenario = plan.scenario
        let period = scenario.coveredDates
        let days = period.last.dayNumber - period.first.dayNumber + 1
        let dayWidth = RotationPicture.dayWidth(days: days)
        // The row labels, in order: each rotation's heading, then its roster.
        let labels = svg.elements.filter { $0.name == "text" }.map(\.attributes).compactMap { $0["y"] }
        #expect(labels.count >= rows.count)
        for role in [DutyRole.primary, .backup] {
            let colour = role == .primary ? RotationPicture.Colour.primary : RotationPicture.Colour.backup
            let bars = svg.bars(colour).dropFirst()  // the legend's swatch
            let held = plan.schedule.shifts.filter { $0.engineer(for: role) != nil }
            #expect(bars.count == held.count)
            // Each bar is at its shift's first day and in the row of its holder in its rotation.
            var expected: [String] = []
            var actual: [String] = []
            for shift in held {
                let holder = try #require(shift.engineer(for: role))
                let rotation = try #require(scenario.rotations.firstIndex { $0.id == shift.rotation })
                let row = try #require(rows.firstIndex { $0.rotation == rotation && $0.engineer?.id == holder })
                let name = try #require(scenario.engineer(holder)?.name)
                expected.append(
                    "\(name) \(row) \(shift.dates.first.dayNumber - period.first.dayNumber)")
            }
            let rowTops = Self.rowTops(rows)
            for bar in bars {
                let x = try #require(Int(bar.attributes["x"] ?? ""))
                let y = try #require(Int(bar.attributes["y"] ?? ""))
                let row = try #require(rowTops.firstIndex(of: y - 2))
                let labelWidth = try #require(Self.labelWidth(svg))
                let name = String(bar.title.prefix { $0 != ":" })
                #expect(bar.title.contains(": \(role.rawValue), week "))
                actual.append("\(name) \(row) \((x - labelWidth) / dayWidth)")
            }
            #expect(actual.sorted() == expected.sorted())
        }
        // Leave lies behind its engineer's rows, once per rotation they are in.
        let leaveBars = svg.bars(RotationPicture.Colour.leave).dropFirst()
        let leaveRows = rows.compactMap(\.engineer).map { engineer in
            engineer.leave.filter { $0.overlaps(period) }.count
        }.reduce(0, +)
        #expect(leaveBars.count == leaveRows)
    }

    static func rowTops(_ rows: [RotationPicture.Row]) -> [Int] {
        var y = RotationPicture.top
        return rows.map { row in
            defer { y += row.engineer == nil ? RotationPicture.headingHeight : RotationPicture.rowHeight }
            return y
        }
    }

    /// The chart's left edge: where the first month line is drawn.
    static func labelWidth(_ svg: SVGDocument) -> Int? {
        svg.elements.first { $0.name == "line" }.flatMap { Int($0.attributes["x1"] ?? "") }
    }

    @Test func hostileNamesAreEscapedAndTheDocumentStaysWellFormed() throws {
        var scenario = try TestScenarios.seed("week5-maintenance-2027q1")
        scenario.title = "Q1 <script>&\"'\r\nrota"
        scenario.engineers[0].name = "A<b>&c \"d\"\r\n\u{1}e"
        let plan = try Planner().plan(scenario)
        let (svg, text) = try Self.picture(plan)
        #expect(!text.contains("<script>"))
        #expect(!text.contains("<b>"))
        let bars = svg.bars(RotationPicture.Colour.primary) + svg.bars(RotationPicture.Colour.backup)
        // Markup comes back as text; U+0001 (not allowed in XML 1.0) is dropped; an XML reader turns CRLF into LF.
        #expect(bars.contains { $0.title.hasPrefix("A<b>&c \"d\"\ne: ") })
    }

    @Test func aBigTeamGetsThePictureNotAGanttAndItStaysSmall() throws {
        let spec = GeneratorSpec(size: .l, seed: 1)
        let yaml = try ScenarioGenerator(spec: spec, library: TestScenarios.library).yaml(command: spec.commandLine)
        let scenario = try ScenarioReader.parse(yaml: yaml, file: "l.yaml", library: TestScenarios.library)
        #expect(!MermaidGantt.fits(scenario))
        // Picture the greedy start: the layout does not depend on how good the schedule is.
        let availability = TeamAvailability(scenario: scenario)
        let schedule = try #require(StartingSchedule.build(scenario, availability))
        let plan = Plan(
            scenario: scenario, availability: availability, schedule: schedule, levels: [],
            size: ModelSize(rows: 0, columns: 0, nonzeros: 0), holidayConflicts: [], exportedModels: [], levelOrder: [])
        let (svg, _) = try Self.picture(plan)
        let root = try #require(svg.elements.first)
        let height = try #require(Int(root.attributes["height"] ?? ""))
        let width = try #require(Int(root.attributes["width"] ?? ""))
        let rows = RotationPicture.rows(scenario)
        // A row per engineer per rotation, 14 pixels each: the height follows the rows, not the duties.
        #expect(height == Self.rowTops(rows).last! + RotationPicture.rowHeight + 12)
        #expect(width <= 1_600)
        let lines = MermaidGantt.lines(plan)
        #expect(!lines.contains("```mermaid"))
        #expect(lines.first == "![On-call rotation, one row per engineer per rotation](rotation.svg)")
    }

    @Test func aSmallTeamGetsACompactGanttWithARowPerEngineerPerRotationAndALegend() throws {
        let plan = try Planner().plan(try TestScenarios.seed("xyz-tech-rotations-2027q2"))
        #expect(MermaidGantt.fits(plan.scenario))
        let lines = MermaidGantt.lines(plan)
        #expect(Array(lines.prefix(5)) == ["```mermaid", "---", "displayMode: compact", "---", "gantt"])
        let sections = lines.filter { $0.hasPrefix("    section ") }
        #expect(sections.count == plan.scenario.rotations.map(\.roster.count).reduce(0, +))
        #expect(Set(sections).count == sections.count)
        // Mermaid's task grammar: `name :tags, start, duration`, no `:` `;` `#` in names.
        let task = try Regex("^    [^:;#]+ :(crit|active|done), [0-9]{4}-[0-9]{2}-[0-9]{2}, [0-9]+d$")
        let body = lines.drop { $0 != "gantt" }.dropFirst().prefix { $0 != "```" }
        let tasks = body.filter { !$0.hasPrefix("    section ") && !$0.hasPrefix("    title ") }
            .filter { !$0.hasPrefix("    dateFormat ") && !$0.hasPrefix("    axisFormat ") }
        #expect(tasks.allSatisfy { $0.wholeMatch(of: task) != nil }, "\(tasks)")
        #expect(tasks.filter { $0.contains(":crit,") }.count == plan.schedule.shifts.count)
        // Rotations of primaries alone: no backup task.
        #expect(tasks.filter { $0.contains(":active,") }.isEmpty)
        #expect(lines.last?.hasPrefix("Legend: **Primary** shifts are red") == true)
    }

    @Test func theHoursPictureHasABarPieceForEveryKindSomeoneHoldsSizedByTheirHours() throws {
        let plan = try Planner().plan(try TestScenarios.seed("xyz-tech-rotations-2027q2"))
        let svg = try SVGDocument(HoursPicture().render(plan))
        var expected: [String] = []
        var widths: [String: Int] = [:]
        for engineer in plan.scenario.engineers {
            let totals = plan.hours.totals(of: engineer.id)
            for kind in HourKind.allCases where (totals[kind] ?? 0) > 0 {
                expected.append("\(engineer.name): \(HoursCSV.hours(totals[kind]!)) h \(kind.title.lowercased())")
            }
        }
        let pieces = svg.elements.filter { $0.name == "rect" && !$0.title.isEmpty }
        #expect(pieces.map(\.title).sorted() == expected.sorted())
        for piece in pieces { widths[piece.title] = Int(piece.attributes["width"] ?? "") }
        // On one scale: each engineer's pieces add up to at most the chart's width, the longest bar nearly all of it.
        let rows = Dictionary(grouping: pieces) { String($0.title.prefix { $0 != ":" }) }
        let lengths = rows.values.map { $0.compactMap { Int($0.attributes["width"] ?? "") }.reduce(0, +) }
        #expect(lengths.allSatisfy { $0 <= HoursPicture.chartWidth })
        #expect((lengths.max() ?? 0) >= HoursPicture.chartWidth - 20 - 5)
    }
}
