import Foundation
import RotaChecking
import RotaModel
import RotaPlanning

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
    /// folder is replaced only if it holds nothing but regular files named in `ownNames` (the files this kind of
    /// report consists of), no subfolder.
    public static func write(
        _ files: [(name: String, contents: String)], to folder: String, ownNames: Set<String>
    ) throws(ReportWriteError) {
        try write(files, to: folder) { path, isFolder in !isFolder && ownNames.contains(path) }
    }

    /// Writes a `rota plan` report folder (see ``ReportSet/isReportEntry(_:isFolder:)``).
    public static func write(_ files: [(name: String, contents: String)], to folder: String) throws(ReportWriteError) {
        try write(files, to: folder, isOwn: ReportSet.isReportEntry)
    }

    /// Writes `files` as the folder's whole contents; an existing folder is replaced only if every entry in it is
    /// one `isOwn` accepts (its path inside the folder, and whether it is a folder).
    public static func write(
        _ files: [(name: String, contents: String)], to folder: String,
        isOwn: (_ path: String, _ isFolder: Bool) -> Bool, durability: Durability = .system
    ) throws(ReportWriteError) {
        let manager = FileManager.default
        // A symbolic link is followed: the report replaces the folder it points to, and the link stays.
        let target = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath()
        let parent = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists {
            guard isDirectory.boolValue else {
                throw .ioFailure(path: target.path, reason: "it is a file, not a folder")
            }
            let unexpected = try foreignEntries(in: target, isOwn: isOwn)
            if !unexpected.isEmpty { throw .notAReportFolder(path: target.path, unexpected: unexpected) }
        }
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .ioFailure(path: parent.path, reason: "cannot create the folder (\(error.localizedDescription))")
        }
        let leftovers = Leftovers(of: target)
        if !exists, leftovers.restorePrevious() {
            return try write(files, to: folder, isOwn: isOwn, durability: durability)
        }
        leftovers.removeDead()
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        let staging = parent.appendingPathComponent("\(Leftovers.stagingPrefix)\(target.lastPathComponent)-\(token)")
        let retired = parent.appendingPathComponent("\(Leftovers.retiredPrefix)\(target.lastPathComponent)-\(token)")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            var written: [String] = []
            var folders: Set<String> = []
            for file in files {
                let url = staging.appendingPathComponent(file.name)
                let folder = url.deletingLastPathComponent()
                if folders.insert(folder.path).inserted {
                    try manager.createDirectory(at: folder, withIntermediateDirectories: true)
                }
                // No per-file temporary and no sync per file: the staging folder is private until it is renamed
                // into place, and made durable as a whole just before.
                try durability.write(Data(file.contents.utf8), url.path)
                written.append(url.path)
            }
            guard durability.persist(staging.path, written + folders.sorted()) else {
                throw FileSystemSync.WriteError(
                    description: "cannot make the new report durable (\(String(cString: strerror(errno))))")
            }
        } catch {
            try? manager.removeItem(at: staging)
            // The staging folder is Rota's business; the user asked for the target.
            throw .ioFailure(path: target.path, reason: Self.reason(error))
        }
        // Linux swaps the two folders in one step (renameat2 RENAME_EXCHANGE): even SIGKILL or a power cut leaves
        // one complete report at the target. Elsewhere, or on a file system without it, two renames.
        if exists, FolderExchange.exchange(staging.path, target.path) {
            durability.persistRename(parent.path)
            try? manager.removeItem(at: staging)  // now the previous report
            return
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
        durability.persistRename(parent.path)
        if exists { try? manager.removeItem(at: retired) }
    }

    /// Every entry of `folder`, at any depth, that is not one `isOwn` accepts, as paths inside it, sorted. A
    /// symbolic link or any other special file is never one of Rota's, nor is anything inside a foreign folder
    /// listed (the folder itself is).
    static func foreignEntries(
        in folder: URL, isOwn: (_ path: String, _ isFolder: Bool) -> Bool
    ) throws(ReportWriteError) -> [String] {
        var foreign: [String] = []
        func visit(_ url: URL, prefix: String) throws(ReportWriteError) {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: url.path)
            } catch {
                throw .ioFailure(path: url.path, reason: "cannot list the folder (\(Self.reason(error)))")
            }
            for name in names.sorted() {
                let path = prefix + name
                let child = url.appendingPathComponent(name)
                var status = stat()
                guard lstat(child.path, &status) == 0 else {
                    foreign.append(path)
                    continue
                }
                let kind = status.st_mode & S_IFMT
                if kind == S_IFDIR, isOwn(path, true) {
                    try visit(child, prefix: path + "/")
                } else if kind != S_IFREG || !isOwn(path, false) {
                    foreign.append(kind == S_IFDIR ? path + "/" : path)
                }
            }
        }
        try visit(folder, prefix: "")
        return foreign.sorted()
    }

    /// A file-system error as a short reason, without Foundation's "The file … couldn't be saved" framing.
    public static func reason(_ error: any Error) -> String {
        if let error = error as? FileSystemSync.WriteError { return error.description }
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return error.localizedDescription
    }
}

/// What runs that were killed before they could clean up (SIGKILL, a power cut) left beside a report folder:
/// staging folders `.rota-new-<name>-<pid>-<token>` and retired ones `.rota-old-<name>-<pid>-<token>`. Those of
/// processes still running are another run's work in progress and are left alone.
struct Leftovers {
    static let stagingPrefix = ".rota-new-"
    static let retiredPrefix = ".rota-old-"

    let target: URL
    /// Leftovers of dead processes: staging (a half-written new report) and retired (a previous report).
    let staging: [URL]
    let retired: [URL]

    init(of target: URL) {
        self.target = target
        let parent = target.deletingLastPathComponent()
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []).sorted()
        func dead(_ prefix: String) -> [URL] {
            entries.filter { name in
                guard name.hasPrefix(prefix + target.lastPathComponent + "-") else { return false }
                let rest = name.dropFirst(prefix.count + target.lastPathComponent.count + 1).split(separator: "-")
                guard rest.count == 2, let pid = Int32(rest[0]), pid > 0 else { return false }
                return !Self.isRunning(pid)
            }.map { parent.appendingPathComponent($0) }
        }
        staging = dead(Self.stagingPrefix)
        retired = dead(Self.retiredPrefix)
    }

    static func isRunning(_ pid: pid_t) -> Bool { kill(pid, 0) == 0 || errno == EPERM }

    /// A run killed between its two renames left no folder at the target, the previous report retired: put it back.
    func restorePrevious() -> Bool {
        guard let previous = retired.last else { return false }
        return rename(previous.path, target.path) == 0
    }

    func removeDead() {
        for url in staging + retired { try? FileManager.default.removeItem(at: url) }
    }
}

/// Atomic exchange of two paths, where the system has it (Linux's renameat2 with RENAME_EXCHANGE, glibc ≥ 2.28),
/// looked up at run time so Rota still runs, with two renames, where it is missing.
enum FolderExchange {
    private typealias RenameAt2 =
        @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32)
        -> Int32
    private static let atCurrentDirectory: Int32 = -100  // AT_FDCWD
    private static let renameExchange: UInt32 = 1 << 1  // RENAME_EXCHANGE
    private static let function = SystemFunction.lookUp("renameat2", as: RenameAt2.self)

    /// Whether `a` and `b` (both existing) were exchanged; false when the system or file system cannot.
    static func exchange(_ a: String, _ b: String) -> Bool {
        guard let function else { return false }
        return function(atCurrentDirectory, a, atCurrentDirectory, b, renameExchange) == 0
    }
}

/// A C library function looked up by name at run time (Linux only; nil elsewhere or where the library lacks it):
/// for calls Swift's Glibc module does not declare or an older glibc may not have.
enum SystemFunction {
    static func lookUp<Function>(_ name: String, as type: Function.Type) -> Function? {
        #if os(Linux)
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
            return unsafeBitCast(symbol, to: type)
        #else
            return nil
        #endif
    }
}
