import Foundation

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// Scenarios built in code for tests.
enum TestScenarios {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The repository's calendars/ folder.
    static let library: CalendarLibrary = try! CalendarLibrary(
        directory: repositoryRoot.appendingPathComponent("calendars").path)

    /// The holiday calendar of `regions` for the years of `period`.
    static func calendar(_ regions: [String], _ period: PlanningPeriod) -> HolidayCalendar {
        try! library.calendar(
            regions: Set(regions), years: period.dates.first.year...period.dates.last.year)
    }

    static func seed(_ name: String) throws -> Scenario {
        try ScenarioReader.read(path: repositoryRoot.appendingPathComponent("scenarios/\(name).yaml").path)
    }

    static func seedWithVariants(_ name: String) throws -> (base: Scenario, variants: [ScenarioVariant]) {
        try ScenarioReader.readWithVariants(
            path: repositoryRoot.appendingPathComponent("scenarios/\(name).yaml").path, library: library)
    }

    static let seedNames = [
        "data-engineering-2027q1", "four-engineers-2027q2", "pipeline-plan-2026q4", "week5-maintenance-2027q1",
        "xyz-tech-2027q1", "selangor-festivals-2027q1", "xyz-tech-rotations-2027q2",
    ]

    /// Mondays whose weeks hold holidays in several of the regions below (Christmas, Chinese New Year, Hari Raya, Easter…).
    static let interestingMondays = [
        "2026-12-14", "2027-01-25", "2027-02-01", "2027-03-01", "2027-03-22", "2026-03-16", "2026-05-18",
    ]
    static let regions = ["MY-10", "MY-14", "MY-07", "SG", "GB-ENG", "GB-SCT", "DE-BY", "US-CA", "IN-KA", "AU-NSW"]

    /// A small random scenario, fully determined by its arguments.
    static func random(engineers: Int, weeks: Int, pipelines: Int, minGap: Int, seed: UInt64) -> Scenario {
        var random = SeededRandom(seed: seed)
        let start = CalendarDate(iso: interestingMondays[Int(random.next() % UInt64(interestingMondays.count))])!
        let period = PlanningPeriod(start: start, shiftCount: weeks)
        let team = (0..<engineers).map { index -> Engineer in
            var leave: [DateRange] = []
            if random.next() % 3 == 0 {
                let first = start.adding(days: Int(random.next() % UInt64(7 * weeks)))
                leave.append(DateRange(first: first, last: first.adding(days: Int(random.next() % 9)))!)
            }
            return Engineer(
                id: "e\(index)", name: "Engineer \(index)", region: regions[Int(random.next() % UInt64(regions.count))],
                leave: leave)
        }
        let work = (0..<pipelines).map { index in
            Pipeline(
                id: "p\(index)", name: "Pipeline \(index)", area: ["Profit", "Growth", "Engagement"][index % 3],
                investorFacing: random.next() % 2 == 0, onCall: true, weight: Double(1 + random.next() % 3))
        }
        return Scenario(
            name: "random-\(seed)", title: "Random \(seed)", period: period, engineers: team, pipelines: work,
            rules: Rules(minGapWeeks: minGap), calendar: calendar(team.map(\.region), period))
    }
}

/// The readers with the repository's calendars, as the tests use them.
extension ScenarioReader {
    static func read(path: String) throws(ScenarioError) -> Scenario {
        try read(path: path, library: TestScenarios.library)
    }
    static func parse(yaml: String, file: String) throws(ScenarioError) -> Scenario {
        try parse(yaml: yaml, file: file, library: TestScenarios.library)
    }
    static func parse(data: Data, file: String) throws(ScenarioError) -> Scenario {
        try parse(data: data, file: file, library: TestScenarios.library)
    }
}

/// A replan the tests share: xyz-tech planned, then whoever is primary in week 9 takes that week off, and the
/// scenario is replanned against the first plan with weeks 1–6 frozen.
struct WeekNineLeaveReplan {
    let scenario: Scenario
    let plan: Plan
    let week9: RotationShift
    let changed: Scenario
    let replanned: Plan

    init() throws {
        scenario = try TestScenarios.seed("xyz-tech-2027q1")
        plan = try Planner().plan(scenario)
        let week = plan.schedule.shifts[8]
        week9 = week
        var changed = scenario
        let e = changed.engineers.firstIndex { $0.id == week.primary }!
        changed.engineers[e].leave.append(week.dates)
        self.changed = changed
        let baseline = PlanBaseline(schedule: plan.schedule, from: scenario.period.shift(6).first, source: "baseline")
        replanned = try Planner().plan(changed, baseline: baseline)
    }
}

extension InfeasibilityExplanation {
    /// The explanation `rota plan` gives a scenario no schedule satisfies, as the tests ask for it.
    static func of(_ scenario: Scenario) -> InfeasibilityExplanation {
        InfeasibilityExplanation(
            scenario: scenario, availability: TeamAvailability(scenario: scenario), baseline: nil, timeLimit: 30,
            cuts: Tuning.onCallCuts)
    }
}

extension DutyHistory.Shift {
    /// Weekly shifts just before `start`, the most recent first: `holders[k]` held the week beginning 7·(k + 1) days
    /// before it, as a history file's rows would give them.
    static func weekly(
        before start: CalendarDate, _ holders: [(primary: String, backup: String?)], rotation: String = ""
    )
        -> [DutyHistory.Shift]
    {
        holders.enumerated().map { k, pair in
            let first = start.adding(days: -7 * (k + 1))
            return DutyHistory.Shift(
                rotation: rotation, dates: DateRange(first: first, last: first.adding(days: 6))!, primary: pair.primary,
                backup: pair.backup, source: "history.csv:\(k + 2)")
        }
    }
}
