import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

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
        #expect(markdown.contains("```mermaid\n---\ndisplayMode: compact\n---\ngantt"))
        #expect(markdown.contains("every objective level proved optimal"))
    }
}

@Suite("Reporting what the solver did not prove")
struct UnprovedReportTests {
    /// A plan whose third level stopped at the time limit must say so, with its gap and bound, and never "optimal".
    @Test func aStoppedLevelIsReportedWithItsGap() throws {
        let solved = try Planner().plan(try TestScenarios.seed("week5-maintenance-2027q1"))
        #expect(solved.levels[2].value == 7, "the synthetic gap below is (7 − 4) ÷ 7")
        let stopped = solved.levels.enumerated().map { position, level in
            position != 2
                ? level
                : LevelOutcome(
                    kind: level.kind, status: .stopped(.timeLimit), value: level.value, bound: 4, gap: 3.0 / 7,
                    simplexIterations: level.simplexIterations, branchNodes: level.branchNodes, seconds: 60)
        }
        let plan = Plan(
            scenario: solved.scenario, availability: solved.availability,
            schedule: solved.schedule, levels: Array(stopped.prefix(3)), size: solved.size,
            holidayConflicts: solved.holidayConflicts, exportedModels: [], levelOrder: solved.levelOrder)
        #expect(!plan.provedOptimal)
        let markdown = MarkdownReport().render(plan)
        #expect(
            markdown.contains(
                "**Solver status: not proved optimal.** total holiday burden: feasible, not proved optimal (time limit reached), gap 42.86 %; not solved: \(solved.levelOrder[3...].map { $0.title.lowercased() }.joined(separator: ", "))."
            ))
        #expect(
            markdown.contains(
                "| 3 | Total holiday burden | 7 points | feasible, not proved optimal (time limit reached) | 4 | 42.86 % |"
            ))
        #expect(!markdown.contains("every objective level proved optimal"))
    }

    /// The ownership part is solved apart and first: a time limit can end the on-call part before its last levels
    /// while the ownership level (last in priority) is proved. Levels keep their priority numbers in the report, on
    /// standard error and in the summary, and the levels never reached are named.
    @Test func levelsKeepTheirNumbersWhenAnEarlierOneWasNotReached() throws {
        let solved = try Planner().plan(try TestScenarios.seed("week5-maintenance-2027q1"))
        let order = solved.levelOrder
        #expect(order.suffix(2) == [.ownershipLargest, .ownersWithoutPrimary] && order.count == 6)
        let plan = Plan(
            scenario: solved.scenario, availability: solved.availability, schedule: solved.schedule,
            levels: solved.levels.filter { $0.kind != order[2] && $0.kind != order[3] }, size: solved.size,
            holidayConflicts: solved.holidayConflicts, exportedModels: [], levelOrder: order)
        #expect(!plan.provedOptimal)
        #expect(plan.unsolvedLevels == [order[2], order[3]])
        #expect(plan.number(of: plan.levels.last!) == 6)
        let markdown = MarkdownReport().render(plan)
        #expect(markdown.contains("| 5 | \(order[4].title) |"))
        #expect(markdown.contains("| 3 | \(order[2].title) | "))
        #expect(markdown.contains("| not solved (stopped before it) | — | — | 0 | 0 |"))
        #expect(markdown.contains("; not solved: \(order[2].title.lowercased()), \(order[3].title.lowercased())."))
        #expect(
            plan.unprovedLevels == [
                "level 3 (\(order[2].rawValue)): not solved at all",
                "level 4 (\(order[3].rawValue)): not solved at all",
            ])
    }
}
