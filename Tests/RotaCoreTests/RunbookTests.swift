import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// Runbooks: the scenario's sections where written, area defaults (marked) where not, the plan's names in the
/// escalation chain, and `rota check`'s audit of missing sections.
@Suite("Runbooks")
struct RunbookTests {
    static let pipelines = """
          - id: revenue
            name: Revenue for investors
            area: Profit
            investor_facing: true
            primary_owner: {team: Finance}
            runbook:
              purpose: Sums the day's revenue for the investor dashboard.
              schedule: "By 08:00 every working day."
              alerts: [{condition: Data lag, threshold: "> 6 h"}]
              outside_team: Platform on-call
              required: [purpose, failures]
          - {id: growth, name: Growth for investors, area: Growth, investor_facing: true}
          - {id: experiments, name: Experiments, on_call: false}
        """

    @Test func writtenSectionsAreUsedAndDefaultsMarked() throws {
        let scenario = try RulesTests.tiny(pipelines: Self.pipelines)
        let plan = try Planner().plan(scenario)
        let files = Dictionary(uniqueKeysWithValues: ReportSet.render(plan).map { ($0.name, $0.contents) })
        #expect(files["runbooks/experiments.md"] == nil, "no runbook for an internal pipeline without one")
        let revenue = try #require(files["runbooks/revenue.md"])
        #expect(revenue.contains("## Purpose and audience\n\nSums the day's revenue for the investor dashboard."))
        #expect(revenue.contains("## Schedule and SLA\n\nBy 08:00 every working day."))
        #expect(revenue.contains("| Data lag | \\> 6 h |"))
        #expect(revenue.contains("## Common failures *(default — review)*"))
        #expect(revenue.contains("### 7. Expired credentials"))
        #expect(revenue.contains("## Data sources and outputs *(default — review)*"))
        // The chain with the plan's names: on call, then the team that owns it, the secondary owner, outside team.
        let secondary = plan.schedule.ownership.first { $0.pipeline == "revenue" }!.secondary
        let name = scenario.engineer(secondary)!.name
        #expect(
            revenue.contains(
                "3. Primary owner: Finance (team)\n4. Secondary owner: \(name)\n5. Outside team: Platform on-call"))
        let table = revenue.components(separatedBy: "\n").filter { $0.hasPrefix("| ") && $0.contains(" – ") }
        #expect(table.count == plan.schedule.shifts.count)
        let week1 = plan.schedule.shifts[0]
        #expect(
            table[0].hasPrefix(
                "| 1 | \(week1.dates.first) – \(week1.dates.last) | \(scenario.engineer(week1.primary)!.name) |"))
        let growth = try #require(files["runbooks/growth.md"])
        #expect(growth.contains("## Purpose and audience *(default — review)*"))
        #expect(growth.contains("Monthly active users (MAU) table"))
        let index = try #require(files["runbooks/README.md"])
        #expect(index.contains("[Revenue for investors](revenue.md)"))
        #expect(index.contains("| purpose, schedule, alerts, escalation |"))
        #expect(index.contains("none (all defaults)"))
    }

    /// Sources written, outputs not: the outputs line is Rota's default and says so.
    @Test func defaultOutputsBesideWrittenSourcesAreMarked() throws {
        let scenario = try RulesTests.tiny(
            pipelines: """
                  - id: revenue
                    investor_facing: true
                    runbook:
                      sources: [{name: Billing DB, owner: Finance}]
                """)
        let plan = try Planner().plan(scenario)
        let files = Dictionary(uniqueKeysWithValues: ReportSet.render(plan).map { ($0.name, $0.contents) })
        let revenue = try #require(files["runbooks/revenue.md"])
        #expect(revenue.contains("## Data sources and outputs\n"))
        #expect(revenue.contains("| Billing DB | Finance |"))
        let outputs = try #require(revenue.components(separatedBy: "\n").first { $0.hasPrefix("**Outputs:**") })
        #expect(outputs.hasSuffix(" *(default — review)*"))
    }

    @Test func checkWarnsAboutDefaultsAndFailsOnRequiredSections() throws {
        let scenario = try RulesTests.tiny(pipelines: Self.pipelines)
        let plan = try Planner().plan(scenario)
        let checker = RuleChecker(scenario: scenario)
        let hard = checker.check(plan.schedule)
        #expect(hard.map(\.rule) == [.runbookRequired])
        #expect(
            hard.first?.message
                == "pipeline revenue: runbook.required lists failures but the scenario does not write it")
        let soft = checker.softFindings(plan.schedule).filter { $0.rule == .runbookDefault }
        #expect(soft.map(\.pipeline) == ["revenue", "growth"])
        #expect(
            soft.first?.message.contains(
                "runbook sections taken from Rota's defaults for the Profit area, to review: sources;") == true)
    }

    @Test func anUnknownRequiredSectionIsLocated() {
        let bad = Self.pipelines.replacingOccurrences(of: "required: [purpose, failures]", with: "required: [purpse]")
        let result = Result { () throws(ScenarioError) -> Scenario in try RulesTests.tiny(pipelines: bad) }
        guard case .failure(let error) = result else {
            Issue.record("an unknown section was accepted")
            return
        }
        #expect(error.description.contains("runbook.required[0]: expected a runbook section"), "\(error)")
        #expect(error.description.contains("did you mean \"purpose\""), "\(error)")
    }
}
