import RotaChecking
import RotaModel
import RotaPlanning

/// One scenario of a comparison: where it came from and how planning it ended.
public struct ComparedScenario: Sendable {
    /// Short name in tables: the base scenario's name, a variant's name, or another file's scenario name.
    public let name: String
    public let title: String
    /// Where it came from: "scenarios/x.yaml" or "variant of scenarios/x.yaml".
    public let source: String
    public let scenario: Scenario
    /// The plan, or why there is none (infeasible, no schedule found in time, solver failure).
    public let outcome: Result<Plan, PlanningError>

    public init(name: String, title: String, source: String, scenario: Scenario, outcome: Result<Plan, PlanningError>) {
        self.name = name
        self.title = title
        self.source = source
        self.scenario = scenario
        self.outcome = outcome
    }

    public var plan: Plan? { try? outcome.get() }

    /// Days of the engineer's own observed festivals on which they are on duty.
    public func festivalDays(of engineer: EngineerFairness) -> Int {
        let personal = scenario.personalCalendar(engineer.engineer)
        let days = engineer.holidayDuty.flatMap { duty in
            duty.holidays.filter { personal.observedFestival($0) != nil }.map(\.date)
        }
        return Set(days).count
    }
}

/// Where a schedule differs from the base's: weeks matched by their dates, pipelines by id.
public struct ScheduleDifference: Sendable {
    public struct WeekChange: Sendable, Equatable {
        /// The rotation's id ("" with one rotation).
        public let rotation: String
        /// The week's first day (weeks are matched by rotation and dates, so periods of different lengths compare).
        public let start: CalendarDate
        public let role: DutyRole
        /// Nil where the week is not in that schedule.
        public let base: String?
        public let other: String?
    }

    public struct OwnershipChange: Sendable, Equatable {
        public let pipeline: String
        /// "primary" or "secondary".
        public let role: String
        public let base: String?
        public let other: String?
    }

    public let weeks: [WeekChange]
    public let ownership: [OwnershipChange]

    public init(base: Schedule, other: Schedule) {
        struct Key: Hashable, Comparable {
            let rotation: String
            let start: CalendarDate
            static func < (a: Key, b: Key) -> Bool { (a.rotation, a.start) < (b.rotation, b.start) }
        }
        func key(_ week: RotationShift) -> Key { Key(rotation: week.rotation, start: week.dates.first) }
        let baseWeeks = Dictionary(base.shifts.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let otherWeeks = Dictionary(other.shifts.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        var weeks: [WeekChange] = []
        for key in Set(baseWeeks.keys).union(otherWeeks.keys).sorted() {
            for role in DutyRole.allCases {
                let before = baseWeeks[key]?.engineer(for: role)
                let after = otherWeeks[key]?.engineer(for: role)
                if before != after {
                    weeks.append(
                        WeekChange(rotation: key.rotation, start: key.start, role: role, base: before, other: after))
                }
            }
        }
        let baseRows = Dictionary(base.ownership.map { ($0.pipeline, $0) }, uniquingKeysWith: { first, _ in first })
        let otherRows = Dictionary(other.ownership.map { ($0.pipeline, $0) }, uniquingKeysWith: { first, _ in first })
        var order = base.ownership.map(\.pipeline)
        order += other.ownership.map(\.pipeline).filter { baseRows[$0] == nil }
        var ownership: [OwnershipChange] = []
        for pipeline in order {
            for (role, owner) in [("primary", \OwnershipAssignment.primary), ("secondary", \.secondary)] {
                let before = baseRows[pipeline]?[keyPath: owner]
                let after = otherRows[pipeline]?[keyPath: owner]
                if before != after {
                    ownership.append(OwnershipChange(pipeline: pipeline, role: role, base: before, other: after))
                }
            }
        }
        self.weeks = weeks
        self.ownership = ownership
    }

    public var isEmpty: Bool { weeks.isEmpty && ownership.isEmpty }
}

/// Several scenarios planned side by side; the first is the base the others are compared with.
public struct Comparison: Sendable {
    public let entries: [ComparedScenario]

    public init(entries: [ComparedScenario]) {
        precondition(!entries.isEmpty, "a comparison needs a base")
        self.entries = entries
    }

    public var base: ComparedScenario { entries[0] }

    /// How entry `index` differs from the base; nil when either has no plan.
    public func difference(of index: Int) -> ScheduleDifference? {
        guard index > 0, let basePlan = base.plan, let plan = entries[index].plan else { return nil }
        return ScheduleDifference(base: basePlan.schedule, other: plan.schedule)
    }

    /// The objective levels any entry has, in Rota's order.
    public var levelKinds: [ObjectiveKind] {
        var kinds: [ObjectiveKind] = []
        for level in entries.compactMap(\.plan).flatMap(\.levels) where !kinds.contains(level.kind) {
            kinds.append(level.kind)
        }
        return kinds
    }

    /// Engineer ids of every entry, in order of first appearance.
    public var engineerIDs: [String] {
        var seen = Set<String>()
        return entries.flatMap { $0.scenario.engineers.map(\.id) }.filter { seen.insert($0).inserted }
    }
}

/// A scenario to compare, before it is planned.
public struct ComparisonInput: Sendable {
    public let name: String
    public let title: String
    /// "scenarios/x.yaml" or "variant of scenarios/x.yaml".
    public let source: String
    public let scenario: Scenario
    public var isVariant: Bool { source.hasPrefix("variant of ") }
}

extension Comparison {
    /// The scenarios of the files at `paths`, each followed by its `variants:`; the first is the base.
    public static func inputs(paths: [String], library: CalendarLibrary) throws(ScenarioError) -> [ComparisonInput] {
        var inputs: [ComparisonInput] = []
        for path in paths {
            let (base, variants) = try ScenarioReader.readWithVariants(path: path, library: library)
            inputs.append(ComparisonInput(name: base.name, title: base.title, source: path, scenario: base))
            inputs += variants.map {
                ComparisonInput(name: $0.name, title: $0.title, source: "variant of \(path)", scenario: $0.scenario)
            }
        }
        return inputs
    }

    /// Plans every input, up to `jobs` at a time, and compares them with the first. Names label columns, so a name
    /// seen before gets its ordinal: "tiny (2)". With `baseline`, each is a replan of it (the frozen shifts kept,
    /// the fewest assignments changed after), as "what if Choo takes that week off" is asked mid-quarter.
    public static func plan(
        _ inputs: [ComparisonInput], options: PlanOptions, jobs: Int, baseline: PlanBaseline? = nil,
        progress: (@Sendable (BatchPlanner.Event) -> Void)? = nil
    ) -> Comparison {
        let outcomes = BatchPlanner(options: options, jobs: jobs).plan(
            inputs.map(\.scenario), baseline: baseline, progress: progress)
        var used: [String: Int] = [:]
        return Comparison(
            entries: zip(inputs, outcomes).map { input, outcome in
                used[input.name, default: 0] += 1
                let count = used[input.name]!
                return ComparedScenario(
                    name: count == 1 ? input.name : "\(input.name) (\(count))", title: input.title,
                    source: input.source, scenario: input.scenario, outcome: outcome)
            })
    }
}
