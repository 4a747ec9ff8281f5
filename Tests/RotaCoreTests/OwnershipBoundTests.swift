import Testing

@testable import LinearProgramming
@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// The parity bound on the largest ownership load (OwnershipRules.largestLoadLowerBound): valid for every assignment,
/// and strong enough that GLPK proves the cases it decides at once.
@Suite("The lower bound on the largest ownership load")
struct OwnershipBoundTests {
    /// Weights of scripts/ownership-stress.py's team 3 (12 engineers): total load 156, average 13, but only 10
    /// secondary roles of odd weight, so at most 10 engineers can have the odd load 13.
    static let stressWeights: [Double] = [2, 5, 5, 1, 4, 2, 4, 5, 2, 2, 5, 1, 1, 5, 1, 3, 4]

    static func roles(_ weights: [Int]) -> [(units: Int, primary: Bool)] {
        weights.flatMap { [(2 * $0, true), ($0, false)] }
    }

    @Test func parityRaisesTheAverageWhenTooFewEngineersCanHaveAnOddLoad() {
        let weights = Self.stressWeights.map { Int($0) }
        #expect(OwnershipRules.largestLoadLowerBound(roles: Self.roles(weights), engineers: 12) == 14)
        #expect(OwnershipRules.largestLoadLowerBound(roles: Self.roles(weights), engineers: 13) == 12)  // 156 ÷ 13
        // Three engineers, weights 2 and 2 and 1: roles 4, 2, 4, 2, 2, 1 make 15, an average of 5 and no role above
        // it, but one odd role cannot give three odd loads; 6 is the best (4 + 2 | 4 + 1 | 2 + 2).
        #expect(OwnershipRules.largestLoadLowerBound(roles: Self.roles([2, 2, 1]), engineers: 3) == 6)
        // No load is below the heaviest role: one pipeline of weight 3 on three engineers.
        #expect(OwnershipRules.largestLoadLowerBound(roles: Self.roles([3]), engineers: 3) == 6)
        // An even average with an odd number of odd roles needs one unit of slack: 2 engineers, weight 1 (2 + 1).
        #expect(OwnershipRules.largestLoadLowerBound(roles: Self.roles([1]), engineers: 2) == 2)
        #expect(OwnershipRules.largestLoadLowerBound(roles: [], engineers: 3) == 0)
        #expect(OwnershipRules.largestLoadLowerBound(roles: Self.roles([3]), engineers: 0) == 0)
    }

    /// Against every assignment of small random teams (each role to one engineer, a pipeline's two roles to two
    /// different engineers, some roles held by a team): the bound never exceeds the best largest load, and parity
    /// often raises it above the average and the heaviest role, often to exactly the best.
    @Test func theBoundNeverExceedsTheBestAssignment() {
        var random = SeededRandom(seed: 11)
        var raisedByParity = 0
        var tight = 0
        for _ in 0..<800 {
            let engineers = random.int(in: 2...4)
            let pipelines = random.int(in: 1...(engineers == 4 ? 4 : 5))
            // Each pipeline: weight in units, and whether a team holds its primary or secondary role.
            let drawn = (0..<pipelines).map { _ in
                (weight: random.int(in: 1...5), teamPrimary: random.chance(0.15), teamSecondary: random.chance(0.15))
            }
            var roles: [(units: Int, primary: Bool)] = []
            for pipeline in drawn {
                if !pipeline.teamPrimary { roles.append((2 * pipeline.weight, true)) }
                if !pipeline.teamSecondary { roles.append((pipeline.weight, false)) }
            }
            let bound = OwnershipRules.largestLoadLowerBound(roles: roles, engineers: engineers)
            var best = Int.max
            var load = [Int](repeating: 0, count: engineers)
            func assign(_ k: Int) {
                guard k < drawn.count else {
                    best = min(best, load.max()!)
                    return
                }
                let pipeline = drawn[k]
                let primaries: [Int?] = pipeline.teamPrimary ? [nil] : Array(0..<engineers)
                let secondaries: [Int?] = pipeline.teamSecondary ? [nil] : Array(0..<engineers)
                for p in primaries {
                    for s in secondaries where p == nil || s == nil || p != s {
                        if let p { load[p] += 2 * pipeline.weight }
                        if let s { load[s] += pipeline.weight }
                        assign(k + 1)
                        if let p { load[p] -= 2 * pipeline.weight }
                        if let s { load[s] -= pipeline.weight }
                    }
                }
            }
            assign(0)
            #expect(bound <= best, "\(drawn) on \(engineers) engineers: bound \(bound), best \(best)")
            let total = roles.reduce(0) { $0 + $1.units }
            let simple = max((total + engineers - 1) / engineers, roles.map(\.units).max() ?? 0)
            if bound > simple { raisedByParity += 1 }
            if bound > simple && bound == best { tight += 1 }
        }
        #expect(raisedByParity > 20, "the parity case must be exercised")
        #expect(tight > 10, "parity must often give the best load exactly")
    }

    /// With the bound, GLPK proves the stress team's largest load of 14 within 100 branch-and-bound nodes (from its
    /// own start); without it, glpsol searched 30 s (about 8,000 nodes) without closing 14 against 13.
    @Test func theStressTeamIsProvedWithinAHundredNodes() throws {
        var scenario = TestScenarios.random(engineers: 12, weeks: 2, pipelines: 17, minGap: 0, seed: 3)
        for (k, weight) in Self.stressWeights.enumerated() { scenario.pipelines[k].weight = weight }
        let availability = TeamAvailability(scenario: scenario)
        let part = RotationModel(scenario: scenario, availability: availability, parts: .ownership)
        var model = part.model
        model.minimize(part.levels[0].expression)
        var options = SolveOptions(cuts: Tuning.ownershipCuts)
        options.initialSolution = part.values(
            for: Schedule(shifts: [], ownership: StartingSchedule.ownership(scenario)))
        options.nodeLimit = 100
        let result = try model.solve(options)
        #expect(result.status == .optimal)
        #expect(result.value(part.levels[0].expression) == 14)
    }
}
