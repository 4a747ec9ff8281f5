import Foundation

/// Where a rotation's duty goes in each paging tool (`rotations[].pager`, or `pager:` for a scenario's one unnamed
/// rotation): the schedule to override per role.
public struct PagerTargets: Sendable, Equatable {
    /// A paging tool Rota exports to.
    public enum Tool: String, Sendable, CaseIterable {
        case pagerduty
        case opsgenie
        case goalert
        /// Grafana OnCall (Cloud IRM): an iCalendar it imports; the "schedule" names the calendar.
        case grafanaOncall = "grafana-oncall"

        /// The tool's name in messages.
        public var displayName: String {
            switch self {
            case .pagerduty: "PagerDuty"
            case .opsgenie: "Opsgenie"
            case .goalert: "GoAlert"
            case .grafanaOncall: "Grafana OnCall"
            }
        }
    }

    /// Schedule ids by tool and role.
    public var schedules: [Tool: [DutyRole: String]] = [:]

    public init(_ schedules: [Tool: [DutyRole: String]] = [:]) { self.schedules = schedules }

    /// What a schedule id of `tool` looks like, for messages, and whether `text` has that shape.
    public static func expected(_ tool: Tool) -> String {
        switch tool {
        case .pagerduty: "a PagerDuty schedule id such as PI7DH85 (P and 6 to 13 capitals or digits)"
        case .opsgenie: "an Opsgenie schedule id (a UUID) or name (letters, digits, spaces, . _ -; at most 100)"
        case .goalert: "a GoAlert schedule id: a UUID"
        case .grafanaOncall: "a name for the calendar Grafana OnCall imports (letters, digits, spaces, . _ -)"
        }
    }

    public static func accepts(_ text: String, for tool: Tool) -> Bool {
        switch tool {
        case .pagerduty: text.range(of: #"^P[A-Z0-9]{6,13}$"#, options: .regularExpression) != nil
        case .opsgenie, .grafanaOncall:
            text.range(of: #"^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$"#, options: .regularExpression) != nil
        case .goalert: Contacts.Field.goalert.accepts(text)
        }
    }
}
