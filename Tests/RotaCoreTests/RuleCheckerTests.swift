import BenchmarkSupport
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// Each test starts from a valid planned schedule, breaks one rule by hand, and expects exactly that finding.
@Suite("The independent rule checker")
struct RuleCheckerTests {
    let scenario: Scenario
    let schedule: Schedule
    let checker: RuleChecker

    init() throws {
        scenario = try TestScenarios.seed("xyz-tech-2027q1")
        schedule = try Planner().plan(scenario).schedule
        checker = RuleChecker(scenario: scenario)
    }

    /// The single-pass judgement report.md uses gives exactly the hard findings then the soft ones, on heuristic
    /// schedules of every seed (which break hard and soft rules alike).
    @Test(arguments: TestScenarios.seedNames)
    func hardAndSoftFindingsInOnePassEqualTheTwoJudgements(_ name: String) throws {
        let seed = try TestScenarios.seed(name)
        let judge = RuleChecker(scenario: seed)
        for heuristic in HeuristicSchedule.allCases {
            let written = heuristic.schedule(for: seed)
            let separate = (judge.check(written) + judge.softFindings(written)).map(\.message)
            #expect(judge.hardAndSoftFindings(written).map(\.message) == separate, "\(name), \(heuristic.rawValue)")
            #expect(!separate.isEmpty || heuristic != .roundRobin, "\(name): round robin breaks something")
        }
    }

    func replacingWeek(_ number: Int, primary: String? = nil, backup: String? = nil) -> Schedule {
        var copy = schedule
        let week = copy.shifts[number - 1]
        copy.shifts[number - 1] = RotationShift(
            number: number, dates: week.dates, primary: primary ?? week.primary, backup: backup ?? week.backup)
        return copy
    }

    @Test func thePlannedScheduleIsClean() { #expect(checker.check(schedule).isEmpty) }

    @Test func sameEngineerInBothRoles() {
        let week = schedule.shifts[3]
        let findings = checker.check(replacingWeek(4, backup: week.primary))
        #expect(
            findings.contains(
                RuleViolation(
                    .distinctRoles, "week 4: \(week.primary) is both primary and backup", week: 4,
                    engineer: week.primary)))
    }

    @Test func dutyDuringLeave() {
        // Aidil is on leave 2027-03-08..2027-03-12, in week 10.
        let findings = checker.check(replacingWeek(10, primary: "aidil"))
        #expect(findings.contains { $0.rule == .leave && $0.week == 10 && $0.engineer == "aidil" })
        #expect(findings.first { $0.rule == .leave }!.message.contains("on leave 2027-03-08..2027-03-12"))
    }

    @Test func backToBackPrimaryWeeks() {
        let next = schedule.shifts[1].primary
        let broken = replacingWeek(
            1, primary: next, backup: schedule.shifts[0].backup == next ? schedule.shifts[0].primary : nil)
        let gaps = checker.check(broken).filter { $0.rule == .minGapWeeks }
        #expect(gaps.count == 1)
        #expect(gaps.first?.message.contains("\(next) is primary in weeks 1 and 2") == true)
    }

    @Test func missingAndDuplicatedWeeks() {
        var missing = schedule
        missing.shifts.remove(at: 6)
        #expect(checker.check(missing).map(\.rule) == [.coverage])
        #expect(checker.check(missing).first?.week == 7)
        var doubled = schedule
        doubled.shifts.append(schedule.shifts[0])
        #expect(
            checker.check(doubled).contains {
                $0.rule == .coverage && $0.message.contains("week 1 appears more than once")
            })
    }

    @Test func wrongDatesAndUnknownPeople() {
        var shifted = schedule
        let week = shifted.shifts[0]
        shifted.shifts[0] = RotationShift(
            number: 1,
            dates: DateRange(first: week.dates.first.adding(days: 1), last: week.dates.last.adding(days: 1))!,
            primary: week.primary, backup: week.backup)
        #expect(checker.check(shifted).map(\.rule) == [.coverage])
        #expect(checker.check(replacingWeek(2, backup: "nobody")).map(\.rule) == [.unknownEngineer])
    }

    @Test func ownershipRules() {
        var sameOwner = schedule
        let row = sameOwner.ownership[0]
        sameOwner.ownership[0] = OwnershipAssignment(
            pipeline: row.pipeline, primary: row.primary, secondary: row.primary)
        #expect(checker.check(sameOwner).map(\.rule) == [.distinctOwners])

        var missing = schedule
        missing.ownership.removeLast()
        #expect(checker.check(missing).map(\.rule) == [.ownershipCoverage])

        // xyz-tech's investor pipelines have team owners (seed 004): an engineer in their place breaks the pin.
        var pinned = schedule
        pinned.ownership[2] = OwnershipAssignment(
            pipeline: pinned.ownership[2].pipeline, primary: "thiru", secondary: pinned.ownership[2].secondary)
        let pinFindings = checker.check(pinned)
        #expect(pinFindings.map(\.rule) == [.ownerPin])
        #expect(
            pinFindings.first?.message
                == "pipeline aggregate-profit: primary owner is thiru, but the scenario has it held by the team Business Analytics"
        )

        // Without the pins: three investor-facing pipelines and four engineers, nobody may be primary owner of two.
        var unpinned = scenario
        for k in unpinned.pipelines.indices { unpinned.pipelines[k].primaryOwner = nil }
        var capped = schedule
        let investor = scenario.investorFacingPipelines.map(\.id)
        capped.ownership = capped.ownership.map { row in
            investor.contains(row.pipeline)
                ? OwnershipAssignment(pipeline: row.pipeline, primary: "thiru", secondary: "choo") : row
        }
        let findings = RuleChecker(scenario: unpinned).check(capped)
        #expect(findings.map(\.rule) == [.maxInvestorPrimaries])
        #expect(findings.first?.message.contains("thiru is primary owner of 3 investor-facing pipelines") == true)
    }
}
