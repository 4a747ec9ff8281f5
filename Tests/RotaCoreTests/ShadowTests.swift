import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// Shadows (`roles: [primary, backup, shadow]`) and `onboarding: {shadow_shifts: j, backup_shifts: k}`: someone
/// onboarding shadows j shifts before any duty and is backup k times before primary. The plan is the optimum over
/// every schedule the independent checker accepts (shadows included), hard or soft.
@Suite("Shadows and onboarding")
struct ShadowTests {
    /// Three engineers over four weekly shifts with random leave; the last onboarding with one or two shifts to
    /// shadow and, by chance, a backup shift; onboarding soft in a third of the teams.
    static func scenario(seed: UInt64) -> Scenario {
        var random = SeededRandom(seed: seed &* 2731 &+ 5)
        var scenario = TestScenarios.random(
            engineers: 3, weeks: 4, pipelines: 1, minGap: Int(random.next() % 2), seed: seed)
        scenario.defaultShadow = true
        let learner = scenario.engineers.count - 1
        scenario.engineers[learner].onboardingShadowShifts = 1 + Int(random.next() % 2)
        if random.next() % 2 == 0 { scenario.engineers[learner].onboardingBackupShifts = 1 }
        if random.next() % 3 == 0 { scenario.rules.soft.insert(.onboarding) }
        return scenario
    }

    /// Every schedule (a primary, a different backup, and no shadow or a third person) the checker's basic rules,
    /// the gap, eligibility and (when hard) onboarding accept.
    static func everySchedule(_ scenario: Scenario) -> [[RotationShift]] {
        let checker = RuleChecker(scenario: scenario)
        let rotation = scenario.rotations[0]
        let dates = rotation.period.allShifts
        var judged: Set<Rule> = [.unknownEngineer, .distinctRoles, .leave, .minGapWeeks, .eligibility]
        if !scenario.rules.isSoft(.onboarding) { judged.insert(.onboarding) }
        var all: [[RotationShift]] = []
        func extend(_ prefix: [RotationShift]) {
            guard prefix.count < dates.count else {
                all.append(prefix)
                return
            }
            let t = prefix.count
            for primary in rotation.roster {
                for backup in rotation.roster where backup != primary {
                    for shadow in [nil] + rotation.roster.filter({ $0 != primary && $0 != backup }) {
                        let next =
                            prefix + [
                                RotationShift(
                                    number: t + 1, dates: dates[t], primary: primary, backup: backup, shadow: shadow)
                            ]
                        if !checker.checkRotation(next).contains(where: { judged.contains($0.rule) }) { extend(next) }
                    }
                }
            }
        }
        extend([])
        return all
    }

    @Test func thePlanIsTheOptimumOverEverySchedule() throws {
        var shadowed = 0
        var softCounted = 0
        var infeasible = 0
        for seed: UInt64 in 1...18 {
            let scenario = Self.scenario(seed: seed)
            let valid = Self.everySchedule(scenario)
            let label = "seed \(seed)"
            guard let plan = try? Planner(options: PlanOptions(timeLimit: 30)).plan(scenario) else {
                #expect(valid.isEmpty, "\(label): no plan, but \(valid.count) schedules keep every rule")
                infeasible += 1
                continue
            }
            let checker = RuleChecker(scenario: scenario)
            #expect(checker.check(plan.schedule).isEmpty, "\(label): \(checker.check(plan.schedule))")
            if plan.schedule.shifts.contains(where: { $0.shadow != nil }) { shadowed += 1 }
            let kinds = BruteForce.expectOptimum(plan, over: valid, scenario, label)
            if kinds.contains(where: { $0.softRule == .onboarding }) { softCounted += 1 }
        }
        #expect(shadowed >= 8, "only \(shadowed) plans had a shadow")
        #expect(softCounted >= 3)
        #expect(infeasible <= 8)
    }

    static let yaml = """
        name: shadows
        period: {start: 2027-01-04, weeks: 10}
        roles: [primary, backup, shadow]
        engineers:
          - {id: ana, region: GB-ENG}
          - {id: ben, region: GB-ENG}
          - {id: cat, region: GB-ENG}
          - {id: dev, region: GB-ENG, from: 2027-01-11, onboarding: {shadow_shifts: 2, backup_shifts: 2}}
        pipelines:
          - {id: p1, name: P1, investor_facing: false, on_call: true, weight: 1}
        """

    @Test func aNewcomerShadowsThenBacksUpThenLeads() throws {
        let scenario = try ScenarioReader.parse(yaml: Self.yaml, file: "shadows.yaml")
        #expect(scenario.rotations[0].hasShadow)
        let plan = try Planner().plan(scenario)
        let weeks = plan.schedule.shifts
        let shadows = weeks.indices.filter { weeks[$0].shadow == "dev" }
        let duty = weeks.indices.filter { weeks[$0].isOnDuty("dev") }
        let firstPrimary = try #require(weeks.firstIndex { $0.primary == "dev" })
        // Two shifts shadowed (not before 11 January), nobody else shadows, then two as backup, then primary.
        #expect(shadows.count == 2)
        #expect(shadows.allSatisfy { $0 >= 1 })
        #expect(weeks.allSatisfy { $0.shadow == nil || $0.shadow == "dev" })
        #expect(duty.allSatisfy { $0 > shadows.max()! })
        #expect(weeks[..<firstPrimary].filter { $0.backup == "dev" }.count >= 2)
        #expect(RuleChecker(scenario: scenario).check(plan.schedule).isEmpty)
        // rotation.csv's shadow column reads back; the calendar has a shadowing event per shift shadowed.
        let folder = try TemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        try ReportFolderWriter.write(ReportSet.render(plan), to: folder.path)
        let read = try ScheduleReader.read(path: folder.path)
        #expect(read.schedule.shifts == weeks)
        let csv = try String(contentsOfFile: folder.path + "/rotation.csv", encoding: .utf8)
        #expect(csv.hasPrefix("week,start,end,primary,backup,shadow"))
        let calendar = OnCallCalendar().render(plan)
        #expect(calendar.components(separatedBy: "SUMMARY:Shadowing: dev").count - 1 == 2)
        // Shadows are no duty: dev's coverage rows are the duty shifts alone.
        #expect(read.coverageRows.filter { $0.engineer == "dev" }.count == duty.count)
    }

    @Test func theCheckerJudgesShadowsAndDutyBeforeThem() throws {
        let scenario = try ScenarioReader.parse(yaml: Self.yaml, file: "shadows.yaml")
        let dates = scenario.rotations[0].period.allShifts
        let weeks = [
            // dev shadows before 11 January, and ana, not onboarding, shadows too.
            RotationShift(number: 1, dates: dates[0], primary: "ben", backup: "cat", shadow: "dev"),
            RotationShift(number: 2, dates: dates[1], primary: "dev", backup: "cat", shadow: "ana"),
            RotationShift(number: 3, dates: dates[2], primary: "ben", backup: "ana", shadow: "ben"),
        ]
        let findings = RuleChecker(scenario: scenario).checkRotation(weeks)
        let shadowFindings = findings.filter { $0.message.contains("shadows") }
        #expect(
            shadowFindings.map(\.message) == [
                "week 1: dev shadows, but may hold no role yet (`can:`, `from:`)",
                "week 2: ana shadows, but only someone onboarding with shadow_shifts shadows",
                "week 3: ben shadows, but is on duty in it too",
                "week 3: ben shadows, but only someone onboarding with shadow_shifts shadows",
            ])
        let early = findings.filter { $0.rule == .onboarding }
        #expect(
            early.map(\.message).first == "week 2: dev is primary after 1 shift shadowed; onboarding asks for 2 first")
    }

    @Test func theHistorysShadowsCount() throws {
        // dev shadowed the history's last two shifts: no more shadowing, duty from week 1 on.
        let history = """
            week,start,end,primary,backup,shadow
            1,2026-12-21,2026-12-27,ana,ben,dev
            2,2026-12-28,2027-01-03,cat,ana,dev

            """
        let folder = try TemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        try Data(history.utf8).write(to: folder.url.appendingPathComponent("q4.csv"))
        try Data(
            Self.yaml.replacingOccurrences(of: "from: 2027-01-11, ", with: "").utf8 + Data("\nhistory: [q4.csv]\n".utf8)
        )
        .write(to: folder.url.appendingPathComponent("shadows.yaml"))
        let scenario = try ScenarioReader.read(path: folder.path + "/shadows.yaml")
        #expect(scenario.history.shadowCount("dev") == 2)
        let plan = try Planner().plan(scenario)
        #expect(!plan.schedule.shifts.contains { $0.shadow != nil })
        #expect(RuleChecker(scenario: scenario).check(plan.schedule).isEmpty)
    }
}
