/// Someone on duty in place of whoever holds a role, from one instant to another (a sick afternoon, a flight, a
/// public holiday handed to the backup). Paging tools call it an override: it sits on top of the rotation and does
/// not change who holds the shift.
public struct Cover: Sendable, Equatable {
    /// The rotation's id ("" for a scenario's one unnamed rotation).
    public let rotation: String
    public let role: DutyRole
    /// The engineer who covers.
    public let engineer: String
    public let span: TimeSpan
    /// Why, in the user's words ("sick", "flight to Penang"); empty when not given.
    public let reason: String

    public init(rotation: String, role: DutyRole, engineer: String, span: TimeSpan, reason: String) {
        self.rotation = rotation
        self.role = role
        self.engineer = engineer
        self.span = span
        self.reason = reason
    }
}
