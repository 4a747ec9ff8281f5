import Foundation

/// How the paging tools and chat know an engineer (`engineers[].contacts`); every field optional. Each is checked
/// for its shape when read, and no two engineers may share one.
public struct Contacts: Sendable, Equatable {
    /// Each identity a scenario may give, by its field name.
    public enum Field: String, Sendable, CaseIterable {
        case email
        /// A PagerDuty user id: `PEYSGVF`.
        case pagerduty
        /// An Opsgenie username: the user's email address.
        case opsgenie
        /// A GoAlert user id: a UUID.
        case goalert
        /// A Grafana OnCall username.
        case grafana
        /// A Slack handle (`@aidil`) or member id (`U024BE7LH`).
        case slack
        /// A phone number in E.164 form: `+60123456789`.
        case phone

        /// What the value must look like, for messages.
        public var expected: String {
            switch self {
            case .email, .opsgenie: "an email address such as aidil@example.com"
            case .pagerduty: "a PagerDuty user id such as PEYSGVF (P and 6 to 13 capitals or digits)"
            case .goalert: "a GoAlert user id: a UUID such as 8a5e8f52-5d1c-4d2b-9a4e-1f6d2c3b4a5e"
            case .grafana: "a Grafana username (letters, digits, . _ @ -)"
            case .slack: "a Slack handle such as @aidil or a member id such as U024BE7LH"
            case .phone: "a phone number in E.164 form such as +60123456789"
            }
        }

        /// Whether `text` has this field's shape.
        public func accepts(_ text: String) -> Bool {
            let pattern: String
            switch self {
            case .email, .opsgenie: pattern = #"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$"#
            case .pagerduty: pattern = #"^P[A-Z0-9]{6,13}$"#
            case .goalert: pattern = #"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"#
            case .grafana: pattern = #"^[A-Za-z0-9._@-]{1,100}$"#
            case .slack: pattern = #"^(@[a-z0-9._-]{1,80}|[UW][A-Z0-9]{8,})$"#
            case .phone: pattern = #"^\+[1-9][0-9]{6,14}$"#
            }
            return text.range(of: pattern, options: .regularExpression) != nil
        }
    }

    public var values: [Field: String] = [:]

    public init(_ values: [Field: String] = [:]) { self.values = values }

    public subscript(field: Field) -> String? { values[field] }

    public var isEmpty: Bool { values.isEmpty }

    /// Every identity given, in field order: "email ana@example.com · Slack @ana · PagerDuty PEYSGVA".
    public var summary: String {
        Field.allCases.compactMap { field in values[field].map { "\(field.label) \($0)" } }.joined(separator: " · ")
    }
}

extension Contacts.Field {
    /// How reports name the field.
    public var label: String {
        switch self {
        case .email: "email"
        case .pagerduty: "PagerDuty"
        case .opsgenie: "Opsgenie"
        case .goalert: "GoAlert"
        case .grafana: "Grafana"
        case .slack: "Slack"
        case .phone: "phone"
        }
    }
}
