import Foundation

/// Where the files a scenario names come from (its .ics calendars and its history): the disk, or bytes held in
/// memory. The scenario decoder reads them only through this seam, so no section of the parse touches the file
/// system itself, and a test can hand it files that exist nowhere.
public struct InputSource: Sendable {
    /// The bytes of `path`, read as `kind` (size caps and messages as ``InputFile``).
    public let read: @Sendable (_ path: String, _ kind: InputFile.Kind) throws(InputFile.Failure) -> Data
    /// Whether `path` names a folder (a history entry may be a report folder).
    public let isFolder: @Sendable (_ path: String) -> Bool

    public init(
        read: @escaping @Sendable (_ path: String, _ kind: InputFile.Kind) throws(InputFile.Failure) -> Data,
        isFolder: @escaping @Sendable (_ path: String) -> Bool
    ) {
        self.read = read
        self.isFolder = isFolder
    }

    /// Regular files on disk, through ``InputFile``.
    public static let disk = InputSource(
        read: { path, kind throws(InputFile.Failure) in try InputFile.read(path, as: kind) },
        isFolder: { InputFile.isFolder($0) })

    /// Files held in memory by path; any other path is missing. A path is a folder when a file lies under it.
    public static func memory(_ files: [String: Data]) -> InputSource {
        InputSource(
            read: { path, kind throws(InputFile.Failure) in
                guard let data = files[path] else { throw .missing }
                guard data.count <= kind.limit else {
                    throw .tooLarge(size: data.count, limit: kind.limit, noun: kind.noun)
                }
                return data
            },
            isFolder: { path in
                let folder = path.hasSuffix("/") ? path : path + "/"
                return files.keys.contains { $0.hasPrefix(folder) }
            })
    }
}
