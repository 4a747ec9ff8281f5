import Foundation

/// The rules a plan must follow and the order in which its goals count.
public struct Rules: Sendable, Equatable {
    /// Shifts that must pass between two primary shifts of one person (1: no back-to-back primary shifts).
    public var minGapWeeks: Int
    /// Shifts that must pass between any two duty shifts (primary or backup) of one person; 0: no rule.
    public var minDutyGapWeeks: Int
    /// Most duty shifts (any role) one person may have in a row; nil: no limit.
    public var maxConsecutiveDutyWeeks: Int?
    /// Each shift's backup is the next shift's primary (seed 002's chain).
    public var backupBecomesPrimary: Bool
    /// Every engineer is secondary owner of at least one pipeline.
    public var everyoneSecondaryOwner: Bool
    /// Nobody is primary on two rotations at once (shifts that overlap in time); on by default.
    public var exclusivePrimary: Bool
    /// Nobody has any duty on two rotations at once; off by default.
    public var exclusiveDuty: Bool
    /// Nobody is on duty over a holiday they were on duty over in `history:` (seed 001: whoever had Christmas is
    /// not picked again).
    public var avoidRepeatHolidays: Bool
    /// Most investor-facing pipelines one engineer may be primary owner of; nil: ⌈investor-facing ÷ engineers⌉.
    public var maxInvestorPrimaries: Int?
    /// Rules declared soft: their broken instances are counted and minimized at their place in the priorities.
    /// `undesired_duty` is always soft.
    public var soft: Set<Rule>
    /// Goals and soft rules, most important first; each is held at its best while the next is optimized.
    public var priorities: [Priority]
    /// Kinds of holiday that weigh in the holiday burden (an observed festival counts whatever its kind).
    public var holidayCategories: Set<HolidayCategory>
    /// How many holiday days one day of an engineer's own observed festival counts for (unless `observes` says).
    public var festivalWeight: Int
    /// Whether a day of an observed festival on the engineer's weekend weighs (`weekend_festivals`).
    public var weekendFestivals: WeekendFestivals = .count
    /// Limits every schedule must keep (`rules.fairness`); the planner holds them as constraints and
    /// `rota check` judges them.
    public var fairness: FairnessBounds
    /// How far back `history:` counts, in weeks before the period's start (52: four quarters).
    public var historyWeeks: Int
    /// Who takes over on a primary's public holiday (seed 002's "during public holidays, backup takes over primary
    /// role"); nil: nobody, the primary keeps the day.
    public var holidayHandover: HolidayHandover? = nil
    /// How much leave inside a shift still lets its holder keep it, someone else covering those hours
    /// (`covered_leave`); nil: any leave in a shift keeps the engineer off it.
    public var coveredLeave: CoveredLeaveLimit? = nil
    /// Shifts per cycle (`cycle_weeks`), the span `each_primary_once` and `each_backup_at_least_once` count in;
    /// nil: no cycle.
    public var cycleWeeks: Int? = nil
    /// A handoff day on which a cycle begins (`cycle_start`); nil: each rotation's first shift begins one.
    public var cycleStart: CalendarDate? = nil
    /// Everyone on a rotation's roster is primary at least once in each cycle (once, when the cycle is as long as
    /// the roster: seed 002's "schedule resets every 4 weeks").
    public var eachPrimaryOnce = false
    /// Everyone on a rotation's roster is backup at least once in each cycle (seed 003).
    public var eachBackupAtLeastOnce = false
    /// `fixed_order`: each rotation's primary order by rotation id ("" for a scenario's one rotation); each shift's
    /// primary is the next in it after the previous shift's primary who is free that shift. Nil: no fixed order.
    public var fixedOrder: [String: [String]]? = nil
    /// `rotate_owners`: the pipelines (ids) whose owners change from the previous period (the history's
    /// ownership.csv): nobody holds the same role on one of them again. Nil: no rule.
    public var rotateOwners: Set<String>? = nil

    public init(
        minGapWeeks: Int = 1, minDutyGapWeeks: Int = 0, maxConsecutiveDutyWeeks: Int? = nil,
        backupBecomesPrimary: Bool = false, everyoneSecondaryOwner: Bool = false, avoidRepeatHolidays: Bool = false,
        maxInvestorPrimaries: Int? = nil, exclusivePrimary: Bool = true, exclusiveDuty: Bool = false,
        soft: Set<Rule> = [], priorities: [Priority] = PlanningGoal.allCases.map(Priority.goal),
        holidayCategories: Set<HolidayCategory> = [.public, .company], festivalWeight: Int = 2,
        fairness: FairnessBounds = FairnessBounds(), historyWeeks: Int = 52
    ) {
        self.minGapWeeks = minGapWeeks
        self.minDutyGapWeeks = minDutyGapWeeks
        self.maxConsecutiveDutyWeeks = maxConsecutiveDutyWeeks
        self.backupBecomesPrimary = backupBecomesPrimary
        self.everyoneSecondaryOwner = everyoneSecondaryOwner
        self.avoidRepeatHolidays = avoidRepeatHolidays
        self.exclusivePrimary = exclusivePrimary
        self.exclusiveDuty = exclusiveDuty
        self.maxInvestorPrimaries = maxInvestorPrimaries
        self.soft = soft
        self.priorities = priorities
        self.holidayCategories = holidayCategories
        self.festivalWeight = festivalWeight
        self.fairness = fairness
        self.historyWeeks = historyWeeks
    }

    /// The optional goals `priorities` names, in its order.
    public var optionalGoals: [OptionalGoal] {
        priorities.compactMap { if case .optional(let goal) = $0 { return goal } else { return nil } }
    }

    /// The hours goals among them.
    public var hoursGoals: [OptionalGoal] { optionalGoals.filter { $0.hourKind != nil } }

    /// Whether `rule` is soft in this scenario.
    public func isSoft(_ rule: Rule) -> Bool { rule == .undesiredDuty || rule == .coveredLeave || soft.contains(rule) }

    /// The investor-facing primaries one engineer may hold: `maxInvestorPrimaries`, or ⌈investor ÷ engineers⌉.
    public func investorPrimaryCap(investorFacing: Int, engineers: Int) -> Int {
        maxInvestorPrimaries ?? OwnershipRules.investorPrimaryCap(investorFacing: investorFacing, engineers: engineers)
    }

    /// Every level of the lexicographic objective, in order. `changes` (least change to a baseline) comes first when
    /// replanning unless `priorities` places it; soft rules in use that `priorities` does not name come right after
    /// it (they are rules: kept whenever possible), except `undesired_duty`, a preference, which comes last.
    public func levelOrder(replanning: Bool, softInUse: Set<Rule>) -> [Priority] {
        var order = priorities.filter { priority in
            switch priority {
            case .goal, .optional: return true
            case .changes: return replanning
            case .rule(let rule): return softInUse.contains(rule)
            }
        }
        let unnamed = Rule.configurable.filter {
            softInUse.contains($0) && $0 != .undesiredDuty && $0 != .coveredLeave && !order.contains(.rule($0))
        }
        order.insert(contentsOf: unnamed.map(Priority.rule), at: order.firstIndex(of: .changes).map { $0 + 1 } ?? 0)
        if replanning, !order.contains(.changes) { order.insert(.changes, at: 0) }
        // Preferences last, unless named: undesired duty, then covers (which fairness may use first).
        for rule in [Rule.undesiredDuty, .coveredLeave] where softInUse.contains(rule) && !order.contains(.rule(rule)) {
            order.append(.rule(rule))
        }
        return order
    }
}

/// `rules.covered_leave`: the most leave inside a shift its holder may have when someone covers it.
public enum CoveredLeaveLimit: Sendable, Equatable, CustomStringConvertible {
    /// At most this many (local) days of leave touched in the shift.
    case days(Int)
    /// At most this many hours of leave in the shift's hours.
    case hours(Double)

    /// Whether leave `spans` inside a shift are within the limit: the local days (in `zone`) they touch, or hours.
    public func admits(_ spans: [TimeSpan], zone: TimeZone) -> Bool {
        switch self {
        case .hours(let hours):
            return Double(spans.reduce(0) { $0 + $1.seconds }) <= hours * 3600 + 1e-9
        case .days(let days):
            var touched = Set<Int>()
            for span in spans {
                let first = span.start.date(in: zone).dayNumber
                let last = span.end.adding(seconds: -1).date(in: zone).dayNumber
                for day in first...max(first, last) { touched.insert(day) }
            }
            return touched.count <= days
        }
    }

    public var description: String {
        switch self {
        case .days(let days): "up to \(days) day\(days == 1 ? "" : "s")"
        case .hours(let hours): "up to \(TextFormatting.number(hours)) h"
        }
    }
}

/// `rules.holiday_handover`: on a primary's public holiday, who covers.
public enum HolidayHandover: String, Sendable, Equatable, CaseIterable {
    /// The backup covers primary for the day and the next free person on the roster covers backup; when the backup
    /// is away too, the next free person covers primary.
    case backup
}

/// One entry of `rules.priorities`: a goal, a soft rule (fewest broken instances), or `changes` (fewest changed
/// assignments against the baseline when replanning).
public enum Priority: Sendable, Hashable, CustomStringConvertible {
    case goal(PlanningGoal)
    /// A goal with a level only when named (``OptionalGoal``).
    case optional(OptionalGoal)
    case rule(Rule)
    case changes

    public init?(name: String) {
        if name == "changes" {
            self = .changes
        } else if let goal = PlanningGoal(rawValue: name) {
            self = .goal(goal)
        } else if let goal = OptionalGoal(rawValue: name) {
            self = .optional(goal)
        } else if let rule = Rule(rawValue: name), rule.isConfigurable {
            self = .rule(rule)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .goal(let goal): return goal.rawValue
        case .optional(let goal): return goal.rawValue
        case .rule(let rule): return rule.rawValue
        case .changes: return "changes"
        }
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

/// Duty named for one engineer (`pinned:`, `forbidden:`, `undesired:`): every shift that overlaps `dates`, in `role`
/// (nil: either role).
public struct DutyRequest: Sendable, Equatable {
    public var dates: DateRange
    public var role: DutyRole?
    /// The rotation it concerns (its id); nil: every rotation.
    public var rotation: String?

    public init(dates: DateRange, role: DutyRole? = nil, rotation: String? = nil) {
        self.dates = dates
        self.role = role
        self.rotation = rotation
    }

    /// Whether the request concerns `shift` of `rotation`.
    public func applies(to dates: DateRange, of rotation: Rotation) -> Bool {
        self.dates.overlaps(dates) && (self.rotation == nil || self.rotation == rotation.id)
    }

}

/// An owner fixed by the scenario: an engineer of the team, or a team outside the rota (who carries no load here).
public enum OwnerPin: Sendable, Equatable {
    case engineer(String)
    case team(String)

    /// The name written in ownership.csv: the engineer's id, or the team's name.
    public var name: String {
        switch self {
        case .engineer(let id): return id
        case .team(let name): return name
        }
    }
}

/// `rules.weekend_festivals`: on call is around the clock, so a festival of one's own that falls on a weekend is
/// spent on duty like any other day of it (`count`, the default); `ignore` gives weekend days no weight at all, as a
/// team whose on-call leaves weekends quiet may prefer. Public holidays on a weekend weigh nothing either way: the
/// calendars list the weekday that substitutes for them.
public enum WeekendFestivals: String, Sendable, CaseIterable {
    case count
    case ignore
}
