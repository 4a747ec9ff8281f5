import RotaModel

/// The hours of one kind the history's duties hold, for the hours goals: what each engineer held then, and what the
/// duties held by today's engineers hold for each of them (the history's part of the hours shared), per rotation.
/// The history's shifts count in the hours goals as they count in the shift balance (docs/model.md, rows 6b).
struct HistoryHours {
    /// `held[e]`: seconds of the kind in the history's duties engineer e held (either role), in e's zone.
    let held: [Int]
    /// `pool[e][r]`: seconds of the kind, in e's zone, of rotation r's history duties held by someone on its roster.
    let pool: [[Int]]
    /// `shifts[r]`: rotation r's history shifts (distinct starts).
    let shifts: [Int]
    /// `included[e][r]`: whether e appears in rotation r's history (only then do its shifts count in e's part).
    let included: [[Bool]]

    init(kind: HourKind, scenario: Scenario) {
        let rotations = scenario.rotations
        let history = scenario.history
        let engineers = scenario.engineers
        var slots: [(rotation: Int, dates: DateRange)] = []
        var holders: [[String]] = []
        for (r, rotation) in rotations.enumerated() {
            for shift in history.shifts(of: rotation, in: scenario) {
                let onRoster = [shift.primary, shift.backup].compactMap { $0 }.filter { rotation.roster.contains($0) }
                guard !onRoster.isEmpty else { continue }
                slots.append((r, shift.dates))
                holders.append(onRoster)
            }
        }
        let hours = ShiftHours(kind: kind, scenario: scenario, slots: slots)
        held = engineers.indices.map { e in
            slots.indices.filter { holders[$0].contains(engineers[e].id) }.reduce(0) { $0 + hours.seconds[e][$1] }
        }
        pool = engineers.indices.map { e in
            rotations.indices.map { r in
                slots.indices.filter { slots[$0].rotation == r }.reduce(0) {
                    $0 + holders[$1].count * hours.seconds[e][$1]
                }
            }
        }
        shifts = rotations.map { history.shiftCount(of: $0, in: scenario) }
        included = engineers.map { engineer in
            rotations.map { history.includes(engineer.id, rotation: $0, in: scenario) }
        }
    }
}
