import Foundation
import Testing

@testable import LinearProgramming
@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// `covered_leave`: the planner lets someone with a little leave in a shift hold it, and assigns a cover for exactly
/// those hours.
@Suite("Covers the planner assigns")
struct CoveredLeaveTests {
    /// Week 2: cai and dee are on leave part of the week, ben has a four-hour appointment on Tuesday, only ana is
    /// free all week. dee is away Thursday and Friday only, so free during ben's appointment.
    static func scenario(rule: String?) throws -> Scenario {
        try ScenarioReader.parse(
            yaml: """
                name: covered
                period: {start: 2027-01-04, weeks: 4, handoff: {time: "09:00", time_zone: Europe/London}}
                engineers:
                  - {id: ana, region: GB-ENG}
                  - {id: ben, region: GB-ENG, leave: ["2027-01-12T13:00..2027-01-12T17:00"]}
                  - {id: cai, region: GB-ENG, leave: ["2027-01-11..2027-01-15"]}
                  - {id: dee, region: GB-ENG, leave: ["2027-01-14..2027-01-15"]}
                pipelines:
                  - {id: revenue, name: Revenue, investor_facing: true}
                rules: {min_gap_weeks: 0\(rule.map { ", covered_leave: \($0)" } ?? "")}
                """, file: "covered.yaml")
    }

    @Test func aCoverMakesAWeekPossibleThatLeaveClosed() throws {
        #expect {
            try Planner().plan(try Self.scenario(rule: nil))
        } throws: { error in
            "\(error)".contains("week 2 (2027-01-11..2027-01-17): only ana is free of leave")
        }
        let scenario = try Self.scenario(rule: "{max_hours: 4}")
        let plan = try Planner().plan(scenario)
        let week = plan.schedule.shifts[1]
        #expect(Set([week.primary, week.backup]) == ["ana", "ben"])
        let role: DutyRole = week.primary == "ben" ? .primary : .backup
        #expect(
            plan.schedule.covers.map { "\($0.role.rawValue) \($0.engineer) \($0.span)" } == [
                "\(role.rawValue) dee 2027-01-12T13:00:00Z..2027-01-12T17:00:00Z"
            ])
        let checker = RuleChecker(scenario: scenario)
        #expect(checker.check(plan.schedule).isEmpty)
        #expect(checker.softFindings(plan.schedule).map(\.rule).filter { $0 == .coveredLeave }.count == 1)
        // The level counts what the checker counts.
        #expect(plan.levels.first { $0.kind == .soft(.coveredLeave) }?.value == 1)
        #expect(plan.fairness.value(of: .soft(.coveredLeave)) == 1)
        // Without the cover the schedule breaks leave.
        var bare = plan.schedule
        bare.covers = []
        #expect(checker.check(bare).map(\.rule) == [.leave])
        // The schedule as a solution vector of the model (a start, or `rota check --optimality`): its cover sets the
        // cover variable and every row holds; without the cover there is none.
        let built = RotationModel(
            scenario: scenario, availability: TeamAvailability(scenario: scenario), parts: .onCall)
        let values = try #require(built.values(for: plan.schedule))
        #expect(built.model.constraints.allSatisfy { $0.constraint.isSatisfied(by: values, tolerance: 1e-9) })
        #expect(built.coverChoices.filter { values[$0.variable.index] == 1 }.count == 1)
        #expect(built.values(for: bare) == nil)
        // Three hours allowed: four hours of leave keep ben off, and week 2 has no schedule again.
        #expect(throws: PlanningError.self) { try Planner().plan(try Self.scenario(rule: "{max_hours: 3}")) }
        // A day allowed: it fits too.
        #expect(try Planner().plan(try Self.scenario(rule: "{max_days: 1}")).schedule.covers.count == 1)
    }

    @Test func randomPartDayLeaveIsAlwaysCoveredBySomeoneFree() throws {
        var random = SeededRandom(seed: 27)
        var planned = 0
        var withCovers = 0
        for round in 0..<25 {
            // Four engineers, six weeks; each has two to seven appointments of 1–6 hours and maybe a day off.
            var team: [String] = []
            for id in ["ana", "ben", "cai", "dee"] {
                var leave: [String] = []
                for _ in 0..<(2 + Int(random.next() % 6)) {
                    let day = CalendarDate(iso: "2027-01-04")!.adding(days: Int(random.next() % 42))
                    let hour = 8 + Int(random.next() % 10)
                    let length = 1 + Int(random.next() % 6)
                    func clock(_ h: Int) -> String { (h < 10 ? "0" : "") + "\(h):00" }
                    leave.append("\"\(day)T\(clock(hour))..\(day)T\(clock(hour + length))\"")
                }
                if random.next() % 3 == 0 {
                    leave.append("\"\(CalendarDate(iso: "2027-01-04")!.adding(days: Int(random.next() % 42)))\"")
                }
                team.append("  - {id: \(id), region: GB-ENG, leave: [\(leave.joined(separator: ", "))]}")
            }
            let limit = ["{max_hours: 4}", "{max_hours: 8}", "{max_days: 1}"][round % 3]
            let scenario = try ScenarioReader.parse(
                yaml: """
                    name: random-\(round)
                    period: {start: 2027-01-04, weeks: 6, handoff: {time: "09:00", time_zone: Europe/London}}
                    engineers:
                    \(team.joined(separator: "\n"))
                    pipelines:
                      - {id: revenue, name: Revenue, investor_facing: true}
                    rules: {min_gap_weeks: 1, covered_leave: \(limit)}
                    """, file: "random.yaml")
            let plan: Plan
            do { plan = try Planner().plan(scenario) } catch { continue }
            planned += 1
            if !plan.schedule.covers.isEmpty { withCovers += 1 }
            // The model's levels are the figures the checker's fairness report measures (shares included).
            for level in plan.levels {
                let measured = plan.fairness.value(of: level.kind)
                #expect(abs((level.value ?? -1) - measured) < 1e-4, "round \(round): \(level.kind) \(measured)")
            }
            let checker = RuleChecker(scenario: scenario)
            #expect(checker.check(plan.schedule).isEmpty, "round \(round)")
            // Every cover lies on the holder's leave, in the shift, by someone free then.
            let covered = checker.softFindings(plan.schedule).filter { $0.rule == .coveredLeave }
            #expect(
                Double(covered.count) == plan.levels.first { $0.kind == .soft(.coveredLeave) }?.value, "round \(round)")
            // coverage.csv of the plan passes its own checks.
            let rows = CoverageTimeline.intervals(plan.schedule, scenario: scenario).enumerated().map {
                line, interval in
                CoverageRow(
                    rotation: interval.rotation, role: interval.role, engineer: interval.engineer, span: interval.span,
                    kind: interval.kind, reason: interval.reason, line: line + 2)
            }
            #expect(checker.checkCoverageRows(rows, plan.schedule.shifts).isEmpty, "round \(round)")
        }
        // The draw exercises the rule: most rounds plan, and many of them with covers.
        #expect(planned >= 15 && withCovers >= 10, "\(planned) planned, \(withCovers) with covers")
    }

    @Test func coversKeepTheExclusiveRulesAcrossRotations() throws {
        var random = SeededRandom(seed: 31)
        var withCovers = 0
        for round in 0..<6 {
            var team: [String] = []
            for id in ["ana", "ben", "cai", "dee", "eve"] {
                var leave: [String] = []
                for _ in 0..<(2 + Int(random.next() % 5)) {
                    let day = CalendarDate(iso: "2027-01-04")!.adding(days: Int(random.next() % 28))
                    let hour = 8 + Int(random.next() % 8)
                    func clock(_ h: Int) -> String { (h < 10 ? "0" : "") + "\(h):00" }
                    leave.append("\"\(day)T\(clock(hour))..\(day)T\(clock(hour + 1 + Int(random.next() % 4)))\"")
                }
                team.append("  - {id: \(id), region: GB-ENG, leave: [\(leave.joined(separator: ", "))]}")
            }
            let scenario = try ScenarioReader.parse(
                yaml: """
                    name: two-rotations-\(round)
                    period: {start: 2027-01-04, weeks: 3, handoff: {time: "09:00", time_zone: Europe/London}}
                    engineers:
                    \(team.joined(separator: "\n"))
                    pipelines:
                      - {id: revenue, name: Revenue, investor_facing: true}
                      - {id: growth, name: Growth, investor_facing: true}
                    rotations:
                      - {id: main, pipelines: [revenue]}
                      - {id: growth, pipelines: [growth], handoff: {weekday: wednesday, time: "10:00"}}
                    rules: {min_gap_weeks: 0, exclusive_duty: true, covered_leave: {max_hours: 4}}
                    """, file: "two.yaml")
            let plan: Plan
            // Valid whether or not proved: the hard rules hold in any schedule the planner returns.
            do { plan = try Planner(options: PlanOptions(timeLimit: 5)).plan(scenario) } catch { continue }
            if !plan.schedule.covers.isEmpty { withCovers += 1 }
            #expect(RuleChecker(scenario: scenario).check(plan.schedule).isEmpty, "round \(round)")
        }
        #expect(withCovers >= 1, "\(withCovers) rounds with covers")
    }

    @Test func aCoverOnTwoRotationsAtOnceIsFound() throws {
        let scenario = try RotationsTests.twoRotations(rules: "{min_gap_weeks: 0, exclusive_duty: true}")
        // main week 1 (from Monday 1 February) and growth shift 1 (from Wednesday 3 February) overlap.
        let main = scenario.rotations[0].period.allShifts.enumerated().map { t, dates in
            RotationShift(
                rotation: "main", number: t + 1, dates: dates, primary: ["ana", "cai"][t % 2],
                backup: ["ben", "dee"][t % 2])
        }
        let growth = scenario.rotations[1].period.allShifts.enumerated().map { t, dates in
            RotationShift(
                rotation: "growth", number: t + 1, dates: dates, primary: ["cai", "ana"][t % 2],
                backup: ["dee", "ben"][t % 2])
        }
        // cai, growth's primary from 3 February, covers main's primary on 4 February.
        let cover = Cover(
            rotation: "main", role: .primary, engineer: "cai",
            span: TimeSpan(
                start: try Instant.parse("2027-02-04T09:00:00Z").get(),
                end: try Instant.parse("2027-02-04T12:00:00Z").get())!,
            reason: "")
        let findings = RuleChecker(scenario: scenario).checkCovers(main + growth, [cover])
        #expect(findings.map(\.rule) == [.exclusiveDuty])
        #expect(findings.first?.message.contains("cai is also primary of rotation growth") == true)
    }
}
