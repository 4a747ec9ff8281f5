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
