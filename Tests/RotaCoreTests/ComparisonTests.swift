import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// `variants:` and `rota compare`: what-ifs applied to a scenario, planned side by side, differences named.
@Suite("Comparing variants of a scenario")
struct ComparisonTests {
    /// Three engineers in Kuala Lumpur over six weeks from 2027-01-04; back-to-back primary weeks forbidden.
    static let base = """
        name: tiny
        title: Tiny team
        period: {start: 2027-01-04, weeks: 6}
        engineers:
          - {id: ana, name: Ana, region: MY-14, leave: ["2027-01-25..2027-01-29"]}
          - {id: ben, name: Ben, region: MY-14}
          - {id: cai, name: Cai, region: MY-14}
        pipelines:
          - {id: p1, name: Profit, area: Profit, investor_facing: true, weight: 2}
          - {id: p2, name: Growth, area: Growth}
        rules: {min_gap_weeks: 1}
        """

    static func read(_ variants: String) throws -> (base: Scenario, variants: [ScenarioVariant]) {
        let folder = try TemporaryFolder()
        let path = try folder.write("tiny.yaml", base + "\nvariants:\n" + variants)
        return try ScenarioReader.readWithVariants(path: path, library: TestScenarios.library)
    }

    @Test func changesAreAppliedToACopyOfTheBase() throws {
        let (base, variants) = try Self.read(
            """
              - name: ana-moves
                title: Ana moves to Sarawak and swaps her leave
                engineers:
                  ana: {region: MY-13, remove_leave: ["2027-01-25..2027-01-29"], add_leave: [2027-02-01]}
              - name: offsite
                holidays: [{date: 2027-01-15, name: Offsite, engineers: [ben]}]
                rules: {min_gap_weeks: 0}
                period: {weeks: 4}
            """)
        #expect(base.engineer("ana")?.region == "MY-14")
        #expect(base.rules.minGapWeeks == 1)
        #expect(variants.map(\.name) == ["ana-moves", "offsite"])
        #expect(variants.map(\.title) == ["Ana moves to Sarawak and swaps her leave", "offsite"])
        let moved = variants[0].scenario
        #expect(moved.engineer("ana")?.region == "MY-13")
        #expect(moved.engineer("ana")?.leave.map(\.description) == ["2027-02-01"])
        #expect(moved.engineer("ben") == base.engineer("ben"))
        let offsite = variants[1].scenario
        #expect(offsite.rules.minGapWeeks == 0)
        #expect(offsite.period.shiftCount == 4)
        #expect(offsite.period.start == base.period.start)
        #expect(offsite.engineer("ben")?.companyDays.map(\.name) == ["Offsite"])
        #expect(offsite.engineer("ana")?.companyDays.isEmpty == true)
    }

    @Test(arguments: [
        (
            "  - name: x\n    engineers: {anna: {add_leave: [2027-01-04]}}\n", "variants[0].engineers.anna",
            "did you mean \"ana\""
        ),
        (
            "  - name: x\n    engineers: {ana: {remove_leave: [2027-01-25]}}\n",
            "variants[0].engineers.ana.remove_leave[0]",
            "ana's leave: \"2027-01-25..2027-01-29\""
        ),
        ("  - name: x\n    rules: {min_gap: 2}\n", "variants[0].rules.min_gap", "min_gap_weeks"),
        ("  - name: x\n    colour: red\n", "variants[0].colour", "engineers"),
        ("  - name: x\n  - name: x\n", "variants[1].name", "is used twice (first on line 13)"),
        ("  - name: x\n    period: {weeks: 0}\n", "in variant x: ", "a quarter is 13 weeks"),
    ])
    func aBadVariantIsLocated(_ variants: String, _ field: String, _ hint: String) throws {
        #expect {
            try Self.read(variants)
        } throws: { error in
            let text = "\(error)"
            return text.contains("tiny.yaml:1") && text.contains(field) && text.contains(hint)
        }
    }

    /// Known differences: an unchanged variant differs nowhere; leave for whoever is primary in week 2 moves them off
    /// it (so week 2 is a difference); leaving one engineer free in week 3 has no schedule, explained.
    @Test func threeVariantsWithKnownDifferences() throws {
        let (base, _) = try Self.read("  - name: unused\n")
        let plan = try Planner().plan(base)
        let week2 = plan.schedule.shifts[1]
        let (_, variants) = try Self.read(
            """
              - name: same
                title: Only a title
              - name: leave-in-week-2
                engineers: {\(week2.primary): {add_leave: ["2027-01-11..2027-01-15"]}}
              - name: two-away-in-week-3
                engineers:
                  ben: {add_leave: ["2027-01-18..2027-01-22"]}
                  cai: {add_leave: ["2027-01-18"]}
            """)
        let inputs =
            [ComparisonInput(name: "base", title: "base", source: "test", scenario: base)]
            + variants.map { ComparisonInput(name: $0.name, title: $0.name, source: "test", scenario: $0.scenario) }
        let comparison = Comparison.plan(inputs, options: PlanOptions(conflictsToExplain: 0), jobs: 2)
        #expect(comparison.difference(of: 1)?.isEmpty == true)
        let moved = try #require(comparison.difference(of: 2))
        #expect(
            moved.weeks.contains { $0.start == week2.dates.first && $0.role == .primary && $0.base == week2.primary })
        #expect(comparison.entries[2].plan!.schedule.shifts[1].primary != week2.primary)
        #expect(comparison.entries[2].plan!.schedule.shifts[1].backup != week2.primary)
        #expect(comparison.difference(of: 3) == nil)
        let markdown = ComparisonReport.markdown(comparison)
        #expect(markdown.contains("### same: same\n\nSame rotation and ownership as the base."))
        #expect(
            markdown.contains(
                "- week 3 (2027-01-18..2027-01-24): only ana is free of leave, but a primary and a different backup are "
                    + "needed (on leave: ben, cai)"))
        // The CSV has one row per week change, each with six fields; the infeasible variant has its explanation.
        let rows = ComparisonReport.csv(comparison).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == "scenario,section,subject,measure,value,base_value")
        #expect(rows.filter { $0.hasPrefix("leave-in-week-2,week,") }.count == moved.weeks.count)
        #expect(rows.contains { $0.hasPrefix("two-away-in-week-3,status,,solver,no schedule,proved optimal") })
        #expect(rows.filter { $0.hasPrefix("same,week,") }.isEmpty)
        // Hours by kind per engineer and scenario, each the scenario's own hours.csv figure, base beside it.
        for engineer in base.engineers {
            let ownWeekend = comparison.entries[2].plan!.hours.totals(of: engineer.id)[.weekend] ?? 0
            let baseWeekend = plan.hours.totals(of: engineer.id)[.weekend] ?? 0
            #expect(
                rows.contains(
                    "leave-in-week-2,engineer,\(engineer.id),weekend_hours,\(HoursCSV.hours(ownWeekend)),"
                        + HoursCSV.hours(baseWeekend)))
        }
        #expect(markdown.contains("## On-call hours"))
    }

    @Test func parallelSolvesGiveWhatSerialSolvesGive() throws {
        let (base, variants) = try TestScenarios.seedWithVariants("xyz-tech-2027q1")
        let scenarios = [base] + variants.map(\.scenario)
        let options = PlanOptions(conflictsToExplain: 0)
        let serial = BatchPlanner(options: options, jobs: 1).plan(scenarios)
        let parallel = BatchPlanner(options: options, jobs: 2).plan(scenarios)
        #expect(serial.count == scenarios.count)
        for (one, other) in zip(serial, parallel) {
            #expect((try? one.get())?.schedule == (try? other.get())?.schedule)
        }
    }

    @Test func variantsJudgedAsReplansKeepTheWorkedWeeksAndChangeLittle() throws {
        let (base, variants) = try TestScenarios.seedWithVariants("xyz-tech-2027q1")
        let committed = try ScheduleReader.read(
            path: TestScenarios.repositoryRoot.appendingPathComponent("reports/xyz-tech-2027q1").path)
        let from = CalendarDate(iso: "2027-02-15")!
        let baseline = PlanBaseline(schedule: committed.schedule, from: from, source: "reports/xyz-tech-2027q1")
        let inputs = ([base] + variants.map(\.scenario)).map {
            ComparisonInput(name: $0.name, title: $0.title, source: "test", scenario: $0)
        }
        let replans = Comparison.plan(inputs, options: PlanOptions(conflictsToExplain: 0), jobs: 2, baseline: baseline)
        let fresh = Comparison.plan(inputs, options: PlanOptions(conflictsToExplain: 0), jobs: 2)
        var compared = 0
        for (replan, other) in zip(replans.entries, fresh.entries) {
            guard let plan = replan.plan, let unpinned = other.plan, plan.scenario.period.shiftDays == 7 else {
                continue
            }
            compared += 1
            // The weeks before --from are the committed ones, whatever the variant says.
            let kept = plan.schedule.shifts.filter { $0.dates.first < from }
            #expect(kept == committed.schedule.shifts.filter { $0.dates.first < from }, "\(replan.name)")
            // Changes come first and are fewest: never more than planning afresh changes.
            let changes = try #require(plan.changes).changes.count
            let freshChanges = ScheduleChanges(
                baseline: baseline, schedule: unpinned.schedule, scenario: plan.scenario
            ).changes.count
            #expect(changes <= freshChanges, "\(replan.name)")
            #expect(plan.levelOrder.first == .changes)
        }
        #expect(compared >= 3)
    }

    /// reports/xyz-tech-2027q1-compare/ is what `rota compare scenarios/xyz-tech-2027q1.yaml` writes.
    @Test func committedComparisonMatches() throws {
        let path = TestScenarios.repositoryRoot.appendingPathComponent("scenarios/xyz-tech-2027q1.yaml").path
        // Sources named as `rota compare scenarios/xyz-tech-2027q1.yaml`, run from the repository root, names them.
        let inputs = try Comparison.inputs(paths: [path], library: TestScenarios.library).map {
            ComparisonInput(
                name: $0.name, title: $0.title,
                source: $0.source.replacingOccurrences(of: path, with: "scenarios/xyz-tech-2027q1.yaml"),
                scenario: $0.scenario)
        }
        #expect(inputs.map(\.isVariant) == [false, true, true, true, true, true])
        let comparison = Comparison.plan(inputs, options: PlanOptions(conflictsToExplain: 0), jobs: 2)
        let folder = TestScenarios.repositoryRoot.appendingPathComponent("reports/xyz-tech-2027q1-compare")
        for file in ComparisonReport.render(comparison) {
            try GoldenFile.assertMatches(file.contents, file: folder.appendingPathComponent(file.name))
        }
    }
}
