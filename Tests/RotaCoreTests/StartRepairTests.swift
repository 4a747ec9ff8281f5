import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

@Suite("The start's holiday moves")
struct StartRepairTests {
    /// The start with and without StartRepair's holiday moves, as the planner builds it (canonical order).
    static func starts(_ original: Scenario) -> (scenario: Scenario, before: Schedule, after: Schedule)? {
        let scenario = original.canonicalOrder
        let availability = TeamAvailability(scenario: scenario)
        guard let before = StartingSchedule.build(scenario, availability, lowerHolidayBurden: false),
            let after = StartingSchedule.build(scenario, availability)
        else { return nil }
        return (scenario, before, after)
    }

    static func teams() throws -> [Scenario] {
        let generated = try [
            GeneratorSpec(size: .s, seed: 1), GeneratorSpec(size: .s, seed: 2), GeneratorSpec(size: .m, seed: 1),
        ]
        .map { try GeneratorTests.generate($0).scenario }
        return try StartingScheduleTests.smallRandomTeams + TestScenarios.seedNames.map(TestScenarios.seed) + generated
    }

    /// The moves may not cost an earlier level anything: judged by the independent checker and the fairness figures,
    /// the moved start keeps every hard rule, breaks no soft-rule instance the start did not, has no larger deviation from the fair
    /// share in either role, and a holiday burden (total, then largest) no worse. And they must do something.
    @Test func holidayMovesNeverWorsenAnEarlierLevelAndOftenLowerTheBurden() throws {
        var lowered = 0
        var compared = 0
        for original in try Self.teams() {
            guard let (scenario, before, after) = Self.starts(original) else { continue }
            compared += 1
            let checker = RuleChecker(scenario: scenario)
            let name = scenario.name
            #expect(checker.check(after).count <= checker.check(before).count, "\(name)")
            if checker.check(before).isEmpty { #expect(checker.check(after).isEmpty, "\(name)") }
            let newSoft = Set(checker.softFindings(after).map(\.message))
                .subtracting(checker.softFindings(before).map(\.message))
            #expect(newSoft.isEmpty, "\(name): \(newSoft)")
            let old = FairnessReport(schedule: before, scenario: scenario)
            let new = FairnessReport(schedule: after, scenario: scenario)
            #expect(new.largestPrimaryDeviation <= old.largestPrimaryDeviation + 1e-9, "\(name)")
            #expect(new.largestBackupDeviation <= old.largestBackupDeviation + 1e-9, "\(name)")
            let burden = (old.totalHolidayBurden, old.largestHolidayBurden)
            let moved = (new.totalHolidayBurden, new.largestHolidayBurden)
            #expect(moved <= burden, "\(name): \(moved) after the moves, \(burden) before")
            if moved < burden { lowered += 1 }
        }
        #expect(compared > 100)
        #expect(lowered > 10, "the holiday moves lowered the burden of only \(lowered) of \(compared) starts")
    }

    /// The reason the moves exist: on the generated S team (the benchmark's S) the greedy start carries 29 holiday
    /// points where 19 is optimal (festivals on weekends weighing); the moves bring it to 21. Exchanges of two duties
    /// cannot reach 19 here (they did when weekend days weighed nothing: 17 → 15, the optimum); a start closer than
    /// halfway is what is asserted.
    @Test func theGeneratedSTeamStartsNearTheHolidayOptimum() throws {
        let scenario = try GeneratorTests.generate(GeneratorSpec(size: .s, seed: 1)).scenario
        let (ordered, before, after) = try #require(Self.starts(scenario))
        let plan = try Planner().plan(scenario)
        let optimum = try #require(plan.levels.first { $0.kind == .holidayTotal }?.value)
        let greedy = FairnessReport(schedule: before, scenario: ordered).totalHolidayBurden
        let moved = FairnessReport(schedule: after, scenario: ordered).totalHolidayBurden
        #expect(greedy > Int(optimum))
        #expect(moved >= Int(optimum))
        #expect(
            2 * (moved - Int(optimum)) <= greedy - Int(optimum), "greedy \(greedy), moved \(moved), optimum \(optimum)")
    }
}
