/// The cycles `cycle_weeks` cuts each rotation into: runs of that many consecutive shifts, the first beginning at
/// `cycle_start` (or at the rotation's first shift) and the others following on, also backwards into the history.
/// `each_primary_once` and `each_backup_at_least_once` are judged per complete cycle: one the period ends inside is
/// left to the next plan, and one that begins before the period only when the history's shifts just before it
/// (``HistoryLead``) reach its start.
extension Scenario {
    /// Whether `engineer` is still onboarding on `rotation`: `onboarding:` asks for shifts (shadowed, or as backup)
    /// the history does not hold yet. The cycle rules excuse them for the period, since when their first turn can
    /// come depends on the schedule itself.
    public func isOnboarding(_ engineer: Engineer, on rotation: Rotation) -> Bool {
        if rotation.hasShadow, let shadows = engineer.onboardingShadowShifts,
            history.shadowCount(engineer.id, rotation: rotation, in: self) < shadows
        {
            return true
        }
        if rotation.hasBackup, let backups = engineer.onboardingBackupShifts,
            history.count(engineer.id, .backup, rotation: rotation, in: self) < backups
        {
            return true
        }
        return false
    }

    /// The order `rotation`'s primaries follow this period under `fixed_order`: as written, less whoever is still
    /// onboarding there (``isOnboarding(_:on:)``), who joins it in a later plan, once onboarded: when their first
    /// primary turn may come depends on the schedule itself, as for the cycles. Nil without an order of two or more.
    public func fixedOrder(of rotation: Rotation) -> [String]? {
        guard let written = rules.fixedOrder?[rotation.id] else { return nil }
        let order = written.filter { id in
            engineers.first { $0.id == id }.map { !isOnboarding($0, on: rotation) } ?? true
        }
        return order.count > 1 ? order : nil
    }

    /// The complete cycles of rotation `r` that hold a shift of the period, as positions of its shifts (0-based; −1
    /// is the history's shift just before the first, as in ``HistoryLead``), reaching back at most `leadCount`.
    public func cycles(ofRotation r: Int, leadCount: Int) -> [Range<Int>] {
        guard let length = rules.cycleWeeks, length > 0 else { return [] }
        let period = rotations[r].period
        let phase = cyclePhase(of: period, length: length)
        var cycles: [Range<Int>] = []
        var start = -phase
        while start + length <= period.shiftCount {
            if start >= -leadCount { cycles.append(start..<start + length) }
            start += length
        }
        return cycles
    }

    /// How many shifts of its cycle come before a rotation's first shift (0: the rotation begins a cycle).
    func cyclePhase(of period: PlanningPeriod, length: Int) -> Int {
        guard let anchor = rules.cycleStart else { return 0 }
        let shifts = (period.start.dayNumber - anchor.dayNumber) / period.shiftDays
        return ((shifts % length) + length) % length
    }

    /// Whether `cycle_start` falls on a handoff of `period` (a whole number of shifts before or after its start).
    public func cycleStartIsHandoff(of period: PlanningPeriod) -> Bool {
        guard let anchor = rules.cycleStart else { return true }
        return (period.start.dayNumber - anchor.dayNumber) % period.shiftDays == 0
    }
}
