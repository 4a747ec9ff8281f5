/// An engineer's `can:` and `from:`: the duty roles they may hold, and from when.
extension ScenarioDecoder {
    /// `can:` is a list of roles (`[backup]`: never primary) or a mapping role → first day (`{backup: 2027-01-04,
    /// primary: 2027-03-01}`); a role it leaves out may never be held. `from:` is the first day of any duty.
    func eligibility(can: YAMLValue?, from: YAMLValue?, period: PlanningPeriod) throws(ScenarioError) -> Eligibility {
        var eligibility = Eligibility.unrestricted
        if let can {
            var starts: [DutyRole: RoleStart] = [:]
            if can.isMapping {
                for (key, dateValue) in try can.pairs() {
                    guard let role = DutyRole(rawValue: key) else {
                        let names = DutyRole.allCases.map(\.rawValue)
                        throw .invalidValue(
                            dateValue.location, field: "\(can.path).\(key)", value: TextSafety.quoted(key),
                            expected: "a duty role (\(names.joined(separator: ", ")))",
                            hint: Suggestions.didYouMean(key, names))
                    }
                    starts[role] = .from(try dateValue.date())
                }
            } else {
                for entry in try can.list() {
                    starts[try entry.oneOf(DutyRole.self, kind: "a duty role")] = .always
                }
            }
            guard !starts.isEmpty else {
                throw .invalidValue(
                    can.location, field: can.path, value: "[]", expected: "at least one duty role",
                    hint: "list the roles they may hold, or take them off the roster (a rotation's `roster:`)")
            }
            for role in DutyRole.allCases { eligibility[role] = starts[role] ?? .never }
        }
        if let from {
            let day = try from.date()
            for role in DutyRole.allCases { eligibility[role] = eligibility[role].later(.from(day)) }
            if day > period.dates.last {
                log.notices.append(
                    "\(from.location): \(from.path): \(day) is after the period ends (\(period.dates.last)): "
                        + "this engineer gets no duty in it")
            }
        }
        return eligibility
    }
}
