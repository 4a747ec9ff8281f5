import RotaChecking
import RotaModel
import RotaPlanning

/// report.md's "Changes from the baseline" section of a replan: frozen shifts, and each changed assignment with
/// what forced it.
enum ChangesSection {
    static func lines(_ plan: Plan, name: (String) -> String) -> [String] {
        guard let baseline = plan.baseline, let changes = plan.changes else { return [] }
        var out = ["## Changes from the baseline", ""]
        let frozen = changes.frozenWeeks
        let kept =
            frozen.isEmpty
            ? "no week is frozen"
            : "weeks \(frozen.first!)–\(frozen.last!) are kept as they were (they start before \(baseline.from!))"
        out += [
            "Replanned from `\(baseline.source)`: \(kept); after that, the fewest assignments change "
                + "(level `changes`). \(changes.changes.count) assignment\(changes.changes.count == 1 ? "" : "s") changed.",
            "",
        ]
        guard !changes.changes.isEmpty else { return out }
        out += ["| Week | Dates | Role | Before | After | Forced by |", "|---:|---|---|---|---|---|"]
        for change in changes.changes {
            let forced =
                change.forcedBy.isEmpty
                ? "follows from the other changes"
                : change.forcedBy.map(TextFormatting.markdownCell).joined(separator: "; ")
            let role = change.pipeline.map { "\(change.role) of \(TextFormatting.markdownCell($0))" } ?? change.role
            out.append(
                "| \(change.week.map(String.init) ?? "—") | "
                    + "\(change.dates.map { "\($0.first) – \($0.last)" } ?? "—") | \(role) | \(name(change.before)) | "
                    + "\(name(change.after)) | \(forced) |")
        }
        out.append("")
        return out
    }
}
