/// `engineers[].contacts` and `pager:`: identities in the paging tools, and the schedules duty is exported to.
/// Messages name the field, never the value: an identity, or a token pasted by mistake, is not echoed.
extension ScenarioDecoder {
    /// One engineer's `contacts:`, each field checked for its shape; with where each was written.
    func contacts(_ value: YAMLValue) throws(ScenarioError) -> (Contacts, [(Contacts.Field, YAMLValue)]) {
        let fields = try value.mapping(allowed: Contacts.Field.allCases.map(\.rawValue)) { log.problems.append($0) }
        var contacts = Contacts()
        var written: [(Contacts.Field, YAMLValue)] = []
        for field in Contacts.Field.allCases {
            guard let entry = fields[field.rawValue] else { continue }
            let text = try entry.nonEmptyString()
            guard field.accepts(text) else {
                throw .invalidValue(
                    entry.location, field: entry.path, value: "a value (not shown)", expected: field.expected,
                    hint: nil)
            }
            contacts.values[field] = text
            written.append((field, entry))
        }
        return (contacts, written)
    }

    /// No two engineers share an identity (case-insensitive for emails and Slack handles).
    func requireDistinct(_ written: [(engineer: String, field: Contacts.Field, value: YAMLValue)])
        throws(ScenarioError)
    {
        var first: [String: YAMLValue] = [:]
        for (_, field, value) in written {
            guard let text = try? value.nonEmptyString() else { continue }
            let key = "\(field.rawValue)/\(text.lowercased())"
            if let earlier = first[key] {
                throw .invalidValue(
                    value.location, field: value.path, value: "a value (not shown)",
                    expected: "an identity of this engineer alone",
                    hint: "the same as \(earlier.path) (\(earlier.location)); each person has their own")
            }
            first[key] = value
        }
    }

    /// `pager: {pagerduty: {primary: PXXXXXX, backup: PYYYYYY}}`: per tool, the schedule each role is exported to.
    func pager(_ value: YAMLValue) throws(ScenarioError) -> PagerTargets {
        let tools = try value.mapping(allowed: PagerTargets.Tool.allCases.map(\.rawValue))
        var targets = PagerTargets()
        for tool in PagerTargets.Tool.allCases {
            guard let entry = tools[tool.rawValue] else { continue }
            let roles = try entry.mapping(allowed: DutyRole.allCases.map(\.rawValue))
            var schedules: [DutyRole: String] = [:]
            for role in DutyRole.allCases {
                guard let idValue = roles[role.rawValue] else { continue }
                let id = try idValue.nonEmptyString()
                guard PagerTargets.accepts(id, for: tool) else {
                    throw .invalidValue(
                        idValue.location, field: idValue.path, value: "a value (not shown)",
                        expected: PagerTargets.expected(tool), hint: nil)
                }
                schedules[role] = id
            }
            if schedules.isEmpty {
                throw .missingField(
                    entry.location, field: "\(entry.path).primary",
                    hint: "the \(tool.rawValue) schedule id of the primary role, and of backup if it has one")
            }
            targets.schedules[tool] = schedules
        }
        return targets
    }
}
