import LinearProgramming
import RotaChecking
import RotaModel

/// Builds the integer program for a scenario, solves its objective levels in order with GLPK, and decodes
/// the schedule.
public struct Planner: Sendable {
    public let options: PlanOptions

    public init(options: PlanOptions = PlanOptions()) {
        self.options = options
    }

    /// Plans `scenario`; with a `baseline`, replans it: shifts before `baseline.from` are kept and the fewest
    /// assignments change (the `changes` level).
    ///
    /// The model is built from the scenario's ``Scenario/canonicalOrder``, so the order the file lists engineers,
    /// pipelines, leave and requests in never changes the schedule; the plan reports in the file's order.
    public func plan(_ original: Scenario, baseline: PlanBaseline? = nil) throws(PlanningError) -> Plan {
        let scenario = original.canonicalOrder
        let clock = ContinuousClock()
        let start = clock.now
        let availability = TeamAvailability(scenario: scenario)
        let sameOrder = original.engineers.map(\.id) == scenario.engineers.map(\.id)
        let originalAvailability = sameOrder ? availability : TeamAvailability(scenario: original)
        // Messages name people in the file's order: what cannot be scheduled is found on the scenario as written.
        if let baseline { try Self.validate(baseline, original) }
        let uncoverable = Self.weeksWithoutTwoEngineers(original, originalAvailability, baseline: baseline)
        if !uncoverable.isEmpty { throw .noSchedule(reasons: uncoverable) }

        let solved: DecomposedSolve
        var timings = PlanTimings()
        do {
            let startingSchedule =
                baseline == nil
                ? StartingSchedule.reference(
                    scenario, availability,
                    deadline: StartingSchedule.deadline(from: start, timeLimit: options.timeLimit)) : nil
            timings.start = (clock.now - start).totalSeconds
            // The time limit counts from the start of planning: what building the start took is no longer left.
            var remaining = options
            remaining.timeLimit = options.timeLimit.map { max(0, $0 - (clock.now - start).totalSeconds) }
            solved = try DecomposedSolve(
                scenario: scenario, availability: availability, baseline: baseline, start: startingSchedule,
                options: remaining)
        } catch {
            if case .exportFailed(let path) = error { throw .cannotExportModel(path: path) }
            throw .solverFailed(error.description)
        }
        if let first = solved.firstFailure {
            switch first.status {
            case .infeasible:
                let explanation = InfeasibilityExplanation(
                    scenario: original, availability: originalAvailability, baseline: baseline,
                    timeLimit: options.timeLimit.map { max(1, $0 - (clock.now - start).totalSeconds) } ?? 60,
                    cuts: Tuning.onCallCuts)
                throw .noSchedule(reasons: explanation.reasons)
            case .stoppedWithoutSolution: throw .noScheduleFoundInTime(seconds: first.seconds)
            case .failed(let message): throw .solverFailed(message)
            case .unbounded: throw .solverFailed("the model is unbounded, which its bounds should make impossible")
            case .optimal, .stopped: break
            }
        }
        // A level's model is written just before it is solved, so exactly the levels reached were exported.
        let exported =
            options.exportModelPath.map { base in
                solved.levels.indices.map { PlanOptions.exportPath(base: base, level: $0) }
                    + (solved.ownership.outcome.levels.contains { $0.kind == .changes }
                        ? [PlanOptions.exportPath(base: base, level: 0, part: ".ownership")] : [])
            } ?? []
        let decoded = Self.decode(
            scenario, duty: solved.onCall.model, SolveValues(solved.onCall.outcome.values),
            ownership: solved.ownership.model, SolveValues(solved.ownership.outcome.values))
        let owners = Dictionary(decoded.ownership.map { ($0.pipeline, $0) }, uniquingKeysWith: { first, _ in first })
        // Back in the file's order: rotations as the scenario lists them, each rotation's shifts in date order.
        let rotationOrder = Dictionary(
            original.rotations.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let weeks = decoded.shifts.enumerated().sorted {
            let (a, b) = (rotationOrder[$0.element.rotation] ?? 0, rotationOrder[$1.element.rotation] ?? 0)
            return a != b ? a < b : $0.offset < $1.offset
        }.map(\.element)
        let schedule = Schedule(
            shifts: weeks, ownership: original.pipelines.compactMap { owners[$0.id] },
            covers: (baseline.map { Self.keptCovers($0, original) } ?? []) + decoded.covers
                + HolidayHandoverCovers.covers(
                    weeks.filter { week in !(baseline?.isFrozen(week.dates) ?? false) }, scenario: original))
        // The analysis shares the plan's time limit, counted from the start of planning.
        let deadline = options.timeLimit.map {
            start + .milliseconds(Int(min($0, PlanOptions.maximumTimeLimit) * 1000))
        }
        // The analysis asks its questions of the plan's own on-call model (canonical order), so it is not built
        // again and its relaxation starts from the plan's basis; its verdicts are optimal values, which the order
        // does not change. The conflicts follow the schedule (the file's order), and the people a reason names are
        // listed as the file lists them.
        timings.solve = (clock.now - start).totalSeconds - timings.start
        let analysisStart = clock.now
        let position = Dictionary(
            original.engineers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let conflicts = explainConflicts(
            scenario, availability, schedule, levels: solved.levels, deadline: deadline, baseline: baseline,
            analyse: solved.onCall.model.model.variables.count <= options.conflictAnalysisColumns
                && !options.stopRequested,
            plannedPart: solved.onCall
        ).map { $0.naming(inOrderOf: position) }
        timings.holidayAnalysis = (clock.now - analysisStart).totalSeconds
        return Plan(
            scenario: original, availability: originalAvailability, schedule: schedule,
            levels: solved.levels, size: solved.size, holidayConflicts: conflicts, exportedModels: exported,
            levelOrder: solved.levelOrder, baseline: baseline, timings: timings)
    }

    /// The baseline's covers inside the shifts it freezes (those before `--from`), a cover reaching past them cut at
    /// the first replanned shift's handoff: worked or agreed hours stay as they were.
    static func keptCovers(_ baseline: PlanBaseline, _ scenario: Scenario) -> [Cover] {
        let clocks = scenario.shiftClocks
        return baseline.schedule.covers.compactMap { cover in
            guard let r = scenario.rotationIndex(of: cover.rotation) else { return nil }
            let rotation = scenario.rotations[r]
            guard let open = rotation.period.allShifts.first(where: { !baseline.isFrozen($0) }) else {
                return Cover(
                    rotation: rotation.id, role: cover.role, engineer: cover.engineer, span: cover.span,
                    reason: cover.reason)
            }
            let boundary = clocks[r].handoff(on: open.first)
            guard let span = TimeSpan(start: cover.span.start, end: min(cover.span.end, boundary)) else { return nil }
            return Cover(
                rotation: rotation.id, role: cover.role, engineer: cover.engineer, span: span, reason: cover.reason)
        }
    }

    /// The baseline's shifts numbered as the scenario's (matched by start date); shifts it lacks are left out.
    static func renumbered(_ schedule: Schedule, _ scenario: Scenario) -> Schedule {
        let rotations = scenario.rotations
        let weeks = scenario.shifts.compactMap { shift -> RotationShift? in
            let id = rotations[shift.rotation].id
            guard
                let week = schedule.shifts.first(where: {
                    $0.dates.first == shift.dates.first && (rotations.count == 1 || $0.rotation == id)
                })
            else { return nil }
            return RotationShift(
                rotation: id, number: shift.number, dates: shift.dates, primary: week.primary, backup: week.backup,
                shadow: week.shadow)
        }
        return Schedule(shifts: weeks, ownership: schedule.ownership)
    }

    /// A baseline must hold every frozen shift, with engineers of the scenario.
    static func validate(_ baseline: PlanBaseline, _ scenario: Scenario) throws(PlanningError) {
        let ids = Set(scenario.engineers.map(\.id))
        let rotations = scenario.rotations
        for shift in scenario.shifts where baseline.isFrozen(shift.dates) {
            let rotation = rotations[shift.rotation]
            let label = rotation.label(shift.number, among: rotations.count)
            guard
                let week = baseline.shift(
                    rotation: rotation.id, startingOn: shift.dates, single: rotations.count == 1)
            else {
                throw .invalidBaseline(
                    "\(baseline.source) has no shift starting \(shift.dates.first) (\(label)), which --from keeps as it "
                        + "was; pass the report folder of this scenario's plan, or an earlier --from")
            }
            for role in rotation.roles {
                guard let id = week.engineer(for: role) else {
                    throw .invalidBaseline(
                        "\(baseline.source): \(label) has no \(role.rawValue), which rotation \(rotation.id) has now, so "
                            + "the shift cannot be kept; use an earlier --from")
                }
                guard ids.contains(id) else {
                    throw .invalidBaseline(
                        "\(baseline.source): \(label)'s \(role.rawValue) \"\(id)\" is not an "
                            + "engineer of the scenario, so the shift cannot be kept; use an earlier --from")
                }
            }
        }
    }

    /// Weeks in which fewer engineers are free of leave than the rotation has roles: no primary (and distinct backup)
    /// exist.
    static func weeksWithoutTwoEngineers(
        _ scenario: Scenario, _ availability: TeamAvailability, baseline: PlanBaseline? = nil
    ) -> [String] {
        let rotations = scenario.rotations
        return scenario.shifts.enumerated().compactMap { t, shift in
            let dates = shift.dates
            if baseline?.isFrozen(dates) ?? false { return nil }
            let roster = scenario.engineers.indices.filter { availability.onRoster[$0][shift.rotation] }
            let free = roster.filter { !availability.shifts[$0][t].onLeave }
            let roles = rotations[shift.rotation].roles.count
            guard free.count < roles else { return nil }
            let away = roster.filter { availability.shifts[$0][t].onLeave }.map {
                scenario.engineers[$0].id
            }
            let who = free.isEmpty ? "nobody is" : "only \(scenario.engineers[free[0]].id) is"
            return
                "\(rotations[shift.rotation].label(shift.number, among: rotations.count)) (\(dates)): \(who) free of "
                + "leave, but \(roles == 1 ? "a primary is" : "a primary and a different backup are") needed "
                + "(on leave: \(away.joined(separator: ", "))); move someone's leave out of this week"
        }
    }

    static func decode(_ scenario: Scenario, _ built: RotationModel, _ values: SolveValues) -> Schedule {
        decode(scenario, duty: built, values, ownership: built, values)
    }

    /// The schedule in the solutions of an on-call model (`duty`) and an ownership model (the same model when whole).
    static func decode(
        _ scenario: Scenario, duty built: RotationModel, _ values: SolveValues, ownership owners: RotationModel,
        _ ownerValues: SolveValues
    ) -> Schedule {
        let ids = scenario.engineers.map(\.id)
        let rotations = scenario.rotations
        let weeks = scenario.shifts.enumerated().map { t, shift in
            RotationShift(
                rotation: rotations[shift.rotation].id, number: shift.number, dates: shift.dates,
                primary: ids[built.primary.firstIndex { values.isOne($0[t]) }!],
                backup: rotations[shift.rotation].hasBackup
                    ? ids[built.backup.firstIndex { values.isOne($0[t]) }!] : nil,
                shadow: built.shadow.firstIndex { values.isOne($0[t]) }.map { ids[$0] })
        }
        let covers = built.coverChoices.filter { values.isOne($0.variable) }.flatMap { choice in
            choice.spans.map { span in
                Cover(
                    rotation: rotations[scenario.shifts[choice.slot].rotation].id, role: choice.role,
                    engineer: ids[choice.coverer], span: span, reason: "\(ids[choice.holder])'s leave (covered_leave)")
            }
        }
        guard !owners.primaryOwner.isEmpty else { return Schedule(shifts: weeks, ownership: [], covers: covers) }
        let ownership = scenario.pipelines.enumerated().map { k, pipeline in
            // A role a team holds has no variable set: the team's name is written.
            OwnershipAssignment(
                pipeline: pipeline.id,
                primary: owners.primaryOwner.firstIndex { ownerValues.isOne($0[k]) }.map { ids[$0] }
                    ?? pipeline.primaryOwner?.name ?? "?",
                secondary: owners.secondaryOwner.firstIndex { ownerValues.isOne($0[k]) }.map { ids[$0] }
                    ?? pipeline.secondaryOwner?.name ?? "?")
        }
        return Schedule(shifts: weeks, ownership: ownership, covers: covers)
    }
}

/// Solution values, read as 0/1 for binary variables.
struct SolveValues {
    let values: [Double]
    init(_ values: [Double]) { self.values = values }
    func isOne(_ variable: Variable?) -> Bool { variable.map { values[$0.index] > 0.5 } ?? false }
}
