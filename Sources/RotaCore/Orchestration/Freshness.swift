import RotaChecking
import RotaModel
import RotaPlanning

/// Whether a schedule still matches the inputs it was planned from.
public enum Freshness: Sendable, Equatable {
    /// The manifest beside the schedule matches the inputs as read now.
    case fresh(manifest: String)
    /// Inputs changed since the schedule was planned: each change in words.
    case stale(manifest: String, changes: [String])
    /// No manifest beside the schedule (written by hand, or by an older Rota): freshness is not judged.
    case unrecorded(manifest: String)

    /// Compares the manifest read beside a schedule with the scenario as read now.
    public init(recorded: InputManifest?, manifestFile: String, scenario: Scenario) {
        guard let recorded else {
            self = .unrecorded(manifest: manifestFile)
            return
        }
        var changes = InputManifest(scenario: scenario).changes(since: recorded)
        if recorded.scenario != scenario.name {
            changes.insert("the schedule was planned for scenario \(recorded.scenario), not \(scenario.name)", at: 0)
        }
        self = changes.isEmpty ? .fresh(manifest: manifestFile) : .stale(manifest: manifestFile, changes: changes)
    }

    public var isStale: Bool {
        if case .stale = self { return true }
        return false
    }
}
