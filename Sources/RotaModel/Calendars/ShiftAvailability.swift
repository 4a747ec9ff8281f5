import Foundation

/// Calendar facts for one engineer in one shift: leave, and the holidays that weigh for them.
public struct ShiftAvailability: Sendable {
    /// Whether the week overlaps the engineer's leave (then they cannot be on duty).
    public let onLeave: Bool
    /// Holidays inside the week that weigh in the engineer's holiday burden, by date.
    public let holidays: [Holiday]
    /// The week's weight in the holiday burden: the sum of its days' weights (see ``PersonalCalendar``).
    public let holidayWeight: Int
    /// Under `covered_leave`: the engineer's leave inside the shift's hours when it is within the rule's limit (then
    /// ``onLeave`` is false: they may hold the shift if someone covers exactly these spans). Empty otherwise.
    public var coverSpans: [TimeSpan] = []

    /// Whether the engineer can hold the shift without anyone covering them.
    public var isWhollyFree: Bool { !onLeave && coverSpans.isEmpty }
}

/// Leave and holidays for every engineer and shift of a scenario (every rotation's, see ``Scenario/shifts``): the
/// calendar input of the model.
public struct TeamAvailability: Sendable {
    /// `shifts[engineer][slot]`, engineers in scenario order, slots as ``Scenario/shifts``.
    public let shifts: [[ShiftAvailability]]
    /// The rotation of each slot.
    public let slotRotation: [Int]
    /// `onRoster[engineer][rotation]`: whether the engineer takes part in the rotation.
    public let onRoster: [[Bool]]
    /// `allowed[engineer][slot]`: the roles `can:` and `from:` let the engineer hold in the slot.
    private let allowed: [[Set<DutyRole>]]

    public init(scenario: Scenario) {
        let slots = scenario.shifts
        let rotations = scenario.rotations
        let clocks = scenario.shiftClocks
        shifts = scenario.engineers.map { engineer in
            let personal = scenario.personalCalendar(engineer)
            return slots.map { shift in
                let burden = personal.burden(during: shift.dates)
                let span = clocks[shift.rotation].span(of: shift.dates)
                let onLeave =
                    engineer.timedLeave.isEmpty
                    ? engineer.isOnLeave(during: shift.dates)
                    : engineer.isOnLeave(during: shift.dates, span: span)
                if onLeave, let limit = scenario.rules.coveredLeave {
                    let spans = engineer.leaveSpans(during: shift.dates, span: span)
                    if !spans.isEmpty, limit.admits(spans, zone: engineer.zone) {
                        var facts = ShiftAvailability(
                            onLeave: false, holidays: burden.holidays, holidayWeight: burden.weight)
                        facts.coverSpans = spans
                        return facts
                    }
                }
                return ShiftAvailability(onLeave: onLeave, holidays: burden.holidays, holidayWeight: burden.weight)
            }
        }
        allowed = scenario.engineers.map { engineer in
            slots.map { slot in Set(DutyRole.allCases.filter { engineer.eligibility.allows($0, in: slot.dates) }) }
        }
        slotRotation = slots.map(\.rotation)
        onRoster = scenario.engineers.map { engineer in rotations.map { $0.roster.contains(engineer.id) } }
    }

    /// Whether engineer e may be on duty in `slot` without a cover: on the roster, no leave in it at all.
    public func isFreeWithoutCover(_ engineer: Int, _ slot: Int) -> Bool {
        onRoster[engineer][slotRotation[slot]] && shifts[engineer][slot].isWhollyFree
    }

    /// Whether engineer e may be on duty in `slot`: on the rotation's roster and not on leave.
    public func isFree(_ engineer: Int, _ slot: Int) -> Bool {
        onRoster[engineer][slotRotation[slot]] && !shifts[engineer][slot].onLeave
    }

    /// Whether engineer e may hold `role` in `slot`: free (``isFree(_:_:)``) and allowed it there (`can:`, `from:`).
    public func isFree(_ engineer: Int, _ slot: Int, for role: DutyRole) -> Bool {
        isFree(engineer, slot) && allowed[engineer][slot].contains(role)
    }

    /// Shifts the engineer is free for, over all rotations.
    public func availableShifts(_ engineer: Int) -> Int {
        shifts[engineer].indices.filter { isFree(engineer, $0) }.count
    }

    /// Shifts of `rotation` the engineer is free for.
    public func availableShifts(_ engineer: Int, in rotation: Int) -> Int {
        shifts[engineer].indices.filter { slotRotation[$0] == rotation && isFree(engineer, $0) }.count
    }
}
