import RotaChecking
import RotaModel
import RotaPlanning

/// Everything `rota check` concluded about one schedule: rule findings, freshness, and (when asked) optimality.
public struct CheckResult: Sendable {
    /// A rule and what the check found about it.
    public struct RuleOutcome: Sendable {
        public let rule: Rule
        public let findings: [RuleViolation]
        /// Why the rule was not judged (not declared, or no ownership.csv); nil when judged.
        public let skipped: String?
    }

    public let scenario: Scenario
    public let file: ScheduleFile
    public let findings: [RuleViolation]
    /// Broken instances of soft rules and preferences: reported, never a failure.
    public let softFindings: [RuleViolation]
    /// Hard-rule findings a `rota cover` or `rota swap` brought and `--force` accepted (manifest.json records them):
    /// listed, not a failure.
    public let acceptedFindings: [RuleViolation]
    public let rules: [RuleOutcome]
    public let freshness: Freshness
    public let optimality: Optimality
    /// The command that regenerates the schedule, for the stale message.
    public let regenerateCommand: String

    /// `--optimality`: not asked, a verdict, or why there is none (the scenario admits no schedule now).
    public enum Optimality: Sendable {
        case notAsked
        case judged(OptimalityVerdict)
        case unavailable(String)
    }

    /// The status `rota check` exits with: stale before violations (regenerating may clear them), then violations.
    public enum Status: String, Sendable {
        case ok
        case violations
        case stale

        public var exitCode: Int32 {
            switch self {
            case .ok: return 0
            case .violations: return 1
            case .stale: return 3
            }
        }
    }

    /// Judges `file` against `scenario` with the independent rule checker. A lone rotation.csv is judged on the
    /// rotation rules only.
    public init(
        scenario: Scenario, file: ScheduleFile, optimality: Optimality = .notAsked, regenerateCommand: String,
        asOf: CalendarDate? = nil
    ) {
        let checker = RuleChecker(scenario: scenario, asOf: asOf)
        let withOwnership = file.ownershipFile != nil
        let coverage =
            file.coverageFile != nil ? checker.checkCoverageRows(file.coverageRows, file.schedule.shifts) : []
        // Without coverage.csv (a hand-made schedule) the covers holiday_handover asks for are implied, not written.
        let judgesHandover = file.coverageFile != nil
        let all =
            (withOwnership
                ? checker.check(file.schedule)
                : checker.checkRotation(file.schedule.shifts, covers: file.schedule.covers)
                    + checker.checkFairness(file.schedule, includeOwnership: false)) + coverage
        let judged = all.filter { judgesHandover || $0.rule != .holidayHandover }
        var accepted = Dictionary(
            (file.manifest?.edits ?? []).flatMap(\.accepted).map { ($0, 1) }, uniquingKeysWith: +)
        var findings: [RuleViolation] = []
        var acceptedFindings: [RuleViolation] = []
        for finding in judged {
            if let count = accepted[finding.description], count > 0 {
                accepted[finding.description] = count - 1
                acceptedFindings.append(finding)
            } else {
                findings.append(finding)
            }
        }
        self.acceptedFindings = acceptedFindings
        self.scenario = scenario
        self.file = file
        self.findings = findings
        self.softFindings = checker.softFindings(file.schedule, includeOwnership: withOwnership)
        self.rules = Rule.allCases.map { rule in
            let skipped: String? =
                !rule.isDeclared(by: scenario)
                ? "not declared by the scenario"
                : (!withOwnership && !rule.isRotationRule)
                    ? "no ownership.csv was given"
                    : (rule == .holidayHandover && !judgesHandover)
                        ? "no coverage.csv was given (the covers it asks for are implied)" : nil
            // A soft rule's broken instances are in `softFindings`, so its outcome passes.
            return RuleOutcome(rule: rule, findings: findings.filter { $0.rule == rule }, skipped: skipped)
        }
        self.freshness = Freshness(recorded: file.manifest, manifestFile: file.manifestFile, scenario: scenario)
        self.optimality = optimality
        self.regenerateCommand = regenerateCommand
    }

    public var status: Status {
        if freshness.isStale { return .stale }
        if !findings.isEmpty { return .violations }
        if case .judged(let verdict) = optimality, verdict.isWorse { return .violations }
        if case .unavailable = optimality { return .violations }
        return .ok
    }
}
