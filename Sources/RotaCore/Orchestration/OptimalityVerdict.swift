import RotaChecking
import RotaModel
import RotaPlanning

/// How a schedule compares with the best the solver finds for its scenario, level by level.
///
/// Levels are compared lexicographically, as they are optimized: the first level whose values differ by more than
/// the tolerance decides. A schedule worse there is not optimal; one better there beats a re-solve that did not
/// prove optimality (its status says so), and later levels no longer matter.
public struct OptimalityVerdict: Sendable {
    /// One objective level: the schedule's value, the re-solve's value, and how the re-solve ended.
    public struct Level: Sendable {
        public let kind: ObjectiveKind
        public let schedule: Double
        public let best: Double
        public let status: LevelStatus
    }

    public let levels: [Level]
    /// Largest difference at a level that still counts as equal, in the level's unit.
    public let tolerance: Double
    /// The deciding level, when the values differ at some level.
    public let deciding: Level?

    /// Whether the schedule is worse than the best found at the deciding level.
    public var isWorse: Bool { deciding.map { $0.schedule > $0.best } ?? false }

    /// Re-solves `scenario` and compares `schedule` with the result. Without ownership (a lone rotation.csv), the
    /// ownership level is left out.
    public static func judge(
        _ schedule: Schedule, scenario: Scenario, includeOwnership: Bool, tolerance: Double, options: PlanOptions
    ) throws(PlanningError) -> OptimalityVerdict {
        var options = options
        options.conflictsToExplain = 0
        options.exportModelPath = nil
        let plan = try Planner(options: options).plan(scenario)
        let mine = FairnessReport(schedule: schedule, scenario: scenario)
        let levels = plan.levels.filter { includeOwnership || !$0.kind.isOwnership }.map { outcome in
            // Both sides are measured by the evaluator, so they are compared in the same terms.
            Level(
                kind: outcome.kind, schedule: mine.value(of: outcome.kind), best: plan.fairness.value(of: outcome.kind),
                status: outcome.status)
        }
        let deciding = levels.first { abs($0.schedule - $0.best) > tolerance + 1e-9 * max(1, abs($0.best)) }
        return OptimalityVerdict(levels: levels, tolerance: tolerance, deciding: deciding)
    }

    /// The verdict in one sentence.
    public var summary: String {
        guard let level = deciding else {
            let count = levels.count
            return "every objective level (\(count)) equals the best found"
                + (levels.allSatisfy { $0.status == .optimal }
                    ? ", proved optimal" : " (not every level proved optimal)")
        }
        let values =
            "\(TextFormatting.number(level.schedule)) \(level.kind.unit) in the schedule, "
            + "\(TextFormatting.number(level.best)) at best (\(level.status == .optimal ? "proved optimal" : level.status.description))"
        if level.schedule > level.best {
            let earlier = levels.prefix { $0.kind != level.kind }.map(\.kind.rawValue)
            return "worse at level \(level.kind.rawValue) (\(level.kind.title.lowercased())): \(values)"
                + (earlier.isEmpty ? "" : "; equal at \(earlier.joined(separator: ", "))")
                + "; tolerance \(TextFormatting.number(tolerance))"
        }
        return "better than the re-solve at level \(level.kind.rawValue): \(values); the re-solve was stopped early"
    }
}
