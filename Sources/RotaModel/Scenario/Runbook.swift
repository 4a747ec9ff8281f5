/// What a pipeline's runbook says (`runbook:` under a pipeline). Every section is optional: a missing one is filled
/// with Rota's default for the pipeline's business area (``RunbookDefaults``) and marked as a default to review.
public struct Runbook: Sendable, Equatable {
    /// A data source and who owns it.
    public struct Source: Sendable, Equatable {
        public var name: String
        public var owner: String?
        public init(name: String, owner: String? = nil) {
            self.name = name
            self.owner = owner
        }
    }

    /// A monitoring alert: what fires, at which threshold.
    public struct Alert: Sendable, Equatable {
        public var condition: String
        public var threshold: String
        public init(condition: String, threshold: String) {
            self.condition = condition
            self.threshold = threshold
        }
    }

    /// A common failure with its symptoms and numbered diagnosis and recovery steps (a seed may name a failure
    /// and what it does only: the runbook then asks for the steps).
    public struct Failure: Sendable, Equatable {
        public var name: String
        public var symptoms: String?
        public var diagnosis: [String]
        public var recovery: [String]
        public init(name: String, symptoms: String?, diagnosis: [String], recovery: [String]) {
            self.name = name
            self.symptoms = symptoms
            self.diagnosis = diagnosis
            self.recovery = recovery
        }
    }

    public var purpose: String?
    public var audience: String?
    public var sources: [Source]?
    public var outputs: [String]?
    /// How the data is cleaned, joined and aggregated, step by step (seed 000's "data transformations").
    public var transformations: [String]?
    /// Checks of completeness, accuracy, consistency and outliers (seed 000's "data validation").
    public var validation: [String]?
    /// Tools and dashboards that watch the runs and the data (seed 000's "monitoring").
    public var monitoring: [String]?
    /// Where the pipeline's logic, dependencies and troubleshooting are written down (seed 000's "documentation").
    public var documentation: [String]?
    /// When the run must be complete, in words ("by 09:00 the next working day").
    public var schedule: String?
    public var alerts: [Alert]?
    public var failures: [Failure]?
    /// Hours after which to escalate to the next person (default 2).
    public var escalateAfterHours: Double?
    /// A team outside the rota at the end of the escalation chain.
    public var outsideTeam: String?
    /// Sections that must be written in the scenario: `rota check` fails while one is a default.
    public var required: [RunbookSection]

    public init(
        purpose: String? = nil, audience: String? = nil, sources: [Source]? = nil, outputs: [String]? = nil,
        schedule: String? = nil, alerts: [Alert]? = nil, failures: [Failure]? = nil, escalateAfterHours: Double? = nil,
        outsideTeam: String? = nil, required: [RunbookSection] = []
    ) {
        self.purpose = purpose
        self.audience = audience
        self.sources = sources
        self.outputs = outputs
        self.schedule = schedule
        self.alerts = alerts
        self.failures = failures
        self.escalateAfterHours = escalateAfterHours
        self.outsideTeam = outsideTeam
        self.required = required
    }

    /// The sections the scenario writes (the others are defaults).
    public var written: Set<RunbookSection> {
        var sections = Set<RunbookSection>()
        if purpose != nil || audience != nil { sections.insert(.purpose) }
        if sources != nil || outputs != nil { sections.insert(.sources) }
        if transformations != nil { sections.insert(.transformations) }
        if validation != nil { sections.insert(.validation) }
        if monitoring != nil { sections.insert(.monitoring) }
        if documentation != nil { sections.insert(.documentation) }
        if schedule != nil { sections.insert(.schedule) }
        if alerts != nil { sections.insert(.alerts) }
        if failures != nil { sections.insert(.failures) }
        if escalateAfterHours != nil || outsideTeam != nil { sections.insert(.escalation) }
        return sections
    }
}

/// A section of a runbook, as named in `runbook.required` and in `rota check`'s findings.
public enum RunbookSection: String, Sendable, CaseIterable, Hashable {
    case purpose
    case sources
    case transformations
    case validation
    case schedule
    case alerts
    case monitoring
    case failures
    case escalation
    case documentation
}
