import LinearProgramming
import RotaModel

/// Shadows (`roles: [primary, backup, shadow]`) and the onboarding rows that count them (docs/model.md, rules
/// 32–33): `shadow_cover(t)`, `shadow_one_role(e,t)`, `shadow_count(e,r)` and `onboarding_shadow(e,t)`. Only someone
/// with `onboarding: {shadow_shifts: k}` shadows, on a rotation with shadows, free of leave, from the first day they
/// may hold some role.
struct ShadowRows {
    let scenario: Scenario
    let availability: TeamAvailability
    let mode: RuleMode
    let shifts: [Shift]
    let slotName: [String]
    let slotsOf: [[Int]]
    let frozen: [Bool]
    let primary: [[Variable?]]
    let backup: [[Variable?]]
    /// The baseline's shadow of a frozen slot.
    let frozenShadow: (Int) -> String?

    /// `shadow[e][t]`: e shadows slot t (nil: no variable).
    func add(to rows: inout RuleRowWriter) -> [[Variable?]] {
        let engineers = scenario.engineers
        let rotations = scenario.rotations
        var shadow = [[Variable?]](
            repeating: [Variable?](repeating: nil, count: shifts.count), count: engineers.count)
        for (e, engineer) in engineers.enumerated() {
            guard let needed = engineer.onboardingShadowShifts else { continue }
            for (r, slots) in slotsOf.enumerated() where rotations[r].hasShadow && availability.onRoster[e][r] {
                let before = scenario.history.shadowCount(engineer.id, rotation: rotations[r], in: scenario)
                for t in slots {
                    if frozen[t] {
                        // The past keeps its shadow.
                        if frozenShadow(t) == engineer.id {
                            let s = rows.model.addVariable("s(\(engineer.id),\(slotName[t]))", .binary)
                            rows.model.fix(s, at: 1)
                            shadow[e][t] = s
                        }
                        continue
                    }
                    guard before < needed, mode == .elastic || !availability.shifts[e][t].onLeave,
                        engineer.eligibility.allowsShadow(in: shifts[t].dates)
                    else { continue }
                    shadow[e][t] = rows.model.addVariable("s(\(engineer.id),\(slotName[t]))", .binary)
                }
                let open = slots.compactMap { frozen[$0] ? nil : shadow[e][$0] }
                if !open.isEmpty {
                    // No more shadowing than onboarding asks for: nothing else weighs shadows.
                    let done = slots.filter { frozen[$0] && shadow[e][$0] != nil }.count
                    rows.model.add(
                        "shadow_count(\(engineer.id)\(rotations.count > 1 ? ",\(rotations[r].id)" : ""))",
                        LinearExpression.sum(open) <= Double(max(0, needed - before - done)))
                }
                guard before < needed else { continue }
                for (i, t) in slots.enumerated() where !frozen[t] {
                    let duty = [primary[e][t], backup[e][t]].compactMap { $0 }
                    guard !duty.isEmpty else { continue }
                    let shadowed = slots[..<i].compactMap { shadow[e][$0] }
                    rows.add(
                        "onboarding_shadow(\(engineer.id),\(slotName[t]))",
                        [
                            Double(needed) * LinearExpression.sum(duty) - LinearExpression.sum(shadowed)
                                <= Double(before)
                        ],
                        RuleInstance(.onboarding, engineers: [engineer.id], shifts: [t]))
                }
            }
        }
        for t in shifts.indices {
            let here = engineers.indices.compactMap { shadow[$0][t] }
            if here.count > 1 { rows.model.add("shadow_cover(\(slotName[t]))", LinearExpression.sum(here) <= 1) }
            for e in engineers.indices {
                guard let s = shadow[e][t] else { continue }
                let duty = [primary[e][t], backup[e][t]].compactMap { $0 }
                if !duty.isEmpty {
                    rows.model.add(
                        "shadow_one_role(\(engineers[e].id),\(slotName[t]))", s + LinearExpression.sum(duty) <= 1)
                }
            }
        }
        return shadow
    }
}
