import Foundation

/// Everything a plan is made from: the team, its pipelines, the period and the rules.
public struct Scenario: Sendable {
    /// Short name; the default report folder is reports/<name>/.
    public var name: String
    public var title: String
    public var period: PlanningPeriod { didSet { refreshRotations() } }
    public var engineers: [Engineer] { didSet { refreshRotations() } }
    public var pipelines: [Pipeline] { didSet { refreshRotations() } }
    public var rules: Rules
    /// Public holidays of the engineers' regions.
    public var calendar: HolidayCalendar
    /// What reading the scenario's calendar files noticed but did not use (file:line and why).
    public var notices: [String]
    /// The files the scenario was read from (the scenario itself, its .ics files), with their digests.
    public var sources: [InputDigest]
    /// Earlier shifts (`history:`) that count in this period's fairness.
    public var history: DutyHistory
    /// The rotations `rotations:` lists; nil: one unnamed rotation of everyone (see ``rotations``).
    public var declaredRotations: [Rotation]? { didSet { refreshRotations() } }
    /// `pager:` of a scenario without `rotations:`: its one rotation's paging-tool schedules.
    public var defaultPager = PagerTargets() { didSet { refreshRotations() } }
    /// `roles:` of a scenario without `rotations:`: its one rotation's duty roles, and whether it has shadows.
    public var defaultRoles = DutyRole.allCases { didSet { refreshRotations() } }
    public var defaultShadow = false { didSet { refreshRotations() } }
    /// `working_hours:` of the team (an engineer's own wins); nil: ``WorkingHours/standard``.
    public var workingHours: WorkingHours?
    /// `pay:`: what on-call hours are paid; nil: hours are reported without pay.
    public var pay: PayRates?
    /// The on-call rotations: those `rotations:` lists, or one unnamed rotation (id "") of every engineer over the
    /// on-call pipelines with the period's shifts. Kept up to date as the fields it is made of change, so that
    /// using it costs nothing (schedules and reports ask for it per row).
    public private(set) var rotations: [Rotation] = []

    public init(
        name: String, title: String, period: PlanningPeriod, engineers: [Engineer], pipelines: [Pipeline],
        rules: Rules = Rules(), calendar: HolidayCalendar, notices: [String] = [], sources: [InputDigest] = [],
        history: DutyHistory = DutyHistory(), rotations: [Rotation]? = nil
    ) {
        self.history = history
        self.declaredRotations = rotations
        self.notices = notices
        self.sources = sources
        self.name = name
        self.title = title
        self.period = period
        self.engineers = engineers
        self.pipelines = pipelines
        self.rules = rules
        self.calendar = calendar
        refreshRotations()
    }

    private mutating func refreshRotations() {
        rotations =
            declaredRotations ?? [
                {
                    var only = Rotation(
                        id: "", name: "On-call rotation", roster: engineers.map(\.id),
                        pipelines: pipelines.filter(\.onCall).map(\.id), period: period)
                    only.pager = defaultPager
                    only.roles = defaultRoles
                    only.hasShadow = defaultShadow
                    return only
                }()
            ]
    }

    /// The working hours that apply to `engineer`: their own, the team's, or 09:00–18:00.
    public func workingHours(of engineer: Engineer) -> WorkingHours {
        engineer.workingHours ?? workingHours ?? .standard
    }

    /// The holidays that count for `engineer`: their region's, their company days, weighed by what they observe.
    public func personalCalendar(_ engineer: Engineer) -> PersonalCalendar {
        PersonalCalendar(engineer: engineer, calendar: calendar, rules: rules)
    }

    public func engineer(_ id: String) -> Engineer? { engineers.first { $0.id == id } }

    /// The same scenario with primary and backup on every rotation.
    public var withBackupOnEveryRotation: Scenario {
        var copy = self
        copy.defaultRoles = DutyRole.allCases
        copy.declaredRotations = declaredRotations?.map { rotation in
            var both = rotation
            both.roles = DutyRole.allCases
            return both
        }
        return copy
    }

    public var investorFacingPipelines: [Pipeline] { pipelines.filter(\.investorFacing) }
    public var onCallPipelines: [Pipeline] { pipelines.filter(\.onCall) }
}

/// Consecutive shifts of on-call duty (a week each unless `shiftDays` says otherwise); each starts on a handoff day.
public struct PlanningPeriod: Sendable, Equatable {
    /// The first handoff day.
    public var start: CalendarDate
    /// How many shifts the period has (`weeks:` in the scenario divided into shifts of `shiftDays`, rounded up).
    public var shiftCount: Int
    /// Days in one shift (7 by default).
    public var shiftDays: Int
    /// When duty passes on, for calendars and reports: "09:00" in `handoffTimeZone` (an IANA name); nil if unsaid.
    public var handoffTime: String?
    public var handoffTimeZone: String?

    /// The period's last day as the scenario states it (`start + 7 · weeks − 1`, weeks as written); the last shift ends on or after it.
    /// Every rotation's shifts run until one ends on or after this day, whatever their length.
    public var lastDay: CalendarDate

    public init(
        start: CalendarDate, shiftCount: Int, shiftDays: Int = 7, handoffTime: String? = nil,
        handoffTimeZone: String? = nil,
        lastDay: CalendarDate? = nil
    ) {
        self.start = start
        self.shiftCount = shiftCount
        self.shiftDays = shiftDays
        self.lastDay = lastDay ?? start.adding(days: shiftDays * shiftCount - 1)
        self.handoffTime = handoffTime
        self.handoffTimeZone = handoffTimeZone
    }

    /// Days from the first handoff to the day before the handoff after the last shift.
    public var dates: DateRange { DateRange(first: start, last: start.adding(days: shiftDays * shiftCount - 1))! }

    /// Shift `index` (from 0): `shiftDays` days from its handoff day.
    public func shift(_ index: Int) -> DateRange {
        DateRange(
            first: start.adding(days: shiftDays * index), last: start.adding(days: shiftDays * index + shiftDays - 1))!
    }

    public var allShifts: [DateRange] { (0..<shiftCount).map(shift) }

    /// "week" for weekly shifts, "shift" otherwise: the word reports use.
    public var shiftWord: String { shiftDays == 7 ? "week" : "shift" }
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
    /// Part-day leave: from one instant to another (`"2027-04-05T13:00..2027-04-05T17:00"`, or a timed calendar
    /// event long enough to count). It blocks the shifts whose hours it overlaps.
    public var timedLeave: [LeaveSpan] = []
    /// How the paging tools and chat know them (`contacts:`).
    public var contacts = Contacts()
    /// Their own `working_hours:`; nil: the team's.
    public var workingHours: WorkingHours?
    /// IANA time zone for timed calendar events (default: the region's).
    public var timeZone: String
    /// Festivals that weigh extra when on duty (the engineer's own community's days).
    public var observes: [ObservedFestival]
    /// Company days off from calendar files (the team's and the engineer's own).
    public var companyDays: [Holiday]
    /// Duty this engineer must have (`pinned:`).
    public var pinned: [DutyRequest]
    /// Duty this engineer must not have (`forbidden:`), though not on leave.
    public var forbidden: [DutyRequest]
    /// Duty this engineer would rather not have (`undesired:`): a soft preference.
    public var undesired: [DutyRequest]
    /// Which roles they may hold, from when (`can:`, `from:`).
    public var eligibility = Eligibility.unrestricted
    /// Backup shifts they hold in a rotation (its history counted) before their first primary shift there
    /// (`onboarding: {backup_shifts: k}`); nil: none asked.
    public var onboardingBackupShifts: Int?
    /// Shifts they shadow in a rotation that has shadows (its history counted) before their first duty there
    /// (`onboarding: {shadow_shifts: k}`); nil: none asked. Only they shadow.
    public var onboardingShadowShifts: Int?

    public init(
        id: String, name: String, region: String, leave: [DateRange] = [], leaveNotes: [DateRange: String] = [:],
        timeZone: String = "UTC", observes: [ObservedFestival] = [], companyDays: [Holiday] = [],
        pinned: [DutyRequest] = [], forbidden: [DutyRequest] = [], undesired: [DutyRequest] = []
    ) {
        self.pinned = pinned
        self.forbidden = forbidden
        self.undesired = undesired
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

    /// Whether the engineer is away during any of a shift: a leave day among its dates, or part-day leave inside its
    /// hours (`span`, from handoff to handoff).
    public func isOnLeave(during range: DateRange, span: TimeSpan) -> Bool {
        isOnLeave(during: range) || timedLeave.contains { $0.span.overlaps(span) }
    }

    /// The first leave that touches a shift, in words ("2027-03-08..2027-03-12", "2027-04-05T05:00:00Z..…").
    public func leave(during range: DateRange, span: TimeSpan) -> String? {
        leave.first { $0.overlaps(range) }?.description ?? timedLeave.first { $0.span.overlaps(span) }?.description
    }

    /// The engineer's leave inside a shift's hours, merged, in order: whole leave days as their local days, and
    /// part-day leave, each cut to `span`.
    public func leaveSpans(during range: DateRange, span: TimeSpan) -> [TimeSpan] {
        let pieces =
            range.days.filter { day in leave.contains { $0.contains(day) } }
            .compactMap { TimeSpan.day($0, in: zone).clamped(to: span) }
            + timedLeave.compactMap { $0.span.clamped(to: span) }
        var merged: [TimeSpan] = []
        for piece in pieces.sorted(by: { $0.start < $1.start }) {
            if let last = merged.last, piece.start <= last.end {
                merged[merged.count - 1] = TimeSpan(start: last.start, end: max(last.end, piece.end))!
            } else {
                merged.append(piece)
            }
        }
        return merged
    }

    /// The engineer's time zone (UTC if the name is unknown, which the reader does not allow).
    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")! }
}

/// Leave for part of a day or across days, from one instant to another, with where it came from.
public struct LeaveSpan: Sendable, Equatable, Hashable, CustomStringConvertible {
    public let span: TimeSpan
    /// "Doctor (leave/ana.ics:12)", or empty for leave written in the scenario.
    public let note: String

    public init(span: TimeSpan, note: String = "") {
        self.span = span
        self.note = note
    }

    public var description: String { span.description }
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
    /// Owners fixed by the scenario (`primary_owner:`, `secondary_owner:`): an engineer, or a team outside the rota.
    public var primaryOwner: OwnerPin?
    public var secondaryOwner: OwnerPin?
    /// The runbook's content (`runbook:`); investor-facing pipelines get a runbook with or without it.
    public var runbook: Runbook?
    /// Whom to call, in order (`escalation:`); nil: Rota's default chain (``escalationPolicy``).
    public var escalation: [EscalationStep]? = nil

    /// Whether report folders hold a runbook for it: investor-facing, or given a `runbook:` block.
    public var needsRunbook: Bool { investorFacing || runbook != nil }

    public init(
        id: String, name: String, area: String, investorFacing: Bool, onCall: Bool, weight: Double = 1,
        primaryOwner: OwnerPin? = nil, secondaryOwner: OwnerPin? = nil, runbook: Runbook? = nil
    ) {
        self.runbook = runbook
        self.primaryOwner = primaryOwner
        self.secondaryOwner = secondaryOwner
        self.id = id
        self.name = name
        self.area = area
        self.investorFacing = investorFacing
        self.onCall = onCall
        self.weight = weight
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
    /// Most weekend hours on duty of one engineer, in days of 24 hours.
    public var maxWeekendDays: Double?

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
        if let maxWeekendDays { fields.append("max_weekend_days: \(TextFormatting.number(maxWeekendDays))") }
        return fields
    }
}
