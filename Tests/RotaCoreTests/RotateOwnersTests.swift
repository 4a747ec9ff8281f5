import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// `rotate_owners` with the previous period's ownership.csv read from the history's report folder: nobody holds
/// the same role on a rotating pipeline again, hard or soft, checked against every ownership table.
@Suite("Owners that rotate")
struct RotateOwnersTests {
    /// Last period's owners: revenue ana/ben, growth ben/cai, experiments cai/ana.
    static let files: [String: Data] = [
        "/virtual/q1/rotation.csv": Data("week,start,end,primary,backup\r\n1,2027-01-25,2027-01-31,ana,ben\r\n".utf8),
        "/virtual/q1/ownership.csv": Data(
            ("pipeline,name,area,investor_facing,primary,secondary\r\n"
                + "revenue,Revenue,Profit,true,ana,ben\r\ngrowth,Growth,Growth,true,ben,cai\r\n"
                + "experiments,Experiments,General,false,cai,ana\r\n").utf8),
    ]

    static func scenario(
        rule: String, pin: String = "", history: String = "[q1]"
    ) throws(ScenarioError) -> Scenario {
        try ScenarioReader.parse(
            yaml: """
                name: rotating
                period: {start: 2027-02-01, weeks: 2}
                engineers:
                  - {id: ana, region: GB-ENG}
                  - {id: ben, region: GB-ENG}
                  - {id: cai, region: GB-ENG}
                pipelines:
                  - {id: revenue, investor_facing: true, weight: 2\(pin)}
                  - {id: growth, investor_facing: true}
                  - {id: experiments}
                history: \(history)
                rules: {min_gap_weeks: 0, rotate_owners: \(rule)}
                """, file: "/virtual/team.yaml", library: TestScenarios.library, files: .memory(files))
    }

    /// The plan's ownership levels equal the lexicographic best over every table the checker accepts.
    func expectOptimal(_ scenario: Scenario, _ plan: Plan) {
        let kinds = plan.levels.map(\.kind).filter { $0.isOwnership || $0.softRule == .rotateOwners }
        let best = BruteForce.ownershipTables(scenario).map { table in
            let report = FairnessReport(schedule: Schedule(shifts: [], ownership: table), scenario: scenario)
            return kinds.map { report.value(of: $0) }
        }.min(by: BruteForce.lexicographicallyLess)
        let planned = kinds.map { plan.fairness.value(of: $0) }
        #expect(
            best.map { zip($0, planned).allSatisfy { abs($0 - $1) < 1e-9 } } ?? false, "\(planned) vs \(best ?? [])")
    }

    @Test func nobodyKeepsARoleAndThePlanIsTheBestTableThatRotates() throws {
        let scenario = try Self.scenario(rule: "true")
        #expect(scenario.history.ownership["growth"]?.source == "q1/ownership.csv:3")
        #expect(scenario.rules.rotateOwners == ["revenue", "growth", "experiments"])
        let plan = try Planner().plan(scenario)
        let past = scenario.history.ownership
        for row in plan.schedule.ownership {
            #expect(row.primary != past[row.pipeline]?.primary && row.secondary != past[row.pipeline]?.secondary)
        }
        #expect(RuleChecker(scenario: scenario).check(plan.schedule).isEmpty)
        expectOptimal(scenario, plan)
        // The previous table itself breaks the rule six times, and the checker says where it came from.
        let again = Schedule(
            shifts: plan.schedule.shifts,
            ownership: ["revenue", "growth", "experiments"].map {
                OwnershipAssignment(pipeline: $0, primary: past[$0]!.primary, secondary: past[$0]!.secondary)
            })
        let findings = RuleChecker(scenario: scenario).check(again).filter { $0.rule == .rotateOwners }
        #expect(findings.count == 6)
        #expect(
            findings.first?.message
                == "pipeline revenue: ana is primary owner again (as in q1/ownership.csv:2); rotate_owners is set"
        )
    }

    @Test func onlyTheListedPipelinesRotate() throws {
        let scenario = try Self.scenario(rule: "[experiments]")
        let plan = try Planner().plan(scenario)
        let experiments = plan.schedule.ownership.first { $0.pipeline == "experiments" }!
        #expect(experiments.primary != "cai" && experiments.secondary != "ana")
        #expect(RuleChecker(scenario: scenario).check(plan.schedule).isEmpty)
        expectOptimal(scenario, plan)
    }

    @Test func aPinThatKeepsAnOwnerIsExplainedWhenHardAndCountedWhenSoft() throws {
        let pinned = try Self.scenario(rule: "true", pin: ", primary_owner: ana")
        #expect(throws: PlanningError.self) { try Planner().plan(pinned) }
        let soft = try Self.scenario(rule: "{soft: true}", pin: ", primary_owner: ana")
        let plan = try Planner().plan(soft)
        let level = plan.levels.first { $0.kind.softRule == .rotateOwners }
        let broken = RuleChecker(scenario: soft).softFindings(plan.schedule).filter { $0.rule == .rotateOwners }
        #expect(broken.map(\.pipeline) == ["revenue"])
        #expect(level?.value == 1)
        expectOptimal(soft, plan)
    }

    @Test func withoutThePreviousOwnersOrWithAnUnknownPipelineTheRuleIsRefused() {
        for (rule, history, fragment) in [
            ("[experimnts]", "[q1]", "rules.rotate_owners[0]: expected the id of a pipeline, found \"experimnts\""),
            ("true", "[]", "rules.rotate_owners: expected the previous period's owners"),
        ] {
            let result = Result { () throws(ScenarioError) -> Scenario in
                try Self.scenario(rule: rule, history: history)
            }
            guard case .failure(let error) = result else {
                Issue.record("\(rule) with history \(history) was accepted")
                continue
            }
            #expect(error.description.contains(fragment), "\(error)")
        }
    }
}
