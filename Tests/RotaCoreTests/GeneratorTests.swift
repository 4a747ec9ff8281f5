import BenchmarkSupport
import Foundation
import Testing

@testable import LinearProgramming
@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

@Suite("rota generate and the benchmark's heuristics")
struct GeneratorTests {
    static func generate(_ spec: GeneratorSpec) throws -> (yaml: String, scenario: Scenario) {
        let yaml = try ScenarioGenerator(spec: spec, library: TestScenarios.library).yaml(command: spec.commandLine)
        let scenario = try ScenarioReader.parse(yaml: yaml, file: "\(spec.name).yaml", library: TestScenarios.library)
        return (yaml, scenario)
    }

    @Test func sameSpecSameBytesAndTheSeedMatters() throws {
        let spec = GeneratorSpec(size: .m, seed: 7)
        #expect(try Self.generate(spec).yaml == Self.generate(spec).yaml)
        #expect(try Self.generate(spec).yaml != Self.generate(GeneratorSpec(size: .m, seed: 8)).yaml)
        #expect(spec.commandLine == "rota generate --size m --seed 7")
    }

    /// `--newcomers 2`: the last two engineers join in week 5 and onboard through shadows on rotations that have
    /// them; the plan seats them as onboarding asks and the checker accepts it.
    @Test func newcomersJoinLateAndShadowFirst() throws {
        var spec = GeneratorSpec(size: .s, seed: 2)
        spec.newcomers = 1
        #expect(spec.commandLine == "rota generate --size s --seed 2 --newcomers 1")
        let (_, scenario) = try Self.generate(spec)
        let newcomer = try #require(scenario.engineers.last)
        #expect(newcomer.onboardingShadowShifts == 2 && newcomer.onboardingBackupShifts == 2)
        #expect(
            newcomer.eligibility
                == Eligibility(primary: .from(spec.start.adding(days: 28)), backup: .from(spec.start.adding(days: 28))))
        #expect(scenario.rotations.allSatisfy { $0.hasShadow })
        #expect(scenario.engineers.dropLast().allSatisfy { $0.onboardingShadowShifts == nil })
        let plan = try Planner().plan(scenario)
        #expect(RuleChecker(scenario: scenario).check(plan.schedule).isEmpty)
        let weeks = plan.schedule.shifts
        #expect(weeks.filter { $0.shadow == newcomer.id }.count == 2)
        let firstDuty = try #require(weeks.firstIndex { $0.isOnDuty(newcomer.id) })
        #expect(weeks[..<firstDuty].filter { $0.shadow == newcomer.id }.count == 2)
        spec.newcomers = 2
        #expect(spec.problem == "newcomers must be 0–1")
    }

    /// Every size reads back with the promised dimensions; leave lies in the period, clusters (some ranges are several
    /// days long), and every rotation keeps three people free of leave in every shift; rosters share people.
    @Test(arguments: GeneratorSize.allCases)
    func generatedScenariosHaveTheSizeAndPlannableLeave(_ size: GeneratorSize) throws {
        for seed: UInt64 in 1...3 {
            let spec = GeneratorSpec(size: size, seed: seed)
            let scenario = try Self.generate(spec).scenario
            #expect(scenario.engineers.count == spec.engineers)
            #expect(scenario.pipelines.count == spec.pipelines)
            #expect(scenario.rotations.count == spec.rotations)
            #expect(scenario.period.shiftCount == spec.weeks)
            #expect(Set(scenario.engineers.map(\.region)) == Set(spec.regions))
            #expect(scenario.investorFacingPipelines.count >= spec.rotations)
            let period = DateRange(
                first: scenario.period.start, last: scenario.period.start.adding(days: 7 * spec.weeks - 1))!
            let leave = scenario.engineers.flatMap(\.leave)
            #expect(leave.allSatisfy { period.contains($0.first) && period.contains($0.last) })
            #expect(leave.contains { $0.last.dayNumber - $0.first.dayNumber >= 3 })
            let availability = TeamAvailability(scenario: scenario)
            for (t, shift) in scenario.shifts.enumerated() {
                let free = scenario.engineers.indices.filter { availability.isFree($0, t) }
                #expect(free.count >= 3, "\(spec.name) \(shift)")
            }
            if spec.rotations > 1 {
                let memberships = scenario.rotations.flatMap(\.roster)
                #expect(memberships.count > Set(memberships).count, "someone is on two rotations")
                #expect(Set(memberships).count == spec.engineers)
            }
        }
    }

    /// Small generated teams plan to proven optimality and the independent checker finds nothing wrong; the start
    /// offered to GLPK is valid and already at the fair-share bound (so levels 1 and 2 are proved at the root).
    @Test(arguments: [
        GeneratorSpec(size: .s, seed: 1), GeneratorSpec(size: .s, seed: 2), GeneratorSpec(size: .m, seed: 1),
        GeneratorSpec(
            name: "three-rotations", engineers: 15, weeks: 13, pipelines: 9, rotations: 3,
            regions: ["MY-10", "SG", "GB-ENG"],
            seed: 4),
    ])
    func generatedTeamsPlanToOptimalityAndPassTheChecker(_ spec: GeneratorSpec) throws {
        let scenario = try Self.generate(spec).scenario
        let plan = try Planner(options: PlanOptions(timeLimit: 120)).plan(scenario)
        #expect(plan.provedOptimal, "\(spec.name)")
        #expect(RuleChecker(scenario: scenario).check(plan.schedule).isEmpty, "\(spec.name)")

        let availability = TeamAvailability(scenario: scenario)
        let start = try #require(StartingSchedule.build(scenario, availability))
        #expect(RuleChecker(scenario: scenario).check(start).isEmpty)
        let figures = FairnessReport(schedule: start, scenario: scenario)
        #expect(abs(figures.largestPrimaryDeviation - plan.levels[0].value!) < 1e-6, "\(spec.name)")
        #expect(abs(figures.largestBackupDeviation - plan.levels[1].value!) < 1e-6, "\(spec.name)")
    }

    /// Round robin follows each roster in order whatever the leave; the checker's leave findings are exactly the
    /// shifts where someone on duty is on leave, counted here independently. (Oncall's scheduler: BaselineScheduleTests.)
    @Test func roundRobinDoesWhatItsNameSays() throws {
        for seed: UInt64 in 1...3 {
            let scenario = try Self.generate(GeneratorSpec(size: .m, seed: seed)).scenario
            let availability = TeamAvailability(scenario: scenario)
            let rotations = scenario.rotations
            let index = Dictionary(uniqueKeysWithValues: scenario.engineers.enumerated().map { ($1.id, $0) })

            let roundRobin = HeuristicSchedule.roundRobin.schedule(for: scenario)
            var onLeave = 0
            for (t, shift) in scenario.shifts.enumerated() {
                let week = roundRobin.shifts[t]
                let roster = rotations[shift.rotation].roster
                #expect(week.primary == roster[(shift.number - 1) % roster.count])
                #expect(week.backup == roster[shift.number % roster.count])
                for id in [week.primary, week.backup!] where availability.shifts[index[id]!][t].onLeave { onLeave += 1 }
            }
            #expect(ScheduleQuality(schedule: roundRobin, scenario: scenario).leaveViolations == onLeave)
            #expect(onLeave > 0, "generated leave should catch a strict round robin out")

        }
    }

    /// Ownership symmetry breaking never changes the optimal largest load: the ownership model with and without it,
    /// on random small teams (weights 1–3, investor-facing pipelines, pins now and then).
    @Test func symmetryBreakingKeepsTheOptimalLoad() throws {
        var random = SeededRandom(seed: 2027)
        for trial in 0..<25 {
            let spec = GeneratorSpec(
                name: "symmetry-\(trial)", engineers: random.int(in: 4...6), weeks: 2, pipelines: random.int(in: 2...7),
                rotations: 1, regions: ["MY-10"], seed: UInt64(trial))
            var scenario = try Self.generate(spec).scenario
            scenario.pipelines = scenario.pipelines.map { pipeline in
                var changed = pipeline
                changed.weight = Double(random.int(in: 1...3))
                if random.chance(0.2) { changed.primaryOwner = .engineer(scenario.engineers[0].id) }
                return changed
            }
            let availability = TeamAvailability(scenario: scenario)
            var values: [Double] = []
            for breakSymmetry in [true, false] {
                let built = RotationModel(
                    scenario: scenario, availability: availability, parts: .ownership, breakSymmetry: breakSymmetry)
                let outcome = try LexicographicSolver(
                    options: SolveOptions(timeLimit: 60, cuts: Tuning.ownershipCuts)
                )
                .solve(built.model, levels: built.levels)
                #expect(outcome.levels.allSatisfy { $0.status == .optimal }, "trial \(trial)")
                values.append(outcome.levels.last?.value ?? -1)
            }
            #expect(abs(values[0] - values[1]) < 1e-6, "trial \(trial): \(values)")
        }
    }
}
