import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// `rota init`'s scenario, and the friendlier spellings the reader accepts.
@Suite("Starting a scenario")
struct ScenarioTemplateTests {
    @Test func theTemplatePlansAsItIsAndPointsEveryFieldAtTheDocs() throws {
        for (engineers, regions) in [(["ada", "ben", "cho"], ["MY-10"]), (["ada", "ben"], ["GB-ENG", "US-CA"])] {
            let template = ScenarioTemplate(
                name: "team", engineers: engineers, regions: regions, start: CalendarDate(iso: "2027-04-05")!)
            #expect(template.problem(library: TestScenarios.library) == nil)
            let scenario = try ScenarioReader.parse(yaml: template.text, file: "team.yaml")
            #expect(scenario.engineers.map(\.id) == engineers)
            #expect(
                scenario.engineers.map(\.region) == (regions.count == 1 ? engineers.map { _ in regions[0] } : regions))
            let plan = try Planner().plan(scenario)
            #expect(RuleChecker(scenario: scenario).check(plan.schedule).isEmpty)
            // Every top-level field's line names its section of docs/scenario.md, and each section exists.
            let docs = try String(
                contentsOf: TestScenarios.repositoryRoot.appendingPathComponent("docs/scenario.md"), encoding: .utf8)
            for field in ["name", "period", "engineers", "pipelines", "rules"] {
                let line = try #require(template.text.split(separator: "\n").first { $0.hasPrefix("\(field):") })
                let anchor = try #require(line.range(of: #"docs/scenario\.md#[a-z-]+"#, options: .regularExpression))
                let section = String(line[anchor].dropFirst("docs/scenario.md#".count))
                let heading = section == "top-level" ? "### Top level" : "### `\(section)"
                #expect(docs.contains(heading), "\(field): \(section)")
            }
        }
        let bad = [
            (
                ScenarioTemplate(
                    name: "team", engineers: ["ada"], regions: ["MY-10"], start: CalendarDate(iso: "2027-04-05")!),
                "at least two"
            ),
            (
                ScenarioTemplate(
                    name: "team", engineers: ["Ada Lovelace", "ben"], regions: ["MY-10"],
                    start: CalendarDate(iso: "2027-04-05")!),
                "is not an id"
            ),
            (
                ScenarioTemplate(
                    name: "team", engineers: ["ada", "ben"], regions: ["Narnia"],
                    start: CalendarDate(iso: "2027-04-05")!),
                "is not a region"
            ),
            (
                ScenarioTemplate(
                    name: "team", engineers: ["ada", "ben", "cho"], regions: ["SG", "MY-10"],
                    start: CalendarDate(iso: "2027-04-05")!),
                "one per engineer"
            ),
        ]
        for (template, problem) in bad {
            #expect(template.problem(library: TestScenarios.library)?.contains(problem) == true, "\(problem)")
        }
    }

    @Test func regionsAreReadByCodeInAnyCaseOrByName() throws {
        let library = TestScenarios.library
        for (written, code) in [
            ("my-10", "MY-10"), ("sg", "SG"), ("Malaysia", "MY"), ("Selangor", "MY-10"), ("UK", "GB"),
            ("England", "GB-ENG"), ("united kingdom", "GB"), ("MY-10", "MY-10"),
        ] {
            #expect(library.regionCode(for: written) == code, "\(written)")
        }
        #expect(library.regionCode(for: "Narnia") == nil)
        let scenario = try ScenarioReader.parse(
            yaml: """
                name: spelled
                period: {start: 2027-01-04, weeks: 4, handoff: {weekday: Mon}}
                engineers: [{id: ana, region: selangor}, {id: ben, region: uk}]
                pipelines: [{id: revenue}]
                rotations: [{id: main, handoff: {weekday: wed}}]
                """, file: "spelled.yaml")
        #expect(scenario.engineers.map(\.region) == ["MY-10", "GB"])
        #expect(scenario.rotations[0].period.start == CalendarDate(iso: "2027-01-06"))
        #expect {
            try ScenarioReader.parse(
                yaml: """
                    name: spelled
                    period: {start: 2027-01-04, weeks: 4}
                    engineers: [{id: ana, region: MY-10}, {id: ben, region: MY-10}]
                    pipelines: [{id: revenue}]
                    rotations: [{id: main, handoff: {weekday: we}}]
                    """, file: "spelled.yaml")
        } throws: { error in "\(error)".contains("expected a weekday name") }
    }
}
