/// When an engineer may start holding one duty role.
public enum RoleStart: Sendable, Equatable {
    /// From before the period: the history's shifts count for the role's fair share too.
    case always
    /// From shifts that begin on or after this day.
    case from(CalendarDate)
    /// Not at all.
    case never

    /// The later of two starts (`from:` with a role's own date).
    func later(_ other: RoleStart) -> RoleStart {
        switch (self, other) {
        case (.never, _), (_, .never): return .never
        case (.always, let start), (let start, .always): return start
        case (.from(let a), .from(let b)): return .from(max(a, b))
        }
    }
}

/// Which duty roles an engineer may hold, and from when (`can:` and `from:`): someone who joins mid-period, or who
/// carries the backup pager before the primary one. A fact about the person, like leave, so always hard (rule
/// `eligibility`); it narrows that role's fair share to the shifts the engineer may hold it in.
public struct Eligibility: Sendable, Equatable {
    public var primary: RoleStart
    public var backup: RoleStart

    public init(primary: RoleStart = .always, backup: RoleStart = .always) {
        self.primary = primary
        self.backup = backup
    }

    public static let unrestricted = Eligibility()

    public subscript(role: DutyRole) -> RoleStart {
        get {
            switch role {
            case .primary: primary
            case .backup: backup
            }
        }
        set {
            switch role {
            case .primary: primary = newValue
            case .backup: backup = newValue
            }
        }
    }

    public var isRestricted: Bool { self != .unrestricted }

    /// Whether the engineer may shadow a shift over `dates`: from the first day they may hold some role.
    public func allowsShadow(in dates: DateRange) -> Bool { DutyRole.allCases.contains { allows($0, in: dates) } }

    /// Whether the engineer may hold `role` in a shift over `dates`.
    public func allows(_ role: DutyRole, in dates: DateRange) -> Bool {
        switch self[role] {
        case .always: return true
        case .from(let day): return dates.first >= day
        case .never: return false
        }
    }

    /// The restriction in words, for the report's Rules table: "backup only", "from 2027-02-01", "backup; primary
    /// from 2027-03-01".
    public var summary: String {
        let starts = DutyRole.allCases.map { self[$0] }
        if case .from(let day) = starts[0], starts.allSatisfy({ $0 == starts[0] }) { return "from \(day)" }
        let held = DutyRole.allCases.filter { self[$0] != .never }
        if held.allSatisfy({ self[$0] == .always }) {
            return held.map(\.rawValue).joined(separator: " and ") + " only"
        }
        return held.map { role in
            switch self[role] {
            case .from(let day): return "\(role.rawValue) from \(day)"
            case .always, .never: return role.rawValue
            }
        }.joined(separator: "; ")
    }

    /// What the engineer may hold, in words: "may hold only backup", "may be primary from 2027-03-01".
    public func limit(of role: DutyRole) -> String {
        switch self[role] {
        case .always: return "may be \(role.rawValue)"
        case .from(let day): return "may be \(role.rawValue) only from \(day)"
        case .never:
            let others = DutyRole.allCases.filter { self[$0] != .never }.map(\.rawValue)
            return others.isEmpty ? "may hold no role" : "may hold only \(others.joined(separator: " and "))"
        }
    }
}
