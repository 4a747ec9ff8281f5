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
                "runbook sections taken from Rota's defaults for the Profit area, to review: sources, transformations, validation, monitoring, documentation;"
            ) == true)
    }

    /// Seed 004's order: the owning team first, then the shift's on-call engineers, then the secondary owner, each
    /// with its own wait; the runbook, its weekly table and the calendar's descriptions all follow the policy.
    @Test func anEscalationPolicyOrdersTheChainEverywhere() throws {
        let scenario = try RulesTests.tiny(
            pipelines: """
                  - id: revenue
                    name: Revenue for investors
                    investor_facing: true
                    primary_owner: {team: Finance}
                    escalation:
                      - {owner: primary, after_hours: 0.5}
                      - {on_call: primary, after_hours: 1}
                      - {team: Platform, contact: "#platform-oncall"}
                      - {engineer: dee}
                      - {owner: secondary}
                    runbook:
                      escalate_after_hours: 3
                      transformations: [Sum invoices per day]
                      failures: [Billing API downtime, {name: Late invoices, symptoms: The daily total is low.}]
                  - {id: growth, name: Growth, investor_facing: true}
                """)
        let plan = try Planner().plan(scenario)
        let files = Dictionary(uniqueKeysWithValues: ReportSet.render(plan).map { ($0.name, $0.contents) })
        let revenue = try #require(files["runbooks/revenue.md"])
        let secondary = scenario.engineer(plan.owners["revenue"]!.secondary)!.name
        #expect(
            revenue.contains(
                "## Escalation\n\nCall in this order; move to the next when there is no answer or no fix within the "
                    + "hours given:\n\n1. Primary owner: Finance (team) — next after 0.5 h\n"
                    + "2. This week's on-call primary (table below) — next after 1 h\n"
                    + "3. Outside team: Platform (\\#platform-oncall) — next after 3 h\n"
                    + "4. Escalation contact: Dee — next after 3 h\n5. Secondary owner: \(secondary) — next after 3 h\n"
            ))
        // The table's column is the whole chain, in the policy's order, with nobody called twice.
        let week = plan.schedule.shifts[0]
        let primary = scenario.engineer(week.primary)!.name
        let row = try #require(revenue.components(separatedBy: "\n").first { $0.hasPrefix("| 1 | ") })
        let chain = String(row.components(separatedBy: " | ").last!.dropLast(2))
        #expect(chain.hasPrefix("Finance (primary owner) → \(primary) (on-call primary) → Platform (outside team)"))
        let called = chain.components(separatedBy: " → ")
        #expect(called.count == Set(called).count)
        #expect(!chain.contains("on-call backup"), "the policy has no backup step")
        #expect(revenue.contains("## Transformations\n\n1. Sum invoices per day\n"))
        #expect(revenue.contains("## Data validation *(default — review)*"))
        #expect(revenue.contains("### 1. Billing API downtime\n\n*Not written yet: symptoms, diagnosis, recovery"))
        #expect(
            revenue.contains(
                "### 2. Late invoices\n\n**Symptoms:** The daily total is low.\n\n*Not written yet: diagnosis, recovery"
            ))
        // The calendar names each pipeline's chain once pipelines follow different policies.
        let calendar = try #require(files["oncall.ics"]).replacingOccurrences(of: "\r\n ", with: "")
        #expect(calendar.contains("Escalation for Revenue for investors: Finance (primary owner) → "))
        #expect(calendar.contains("Escalation for Growth: "))
        // The audit counts escalation as written, and the new sections as defaults.
        let soft = RuleChecker(scenario: scenario).softFindings(plan.schedule).filter { $0.rule == .runbookDefault }
        let finding = try #require(soft.first { $0.pipeline == "revenue" })
        #expect(!finding.message.contains("escalation"))
        #expect(finding.message.contains("validation, schedule, alerts, monitoring"))
    }

    @Test func aBadEscalationStepIsLocated() {
        for (step, fragment) in [
            (
                "{on_call: primary, owner: primary}",
                "escalation[0]: expected exactly one of on_call, owner, team, engineer"
            ),
            ("{on_call: shadow}", "escalation[0].on_call: expected an on-call role"),
            ("{owner: tertiary}", "escalation[0].owner: expected primary or secondary"),
            ("{engineer: bne}", "escalation[0].engineer: expected the id of an engineer, found \"bne\""),
            ("{engineer: ben, contact: x}", "escalation[0].contact: expected a contact on a team step only"),
            ("{team: Finance, after_hours: 100}", "escalation[0].after_hours: expected a number from 0 to 72"),
        ] {
            let pipelines = """
                  - id: revenue
                    investor_facing: true
                    escalation: [\(step)]
                """
            let result = Result { () throws(ScenarioError) -> Scenario in try RulesTests.tiny(pipelines: pipelines) }
            guard case .failure(let error) = result else {
                Issue.record("\(step) was accepted")
                continue
            }
            #expect(error.description.contains(fragment), "\(step): \(error)")
        }
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
