/// One file of a report folder, rendered from a plan. One type per format.
public protocol ReportFile: Sendable {
    /// The file's name inside the report folder.
    var fileName: String { get }
    /// The file's bytes as text; the same plan always gives the same text.
    func render(_ plan: Plan) -> String
}

/// The files `rota plan` writes, in the order it writes them.
public enum ReportSet {
    public static let files: [any ReportFile] = [
        RotationCSV(), OwnershipCSV(), FairnessCSV(), MarkdownReport(), ManifestFile(),
    ]

    /// Every file name of a report folder, for checking that a folder is one.
    public static var fileNames: Set<String> { Set(files.map(\.fileName)) }

    /// Rendered files, by name, in writing order.
    public static func render(_ plan: Plan) -> [(name: String, contents: String)] {
        files.map { ($0.fileName, $0.render(plan)) }
    }
}

/// manifest.json: the digest of every input (see ``InputManifest``), for `rota check`'s freshness test.
public struct ManifestFile: ReportFile {
    public init() {}
    public var fileName: String { InputManifest.fileName }
    public func render(_ plan: Plan) -> String { InputManifest(scenario: plan.scenario).rendered }
}
