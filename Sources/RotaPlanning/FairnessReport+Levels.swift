import RotaChecking
import RotaModel

extension FairnessReport {
    /// The figure an objective level minimizes, measured on the schedule.
    public func value(of kind: ObjectiveKind) -> Double {
        if let rule = kind.softRule { return Double(softBroken[rule] ?? 0) }
        if let goal = kind.optionalGoal, goal.hourKind != nil { return hoursDeviations[goal] ?? 0 }
        switch kind {
        case .primaryBalance: return largestPrimaryDeviation
        case .backupBalance: return largestBackupDeviation
        case .acrossRotationsBalance: return largestDeviationAcrossRotations
        case .holidayTotal: return Double(totalHolidayBurden)
        case .holidayLargest: return Double(largestHolidayBurden)
        case .ownershipLargest: return largestOwnershipLoad
        case .ownersWithoutPrimary: return Double(ownersWithoutPrimary)
        case .changes: return Double(changes ?? 0)
        default: return 0
        }
    }
}
