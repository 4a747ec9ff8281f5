/// One row of coverage.csv as read, with its line: what `rota check` judges against rotation.csv.
public struct CoverageRow: Sendable, Equatable {
    public let rotation: String
    public let role: DutyRole
    public let engineer: String
    public let span: TimeSpan
    public let kind: CoverageInterval.Kind
    public let reason: String
    public let line: Int

    public init(
        rotation: String, role: DutyRole, engineer: String, span: TimeSpan, kind: CoverageInterval.Kind,
        reason: String, line: Int
    ) {
        self.rotation = rotation
        self.role = role
        self.engineer = engineer
        self.span = span
        self.kind = kind
        self.reason = reason
        self.line = line
    }

    /// The cover this row states, if it is a `cover` row.
    public var cover: Cover? {
        kind == .cover ? Cover(rotation: rotation, role: role, engineer: engineer, span: span, reason: reason) : nil
    }
}
