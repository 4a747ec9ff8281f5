/// Everything a plan is made from: the team, its pipelines, the period and the rules.
public struct Scenario: Sendable {
    /// Short name; the default report folder is reports/<name>/.
    public var name: String
    public var title: String
    public var period: PlanningPeriod
    public var engineers: [Engineer]
    public var pipelines: [Pipeline]
    public var rules: Rules
    /// Public holidays of the engineers' regions.
    public var calendar: HolidayCalendar
    /// What reading the scenario's calendar files noticed but did not use (file:line and why).
    public var notices: [String]
    /// The files the scenario was read from (the scenario itself, its .ics files), with their digests.
    public var sources: [InputDigest]

    public init(
        name: String, title: String, period: PlanningPeriod, engineers: [Engineer], pipelines: [Pipeline],
        rules: Rules = Rules(), calendar: HolidayCalendar, notices: [String] = [], sources: [InputDigest] = []
    ) {
        self.notices = notices
        self.sources = sources
        self.name = name
        self.title = title
        self.period = period
        self.engineers = engineers
        self.pipelines = pipelines
        self.rules = rules
        self.calendar = calendar
    }

    /// The holidays that count for `engineer`: their region's, their company days, weighed by what they observe.
    public func personalCalendar(_ engineer: Engineer) -> PersonalCalendar {
        PersonalCalendar(engineer: engineer, calendar: calendar, rules: rules)
    }

    public func engineer(_ id: String) -> Engineer? { engineers.first { $0.id == id } }
    public var investorFacingPipelines: [Pipeline] { pipelines.filter(\.investorFacing) }
    public var onCallPipelines: [Pipeline] { pipelines.filter(\.onCall) }
}

/// Consecutive weeks of on-call duty; each week starts on a handoff day.
public struct PlanningPeriod: Sendable, Equatable {
    /// The first handoff day.
    public var start: CalendarDate
    public var weeks: Int

    public init(start: CalendarDate, weeks: Int) {
        self.start = start
        self.weeks = weeks
    }

    /// Days from the first handoff to the day before the handoff after the last week.
    public var dates: DateRange { DateRange(first: start, last: start.adding(days: 7 * weeks - 1))! }

    /// Week `index` (from 0): seven days from its handoff day.
    public func week(_ index: Int) -> DateRange {
        DateRange(first: start.adding(days: 7 * index), last: start.adding(days: 7 * index + 6))!
    }

    public var allWeeks: [DateRange] { (0..<weeks).map(week) }
}

/// A person in the rotation.
public struct Engineer: Sendable, Equatable {
    public var id: String
    public var name: String
    /// ISO 3166 style region whose public holidays apply: `MY-14`, `US-CA`, `GB-ENG`, `SG`.
    public var region: String
    /// Days off, each a single day or an inclusive range.
    public var leave: [DateRange]
    /// Where leave read from a calendar file came from: "Vacation (leave/aidil.ics:12)".
    public var leaveNotes: [DateRange: String]
    /// IANA time zone for timed calendar events (default: the region's).
    public var timeZone: String
    /// Festivals that weigh extra when on duty (the engineer's own community's days).
    public var observes: [ObservedFestival]
    /// Company days off from calendar files (the team's and the engineer's own).
    public var companyDays: [Holiday]

    public init(
        id: String, name: String, region: String, leave: [DateRange] = [], leaveNotes: [DateRange: String] = [:],
        timeZone: String = "UTC", observes: [ObservedFestival] = [], companyDays: [Holiday] = []
    ) {
        self.id = id
        self.name = name
        self.region = region
        self.leave = leave
        self.leaveNotes = leaveNotes
        self.timeZone = timeZone
        self.observes = observes
        self.companyDays = companyDays
    }

    public func isOnLeave(during range: DateRange) -> Bool { leave.contains { $0.overlaps(range) } }
}

/// A data pipeline that needs a primary and a secondary owner.
public struct Pipeline: Sendable, Equatable {
    public var id: String
    public var name: String
    /// Business area (Profit, Growth, Engagement…).
    public var area: String
    /// Reported to investors: its primary owners are capped per engineer, and it needs a runbook.
    public var investorFacing: Bool
    /// Covered by the on-call rotation (false: fixed during office hours, like experiment pipelines).
    public var onCall: Bool
    /// Effort of owning it; ownership load counts 2 × weight as primary, 1 × weight as secondary.
    public var weight: Double

    public init(id: String, name: String, area: String, investorFacing: Bool, onCall: Bool, weight: Double = 1) {
        self.id = id
        self.name = name
        self.area = area
        self.investorFacing = investorFacing
        self.onCall = onCall
        self.weight = weight
    }
}

/// The rules a plan must follow and the order in which its goals count.
public struct Rules: Sendable, Equatable {
    /// Weeks that must pass between two primary weeks of one person (1: no back-to-back primary weeks).
    public var minGapWeeks: Int
    /// Goals, most important first; each is held at its best while the next is optimized.
    public var priorities: [PlanningGoal]
    /// Kinds of holiday that weigh in the holiday burden (an observed festival counts whatever its kind).
    public var holidayCategories: Set<HolidayCategory>
    /// How many holiday days one day of an engineer's own observed festival counts for (unless `observes` says).
    public var festivalWeight: Int
    /// Limits every schedule must keep (`rules.fairness`); the planner holds them as constraints and
    /// `rota check` judges them.
    public var fairness: FairnessBounds

    public init(
        minGapWeeks: Int = 1, priorities: [PlanningGoal] = PlanningGoal.allCases,
        holidayCategories: Set<HolidayCategory> = [.public, .company], festivalWeight: Int = 2,
        fairness: FairnessBounds = FairnessBounds()
    ) {
        self.minGapWeeks = minGapWeeks
        self.priorities = priorities
        self.holidayCategories = holidayCategories
        self.festivalWeight = festivalWeight
        self.fairness = fairness
    }
}

/// Declared limits on a schedule's fairness figures (`rules.fairness`); nil where the scenario sets none.
public struct FairnessBounds: Sendable, Equatable {
    /// Largest |primary weeks − fair share| and |backup weeks − fair share| of any engineer.
    public var maxDeviation: Double?
    /// Largest holiday burden of one engineer (points: holiday weight × 2 as primary, × 1 as backup).
    public var maxHolidayBurden: Int?
    /// Holiday burden of the whole team.
    public var maxTotalHolidayBurden: Int?
    /// Largest ownership load of one engineer (Σ weight × 2 as primary owner, × 1 as secondary).
    public var maxOwnershipLoad: Double?

    public init(
        maxDeviation: Double? = nil, maxHolidayBurden: Int? = nil, maxTotalHolidayBurden: Int? = nil,
        maxOwnershipLoad: Double? = nil
    ) {
        self.maxDeviation = maxDeviation
        self.maxHolidayBurden = maxHolidayBurden
        self.maxTotalHolidayBurden = maxTotalHolidayBurden
        self.maxOwnershipLoad = maxOwnershipLoad
    }

    /// Whether any bound is set.
    public var isEmpty: Bool { self == FairnessBounds() }

    /// The bounds set, as `field: value` in the scenario's words.
    public var declared: [String] {
        var fields: [String] = []
        if let maxDeviation { fields.append("max_deviation: \(TextFormatting.number(maxDeviation))") }
        if let maxHolidayBurden { fields.append("max_holiday_burden: \(maxHolidayBurden)") }
        if let maxTotalHolidayBurden { fields.append("max_total_holiday_burden: \(maxTotalHolidayBurden)") }
        if let maxOwnershipLoad { fields.append("max_ownership_load: \(TextFormatting.number(maxOwnershipLoad))") }
        return fields
    }
}

/// A goal of the plan, as named in `rules.priorities`.
public enum PlanningGoal: String, Sendable, CaseIterable, Equatable {
    /// Primary and backup weeks close to each engineer's fair share.
    case onCallBalance = "on_call_balance"
    /// Few public holidays on duty, and none piled on one person.
    case holidayBurden = "holiday_burden"
    /// Ownership load spread evenly.
    case ownershipBalance = "ownership_balance"
}
