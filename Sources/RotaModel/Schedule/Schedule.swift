/// One shift of a rotation (a week unless `shift_days` says otherwise): who is primary and who is backup.
public struct RotationShift: Sendable, Equatable {
    /// The rotation's id ("" for the one unnamed rotation of a scenario without `rotations:`).
    public let rotation: String
    /// 1-based shift number within the rotation.
    public let number: Int
    public let dates: DateRange
    /// Engineer ids; no backup in a rotation of primaries alone (`roles: [primary]`).
    public let primary: String
    public let backup: String?
    /// Who shadows the shift to learn it (`roles: [primary, backup, shadow]`), carrying no pager; nil: nobody.
    public let shadow: String?

    public init(
        rotation: String = "", number: Int, dates: DateRange, primary: String, backup: String?, shadow: String? = nil
    ) {
        self.rotation = rotation
        self.number = number
        self.dates = dates
        self.primary = primary
        self.backup = backup
        self.shadow = shadow
    }

    /// The holder of `role`; nil for a backup the rotation does not have.
    public func engineer(for role: DutyRole) -> String? {
        switch role {
        case .primary: primary
        case .backup: backup
        }
    }

    /// Whether `engineer` holds some role in the shift.
    public func isOnDuty(_ engineer: String) -> Bool { primary == engineer || backup == engineer }
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
    public var shifts: [RotationShift]
    public var ownership: [OwnershipAssignment]
    /// Who stands in for a shift's holder, when (coverage.csv's `cover` rows), by start.
    public var covers: [Cover]

    public init(shifts: [RotationShift], ownership: [OwnershipAssignment], covers: [Cover] = []) {
        self.shifts = shifts
        self.ownership = ownership
        self.covers = covers
    }
}

/// Primary or backup on-call duty.
public enum DutyRole: String, Sendable, CaseIterable {
    case primary
    case backup

    /// Holiday burden per holiday day in a week on this duty.
    public var holidayWeight: Int { self == .primary ? 2 : 1 }
}

/// Which shift a schedule row is: its rotation's id ("" for a scenario's one unnamed rotation, or a file without a
/// rotation column) and its number in that rotation. The key of lines, slots and history rows.
public struct ShiftKey: Hashable, Sendable {
    public let rotation: String
    public let number: Int

    public init(rotation: String, number: Int) {
        self.rotation = rotation
        self.number = number
    }
}

extension RotationShift {
    public var key: ShiftKey { ShiftKey(rotation: rotation, number: number) }
}
