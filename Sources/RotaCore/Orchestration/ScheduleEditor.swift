import Foundation
import RotaChecking
import RotaModel
import RotaPlanning

/// A change to a committed schedule without planning again: a swap of duties or a cover for some hours.
public enum ScheduleEdit: Sendable {
    /// Two engineers exchange their duties in one shift, or one's duty in `shift` for the other's in `withShift`.
    /// Where only one of them is on duty, the other takes it over.
    case swap(first: String, second: String, shift: Int, withShift: Int?, rotation: String?, role: DutyRole?)
    /// `engineer` covers whoever holds `role` from `from` to `to` (RFC 3339 instants with an offset).
    case cover(engineer: String, from: String, to: String, role: DutyRole, rotation: String?, reason: String)
}

/// Why an edit was not made: bad input (exit 2) or hard rules it would break (exit 1 unless `--force`).
public enum ScheduleEditError: Error, CustomStringConvertible {
    /// A value of the command line that cannot be used: its option, what is wrong, and a hint.
    case invalid(option: String, problem: String, hint: String?)
    /// The report folder cannot be edited (no manifest with a record of its plan).
    case notEditable(folder: String, problem: String)
    /// The edit would break hard rules the schedule kept: the new findings.
    case refused([RuleViolation])

    public var description: String {
        switch self {
        case .invalid(let option, let problem, let hint):
            return "\(option): \(problem)" + (hint.map { "\n  hint: \($0)" } ?? "")
        case .notEditable(let folder, let problem):
            return "\(folder): \(problem)\n  hint: plan it with `rota plan` first; edits are made on a report folder"
        case .refused(let findings):
            return "refused: the change breaks \(findings.count == 1 ? "a hard rule" : "hard rules"):\n"
                + findings.map { "  \($0)" }.joined(separator: "\n")
                + "\n  hint: --force makes it anyway and records the findings as accepted exceptions"
        }
    }
}

/// The edited schedule, ready to write, and what the edit changed.
public struct ScheduleEditOutcome: Sendable {
    /// The plan to render: the edited schedule with the folder's manifest and this edit recorded.
    public let plan: Plan
    /// The edit in words.
    public let summary: String
    /// What it changed per engineer: "ana: primary weeks 3 → 2".
    public let fairness: [String]
    /// Findings the edit brought that `--force` accepted.
    public let accepted: [RuleViolation]
    /// Every file of the report folder, rendered from ``plan``.
    public var files: [(name: String, contents: String)] { ReportSet.render(plan) }
}

public enum ScheduleEditor {
    /// Applies `edit` to the schedule of the report folder read as `file`, judged by the rule checker.
    public static func apply(
        _ edit: ScheduleEdit, scenario: Scenario, file: ScheduleFile, force: Bool
    ) throws(ScheduleEditError) -> ScheduleEditOutcome {
        guard var manifest = file.manifest, manifest.plan != nil else {
            throw .notEditable(
                folder: file.manifestFile,
                problem: file.manifest == nil
                    ? "no manifest.json: not a report folder written by `rota plan`"
                    : "the manifest holds no record of the plan (written by an older Rota)")
        }
        let before = file.schedule
        var after = before
        let summary: String
        let kind: EditRecord.Kind
        switch edit {
        case .swap(let first, let second, let shift, let withShift, let rotation, let role):
            let r = try rotationIndex(rotation, scenario)
            try requireEngineer(first, option: "ENGINEER_A", scenario)
            try requireEngineer(second, option: "ENGINEER_B", scenario)
            guard first != second else {
                throw .invalid(option: "ENGINEER_B", problem: "\(first) twice; a swap needs two people", hint: nil)
            }
            summary = try swap(
                &after, first, second, shift: shift, withShift: withShift, rotation: r, role: role, scenario)
            kind = .swap
        case .cover(let engineer, let from, let to, let role, let rotation, let reason):
            let r = try rotationIndex(rotation, scenario)
            try requireEngineer(engineer, option: "--engineer", scenario)
            let zone = TimeZone(identifier: scenario.engineer(engineer)?.timeZone ?? "UTC")
            let start = try instant(from, option: "--from", zone: zone, engineer: engineer)
            let end = try instant(to, option: "--to", zone: zone, engineer: engineer)
            guard let span = TimeSpan(start: start, end: end) else {
                throw .invalid(option: "--to", problem: "\(to) is not after --from \(from)", hint: nil)
            }
            if let control = TextSafety.firstControl(in: reason, allowingLineBreaks: false) {
                throw .invalid(
                    option: "--reason",
                    problem: "holds a control character (\(TextSafety.neutralised(String(control)))): one line of text",
                    hint: nil)
            }
            guard reason.utf8.count <= 200 else {
                throw .invalid(
                    option: "--reason", problem: "longer than 200 bytes", hint: "a few words: \"sick\", \"flight\"")
            }
            let cover = Cover(
                rotation: scenario.rotations[r].id, role: role, engineer: engineer, span: span,
                reason: reason.trimmingCharacters(in: .whitespaces))
            summary = try addCover(&after, cover, rotation: r, scenario)
            kind = .cover
        }
        let checker = RuleChecker(scenario: scenario)
        let brought = newFindings(before: checker.check(before), after: checker.check(after))
        if !brought.isEmpty && !force { throw .refused(brought) }
        let fairness = fairnessChanges(before: before, after: after, scenario: scenario)
        manifest.edits =
            (manifest.edits ?? []) + [
                EditRecord(kind: kind, summary: summary, fairness: fairness, accepted: brought.map(\.description))
            ]
        return ScheduleEditOutcome(
            plan: Plan(edited: after, scenario: scenario, recorded: manifest), summary: summary, fairness: fairness,
            accepted: brought)
    }

    /// The rotation `--rotation` names, or the scenario's only one.
    static func rotationIndex(_ id: String?, _ scenario: Scenario) throws(ScheduleEditError) -> Int {
        let ids = scenario.rotations.map(\.id)
        guard let id else {
            guard ids.count == 1 else {
                throw .invalid(
                    option: "--rotation", problem: "the scenario has \(ids.count) rotations; name one",
                    hint: "rotations: \(ids.joined(separator: ", "))")
            }
            return 0
        }
        guard let r = scenario.rotationIndex(of: id) else {
            throw .invalid(
                option: "--rotation", problem: "no rotation \(TextSafety.quoted(id))",
                hint: Suggestions.didYouMean(id, ids) ?? "rotations: \(ids.joined(separator: ", "))")
        }
        return r
    }

    static func requireEngineer(_ id: String, option: String, _ scenario: Scenario) throws(ScheduleEditError) {
        let ids = scenario.engineers.map(\.id)
        guard ids.contains(id) else {
            throw .invalid(
                option: option, problem: "\(TextSafety.quoted(id)) is not an engineer of the scenario",
                hint: Suggestions.didYouMean(id, ids) ?? "engineers: \(ids.joined(separator: ", "))")
        }
    }

    /// An instant of the command line; it must say its offset (the hint shows it in the engineer's zone).
    static func instant(_ text: String, option: String, zone: TimeZone?, engineer: String) throws(ScheduleEditError)
        -> Instant
    {
        switch Instant.parse(text) {
        case .success(let instant): return instant
        case .failure(.missingOffset):
            let example = zone.flatMap { zone in
                try? Instant.parse(text, localZone: zone).get().local(in: zone)
            }
            throw .invalid(
                option: option, problem: "\(TextSafety.quoted(text)) has no offset, so the instant is unknown",
                hint: "add Z for UTC or the offset"
                    + (example.map { ", e.g. \($0) (\(engineer)'s time zone, \(zone?.identifier ?? "UTC"))" } ?? ""))
        case .failure(.malformed):
            throw .invalid(
                option: option, problem: "expected an RFC 3339 instant, found \(TextSafety.quoted(text))",
                hint: "e.g. 2027-04-07T09:00+08:00 or 2027-04-07T01:00:00Z")
        }
    }

    /// Exchanges duties; returns the edit in words.
    static func swap(
        _ schedule: inout Schedule, _ a: String, _ b: String, shift: Int, withShift: Int?, rotation r: Int,
        role: DutyRole?, _ scenario: Scenario
    ) throws(ScheduleEditError) -> String {
        let rotation = scenario.rotations[r]
        func index(_ number: Int, option: String) throws(ScheduleEditError) -> Int {
            guard
                let found = schedule.shifts.firstIndex(where: {
                    scenario.rotationIndex(of: $0.rotation) == r && $0.number == number
                })
            else {
                throw .invalid(
                    option: option,
                    problem: "\(rotation.label(number, among: scenario.rotations.count)) is not in the schedule",
                    hint: "the rotation has \(rotation.period.shiftWord)s 1–\(rotation.period.shiftCount)")
            }
            return found
        }
        func roles(of id: String, in shift: RotationShift) -> [DutyRole] {
            DutyRole.allCases.filter { shift.engineer(for: $0) == id && (role == nil || role == $0) }
        }
        func label(_ number: Int) -> String { rotation.label(number, among: scenario.rotations.count) }
        func holders(_ shift: RotationShift) -> String {
            "primary \(shift.primary)" + (shift.backup.map { ", backup \($0)" } ?? "")
        }
        let n = try index(shift, option: "--shift")
        let old = schedule.shifts[n]
        if let withShift {
            let m = try index(withShift, option: "--with-shift")
            guard m != n else {
                throw .invalid(option: "--with-shift", problem: "the same shift as --shift", hint: nil)
            }
            let other = schedule.shifts[m]
            guard let roleA = roles(of: a, in: old).first else {
                throw .invalid(
                    option: "--shift",
                    problem: "\(a) has no \(role?.rawValue ?? "duty") in \(label(shift)) (\(holders(old)))",
                    hint: nil)
            }
            guard let roleB = roles(of: b, in: other).first else {
                throw .invalid(
                    option: "--with-shift",
                    problem: "\(b) has no \(role?.rawValue ?? "duty") in \(label(withShift)) (\(holders(other)))",
                    hint: nil)
            }
            schedule.shifts[n] = replacing(old, roleA, with: b)
            schedule.shifts[m] = replacing(other, roleB, with: a)
            return "\(a) and \(b) swap: \(b) takes \(a)'s \(roleA.rawValue) duty in \(label(shift)), \(a) takes "
                + "\(b)'s \(roleB.rawValue) duty in \(label(withShift))."
        }
        let rolesA = roles(of: a, in: old)
        let rolesB = roles(of: b, in: old)
        switch (rolesA.first, rolesB.first) {
        case (let x?, let y?):
            var shift = replacing(old, x, with: b)
            shift = replacing(shift, y, with: a)
            schedule.shifts[n] = shift
            return "\(a) and \(b) swap roles in \(label(old.number)): \(b) is \(x.rawValue), \(a) is \(y.rawValue)."
        case (let x?, nil):
            schedule.shifts[n] = replacing(old, x, with: b)
            return "\(b) takes \(a)'s \(x.rawValue) duty in \(label(old.number))."
        case (nil, let y?):
            schedule.shifts[n] = replacing(old, y, with: a)
            return "\(a) takes \(b)'s \(y.rawValue) duty in \(label(old.number))."
        case (nil, nil):
            throw .invalid(
                option: "--shift",
                problem: "neither \(a) nor \(b) has \(role.map { "the \($0.rawValue) duty" } ?? "duty") in "
                    + "\(label(old.number)) (\(holders(old)))",
                hint: "--with-shift M exchanges duties across two shifts")
        }
    }

    static func replacing(_ shift: RotationShift, _ role: DutyRole, with id: String) -> RotationShift {
        RotationShift(
            rotation: shift.rotation, number: shift.number, dates: shift.dates,
            primary: role == .primary ? id : shift.primary, backup: role == .backup ? id : shift.backup,
            shadow: shift.shadow)
    }

    /// Adds a cover inside the rotation's shifts, apart from the covers of its role; returns it in words.
    static func addCover(_ schedule: inout Schedule, _ cover: Cover, rotation r: Int, _ scenario: Scenario)
        throws(ScheduleEditError) -> String
    {
        let rotation = scenario.rotations[r]
        guard rotation.roles.contains(cover.role) else {
            throw .invalid(
                option: "--role",
                problem: "\(rotation.id.isEmpty ? "the rotation" : "rotation \(rotation.id)") has no "
                    + "\(cover.role.rawValue) (roles: \(rotation.roles.map(\.rawValue).joined(separator: ", ")))",
                hint: "cover the primary: --role primary")
        }
        let clock = ShiftClock(rotation: rotation, scenario: scenario)
        let whole = clock.span(of: rotation.period.dates)
        guard whole.start <= cover.span.start, cover.span.end <= whole.end else {
            throw .invalid(
                option: cover.span.start < whole.start || cover.span.start >= whole.end ? "--from" : "--to",
                problem: "the cover (\(cover.span.start) to \(cover.span.end)) lies outside the period: "
                    + "\(rotation.id.isEmpty ? "the rotation" : "rotation \(rotation.id)") runs from \(whole.start) to \(whole.end)",
                hint: nil)
        }
        if let clash = schedule.covers.first(where: {
            scenario.rotationIndex(of: $0.rotation) == r && $0.role == cover.role && $0.span.overlaps(cover.span)
        }) {
            throw .invalid(
                option: "--from",
                problem:
                    "overlaps the cover by \(clash.engineer) (\(cover.role.rawValue), \(clash.span.start) to \(clash.span.end))",
                hint: "one cover per role at a time: cover the hours around it")
        }
        let covered = schedule.shifts.filter {
            scenario.rotationIndex(of: $0.rotation) == r && clock.span(of: $0.dates).overlaps(cover.span)
        }
        let rotationOrder = Dictionary(
            scenario.rotations.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        schedule.covers.append(cover)
        schedule.covers.sort {
            let (x, y) = (rotationOrder[$0.rotation] ?? 0, rotationOrder[$1.rotation] ?? 0)
            if x != y { return x < y }
            if $0.span.start != $1.span.start { return $0.span.start < $1.span.start }
            return $0.role == .primary && $1.role == .backup
        }
        let hours = Double(cover.span.seconds) / 3600
        let instead = covered.compactMap { $0.engineer(for: cover.role) }.reduce(into: [String]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        return "\(cover.engineer) covers \(instead.joined(separator: " and ")) as \(cover.role.rawValue)"
            + (rotation.id.isEmpty ? "" : " of \(rotation.id)")
            + " from \(cover.span.start.local(in: clock.zone)) to \(cover.span.end.local(in: clock.zone)) "
            + "(\(TextFormatting.number(hours)) h)" + (cover.reason.isEmpty ? "." : ": \(cover.reason).")
    }

    /// Findings in `after` beyond those in `before` (as many of each as were there stay old).
    static func newFindings(before: [RuleViolation], after: [RuleViolation]) -> [RuleViolation] {
        var old = Dictionary(before.map { ($0.description, 1) }, uniquingKeysWith: +)
        return after.filter { finding in
            if let count = old[finding.description], count > 0 {
                old[finding.description] = count - 1
                return false
            }
            return true
        }
    }

    /// Each engineer's changed figures: "ana: primary weeks 3 → 2, holiday burden 4 → 2".
    static func fairnessChanges(before: Schedule, after: Schedule, scenario: Scenario) -> [String] {
        let old = FairnessReport(schedule: before, scenario: scenario)
        let new = FairnessReport(schedule: after, scenario: scenario)
        var lines: [String] = []
        for (a, b) in zip(old.engineers, new.engineers) {
            var parts: [String] = []
            if a.primaryWeeks != b.primaryWeeks { parts.append("primary weeks \(a.primaryWeeks) → \(b.primaryWeeks)") }
            if a.backupWeeks != b.backupWeeks { parts.append("backup weeks \(a.backupWeeks) → \(b.backupWeeks)") }
            if a.holidayBurden != b.holidayBurden {
                parts.append("holiday burden \(a.holidayBurden) → \(b.holidayBurden)")
            }
            let hours = coverHours(b.engineer.id, after) - coverHours(b.engineer.id, before)
            if hours != 0 { parts.append("\(hours > 0 ? "+" : "")\(TextFormatting.number(hours)) h covering others") }
            if !parts.isEmpty { lines.append("\(b.engineer.id): " + parts.joined(separator: ", ")) }
        }
        return lines
    }

    static func coverHours(_ id: String, _ schedule: Schedule) -> Double {
        Double(schedule.covers.filter { $0.engineer == id }.reduce(0) { $0 + $1.span.seconds }) / 3600
    }
}
