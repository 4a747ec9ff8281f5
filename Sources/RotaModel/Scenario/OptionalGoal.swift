/// A goal of `rules.priorities` that has a level only when named there, at the place it is named.
///
/// - `across_rotations_balance`: with several rotations, each engineer's weeks of a role summed over their
///   rotations against their fair shares summed likewise, so that nobody is ahead in every rotation while each is
///   balanced on its own. Optional because it is hard for GLPK on big teams (docs/performance.md: the generated
///   40-engineer, 4-rotation year took 1,187 nodes on it and left the holiday levels unproved in 60 s).
/// - `weekend_balance`, `out_of_hours_balance`: each engineer's weekend (out-of-hours) hours on duty close to their
///   fair share of them: of each rotation, their fair share of this period's duty shifts (both roles: 2 × shifts ×
///   their available shifts ÷ everyone's), times the hours of that kind its shifts hold for them (in their own
///   zone, weekend and working hours). The hours on duty are those of the shifts they hold as planned, in either
///   role (a cover does not move them, as with the holiday burden); history is not counted.
public enum OptionalGoal: String, Sendable, CaseIterable, Hashable {
    case acrossRotationsBalance = "across_rotations_balance"
    case weekendBalance = "weekend_balance"
    case outOfHoursBalance = "out_of_hours_balance"

    /// The kind of hour an hours goal balances; nil for the balance across rotations.
    public var hourKind: HourKind? {
        switch self {
        case .acrossRotationsBalance: return nil
        case .weekendBalance: return .weekend
        case .outOfHoursBalance: return .outOfHours
        }
    }
}
