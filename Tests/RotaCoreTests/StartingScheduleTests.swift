import Foundation
import Testing

@testable import LinearProgramming
@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

@Suite("The starting schedule offered to level 1")
struct StartingScheduleTests {
    /// The start must be a valid schedule (judged by the independent checker) whose solution vector satisfies every
    /// row of the model, or GLPK would reject it; and it must aim at the fair-share bound.
    func checkStart(_ scenario: Scenario) -> Bool? {
        let availability = TeamAvailability(scenario: scenario)
        guard let start = StartingSchedule.build(scenario, availability) else { return nil }
        #expect(RuleChecker(scenario: scenario).check(start).isEmpty, "\(scenario.name)")
        let built = RotationModel(scenario: scenario, availability: availability)
        guard let values = built.values(for: start) else {
            Issue.record("\(scenario.name): the start has no solution vector")
            return false
        }
        expectSatisfies(built.model, values, scenario.name)
        return true
    }

    /// Records every row and bound of `model` that `values` break.
    func expectSatisfies(_ model: Model, _ values: [Double], _ name: String) {
        for row in model.constraints where !row.constraint.isSatisfied(by: values, tolerance: 1e-9) {
            Issue.record("\(name): the start breaks \(model.describe(row))")
        }
        for (variable, definition) in model.variables.enumerated() {
            #expect(values[variable] >= (definition.lowerBound ?? -.infinity) - 1e-9, "\(name): \(definition.name)")
            #expect(values[variable] <= (definition.upperBound ?? .infinity) + 1e-9, "\(name): \(definition.name)")
        }
    }

    /// On every seed the start reaches the fair-share bound for primary and backup weeks, so GLPK proves levels 1
    /// and 2 at the root instead of searching for an incumbent.
    @Test(arguments: TestScenarios.seedNames)
    func seedScenariosGetAValidStartAtTheBound(_ name: String) throws {
        let scenario = try TestScenarios.seed(name)
        #expect(checkStart(scenario) == true)
        let availability = TeamAvailability(scenario: scenario)
        guard let start = StartingSchedule.build(scenario, availability) else {
            Issue.record("\(name): no start")
            return
        }
        let built = RotationModel(scenario: scenario, availability: availability)
        let figures = FairnessReport(schedule: start, scenario: scenario)
        let bound = built.model.variables[built.deviations[.primary]!.index].lowerBound!
        // No backup level where every rotation has primaries alone.
        let backupBound = built.deviations[.backup].map { built.model.variables[$0.index].lowerBound! } ?? 0
        // The chain of week5 (backup_becomes_primary) ties each backup to the next primary, which the greedy pass
        // follows shift by shift: its start is valid but need not reach the bounds (GLPK improves on it). Across
        // rotations StartRepair moves single duties toward the bound, which reaches it on generated teams
        // (GeneratorTests) but not on xyz-tech-rotations-2027q2 (0.56 weeks above: only a chain of moves would do).
        if !scenario.rules.backupBecomesPrimary && scenario.rotations.count == 1 {
            #expect(abs(figures.largestPrimaryDeviation - bound) < 1e-9)
            #expect(abs(figures.largestBackupDeviation - backupBound) < 1e-9)
        }
    }

    /// With min_duty_gap_weeks or max_consecutive_duty_weeks hard, the start keeps the rule (a start that breaks
    /// one is dropped by GLPK, and the team solves from scratch): every seed with the rule added gets a start, and
    /// checkStart judges it with the checker and the model's rows.
    @Test(arguments: [
        ("min_duty_gap_weeks", 1, 1), ("max_consecutive_duty_weeks", 2, 4), ("max_consecutive_duty_weeks", 3, 4),
    ])
    func hardGapAndRunRulesAreKeptByTheStart(_ rule: String, _ value: Int, _ seeds: Int) throws {
        var started = 0
        for name in TestScenarios.seedNames {
            let path = TestScenarios.repositoryRoot.appendingPathComponent("scenarios/\(name).yaml").path
            var yaml = try String(contentsOfFile: path, encoding: .utf8)
            guard !yaml.contains(rule), !yaml.contains("backup_becomes_primary: true") else { continue }
            if let flow = yaml.range(of: "\nrules: {") {
                yaml.insert(contentsOf: "\(rule): \(value), ", at: flow.upperBound)
            } else if let block = yaml.range(of: "\nrules:\n") {
                yaml.insert(contentsOf: "  \(rule): \(value)\n", at: block.upperBound)
            } else {
                yaml += "\nrules:\n  \(rule): \(value)\n"
            }
            started += try startOf(yaml, path) ? 1 : 0
        }
        #expect(started >= seeds, "\(rule): \(started) seeds got a start")
    }

    private func startOf(_ yaml: String, _ path: String) throws -> Bool {
        let scenario = try ScenarioReader.parse(yaml: yaml, file: path, library: TestScenarios.library)
        let rules = scenario.rules
        #expect(rules.minDutyGapWeeks > 0 || rules.maxConsecutiveDutyWeeks != nil)
        return checkStart(scenario) == true
    }

    /// The planner works on the canonical order, where xyz-tech-rotations-2027q2's second rotation (handed over on
    /// Wednesdays) cannot be filled around the first under exclusive_primary: filling both together in date order
    /// gives a valid start, at the fair-share bound, so GLPK proves levels 1 and 2 at the root (69 and 99 nodes
    /// without it).
    @Test(arguments: TestScenarios.seedNames)
    func seedScenariosInCanonicalOrderGetAValidStart(_ name: String) throws {
        let scenario = try TestScenarios.seed(name).canonicalOrder
        #expect(checkStart(scenario) == true, "\(name)")
        guard name == "xyz-tech-rotations-2027q2" else { return }
        let availability = TeamAvailability(scenario: scenario)
        let start = try #require(StartingSchedule.build(scenario, availability))
        let built = RotationModel(scenario: scenario, availability: availability)
        let figures = FairnessReport(schedule: start, scenario: scenario)
        #expect(
            abs(figures.largestPrimaryDeviation - built.model.variables[built.deviations[.primary]!.index].lowerBound!)
                < 1e-9)
        // Its rotations have primaries alone: no backup level, and the start holds no backup.
        #expect(built.deviations[.backup] == nil)
        #expect(start.shifts.allSatisfy { $0.backup == nil })
    }

    /// 150 small random teams (2–6 engineers, 1–13 weeks, 1–4 pipelines, some with a gap rule).
    static let smallRandomTeams = (0..<UInt64(150)).map { seed in
        TestScenarios.random(
            engineers: 2 + Int(seed % 5), weeks: 1 + Int(seed % 13), pipelines: 1 + Int(seed % 4),
            minGap: Int(seed % 3) == 2 ? 1 : 0, seed: seed)
    }

    @Test func randomScenariosGetAValidStartOrNone() {
        var built = 0
        for scenario in Self.smallRandomTeams {
            if checkStart(scenario) == true { built += 1 }
        }
        #expect(built > 100)  // the greedy pass should rarely get stuck on such small teams
    }

    /// The ownership part's own start (offered also when the greedy on-call pass finds no start) satisfies every row
    /// of the ownership model, the symmetry-breaking fixings included, on random teams with and without an on-call
    /// start.
    @Test func ownershipStartSatisfiesTheOwnershipModelAlone() {
        var withoutOnCallStart = 0
        for scenario in Self.smallRandomTeams {
            let availability = TeamAvailability(scenario: scenario)
            if StartingSchedule.build(scenario, availability) == nil { withoutOnCallStart += 1 }
            let part = RotationModel(scenario: scenario, availability: availability, parts: .ownership)
            let start = Schedule(shifts: [], ownership: StartingSchedule.ownership(scenario))
            guard let values = part.values(for: start) else {
                Issue.record("\(scenario.name): the ownership start has no solution vector")
                continue
            }
            expectSatisfies(part.model, values, "\(scenario.name) (ownership part)")
        }
        #expect(withoutOnCallStart > 0, "some teams must have no on-call start, or the fallback goes untested")
    }

    /// The largest ownership load of an assignment: Σ weight × (2 as primary owner, 1 as secondary).
    static func largestLoad(_ rows: [OwnershipAssignment], _ scenario: Scenario) -> Double {
        var load: [String: Double] = [:]
        for (row, pipeline) in zip(rows, scenario.pipelines) {
            load[row.primary, default: 0] += 2 * pipeline.weight
            load[row.secondary, default: 0] += pipeline.weight
        }
        return scenario.engineers.map { load[$0.id] ?? 0 }.max() ?? 0
    }

    /// The moves after longest processing time never raise the largest ownership load, keep every ownership rule
    /// (judged by the checker), never go below the optimum GLPK proves, and lower LPT's load on a good share of random
    /// teams with uneven weights (1–5) and investor-facing pipelines.
    @Test func loadMovesLowerTheLongestProcessingTimeStart() throws {
        var random = SeededRandom(seed: 13)
        var lowered = 0
        var optimal = 0
        let teams = 120
        for seed in 0..<UInt64(teams) {
            var scenario = TestScenarios.random(
                engineers: random.int(in: 3...8), weeks: 1, pipelines: random.int(in: 3...14), minGap: 0, seed: seed)
            for k in scenario.pipelines.indices { scenario.pipelines[k].weight = Double(random.int(in: 1...5)) }
            scenario.rules.everyoneSecondaryOwner = random.chance(0.3)
            let lpt = StartingSchedule.ownership(scenario, moves: false)
            let moved = StartingSchedule.ownership(scenario)
            let checker = RuleChecker(scenario: scenario)
            // Too few pipelines for everyone to be a secondary owner: LPT cannot keep the rule either.
            if checker.hard(checker.checkOwnership(lpt)).isEmpty {
                #expect(checker.hard(checker.checkOwnership(moved)).isEmpty, "\(scenario.name)")
            }
            #expect(Self.largestLoad(moved, scenario) <= Self.largestLoad(lpt, scenario), "\(scenario.name)")
            let part = RotationModel(
                scenario: scenario, availability: TeamAvailability(scenario: scenario), parts: .ownership)
            var model = part.model
            model.minimize(part.levels[0].expression)
            var options = SolveOptions(cuts: Tuning.ownershipCuts)
            options.initialSolution = part.values(for: Schedule(shifts: [], ownership: moved))
            #expect(options.initialSolution != nil, "\(scenario.name): the moved start has no solution vector")
            let result = try model.solve(options)
            guard result.status == .optimal else { continue }
            let optimum = result.value(part.levels[0].expression)
            #expect(Self.largestLoad(moved, scenario) >= optimum - 1e-9, "\(scenario.name)")
            if Self.largestLoad(moved, scenario) < Self.largestLoad(lpt, scenario) { lowered += 1 }
            if abs(Self.largestLoad(moved, scenario) - optimum) < 1e-9 { optimal += 1 }
        }
        #expect(lowered > 5, "the moves lowered LPT's largest load on \(lowered) of \(teams) teams")
        #expect(optimal > teams / 2, "the moved start was optimal on \(optimal) of \(teams) teams")
    }

    /// After the load moves, the start gives a primary role to those who hold none without raising its largest
    /// load, and keeps every ownership rule: on random teams with at least as many pipelines as engineers it reaches
    /// the level's LP bound |E| − |P^p| (here 0) on most teams, where longest processing time alone often does not,
    /// and it is never below the optimum GLPK proves with the start's load held.
    @Test func everyoneGetsAPrimaryRoleWherePipelinesAllow() throws {
        func withoutPrimary(_ rows: [OwnershipAssignment], _ scenario: Scenario) -> Int {
            let primaries = Set(rows.map(\.primary))
            return scenario.engineers.filter { !primaries.contains($0.id) }.count
        }
        var random = SeededRandom(seed: 41)
        var reached = 0
        var betterThanLPT = 0
        let teams = 80
        for seed in 0..<UInt64(teams) {
            let engineers = random.int(in: 3...8)
            var scenario = TestScenarios.random(
                engineers: engineers, weeks: 1, pipelines: random.int(in: engineers...14), minGap: 0, seed: seed)
            for k in scenario.pipelines.indices { scenario.pipelines[k].weight = Double(random.int(in: 1...3)) }
            scenario.rules.everyoneSecondaryOwner = random.chance(0.3)
            let lpt = StartingSchedule.ownership(scenario, moves: false)
            let start = StartingSchedule.ownership(scenario)
            let checker = RuleChecker(scenario: scenario)
            if checker.hard(checker.checkOwnership(lpt)).isEmpty {
                #expect(checker.hard(checker.checkOwnership(start)).isEmpty, "\(scenario.name)")
            }
            #expect(Self.largestLoad(start, scenario) <= Self.largestLoad(lpt, scenario), "\(scenario.name)")
            if withoutPrimary(start, scenario) == 0 { reached += 1 }
            if withoutPrimary(start, scenario) < withoutPrimary(lpt, scenario) { betterThanLPT += 1 }
            // The optimum of the count with the start's largest load held.
            let part = RotationModel(
                scenario: scenario, availability: TeamAvailability(scenario: scenario), parts: .ownership)
            var model = part.model
            model.add("held_load", part.levels[0].expression <= Self.largestLoad(start, scenario) + 1e-6)
            model.minimize(part.levels[1].expression)
            let result = try model.solve(SolveOptions(cuts: Tuning.ownershipCuts))
            guard result.status == .optimal else { continue }
            #expect(
                Double(withoutPrimary(start, scenario)) >= result.value(part.levels[1].expression) - 1e-6,
                "\(scenario.name)")
        }
        #expect(reached > teams * 3 / 4, "everyone had a primary role on \(reached) of \(teams) teams")
        #expect(betterThanLPT > 0, "the moves gave more engineers a primary role on \(betterThanLPT) teams")
    }

    /// The pair search equals trying every pair in list order (the first, or the last, of the best sums), on random
    /// urgencies with many ties: whole numbers, and thirds whose sums round alike.
    @Test func bestPairIsTheBestOfEveryPair() {
        var random = SeededRandom(seed: 29)
        for round in 0..<400 {
            let people = random.int(in: 1...9)
            let primary = (0..<people).filter { _ in random.chance(0.7) }
            let backup = (0..<people).filter { _ in random.chance(0.7) }.shuffled(using: &random)
            let urgency = { (random: inout SeededRandom) -> Double in
                round % 2 == 0 ? Double(random.int(in: -2...3)) : Double(random.int(in: 0...9)) / 3
            }
            let primaryUrgency = (0..<people).map { _ in urgency(&random) }
            let backupUrgency = (0..<people).map { _ in urgency(&random) }
            for lastOnTies in [false, true] {
                var expected: (score: Double, primary: Int, backup: Int)?
                for p in primary {
                    for b in backup where b != p {
                        let score = primaryUrgency[p] + backupUrgency[b]
                        if expected == nil || score > expected!.score || (lastOnTies && score == expected!.score) {
                            expected = (score, p, b)
                        }
                    }
                }
                let found = StartingSchedule.bestPair(
                    primary: primary, backup: backup, primaryUrgency: primaryUrgency, backupUrgency: backupUrgency,
                    lastOnTies: lastOnTies)
                #expect(found?.primary == expected?.primary && found?.backup == expected?.backup, "round \(round)")
            }
        }
    }

    /// Past its deadline the start makes no ownership move: it is longest processing time, still valid.
    @Test func aPassedDeadlineLeavesTheLongestProcessingTimeStart() {
        let past = ContinuousClock().now - .seconds(1)
        var differs = 0
        for scenario in Self.smallRandomTeams {
            let lpt = StartingSchedule.ownership(scenario, moves: false)
            #expect(StartingSchedule.ownership(scenario, deadline: past) == lpt, "\(scenario.name)")
            if StartingSchedule.ownership(scenario) != lpt { differs += 1 }
            let availability = TeamAvailability(scenario: scenario)
            if let start = StartingSchedule.build(scenario, availability, deadline: past) {
                let checker = RuleChecker(scenario: scenario)
                #expect(checker.hard(checker.checkRotation(start.shifts)).isEmpty, "\(scenario.name)")
            }
        }
        #expect(differs > 0, "no team where the moves change LPT: the deadline goes untested")
    }

    @Test func targetCountsSumToTheWeeksWithinTheBound() {
        let shares = [1.2, 0.96, 1.44, 1.44, 0.96]
        let counts = StartingSchedule.targetCounts(shares: shares, available: [5, 4, 6, 6, 4], weeks: 6)!
        #expect(counts.reduce(0, +) == 6)
        #expect(zip(counts, shares).map { abs(Double($0) - $1) }.max()! <= 0.56 + 1e-9)
    }
}
