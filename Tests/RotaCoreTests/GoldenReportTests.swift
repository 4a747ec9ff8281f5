import Foundation
import Testing

@testable import RotaCore

/// The reports committed under reports/ are exactly what `rota plan` writes for the scenarios under scenarios/.
@Suite("Golden reports")
struct GoldenReportTests {
    @Test(arguments: TestScenarios.seedNames)
    func committedReportsMatch(_ name: String) throws {
        let plan = try Planner().plan(try TestScenarios.seed(name))
        let folder = TestScenarios.repositoryRoot.appendingPathComponent("reports/\(name)")
        for file in ReportSet.render(plan) {
            try GoldenFile.assertMatches(file.contents, file: folder.appendingPathComponent(file.name))
        }
    }

    @Test func twentyRunsGiveTheSameBytes() throws {
        let scenario = try TestScenarios.seed("xyz-tech-2027q1")
        let first = ReportSet.render(try Planner().plan(scenario)).map(\.contents)
        for _ in 1..<20 { #expect(ReportSet.render(try Planner().plan(scenario)).map(\.contents) == first) }
    }

    @Test func reportsContainNoTimestampsOrTimes() throws {
        let plan = try Planner().plan(try TestScenarios.seed("pipeline-plan-2026q4"))
        let markdown = MarkdownReport().render(plan)
        #expect(!markdown.contains(" ms"))
        #expect(markdown.contains("```mermaid\ngantt"))
        #expect(markdown.contains("every objective level proved optimal"))
    }
}
