import RotaModel

/// LinkedIn Oncall's default scheduler (github.com/linkedin/oncall, `src/oncall/scheduler/default.py` at 030f5d0),
/// as a baseline: what a team running that tool would get. Its algorithm, as that file does it:
///
/// - The team's events are filled in order of (start, role), primary before secondary (role ids 1 and 2), every
///   schedule of the team at once. Here the team is the scenario: each rotation is one of its rosters, with a
///   primary and (when the rotation has one) a secondary schedule.
/// - For each event the candidates are the roster's members, less those *busy*: on vacation at any moment of it
///   (a leave day or part-day leave in the shift), or holding an event of the same team that overlaps it (so the
///   primary of the week, or someone on duty in another rotation then, is never the secondary).
/// - A candidate never scheduled in this role on the team before the event starts is taken first
///   (`find_new_user_in_roster`; Python pops the set, which for small integer ids is the lowest: roster order here).
/// - Otherwise the candidate whose last event in this role ended earliest (`find_least_active_user_id_by_team`;
///   ties to the first row, roster order here).
/// - Public holidays, fair shares and every other rule are unknown to it.
///
/// How the rotations map onto Oncall is a deployment's choice, so there are two baselines: the scenario as one team
/// with a roster per rotation (a member's duty anywhere makes them busy and counts as their last shift in the role),
/// or each rotation as a team of its own (only its own events count; vacation counts everywhere, as Oncall's busy
/// check takes vacation events of any team). With one rotation they are the same.
///
/// Earlier shifts in the scenario's history are the team's past events. Two departures, both so that Rota's
/// evaluator can judge the result: where everyone is busy Oncall leaves the event empty; here the least active
/// member (on leave) takes it, so the gap shows as a leave finding. Eligibility (`can:`, `from:`) is read as a
/// roster per role, the way an Oncall team would set it up.
enum LinkedInOncallSchedule {
    /// `teamPerRotation`: each rotation is an Oncall team of its own; otherwise the scenario is one team.
    static func shifts(_ scenario: Scenario, teamPerRotation: Bool) -> [RotationShift] {
        guard teamPerRotation, scenario.rotations.count > 1 else { return shifts(scenario) }
        // Each rotation on its own: the scenario with that rotation's slots only, then the results merged by slot.
        var byKey: [String: RotationShift] = [:]
        for rotation in scenario.rotations {
            var alone = scenario
            alone.declaredRotations = scenario.declaredRotations?.filter { $0.id == rotation.id }
            alone.history.shifts = scenario.history.shifts.filter { $0.rotation == rotation.id }
            for shift in shifts(alone) { byKey["\(shift.rotation)/\(shift.number)"] = shift }
        }
        return scenario.shifts.compactMap { byKey["\(scenario.rotations[$0.rotation].id)/\($0.number)"] }
    }

    private static func shifts(_ scenario: Scenario) -> [RotationShift] {
        let rotations = scenario.rotations
        let slots = scenario.shifts
        let index = Dictionary(uniqueKeysWithValues: scenario.engineers.enumerated().map { ($1.id, $0) })
        let clocks = scenario.shiftClocks
        var team = TeamEvents(engineers: scenario.engineers.count)
        for past in scenario.history.shifts {
            for role in DutyRole.allCases {
                if let id = past.engineer(for: role), let e = index[id] {
                    team.add(Event(engineer: e, role: role, dates: past.dates, slot: nil))
                }
            }
        }
        let events = slots.indices.flatMap { t in rotations[slots[t].rotation].roles.map { (slot: t, role: $0) } }
        let order = events.indices.sorted {
            let (a, b) = (events[$0], events[$1])
            return (slots[a.slot].dates.first, a.role.oncallRoleID, $0) < (
                slots[b.slot].dates.first, b.role.oncallRoleID, $1
            )
        }
        var holders = [[DutyRole: Int]](repeating: [:], count: slots.count)
        for i in order {
            let (t, role) = events[i]
            let dates = slots[t].dates
            let span = clocks[slots[t].rotation].span(of: dates)
            let roster = rotations[slots[t].rotation].roster.compactMap { index[$0] }.filter {
                scenario.engineers[$0].eligibility.allows(role, in: dates)
            }
            let onDuty = Set(holders[t].values)
            let free = roster.filter { e in
                !scenario.engineers[e].isOnLeave(during: dates, span: span) && !team.isBusy(e, during: dates)
            }
            let chosen =
                free.first { !team.hasHeld(role, $0, endingBefore: dates.first) }
                ?? team.leastActive(free, in: role, before: dates.first)
                ?? team.leastActive(roster.filter { !onDuty.contains($0) }, in: role, before: dates.first)
                ?? roster.first { !onDuty.contains($0) }
            guard let e = chosen else { continue }
            holders[t][role] = e
            team.add(Event(engineer: e, role: role, dates: dates, slot: t))
        }
        return slots.indices.map { t in
            let slot = slots[t]
            let rotation = rotations[slot.rotation]
            let primary = holders[t][.primary] ?? index[rotation.roster[0]]!
            let backup = rotation.hasBackup ? holders[t][.backup].map { scenario.engineers[$0].id } : nil
            return RotationShift(
                rotation: rotation.id, number: slot.number, dates: slot.dates,
                primary: scenario.engineers[primary].id, backup: backup)
        }
    }

    private struct Event {
        let engineer: Int
        let role: DutyRole
        let dates: DateRange
        /// nil for the history's shifts.
        let slot: Int?
    }

    /// The team's calendar so far: history, then every event filled.
    private struct TeamEvents {
        private var byEngineer: [[Event]]

        init(engineers: Int) { byEngineer = Array(repeating: [], count: engineers) }

        mutating func add(_ event: Event) { byEngineer[event.engineer].append(event) }

        func isBusy(_ engineer: Int, during dates: DateRange) -> Bool {
            byEngineer[engineer].contains { $0.dates.overlaps(dates) }
        }

        func hasHeld(_ role: DutyRole, _ engineer: Int, endingBefore day: CalendarDate) -> Bool {
            lastEnd(engineer, role, before: day) != nil
        }

        /// The engineer whose last event in `role` ended earliest, among those who have held it; ties to the first.
        func leastActive(_ engineers: [Int], in role: DutyRole, before day: CalendarDate) -> Int? {
            var best: (engineer: Int, end: CalendarDate)?
            for e in engineers {
                guard let end = lastEnd(e, role, before: day) else { continue }
                if best == nil || end < best!.end { best = (e, end) }
            }
            return best?.engineer
        }

        private func lastEnd(_ engineer: Int, _ role: DutyRole, before day: CalendarDate) -> CalendarDate? {
            byEngineer[engineer].filter { $0.role == role && $0.dates.last < day }.map(\.dates.last).max()
        }
    }
}

extension DutyRole {
    /// The role's id in Oncall's `role` table (primary 1, secondary 2), which orders events starting together.
    fileprivate var oncallRoleID: Int {
        switch self {
        case .primary: 1
        case .backup: 2
        }
    }
}
