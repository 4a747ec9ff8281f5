import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// `roles: [primary]`: rotations of one engineer on call with no backup. The plan is the optimum over every
/// schedule the independent checker accepts; rotation.csv leaves the backup empty and reads back; the checker and
/// the reader refuse a backup where the rotation has none and a missing one where it has one.
@Suite("Rotations of primaries alone")
struct PrimaryOnlyTests {
    /// Three or four engineers over 4–6 weekly shifts of primaries alone, with random leave, a gap of 0 or 1 and,
    /// by chance, someone who may be primary only from some week on.
    static func scenario(seed: UInt64) -> Scenario {
        var random = SeededRandom(seed: seed &* 4049 &+ 11)
        let engineers = 3 + Int(random.next() % 2)
        let weeks = 4 + Int(random.next() % 3)
        var scenario = TestScenarios.random(
            engineers: engineers, weeks: weeks, pipelines: 1, minGap: Int(random.next() % 2), seed: seed)
        scenario.defaultRoles = [.primary]
        if random.next() % 2 == 0 {
            let e = Int(random.next() % UInt64(engineers))
            let day = scenario.period.start.adding(days: 7 * (1 + Int(random.next() % UInt64(weeks - 1))))
            scenario.engineers[e].eligibility = Eligibility(primary: .from(day))
        }
        return scenario
    }

    /// Every sequence of primaries the checker's basic rules, the gap and eligibility accept.
    static func everySchedule(_ scenario: Scenario) -> [[RotationShift]] {
        let checker = RuleChecker(scenario: scenario)
        let rotation = scenario.rotations[0]
        let judged: Set<Rule> = [.coverage, .unknownEngineer, .leave, .minGapWeeks, .eligibility]
        var all: [[RotationShift]] = []
        func extend(_ prefix: [RotationShift]) {
            let dates = rotation.period.allShifts
            guard prefix.count < dates.count else {
                if !checker.checkRotation(prefix).contains(where: { judged.contains($0.rule) }) { all.append(prefix) }
                return
            }
            for id in rotation.roster {
                let next =
                    prefix + [
                        RotationShift(number: prefix.count + 1, dates: dates[prefix.count], primary: id, backup: nil)
                    ]
                // Prune on the rows so far (coverage of the missing shifts is judged at the end).
                let early = checker.checkRotation(next).filter { $0.rule != .coverage && judged.contains($0.rule) }
                if early.isEmpty { extend(next) }
            }
        }
        extend([])
        return all
    }

    @Test func thePlanIsTheOptimumOverEverySchedule() throws {
        var infeasible = 0
        var restricted = 0
        for seed: UInt64 in 1...30 {
            let scenario = Self.scenario(seed: seed)
            let valid = Self.everySchedule(scenario)
            let label = "seed \(seed)"
            guard let plan = try? Planner(options: PlanOptions(timeLimit: 30)).plan(scenario) else {
                #expect(valid.isEmpty, "\(label): no plan, but \(valid.count) schedules keep every rule")
                infeasible += 1
                continue
            }
            if Rule.eligibility.isDeclared(by: scenario) { restricted += 1 }
            #expect(plan.schedule.shifts.allSatisfy { $0.backup == nil }, "\(label)")
            let checker = RuleChecker(scenario: scenario)
            #expect(checker.check(plan.schedule).isEmpty, "\(label): \(checker.check(plan.schedule))")
            let kinds = BruteForce.expectOptimum(plan, over: valid, scenario, label)
            #expect(!kinds.contains(.backupBalance), "\(label): a backup level without a backup")
        }
        #expect(restricted >= 5)
        #expect(infeasible <= 10)
    }

    /// Two rotations: `investor` with primary and backup, `growth` of primaries alone, exclusive duty between them.
    static let mixed = """
        name: mixed
        period: {start: 2027-01-04, weeks: 6}
        engineers:
          - {id: ana, region: GB-ENG}
          - {id: ben, region: GB-ENG, leave: ["2027-01-11..2027-01-15"]}
          - {id: cat, region: GB-ENG}
          - {id: dev, region: GB-ENG}
          - {id: eve, region: GB-ENG}
        pipelines:
          - {id: p1, name: P1, investor_facing: true, on_call: true}
          - {id: p2, name: P2, investor_facing: false, on_call: true}
        rotations:
          - {id: investor, pipelines: [p1]}
          - {id: growth, pipelines: [p2], roles: [primary]}
        rules: {exclusive_duty: true}
        """

    @Test func aMixedTeamPlansChecksAndReadsBack() throws {
        let scenario = try ScenarioReader.parse(yaml: Self.mixed, file: "mixed.yaml")
        #expect(scenario.rotations.map(\.hasBackup) == [true, false])
        let plan = try Planner().plan(scenario)
        #expect(plan.schedule.shifts.allSatisfy { ($0.rotation == "growth") == ($0.backup == nil) })
        #expect(RuleChecker(scenario: scenario).check(plan.schedule).isEmpty)
        let csv = RotationCSV().render(plan)
        #expect(
            csv.split(whereSeparator: \.isNewline).contains(
                "growth,1,2027-01-04,2027-01-10,\(plan.schedule.shifts[6].primary),"))
        // Written and read back, the folder passes the check as planned.
        let folder = try TemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        try ReportFolderWriter.write(ReportSet.render(plan), to: folder.path)
        let read = try ScheduleReader.read(path: folder.path)
        #expect(read.schedule.shifts == plan.schedule.shifts)
        #expect(RuleChecker(scenario: scenario).check(read.schedule).isEmpty)
        // The coverage timeline and the calendar hold no backup of growth.
        #expect(!read.coverageRows.contains { $0.rotation == "growth" && $0.role == .backup })
        let report = MarkdownReport().render(plan)
        #expect(report.contains("One engineer on call, with no backup, each week"))
        #expect(report.contains("a primary and, where the rotation has one, a different backup"))
    }

    @Test func theCheckerRefusesABackupWhereThereIsNoneAndAMissingOne() throws {
        let scenario = try ScenarioReader.parse(yaml: Self.mixed, file: "mixed.yaml")
        var weeks = try Planner().plan(scenario).schedule.shifts
        let growth = try #require(weeks.firstIndex { $0.rotation == "growth" })
        let extra = weeks[growth]
        let other = ["ana", "ben", "cat", "dev", "eve"].first { $0 != extra.primary }!
        weeks[growth] = RotationShift(
            rotation: "growth", number: extra.number, dates: extra.dates, primary: extra.primary, backup: other)
        let first = weeks[0]
        weeks[0] = RotationShift(
            rotation: "investor", number: 1, dates: first.dates, primary: first.primary, backup: nil)
        let findings = RuleChecker(scenario: scenario).checkRotation(weeks).filter { $0.rule == .coverage }
        #expect(
            findings.map(\.message) == [
                "investor week 1 (2027-01-04..2027-01-10) has no backup",
                "growth week 1: \(other) is backup, but rotation growth has no backup (roles: primary)",
            ])
    }

    @Test func onAPrimarysHolidayTheNextFreePersonCovers() throws {
        // 2027-05-03 is an English bank holiday (May Day): ana is primary that week; ben, next on the roster, works
        // in Singapore that day.
        var scenario = try ScenarioReader.parse(
            yaml: """
                name: bank-holiday
                period: {start: 2027-04-26, weeks: 2}
                roles: [primary]
                engineers:
                  - {id: ana, region: GB-ENG}
                  - {id: ben, region: SG}
                  - {id: cat, region: GB-ENG}
                pipelines:
                  - {id: p1, name: P1, investor_facing: false, on_call: true}
                rules: {holiday_handover: backup}
                """, file: "bank-holiday.yaml")
        scenario.rules.minGapWeeks = 0
        let weeks = [
            RotationShift(number: 1, dates: scenario.rotations[0].period.allShifts[0], primary: "cat", backup: nil),
            RotationShift(number: 2, dates: scenario.rotations[0].period.allShifts[1], primary: "ana", backup: nil),
        ]
        let covers = HolidayHandoverCovers.covers(weeks, scenario: scenario)
        #expect(covers.map(\.engineer) == ["ben"])
        #expect(covers.map(\.role) == [.primary])
        #expect(covers.first?.reason == "ana's public holiday (May Day)")
    }

    @Test func aCoverOfTheMissingBackupIsRefused() throws {
        let scenario = try ScenarioReader.parse(yaml: Self.mixed, file: "mixed.yaml")
        var schedule = try Planner().plan(scenario).schedule
        let growth = scenario.rotations[1]
        let span = ShiftClock(rotation: growth, scenario: scenario).span(of: growth.period.allShifts[0])
        let cover = Cover(rotation: "growth", role: .backup, engineer: "ana", span: span, reason: "")
        #expect(throws: ScheduleEditError.self) {
            try ScheduleEditor.addCover(&schedule, cover, rotation: 1, scenario)
        }
    }
}
