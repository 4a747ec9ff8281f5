import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

@Suite("Holding a level exactly")
struct LevelHoldTests {
    /// The two deviations of an 11-engineer, two-rotation team: 29/50 (the optimum) and 134/231, 1/11,550 apart,
    /// inside the 10⁻⁴ relative slack that held the level before.
    @Test func theHoldAdmitsNothingBetweenTheOptimumAndTheNextAttainableValue() {
        let optimum = 29.0 / 50
        let worse = 134.0 / 231
        #expect(worse - optimum < ObjectiveKind.primaryBalance.holdSlack(optimum))
        let level = ObjectiveLevel(
            kind: .primaryBalance, expression: .init(), attainable: ObjectiveLevel.distinct([0.1, optimum, worse, 0.9]))
        for reported in [optimum, optimum - 3e-6, optimum + 1e-7] {
            let bound = level.holdBound(reported)
            #expect(bound >= optimum && bound >= reported, "\(reported)")
            #expect(bound < worse, "\(reported): \(bound) lets \(worse) through")
        }
        // Without attainable values (or far from any), the relative slack as before.
        let plain = ObjectiveLevel(kind: .primaryBalance, expression: .init())
        #expect(plain.holdBound(optimum) == optimum + ObjectiveKind.primaryBalance.holdSlack(optimum))
        #expect(level.holdBound(0.5) == 0.5 + ObjectiveKind.primaryBalance.holdSlack(0.5))
        #expect(ObjectiveLevel.distinct([0.3, 0.1, 0.1 + 1e-12, 0.2]) == [0.1, 0.2, 0.3])
    }

    /// On generated two-rotation teams the deviation each level reports is the schedule's own, per rotation,
    /// to GLPK's tolerance: a hold that let a worse attainable deviation through would show here.
    @Test func reportedDeviationsAreTheSchedulesOwn() throws {
        var compared = 0
        for seed in 1...12 {
            let spec = GeneratorSpec(
                name: "hold\(seed)", engineers: 9 + Int(seed % 3), weeks: 13, pipelines: 4, rotations: 2,
                regions: ["MY-10", "GB-ENG", "IN-KA"], seed: UInt64(seed))
            let yaml = try ScenarioGenerator(spec: spec, library: TestScenarios.library).yaml(command: "test")
            let scenario = try ScenarioReader.parse(yaml: yaml, file: "hold.yaml", library: TestScenarios.library)
            guard let plan = try? Planner().plan(scenario) else { continue }
            let availability = TeamAvailability(scenario: scenario)
            let fair = FairShares(scenario: scenario, availability: availability)
            let index = Dictionary(uniqueKeysWithValues: scenario.engineers.enumerated().map { ($1.id, $0) })
            let each = scenario.rotations.indices.map { r in
                StartingSchedule.deviations(
                    plan.schedule.shifts.filter { $0.rotation == scenario.rotations[r].id }, rotation: r, fair: fair,
                    index: index)
            }
            for (kind, actual) in [
                (ObjectiveKind.primaryBalance, each.map(\.primary).max()!),
                (.backupBalance, each.map(\.backup).max()!),
            ] {
                let level = try #require(plan.levels.first { $0.kind == kind })
                let value = try #require(level.value)
                #expect(abs(actual - value) < 1e-5, "seed \(seed) \(kind): reported \(value), schedule \(actual)")
                compared += 1
            }
        }
        #expect(compared >= 16)
    }
}
