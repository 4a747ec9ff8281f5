/// Shifts worked before the period (`history:` in the scenario: earlier rotation.csv files or report folders).
///
/// Only shifts that start within `rules.history_weeks` weeks before the period count. Their primary and backup
/// shifts and their holiday burden (measured with each engineer's calendar today) are added to this period's, so
/// fairness is judged over history and period together: the person who had last Christmas is not picked again.
public struct DutyHistory: Sendable, Equatable {
    /// One earlier shift.
    public struct Shift: Sendable, Equatable {
        public let dates: DateRange
        public let primary: String
        public let backup: String
        /// "reports/team-2026q4/rotation.csv:14".
        public let source: String

        public init(dates: DateRange, primary: String, backup: String, source: String) {
            self.dates = dates
            self.primary = primary
            self.backup = backup
            self.source = source
        }

        public func engineer(for role: DutyRole) -> String { role == .primary ? primary : backup }
    }

    /// The shifts inside the window, oldest first.
    public var shifts: [Shift]
    /// The files read, as the scenario names them.
    public var files: [String]

    public init(shifts: [Shift] = [], files: [String] = []) {
        self.shifts = shifts
        self.files = files
    }

    public var isEmpty: Bool { shifts.isEmpty }

    /// Shifts of `engineer` in `role`.
    public func count(_ engineer: String, _ role: DutyRole) -> Int {
        shifts.filter { $0.engineer(for: role) == engineer }.count
    }

    /// Whether `engineer` appears in the history at all (an engineer who does not is new: history does not count
    /// for or against them).
    public func includes(_ engineer: String) -> Bool {
        shifts.contains { $0.primary == engineer || $0.backup == engineer }
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
