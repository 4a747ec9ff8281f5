import Foundation

/// Why a report folder could not be written. The previous folder, if any, is left as it was.
public enum ReportWriteError: Error, CustomStringConvertible {
    /// The folder exists and holds files Rota did not write: replacing it could destroy someone's work.
    case notAReportFolder(path: String, unexpected: [String])
    case ioFailure(path: String, reason: String)

    public var description: String {
        switch self {
        case .notAReportFolder(let path, let unexpected):
            return
                "refusing to replace \(path): it holds files Rota does not write (\(unexpected.prefix(5).joined(separator: ", ")))\n"
                + "  hint: choose an empty or new folder with -o, or remove those files"
        case .ioFailure(let path, let reason):
            return "cannot write \(path): \(reason)"
        }
    }
}

/// Writes a report folder all at once: into a temporary sibling first, then swapped into place, so a failed or
/// interrupted run leaves either the old folder or the new one, never half of one.
public enum ReportFolderWriter {
    /// Writes `files` (paths inside the folder, subfolders created) as the folder's whole contents. An existing
    /// folder is replaced only if every entry in it has a name in `ownNames` (the files this kind of report consists
    /// of).
    public static func write(
        _ files: [(name: String, contents: String)], to folder: String, ownNames: Set<String>
    ) throws(ReportWriteError) {
        try write(files, to: folder, isOwn: ownNames.contains)
    }

    /// Writes a `rota plan` report folder (see ``ReportSet/isReportEntry(_:)``).
    public static func write(_ files: [(name: String, contents: String)], to folder: String) throws(ReportWriteError) {
        try write(files, to: folder, isOwn: ReportSet.isReportEntry)
    }

    private static func write(
        _ files: [(name: String, contents: String)], to folder: String, isOwn: (String) -> Bool
    ) throws(ReportWriteError) {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists {
            guard isDirectory.boolValue else {
                throw .ioFailure(path: target.path, reason: "it is a file, not a folder")
            }
            let entries = (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
            let unexpected = entries.filter { !isOwn($0) }.sorted()
            if !unexpected.isEmpty { throw .notAReportFolder(path: target.path, unexpected: unexpected) }
        }
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .ioFailure(path: parent.path, reason: "cannot create the folder (\(error.localizedDescription))")
        }
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        let staging = parent.appendingPathComponent(".rota-new-\(target.lastPathComponent)-\(token)")
        let retired = parent.appendingPathComponent(".rota-old-\(target.lastPathComponent)-\(token)")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files {
                let url = staging.appendingPathComponent(file.name)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url, options: .atomic)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw .ioFailure(path: staging.path, reason: error.localizedDescription)
        }
        if exists, rename(target.path, retired.path) != 0 {
            try? manager.removeItem(at: staging)
            throw .ioFailure(path: target.path, reason: String(cString: strerror(errno)))
        }
        if rename(staging.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            if exists { _ = rename(retired.path, target.path) }
            try? manager.removeItem(at: staging)
            throw .ioFailure(path: target.path, reason: reason)
        }
        if exists { try? manager.removeItem(at: retired) }
    }
}
