import LinearProgramming
import RotaChecking
import RotaModel

/// Why no schedule fits, found with the solver itself.
///
/// The scenario is built again as an elastic model (``RuleMode/elastic``): every relaxable rule instance — an
/// engineer's leave in one shift, one gap window, one pin, one cap, one fairness bound — gets a binary slack, and
/// GLPK minimizes the number of slacks at 1. That set is the smallest relaxation that makes the scenario solvable.
/// Then the rules it relaxed are forbidden to relax and the model is solved again, for up to two alternatives
/// ("… or lower min_gap_weeks to 0"). Each option's schedule gives the concrete figures of its suggestion.
struct InfeasibilityExplanation {
    /// One way to make the scenario solvable.
    struct Option {
        let instances: [RuleInstance]
        /// The elastic solution's schedule: it breaks exactly `instances` (and no other hard rule).
        let schedule: Schedule
        /// Whether GLPK proved no smaller relaxation exists (under this option's exclusions).
        let proved: Bool
    }

    let options: [Option]
    let reasons: [String]

    init(
        scenario: Scenario, availability: TeamAvailability, baseline: PlanBaseline?, timeLimit: Double,
        cuts: SolveOptions.Cuts
    ) {
        let elastic = RotationModel(
            scenario: scenario, availability: availability, baseline: baseline, mode: .elastic)
        let clock = ContinuousClock()
        let start = clock.now
        var options: [Option] = []
        var excluded = Set<Rule>()
        for _ in 0..<3 {
            var model = elastic.model
            for row in elastic.relaxable where excluded.contains(row.instance.rule) { model.fix(row.slack, at: 0) }
            let left = timeLimit - (clock.now - start).totalSeconds
            guard left > 0.1 else { break }
            var solver = LexicographicSolver(
                options: SolveOptions(timeLimit: options.isEmpty ? max(1, left) : left, cuts: cuts))
            var count: LevelOutcome?
            solver.shouldContinue = { outcome in
                if outcome.kind == .relaxations { count = outcome }
                return true
            }
            guard let outcome = try? solver.solve(model, levels: elastic.levels), let count,
                count.status.hasSolution, !outcome.values.isEmpty
            else { break }
            let values = SolveValues(outcome.values)
            let relaxed = elastic.relaxable.filter { values.isOne($0.slack) }.map(\.instance)
            guard !relaxed.isEmpty else { break }
            options.append(
                Option(
                    instances: relaxed, schedule: Planner.decode(scenario, elastic, values),
                    proved: count.status == .optimal))
            excluded.formUnion(relaxed.map(\.rule))
        }
        self.options = options
        guard let first = options.first else {
            reasons = [
                "the rules cannot all hold, and no relaxation of leave, pins, gaps, caps or fairness bounds was found "
                    + "within the time limit; raise --time-limit to let the solver look for one"
            ]
            return
        }
        let count = first.instances.count
        var lines = [
            "the rules cannot all hold together: the fewest rule instances to give up is \(count)"
                + (first.proved
                    ? " (proved by GLPK on an elastic copy of the model)"
                    : " or fewer (GLPK's elastic copy of the model was stopped by the time limit)")
        ]
        for (n, option) in options.enumerated() {
            let phrases = Self.describe(option, scenario: scenario)
            lines.append((n == 0 ? "either " : "or ") + phrases.joined(separator: "; and "))
        }
        reasons = lines
    }

    /// The suggestion for each rule an option relaxes, with the figures of the option's schedule.
    static func describe(_ option: Option, scenario: Scenario) -> [String] {
        let report = FairnessReport(schedule: option.schedule, scenario: scenario)
        let slots = scenario.shifts
        let rotations = scenario.rotations
        /// "week 3", "growth week 3".
        func label(_ slot: Int) -> String {
            rotations[slots[slot].rotation].label(slots[slot].number, among: rotations.count)
        }
        func weeks(_ shifts: [Int]) -> String {
            let sorted = Set(shifts).sorted()
            guard sorted.count > 1 else { return label(sorted[0]) }
            if Set(sorted.map { slots[$0].rotation }).count > 1 { return sorted.map(label).joined(separator: " and ") }
            return label(sorted.first!).replacingOccurrences(of: " \(slots[sorted.first!].number)", with: "s ")
                + "\(slots[sorted.first!].number)–\(slots[sorted.last!].number)"
        }
        /// The shifts of a window instance, with the history's shifts it reaches back into.
        func span(_ instance: RuleInstance) -> String {
            let back = instance.history
            let past = back == 1 ? "the history's last shift" : "the history's last \(back) shifts"
            return back > 0 ? "\(past) and \(weeks(instance.shifts))" : weeks(instance.shifts)
        }
        func people(_ ids: [String]) -> String {
            let unique = ids.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            return unique.count <= 1
                ? unique.joined() : unique.dropLast().joined(separator: ", ") + " and " + unique.last!
        }
        struct Holder: Hashable {
            let rotation: String
            let engineer: String
        }
        /// Shift numbers of each engineer and rotation in `roles`, in the option's schedule.
        func shifts(_ roles: Set<DutyRole>) -> [Holder: [Int]] {
            var table: [Holder: [Int]] = [:]
            for shift in option.schedule.shifts {
                for role in roles {
                    guard let id = shift.engineer(for: role) else { continue }
                    table[Holder(rotation: shift.rotation, engineer: id), default: []].append(shift.number)
                }
            }
            return table.mapValues { $0.sorted() }
        }
        func smallestDistance(_ roles: Set<DutyRole>) -> Int {
            shifts(roles).values.flatMap { zip($0, $0.dropFirst()).map { $1 - $0 } }.min() ?? slots.count
        }
        var phrases: [String] = []
        var grouped: [Rule: [RuleInstance]] = [:]
        for instance in option.instances { grouped[instance.rule, default: []].append(instance) }
        for rule in Rule.allCases {
            guard let instances = grouped[rule] else { continue }
            switch rule {
            case .leave:
                let byShift = Dictionary(grouping: instances, by: { $0.shifts[0] })
                for t in byShift.keys.sorted() {
                    phrases.append(
                        "allow \(people(byShift[t]!.flatMap(\.engineers))) to be on duty in \(label(t)) "
                            + "(\(slots[t].dates)) despite leave")
                }
            case .eligibility:
                for instance in instances {
                    let id = instance.engineers[0]
                    let t = instance.shifts[0]
                    let held = option.schedule.shifts.first {
                        $0.number == slots[t].number && scenario.rotationIndex(of: $0.rotation) == slots[t].rotation
                    }
                    let role = DutyRole.allCases.first { held?.engineer(for: $0) == id } ?? .primary
                    let limit = scenario.engineers.first { $0.id == id }?.eligibility.limit(of: role) ?? ""
                    phrases.append(
                        "let \(id) be \(role.rawValue) in \(label(t)) (\(slots[t].dates)), though the scenario says "
                            + "\(id) \(limit)")
                }
            case .onboarding:
                phrases.append(
                    "let "
                        + instances.map { instance in
                            let id = instance.engineers[0]
                            let asked = scenario.engineers.first { $0.id == id }?.onboardingSummary ?? ""
                            return "\(id) be on duty in \(label(instance.shifts[0])) before \(asked)"
                        }.joined(separator: ", ") + " (onboarding; or make it soft: `onboarding: {soft: true}`)")
            case .minGapWeeks:
                phrases.append(
                    "let \(people(instances.flatMap(\.engineers))) be primary twice within "
                        + instances.map(span).joined(separator: ", ")
                        + ", i.e. lower min_gap_weeks to \(max(0, smallestDistance([.primary]) - 1))")
            case .minDutyGapWeeks:
                phrases.append(
                    "let \(people(instances.flatMap(\.engineers))) be on duty twice within "
                        + instances.map(span).joined(separator: ", ")
                        + ", i.e. lower min_duty_gap_weeks to \(max(0, smallestDistance([.primary, .backup]) - 1))")
            case .maxConsecutiveDutyWeeks:
                var longest = 0
                for list in shifts([.primary, .backup]).values {
                    var run = 0
                    var previous: Int?
                    for number in Set(list).sorted() {
                        run = previous == number - 1 ? run + 1 : 1
                        previous = number
                        longest = max(longest, run)
                    }
                }
                phrases.append(
                    "let \(people(instances.flatMap(\.engineers))) be on duty longer in a row ("
                        + instances.map(span).joined(separator: ", ")
                        + "), i.e. raise max_consecutive_duty_weeks to \(longest)")
            case .backupBecomesPrimary:
                phrases.append(
                    "let the backup not become the next primary after "
                        + instances.map { $0.history > 0 ? "the history's last shift" : label($0.shifts[0]) }
                        .joined(separator: ", ")
                        + " (or set backup_becomes_primary: false)")
            case .eachPrimaryOnce, .eachBackupAtLeastOnce:
                let role = rule == .eachPrimaryOnce ? "primary" : "backup"
                phrases.append(
                    "let "
                        + instances.map { "\($0.engineers[0]) not be \(role) in the cycle of \(span($0))" }
                        .joined(separator: ", ") + " (or set \(rule.rawValue): false)")
            case .fixedOrder:
                phrases.append(
                    "let the primary depart from fixed_order after "
                        + instances.map { $0.history > 0 ? "the history's last shift" : label($0.shifts[0]) }
                        .joined(separator: ", ") + " (or make fixed_order soft: `fixed_order: {soft: true}`)")
            case .avoidRepeatHolidays:
                phrases.append(
                    "let "
                        + instances.map {
                            "\($0.engineers[0]) be on duty over a holiday again in week \($0.shifts[0] + 1)"
                        }
                        .joined(separator: ", ") + " (or set avoid_repeat_holidays: false)")
            case .exclusivePrimary, .exclusiveDuty:
                phrases.append(
                    "let \(people(instances.flatMap(\.engineers))) hold duty on two rotations at once ("
                        + instances.map { weeks($0.shifts) }.joined(separator: ", ")
                        + "), or set \(rule.rawValue): false")
            case .pinnedDuty:
                phrases.append(
                    "drop the pin" + (instances.count > 1 ? "s" : "") + " of "
                        + instances.map { "\($0.engineers[0]) in \(label($0.shifts[0]))" }.joined(separator: ", "))
            case .forbiddenDuty:
                phrases.append(
                    "allow "
                        + instances.map { "\($0.engineers[0]) on duty in \(label($0.shifts[0]))" }.joined(
                            separator: ", ") + " (forbidden in the scenario)")
            case .ownerPin:
                phrases.append(
                    "drop the owner pin" + (instances.count > 1 ? "s" : "") + " of "
                        + instances.map { "\($0.pipeline ?? "?") (\($0.engineers.first ?? "?"))" }.joined(
                            separator: ", "))
            case .maxInvestorPrimaries:
                let most =
                    report.engineers.map { engineer in
                        engineer.primaryOwned.filter { id in
                            scenario.pipelines.contains { $0.id == id && $0.investorFacing }
                        }
                        .count
                    }.max() ?? 0
                phrases.append(
                    "let \(people(instances.flatMap(\.engineers))) be primary owner of more investor-facing pipelines, "
                        + "i.e. raise max_investor_primaries to \(most)")
            case .rotateOwners:
                phrases.append(
                    "let "
                        + instances.map { "\($0.engineers.first ?? "?") keep their role on \($0.pipeline ?? "?")" }
                        .joined(separator: ", ") + " (or make rotate_owners soft: `rotate_owners: {soft: true}`)")
            case .everyoneSecondaryOwner:
                phrases.append(
                    "let \(people(instances.flatMap(\.engineers))) be secondary owner of no pipeline "
                        + "(or set everyone_secondary_owner: false)")
            case .maxDeviation:
                let value = max(report.largestPrimaryDeviation, report.largestBackupDeviation)
                phrases.append("raise rules.fairness.max_deviation to \(TextFormatting.number(value))")
            case .maxHolidayBurden:
                phrases.append("raise rules.fairness.max_holiday_burden to \(report.largestHolidayBurden)")
            case .maxTotalHolidayBurden:
                phrases.append("raise rules.fairness.max_total_holiday_burden to \(report.totalHolidayBurden)")
            case .maxOwnershipLoad:
                phrases.append(
                    "raise rules.fairness.max_ownership_load to \(TextFormatting.number(report.largestOwnershipLoad))")
            case .maxWeekendDays:
                let most = WeekendDuty(schedule: option.schedule, scenario: scenario).largestDays
                // The elastic model minimizes relaxed instances, not weekend days: the figure is one that works.
                phrases.append(
                    "raise rules.fairness.max_weekend_days (a schedule keeping the other rules has at most "
                        + "\(TextFormatting.number(most)) days)")
            case .coverage, .covers, .holidayHandover, .coveredLeave, .unknownEngineer, .distinctRoles, .undesiredDuty,
                .ownershipCoverage,
                .distinctOwners,
                .runbookDefault, .runbookRequired:
                // The model's structure or always soft: never relaxed in the elastic model, named as a fallback.
                phrases.append("relax \(rule.rawValue) for \(people(instances.flatMap(\.engineers)))")
            }
        }
        return phrases
    }
}
