/// A quick, valid schedule to offer GLPK as its first incumbent at level 1.
///
/// It aims at the count vector behind ``FairShareBound``: each engineer's primary and backup weeks as close to
/// the fair share as whole numbers allow. Weeks are filled in order, each role going to the engineer who most
/// needs the week (remaining target ÷ remaining free weeks), skipping leave and the gap rule. Ownership goes
/// round robin, investor-facing pipelines first, so the investor cap holds. When nobody is free for a role (leave
/// and the gap rule) it returns nil and GLPK searches alone; either way GLPK, not this, proves optimality.
enum StartingSchedule {
    static func build(_ scenario: Scenario, _ availability: TeamAvailability) -> Schedule? {
        let engineers = scenario.engineers.indices
        let weeks = scenario.period.weeks
        let available = engineers.map { availability.availableWeeks($0) }
        let total = available.reduce(0, +)
        guard total > 0 else { return nil }
        let shares = available.map { Double(weeks * $0) / Double(total) }
        guard let targets = targetCounts(shares: shares, available: available, weeks: weeks) else { return nil }

        var primaryLeft = targets
        var backupLeft = targets
        var lastPrimary = [Int?](repeating: nil, count: engineers.count)
        var rotation: [RotationWeek] = []
        let gap = scenario.rules.minGapWeeks
        for (t, dates) in scenario.period.allWeeks.enumerated() {
            let free = engineers.filter { !availability.weeks[$0][t].onLeave }
            func freeWeeksLeft(_ e: Int) -> Int { (t..<weeks).filter { !availability.weeks[e][$0].onLeave }.count }
            // The engineer who most needs the week; when everyone free has met their target, the one furthest
            // below it (the start stays valid, only further from the bound).
            func mostUrgent(_ candidates: [Int], _ left: [Int]) -> Int? {
                func urgency(_ e: Int) -> Double { Double(left[e]) / Double(max(1, freeWeeksLeft(e))) }
                let pool = candidates.contains { left[$0] > 0 } ? candidates.filter { left[$0] > 0 } : candidates
                return pool.max { a, b in urgency(a) != urgency(b) ? urgency(a) < urgency(b) : a > b }
            }
            let primaryCandidates = free.filter { e in lastPrimary[e].map { t - $0 > gap } ?? true }
            guard let primary = mostUrgent(primaryCandidates, primaryLeft),
                let backup = mostUrgent(free.filter { $0 != primary }, backupLeft)
            else { return nil }
            primaryLeft[primary] -= 1
            backupLeft[backup] -= 1
            lastPrimary[primary] = t
            rotation.append(
                RotationWeek(
                    number: t + 1, dates: dates, primary: scenario.engineers[primary].id,
                    backup: scenario.engineers[backup].id))
        }
        let ordered = scenario.pipelines.filter(\.investorFacing) + scenario.pipelines.filter { !$0.investorFacing }
        let ids = scenario.engineers.map(\.id)
        let ownership = ordered.enumerated().map { position, pipeline in
            OwnershipAssignment(
                pipeline: pipeline.id, primary: ids[position % ids.count], secondary: ids[(position + 1) % ids.count])
        }
        return Schedule(weeks: rotation, ownership: ownership)
    }

    /// Whole-number counts summing to `weeks`, each within the fair-share bound of its share.
    static func targetCounts(shares: [Double], available: [Int], weeks: Int) -> [Int]? {
        let deviation = FairShareBound.lowestDeviation(shares: shares, available: available, weeks: weeks)
        var counts: [Int] = []
        var room: [Int] = []
        for (share, limit) in zip(shares, available) {
            let lowest = max(0, Int((share - deviation - 1e-9).rounded(.up)))
            let highest = min(limit, Int((share + deviation + 1e-9).rounded(.down)))
            guard lowest <= highest else { return nil }
            counts.append(lowest)
            room.append(highest - lowest)
        }
        var missing = weeks - counts.reduce(0, +)
        // Hand out the remaining weeks one at a time to whoever is furthest below their share and has room.
        while missing > 0 {
            let open = shares.indices.filter { room[$0] > 0 }
            guard let e = open.max(by: { shares[$0] - Double(counts[$0]) < shares[$1] - Double(counts[$1]) }) else {
                return nil
            }
            counts[e] += 1
            room[e] -= 1
            missing -= 1
        }
        return counts
    }
}
