/// An optional goal of `rules.priorities` about the hours that hurt: each engineer's weekend (or out-of-hours)
/// hours on duty close to their fair share of them. Only a scenario that names it in `priorities` has its level.
///
/// The fair share: of each rotation, the engineer's fair share of this period's duty shifts (both roles: 2 × shifts
/// × their available shifts ÷ everyone's), times the hours of that kind an average shift of the rotation holds for
/// them (in their own zone, weekend and working hours). The hours on duty are those of the shifts they hold as
/// planned, in either role (a cover does not move them, as with the holiday burden); history is not counted.
public enum HoursGoal: String, Sendable, CaseIterable, Hashable {
    case weekendBalance = "weekend_balance"
    case outOfHoursBalance = "out_of_hours_balance"

    /// The kind of hour it balances.
    public var kind: HourKind { self == .weekendBalance ? .weekend : .outOfHours }
}
