/// What the solve said about a plan, kept in manifest.json so a report edited later (a cover, a swap) still says
/// how the schedule was planned, without solving again.
public struct PlanRecord: Sendable, Equatable, Codable {
    /// One objective level as the solve left it.
    public struct Level: Sendable, Equatable, Codable {
        /// The level's name (`primary_balance`, `soft_min_gap_weeks`).
        public let name: String
        /// Its value in the planned schedule.
        public let value: Double
        /// How its solve ended ("optimal", "feasible, not proved optimal (time limit reached)", "not solved").
        public let status: String

        public init(name: String, value: Double, status: String) {
            self.name = name
            self.value = value
            self.status = status
        }
    }

    /// Why one duty over a holiday was kept, as report.md says it.
    public struct HolidayReason: Sendable, Equatable, Codable {
        public let rotation: String
        public let shift: Int
        public let role: DutyRole
        public let engineer: String
        public let reason: String

        public init(rotation: String, shift: Int, role: DutyRole, engineer: String, reason: String) {
            self.rotation = rotation
            self.shift = shift
            self.role = role
            self.engineer = engineer
            self.reason = reason
        }
    }

    /// The solver ("GLPK 5.0").
    public let solver: String
    /// Whether every level was solved and proved optimal.
    public let provedOptimal: Bool
    /// report.md's status sentence ("every objective level proved optimal.").
    public let status: String
    public let levels: [Level]
    public let holidayReasons: [HolidayReason]

    public init(solver: String, provedOptimal: Bool, status: String, levels: [Level], holidayReasons: [HolidayReason]) {
        self.solver = solver
        self.provedOptimal = provedOptimal
        self.status = status
        self.levels = levels
        self.holidayReasons = holidayReasons
    }
}

/// A change made to a planned schedule by `rota cover` or `rota swap`, as manifest.json records it.
public struct EditRecord: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case cover, swap
    }

    public let kind: Kind
    /// What was done, in words: "chen covers ana as primary from 2027-04-07T01:00:00Z to …: sick".
    public let summary: String
    /// What it changed in fairness: "ana: primary weeks 3 → 2".
    public let fairness: [String]
    /// Hard-rule findings the edit brought and `--force` accepted (`rule: message`), which `rota check` lists as
    /// accepted exceptions rather than failing on them.
    public let accepted: [String]

    public init(kind: Kind, summary: String, fairness: [String], accepted: [String]) {
        self.kind = kind
        self.summary = summary
        self.fairness = fairness
        self.accepted = accepted
    }
}

extension DutyRole: Codable {}
