import RotaChecking
import RotaModel

/// An engineer on duty in a week with a public holiday of their own region, and why the plan kept it.
public struct HolidayConflict: Sendable {
    public let week: RotationShift
    public let role: DutyRole
    /// Engineer id.
    public let engineer: String
    public let holidays: [Holiday]
    public let reason: ConflictReason
}

/// Why a holiday conflict could not be avoided, found by re-solving with the conflict forbidden.
public enum ConflictReason: Sendable, Equatable {
    /// Nobody free of leave and of holidays was left for the role.
    case nobodyElse(onLeave: [String], withHolidays: [String])
    /// Every schedule without it breaks a hard rule (leave, the gap between primary weeks, one role a week).
    case hardRules
    /// Avoiding it makes an earlier or equal objective level worse.
    case worse(ObjectiveKind, planned: Double, alternative: Double)
    /// A schedule exactly as good avoids it; the solver's tie-break picked this one.
    case tie
    /// A better schedule avoids it: the plan was not proved optimal.
    case avoidable
    /// Not analysed: too many conflicts, or the analysis hit its time limit.
    case notAnalysed
}

extension HolidayConflict {
    /// The conflict with the people its reason names listed in `position`'s order (the scenario file's).
    func naming(inOrderOf position: [String: Int]) -> HolidayConflict {
        guard case .nobodyElse(let onLeave, let withHolidays) = reason else { return self }
        func ordered(_ ids: [String]) -> [String] { ids.sorted { (position[$0] ?? 0) < (position[$1] ?? 0) } }
        return HolidayConflict(
            week: week, role: role, engineer: engineer, holidays: holidays,
            reason: .nobodyElse(onLeave: ordered(onLeave), withHolidays: ordered(withHolidays)))
    }

    /// Every duty over a holiday of the engineer's own in `schedule`, in schedule order, not analysed.
    static func duties(_ scenario: Scenario, _ availability: TeamAvailability, _ schedule: Schedule)
        -> [HolidayConflict]
    {
        let index = Dictionary(
            scenario.engineers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var conflicts: [HolidayConflict] = []
        for week in schedule.shifts {
            guard let t = scenario.slot(rotation: week.rotation, number: week.number) else { continue }
            for role in DutyRole.allCases {
                guard let id = week.engineer(for: role), let e = index[id] else { continue }
                let facts = availability.shifts[e][t]
                guard facts.holidayWeight > 0 else { continue }
                conflicts.append(
                    HolidayConflict(
                        week: week, role: role, engineer: id, holidays: facts.holidays, reason: .notAnalysed))
            }
        }
        return conflicts
    }
}
