import RotaChecking
import RotaModel
import RotaPlanning

/// One file of a report folder, rendered from a plan. One type per format.
public protocol ReportFile: Sendable {
    /// The file's name inside the report folder.
    var fileName: String { get }
    /// The file's bytes as text; the same plan always gives the same text.
    func render(_ plan: Plan) -> String
}

/// The files `rota plan` writes, in the order it writes them: the fixed ones, then the on-call calendars (everyone's
/// and one per engineer) and the runbooks (an index and one per investor-facing pipeline, in `runbooks/`).
public enum ReportSet {
    public static let files: [any ReportFile] = [
        RotationCSV(), CoverageCSV(), OwnershipCSV(), FairnessCSV(), HoursCSV(), MarkdownReport(), RotationPicture(),
        HoursPicture(), ManifestFile(),
    ]

    /// Every fixed file name of a report folder, for checking that a folder is one.
    public static var fileNames: Set<String> { Set(files.map(\.fileName)) }

    /// Whether an entry of a folder (its path inside the folder, `/`-separated) is one `rota plan` writes: a fixed
    /// file, an on-call calendar, the folder `runbooks/`, or a Markdown file directly inside it. Anything else, at
    /// any depth, is someone else's.
    public static func isReportEntry(_ path: String, isFolder: Bool) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            let name = String(parts[0])
            if isFolder { return name == "runbooks" }
            return fileNames.contains(name) || name == "oncall.ics"
                || (name.hasPrefix("oncall-") && name.hasSuffix(".ics"))
        case 2:
            return !isFolder && parts[0] == "runbooks" && parts[1].hasSuffix(".md") && parts[1].count > 3
        default:
            return false
        }
    }

    /// Rendered files, by path inside the folder, in writing order.
    public static func render(_ plan: Plan) -> [(name: String, contents: String)] {
        var rendered = files.map { ($0.fileName, $0.render(plan)) }
        let events = OnCallCalendar.events(plan)
        for calendar in [OnCallCalendar()] + plan.scenario.engineers.map({ OnCallCalendar(engineer: $0.id) }) {
            rendered.append((calendar.fileName, calendar.render(plan, events: events)))
        }
        let runbooks = plan.scenario.pipelines.filter(\.needsRunbook)
        if !runbooks.isEmpty {
            rendered.append((RunbookIndex().fileName, RunbookIndex().render(plan)))
            for pipeline in runbooks {
                let report = RunbookReport(pipeline: pipeline)
                rendered.append((report.fileName, report.render(plan)))
            }
        }
        return rendered
    }

    /// What `rota plan` says it wrote: "rotation.csv, …, oncall.ics (+4 personal), runbooks/ (3)".
    public static func summary(_ files: [(name: String, contents: String)]) -> String {
        let fixed = files.map(\.name).filter { fileNames.contains($0) || $0 == "oncall.ics" }
        let personal = files.filter { $0.name.hasPrefix("oncall-") }.count
        let runbooks = files.filter { $0.name.hasPrefix("runbooks/") && $0.name != RunbookIndex().fileName }.count
        return fixed.map { $0 == "oncall.ics" && personal > 0 ? "oncall.ics (+\(personal) personal)" : $0 }
            .joined(separator: ", ") + (runbooks > 0 ? ", runbooks/ (\(runbooks))" : "")
    }
}

/// manifest.json: the digest of every input (see ``InputManifest``), for `rota check`'s freshness test.
public struct ManifestFile: ReportFile {
    public init() {}
    public var fileName: String { InputManifest.fileName }
    /// A plan just solved: the inputs as read now and the solve's record. An edited one: the manifest it was read
    /// with (the inputs as they were when planned, so staleness stays visible) and its edits.
    public func render(_ plan: Plan) -> String {
        if let recorded = plan.recorded { return recorded.rendered }
        var manifest = InputManifest(scenario: plan.scenario)
        manifest.plan = PlanRecord(plan)
        return manifest.rendered
    }
}
