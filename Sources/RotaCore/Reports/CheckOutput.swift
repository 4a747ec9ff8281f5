import Foundation
import RotaChecking
import RotaModel
import RotaPlanning

/// The formats `rota check` prints a ``CheckResult`` in.
public enum CheckOutput {
    // MARK: Text

    /// One finding per line, `file:line: rule: message` where the row is known, then the stale and optimality
    /// verdicts, then a closing line.
    public static func text(_ result: CheckResult) -> String {
        var lines = result.findings.map { finding in
            (result.file.location(of: finding).map { "\($0): " } ?? "") + "\(finding.rule.rawValue): \(finding.message)"
        }
        lines += result.softFindings.map { finding in
            (result.file.location(of: finding).map { "\($0): " } ?? "")
                + "soft \(finding.rule.rawValue) (not a failure): \(finding.message)"
        }
        lines += result.acceptedFindings.map { finding in
            (result.file.location(of: finding).map { "\($0): " } ?? "")
                + "accepted \(finding.rule.rawValue) (an exception made with --force, not a failure): \(finding.message)"
        }
        if case .stale(let manifest, let changes) = result.freshness {
            lines.append("\(manifest): stale: \(changes.joined(separator: "; "))")
            lines.append("  hint: regenerate with `\(result.regenerateCommand)` and commit the report")
        }
        switch result.optimality {
        case .notAsked: break
        case .judged(let verdict): lines.append("optimality: \(verdict.summary)")
        case .unavailable(let reason): lines.append("optimality: not judged: \(reason)")
        }
        lines.append(closingLine(result))
        return lines.joined(separator: "\n")
    }

    /// "ok: …" with what was judged, or the number of findings.
    static func closingLine(_ result: CheckResult) -> String {
        let file = result.file
        let count = result.findings.count
        switch result.status {
        case .stale:
            return "stale: \(file.rotationFile) no longer matches its inputs"
                + (count > 0 ? " (\(count) finding\(count == 1 ? "" : "s") above)" : "")
        case .violations:
            return count == 0 ? "not optimal" : "\(count) finding\(count == 1 ? "" : "s")"
        case .ok:
            // Shifts, not weeks: two rotations of 13 weekly shifts are 26 rows but still 13 weeks.
            let shifts = file.schedule.shifts.count
            let rotations = Set(file.schedule.shifts.map(\.rotation)).count
            let extent =
                "\(shifts) shift\(shifts == 1 ? "" : "s")" + (rotations > 1 ? " in \(rotations) rotations" : "")
            var text: String
            if let ownership = file.ownershipFile {
                text =
                    "ok: \(file.rotationFile) and \(ownership) satisfy every hard rule of \(result.scenario.name) "
                    + "(\(extent), \(file.schedule.ownership.count) pipelines)"
            } else {
                text =
                    "ok: \(file.rotationFile) satisfies every rotation rule of \(result.scenario.name) (\(extent))"
            }
            let bounds = result.scenario.rules.fairness.declared
            if !bounds.isEmpty { text += "; within rules.fairness (\(bounds.joined(separator: ", ")))" }
            if case .fresh = result.freshness { text += "; inputs unchanged since planned" }
            return text
        }
    }

    // MARK: JSON

    struct Report: Encodable {
        struct Finding: Encodable {
            let rule: String
            let message: String
            let file: String?
            let line: Int?
            /// The rotation's id; nil for a one-rotation scenario's rows.
            let rotation: String?
            let week: Int?
            let pipeline: String?
            let engineer: String?
        }
        struct Rule: Encodable {
            let rule: String
            let status: String
            let reason: String?
        }
        struct Freshness: Encodable {
            let status: String
            let manifest: String
            let changes: [String]
            let regenerate: String?
        }
        struct Level: Encodable {
            let level: String
            let schedule: Double
            let best: Double
            let solverStatus: String

            enum CodingKeys: String, CodingKey {
                case level, schedule, best
                case solverStatus = "solver_status"
            }
        }
        struct Optimality: Encodable {
            let status: String
            let summary: String
            let tolerance: Double?
            let levels: [Level]
        }
        let scenario: String
        let status: String
        let findings: [Finding]
        let softFindings: [Finding]
        let acceptedFindings: [Finding]
        let rules: [Rule]
        let freshness: Freshness
        let optimality: Optimality?

        enum CodingKeys: String, CodingKey {
            case scenario, status, findings, rules, freshness, optimality
            case softFindings = "soft_findings"
            case acceptedFindings = "accepted_findings"
        }
    }

    /// The whole result as one JSON object (sorted keys), for tools.
    public static func json(_ result: CheckResult) -> String {
        let freshness: Report.Freshness
        switch result.freshness {
        case .fresh(let manifest):
            freshness = .init(status: "fresh", manifest: manifest, changes: [], regenerate: nil)
        case .stale(let manifest, let changes):
            freshness = .init(
                status: "stale", manifest: manifest, changes: changes, regenerate: result.regenerateCommand)
        case .unrecorded(let manifest):
            freshness = .init(status: "unrecorded", manifest: manifest, changes: [], regenerate: nil)
        }
        var optimality: Report.Optimality?
        switch result.optimality {
        case .notAsked: break
        case .judged(let verdict):
            optimality = .init(
                status: verdict.isWorse ? "worse" : "ok", summary: verdict.summary, tolerance: verdict.tolerance,
                levels: verdict.levels.map {
                    .init(level: $0.kind.rawValue, schedule: $0.schedule, best: $0.best, solverStatus: "\($0.status)")
                })
        case .unavailable(let reason):
            optimality = .init(status: "unavailable", summary: reason, tolerance: nil, levels: [])
        }
        func encoded(_ finding: RuleViolation) -> Report.Finding {
            let location = result.file.location(of: finding)
            return Report.Finding(
                rule: finding.rule.rawValue, message: finding.message, file: location?.file, line: location?.line,
                rotation: finding.rotation.isEmpty ? nil : finding.rotation, week: finding.week,
                pipeline: finding.pipeline, engineer: finding.engineer)
        }
        let report = Report(
            scenario: result.scenario.name, status: result.status.rawValue,
            findings: result.findings.map(encoded), softFindings: result.softFindings.map(encoded),
            acceptedFindings: result.acceptedFindings.map(encoded),
            rules: result.rules.map {
                Report.Rule(
                    rule: $0.rule.rawValue,
                    status: $0.skipped != nil ? "skipped" : $0.findings.isEmpty ? "passed" : "failed",
                    reason: $0.skipped)
            },
            freshness: freshness, optimality: optimality)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(report), as: UTF8.self)
    }

    // MARK: JUnit XML

    /// JUnit XML: one test suite for the scenario, one test case per rule (skipped when not judged), one for
    /// freshness and, with --optimality, one for optimality. CI systems show each failing case.
    public static func junit(_ result: CheckResult) -> String {
        let suite = result.scenario.name
        var cases: [String] = []
        var failures = 0
        var skipped = 0
        func testCase(_ name: String, file: String?, body: String) -> String {
            let fileAttribute = file.map { " file=\"\(xml($0))\"" } ?? ""
            let open = "    <testcase classname=\"rota.check.\(xml(suite))\" name=\"\(xml(name))\"\(fileAttribute)"
            return body.isEmpty ? open + "/>" : open + ">\n" + body + "\n    </testcase>"
        }
        for outcome in result.rules {
            if let reason = outcome.skipped {
                skipped += 1
                cases.append(
                    testCase(outcome.rule.rawValue, file: nil, body: "      <skipped message=\"\(xml(reason))\"/>"))
                continue
            }
            let file = outcome.rule.isRotationRule ? result.file.rotationFile : result.file.ownershipFile
            guard let first = outcome.findings.first else {
                // A soft rule passes; its broken instances are listed as output.
                let soft = result.softFindings.filter { $0.rule == outcome.rule }.map { finding in
                    (result.file.location(of: finding).map { "\($0): " } ?? "") + finding.message
                }
                let body =
                    soft.isEmpty
                    ? ""
                    : "      <system-out>" + xml("soft rule, not a failure:\n" + soft.joined(separator: "\n"))
                        + "</system-out>"
                cases.append(testCase(outcome.rule.rawValue, file: file, body: body))
                continue
            }
            failures += 1
            let details = outcome.findings.map { finding in
                (result.file.location(of: finding).map { "\($0): " } ?? "") + finding.message
            }
            cases.append(
                testCase(
                    outcome.rule.rawValue, file: file,
                    body: "      <failure type=\"\(outcome.rule.rawValue)\" message=\"\(xml(first.message))\">"
                        + xml(details.joined(separator: "\n")) + "</failure>"))
        }
        switch result.freshness {
        case .fresh(let manifest): cases.append(testCase("freshness", file: manifest, body: ""))
        case .stale(let manifest, let changes):
            failures += 1
            let message = "stale: \(changes.joined(separator: "; "))"
            cases.append(
                testCase(
                    "freshness", file: manifest,
                    body: "      <failure type=\"stale\" message=\"\(xml(message))\">"
                        + xml(message + "\nregenerate with `\(result.regenerateCommand)`") + "</failure>"))
        case .unrecorded(let manifest):
            skipped += 1
            cases.append(
                testCase(
                    "freshness", file: nil,
                    body:
                        "      <skipped message=\"\(xml("no \(manifest): the schedule was not written by rota plan"))\"/>"
                ))
        }
        switch result.optimality {
        case .notAsked: break
        case .judged(let verdict):
            if verdict.isWorse {
                failures += 1
                cases.append(
                    testCase(
                        "optimality", file: result.file.rotationFile,
                        body: "      <failure type=\"optimality\" message=\"\(xml(verdict.summary))\"/>"))
            } else {
                cases.append(testCase("optimality", file: result.file.rotationFile, body: ""))
            }
        case .unavailable(let reason):
            failures += 1
            cases.append(
                testCase(
                    "optimality", file: nil, body: "      <failure type=\"optimality\" message=\"\(xml(reason))\"/>"))
        }
        let counts = "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="rota check" \(counts)>
              <testsuite name="\(xml(suite))" \(counts)>
            \(cases.joined(separator: "\n"))
              </testsuite>
            </testsuites>
            """
    }

    static func xml(_ text: String) -> String { TextFormatting.xmlText(text) }

    // MARK: GitHub Actions

    /// GitHub Actions workflow commands: `::error file=…,line=…,title=…::message` per finding, so each shows on the
    /// line of the CSV in the pull request; a notice when all is well.
    public static func github(_ result: CheckResult) -> String {
        var lines: [String] = []
        for finding in result.findings {
            let location = result.file.location(of: finding)
            lines.append(
                annotation(
                    "error", file: location?.file, line: location?.line, title: "rota check: \(finding.rule.rawValue)",
                    message: finding.message))
        }
        for finding in result.softFindings {
            let location = result.file.location(of: finding)
            lines.append(
                annotation(
                    "notice", file: location?.file, line: location?.line,
                    title: "rota check: soft \(finding.rule.rawValue)", message: finding.message))
        }
        for finding in result.acceptedFindings {
            let location = result.file.location(of: finding)
            lines.append(
                annotation(
                    "warning", file: location?.file, line: location?.line,
                    title: "rota check: accepted \(finding.rule.rawValue)", message: finding.message))
        }
        if case .stale(let manifest, let changes) = result.freshness {
            lines.append(
                annotation(
                    "error", file: manifest, line: nil, title: "rota check: stale",
                    message: "stale: \(changes.joined(separator: "; ")); regenerate with `\(result.regenerateCommand)`")
            )
        }
        switch result.optimality {
        case .judged(let verdict) where verdict.isWorse:
            lines.append(
                annotation(
                    "error", file: result.file.rotationFile, line: nil, title: "rota check: optimality",
                    message: verdict.summary))
        case .unavailable(let reason):
            lines.append(
                annotation("error", file: nil, line: nil, title: "rota check: optimality", message: reason))
        default: break
        }
        if result.status == .ok {
            lines.append(annotation("notice", file: nil, line: nil, title: "rota check", message: closingLine(result)))
        }
        return lines.joined(separator: "\n")
    }

    /// One workflow command, with GitHub's escaping: `%`, CR and LF in the message; also `:` and `,` in properties.
    static func annotation(_ level: String, file: String?, line: Int?, title: String, message: String) -> String {
        var properties: [String] = []
        if let file { properties.append("file=\(escapeProperty(file))") }
        if let line { properties.append("line=\(line)") }
        properties.append("title=\(escapeProperty(title))")
        return "::\(level) \(properties.joined(separator: ","))::\(escapeData(message))"
    }

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
