import RotaChecking
import RotaModel

extension CheckOutput {
    // MARK: Markdown (a CI job summary)

    /// One scenario's verdict as Markdown, for a CI job summary (GitHub's GITHUB_STEP_SUMMARY): a heading with the
    /// verdict, a table of every rule with its outcome, the findings with their CSV lines, freshness and
    /// optimality. Several scenarios' summaries are appended one after another.
    public static func markdown(_ result: CheckResult) -> String {
        let cell = TextFormatting.markdownCell
        let verdict: String
        switch result.status {
        case .ok: verdict = "✅ fair"
        case .violations: verdict = "❌ findings"
        case .stale: verdict = "⚠️ stale"
        }
        var out = ["### rota check: \(cell(result.scenario.name)) — \(verdict)", "", cell(closingLine(result)), ""]

        func located(_ finding: RuleViolation) -> String {
            let location = result.file.location(of: finding).map { "\(cell($0.description)): " } ?? ""
            return "- \(location)**\(finding.rule.rawValue)**: \(cell(finding.message))"
        }
        // The rule table folds away (GitHub renders <details> in a job summary); findings stay in view.
        let judged = result.rules.filter { $0.skipped == nil }.count
        out += [
            "<details><summary>\(judged) rules judged, \(result.rules.count - judged) not declared</summary>", "",
            "| Rule | Outcome |", "|---|---|",
        ]
        for outcome in result.rules {
            let text: String
            if let reason = outcome.skipped {
                text = "skipped: \(cell(reason))"
            } else if outcome.findings.isEmpty {
                let soft = result.softFindings.filter { $0.rule == outcome.rule }.count
                text = soft == 0 ? "passed" : "passed (soft: \(soft) broken instance\(soft == 1 ? "" : "s"))"
            } else {
                let count = outcome.findings.count
                text = "**failed**: \(count) finding\(count == 1 ? "" : "s")"
            }
            out.append("| \(outcome.rule.rawValue) | \(text) |")
        }
        switch result.freshness {
        case .fresh: out.append("| freshness | passed: inputs unchanged since planned |")
        case .stale(_, let changes): out.append("| freshness | **stale**: \(cell(changes.joined(separator: "; "))) |")
        case .unrecorded: out.append("| freshness | skipped: no manifest.json (not written by rota plan) |")
        }
        switch result.optimality {
        case .notAsked: break
        case .judged(let verdict):
            out.append("| optimality | \(verdict.isWorse ? "**worse**" : "passed"): \(cell(verdict.summary)) |")
        case .unavailable(let reason): out.append("| optimality | **not judged**: \(cell(reason)) |")
        }
        out += ["", "</details>"]
        if !result.findings.isEmpty {
            out += ["", "Findings:", ""] + result.findings.map(located)
        }
        if !result.softFindings.isEmpty {
            out += ["", "Soft rules broken (not failures):", ""] + result.softFindings.map(located)
        }
        if !result.acceptedFindings.isEmpty {
            out += ["", "Accepted exceptions (made with --force):", ""] + result.acceptedFindings.map(located)
        }
        if case .stale = result.freshness {
            out += ["", "Regenerate with \(cell(result.regenerateCommand)) and commit the report."]
        }
        return out.joined(separator: "\n")
    }
}
