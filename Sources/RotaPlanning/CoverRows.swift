import LinearProgramming
import RotaChecking
import RotaModel

/// One way to cover a duty under `covered_leave`: engineer `coverer` takes `spans` of `holder`'s `role` in slot
/// `slot`, chosen when its binary `variable` is 1.
struct CoverChoice {
    let holder: Int
    let slot: Int
    let role: DutyRole
    let coverer: Int
    let spans: [TimeSpan]
    let variable: Variable
}

/// The rows of `covered_leave` (docs/model.md, rule 27). For a duty x_{e,t,role} whose holder e has leave inside the
/// shift within the rule's limit (``ShiftAvailability/coverSpans``): binaries z_{e,t,role,c} for each engineer c who
/// could cover those spans (on the roster, no leave and no holiday that weighs for them on those hours' days), and
/// - `cover_assign(role,e,t)`: Σ_c z_{e,t,role,c} − x_{e,t,role} = 0 (a covered duty has exactly one coverer; with
///   nobody able to cover, x is 0);
/// - `cover_other_role(role,e,t,c)`: z_{e,t,role,c} + x_{c,t,other role} ≤ 1 (a coverer does not hold the other role);
/// - `cover_twice(e,f,t,c)`: z_{e,t,primary,c} + z_{f,t,backup,c} ≤ 1 where e's and f's spans overlap (one person
///   cannot cover both roles at once);
/// - `cover_exclusive(role,e,t,c,u)`: with a hard exclusive_duty, z + x_{c,u} + y_{c,u} ≤ 1 for each slot u of another
///   rotation whose hours meet the cover (exclusive_primary: a primary cover and x_{c,u});
/// - the instance `covered_leave(role,e,t)`: x_{e,t,role} ≤ 0, always soft, so its level counts covered duties.
/// Frozen shifts get none (their covers are the baseline's).
struct CoverRows {
    let scenario: Scenario
    let availability: TeamAvailability
    let shifts: [Shift]
    let slotName: [String]
    let frozen: [Bool]
    let primary: [[Variable?]]
    let backup: [[Variable?]]

    func add(to rows: inout RuleRowWriter) -> [CoverChoice] {
        guard scenario.rules.coveredLeave != nil else { return [] }
        let engineers = scenario.engineers
        let ids = engineers.map(\.id)
        let calendars = engineers.map { scenario.personalCalendar($0) }
        func duty(_ role: DutyRole) -> [[Variable?]] { role == .primary ? primary : backup }
        /// Whether c is free over every span: no leave touching them, no holiday weighing on their local days.
        func canCover(_ c: Int, _ spans: [TimeSpan], slot t: Int) -> Bool {
            guard availability.onRoster[c][shifts[t].rotation] else { return false }
            let engineer = engineers[c]
            let zone = engineer.zone
            for span in spans {
                if engineer.timedLeave.contains(where: { $0.span.overlaps(span) }) { return false }
                let first = span.start.date(in: zone)
                let last = span.end.adding(seconds: -1).date(in: zone)
                guard let days = DateRange(first: first, last: max(first, last)) else { return false }
                if engineer.isOnLeave(during: days) { return false }
                if calendars[c].burden(during: days).weight > 0 { return false }
            }
            return true
        }
        let rules = scenario.rules
        let several = scenario.rotations.count > 1
        let exclusiveDuty = several && rules.exclusiveDuty && !rules.isSoft(.exclusiveDuty)
        let exclusivePrimary = several && rules.exclusivePrimary && !rules.isSoft(.exclusivePrimary)
        let clocks = scenario.shiftClocks
        let hours = shifts.map { clocks[$0.rotation].span(of: $0.dates) }
        /// Slots of the other rotations whose hours meet `spans` (only when an exclusive rule is hard).
        func otherRotationSlots(overlapping spans: [TimeSpan], besides t: Int) -> [Int] {
            guard exclusiveDuty || exclusivePrimary else { return [] }
            return shifts.indices.filter { u in
                shifts[u].rotation != shifts[t].rotation && spans.contains { $0.overlaps(hours[u]) }
            }
        }
        var choices: [CoverChoice] = []
        for t in shifts.indices where !frozen[t] {
            var byRole: [DutyRole: [CoverChoice]] = [:]
            for role in DutyRole.allCases {
                let other: DutyRole = role == .primary ? .backup : .primary
                for e in engineers.indices {
                    let spans = availability.shifts[e][t].coverSpans
                    guard !spans.isEmpty, let x = duty(role)[e][t] else { continue }
                    let name = "\(role.rawValue),\(ids[e]),\(slotName[t])"
                    var assign = -LinearExpression(x)
                    for c in engineers.indices where c != e && canCover(c, spans, slot: t) {
                        let z = rows.model.addVariable("z(\(name),\(ids[c]))", .binary)
                        assign += LinearExpression(z)
                        let choice = CoverChoice(holder: e, slot: t, role: role, coverer: c, spans: spans, variable: z)
                        choices.append(choice)
                        byRole[role, default: []].append(choice)
                        if let y = duty(other)[c][t] {
                            rows.model.add("cover_other_role(\(name),\(ids[c]))", z + y <= 1)
                        }
                        // Across rotations, a cover is duty like a shift's for the hard exclusive rules.
                        for u in otherRotationSlots(overlapping: spans, besides: t) {
                            let roles: [DutyRole] =
                                exclusiveDuty
                                ? DutyRole.allCases : role == .primary && exclusivePrimary ? [.primary] : []
                            let held = roles.compactMap { duty($0)[c][u] }
                            if !held.isEmpty {
                                rows.model.add(
                                    "cover_exclusive(\(name),\(ids[c]),\(slotName[u]))",
                                    LinearExpression(z) + LinearExpression.sum(held) <= 1)
                            }
                        }
                    }
                    rows.model.add("cover_assign(\(name))", assign == 0)
                    rows.add(
                        "covered_leave(\(name))", [LinearExpression(x) <= 0],
                        RuleInstance(.coveredLeave, engineers: [ids[e]], shifts: [t]))
                }
            }
            for a in byRole[.primary] ?? [] {
                for b in byRole[.backup] ?? [] where a.coverer == b.coverer && a.holder != b.holder {
                    guard a.spans.contains(where: { s in b.spans.contains { s.overlaps($0) } }) else { continue }
                    rows.model.add(
                        "cover_twice(\(ids[a.holder]),\(ids[b.holder]),\(slotName[t]),\(ids[a.coverer]))",
                        a.variable + b.variable <= 1)
                }
            }
        }
        return choices
    }
}
