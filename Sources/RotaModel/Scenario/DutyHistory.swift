/// Shifts worked before the period (`history:` in the scenario: earlier rotation.csv files or report folders).
///
/// Only shifts that start within `rules.history_weeks` weeks before the period count. Their primary and backup
/// shifts and their holiday burden (measured with each engineer's calendar today) are added to this period's, so
/// fairness is judged over history and period together: the person who had last Christmas is not picked again.
public struct DutyHistory: Sendable, Equatable {
    /// One earlier shift.
    public struct Shift: Sendable, Equatable {
        /// The rotation column of the file ("" when it has none).
        public let rotation: String
        public let dates: DateRange
        public let primary: String
        /// nil in a rotation of primaries alone.
        public let backup: String?
        /// Who shadowed the shift (the file's `shadow` column).
        public let shadow: String?
        /// "reports/team-2026q4/rotation.csv:14".
        public let source: String

        public init(
            rotation: String = "", dates: DateRange, primary: String, backup: String?, shadow: String? = nil,
            source: String
        ) {
            self.rotation = rotation
            self.dates = dates
            self.primary = primary
            self.backup = backup
            self.shadow = shadow
            self.source = source
        }

        public func engineer(for role: DutyRole) -> String? {
            switch role {
            case .primary: primary
            case .backup: backup
            }
        }
    }

    /// The shifts inside the window, oldest first.
    public var shifts: [Shift]
    /// The owners of the previous period, by pipeline id: the ownership.csv of the history's report folder whose
    /// shifts end last (``rotate_owners`` keeps people from holding the same role again).
    public var ownership: [String: PastOwners] = [:]

    /// A pipeline's owners in the previous period, and where they were read.
    public struct PastOwners: Sendable, Equatable {
        public let primary: String
        public let secondary: String
        /// "reports/q2/ownership.csv:3".
        public let source: String

        public init(primary: String, secondary: String, source: String) {
            self.primary = primary
            self.secondary = secondary
            self.source = source
        }

        public func owner(primary role: Bool) -> String { role ? primary : secondary }
    }
    /// The files read, as the scenario names them.
    public var files: [String]

    public init(shifts: [Shift] = [], files: [String] = []) {
        self.shifts = shifts
        self.files = files
    }

    public var isEmpty: Bool { shifts.isEmpty }

    /// Shifts of `engineer` in `role` (of one rotation: see ``shifts(of:in:)``).
    public func count(_ engineer: String, _ role: DutyRole, rotation: Rotation? = nil, in scenario: Scenario? = nil)
        -> Int
    {
        shifts(of: rotation, in: scenario).filter { $0.engineer(for: role) == engineer }.count
    }

    /// How many of the history's shifts (of one rotation) `engineer` shadowed.
    public func shadowCount(_ engineer: String, rotation: Rotation? = nil, in scenario: Scenario? = nil) -> Int {
        shifts(of: rotation, in: scenario).filter { $0.shadow == engineer }.count
    }

    /// Whether `engineer` appears in the history (of one rotation) at all. An engineer who does not is new: history
    /// does not count for or against them.
    public func includes(_ engineer: String, rotation: Rotation? = nil, in scenario: Scenario? = nil) -> Bool {
        shifts(of: rotation, in: scenario).contains { $0.primary == engineer || $0.backup == engineer }
    }

    /// The history's shifts of `rotation`: rows whose rotation column names it; when the scenario has one rotation,
    /// every row. Nil `rotation`: every row.
    public func shifts(of rotation: Rotation?, in scenario: Scenario?) -> [Shift] {
        guard let rotation, let scenario, scenario.rotations.count > 1 else { return shifts }
        return shifts.filter { $0.rotation == rotation.id }
    }

    /// How many distinct shifts (by start date) the history has of `rotation`.
    public func shiftCount(of rotation: Rotation? = nil, in scenario: Scenario? = nil) -> Int {
        Set(shifts(of: rotation, in: scenario).map(\.dates.first)).count
    }

    /// The holidays `engineer` was on duty over in the history (by name), as their calendar weighs them today.
    public func holidayNames(of engineer: Engineer, calendar: PersonalCalendar) -> Set<String> {
        var names = Set<String>()
        for shift in shifts where shift.primary == engineer.id || shift.backup == engineer.id {
            names.formUnion(calendar.burden(during: shift.dates).holidays.map(\.name))
        }
        return names
    }

    /// The dates the history covers, if any.
    public var dates: DateRange? {
        guard let first = shifts.map(\.dates.first).min(), let last = shifts.map(\.dates.last).max() else {
            return nil
        }
        return DateRange(first: first, last: last)
    }
}
