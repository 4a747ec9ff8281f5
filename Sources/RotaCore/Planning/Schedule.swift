/// One week of the rotation: who is primary and who is backup.
public struct RotationWeek: Sendable, Equatable {
    /// 1-based week number within the period.
    public let number: Int
    public let dates: DateRange
    /// Engineer ids.
    public let primary: String
    public let backup: String

    public init(number: Int, dates: DateRange, primary: String, backup: String) {
        self.number = number
        self.dates = dates
        self.primary = primary
        self.backup = backup
    }

    public func engineer(for role: DutyRole) -> String { role == .primary ? primary : backup }
}

/// The owners of one pipeline.
public struct OwnershipAssignment: Sendable, Equatable {
    public let pipeline: String
    /// Engineer ids.
    public let primary: String
    public let secondary: String

    public init(pipeline: String, primary: String, secondary: String) {
        self.pipeline = pipeline
        self.primary = primary
        self.secondary = secondary
    }
}

/// A rotation and an ownership table: what the planner returns, and what the rule checker judges
/// (whoever wrote it).
public struct Schedule: Sendable, Equatable {
    public var weeks: [RotationWeek]
    public var ownership: [OwnershipAssignment]

    public init(weeks: [RotationWeek], ownership: [OwnershipAssignment]) {
        self.weeks = weeks
        self.ownership = ownership
    }
}
