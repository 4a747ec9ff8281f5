import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// How a staged report folder is made durable before it is renamed into place, and the rename after: the order a
/// crash-safe replace needs (contents on disk, then the name that points at them, then the name itself on disk).
///
/// One step for the whole folder: files are written without a sync each (Foundation's `Data.write` syncs every file:
/// 18 fsyncs for a seed scenario's report), then one `syncfs` of the file system holding them, where Linux has it,
/// else one fsync per file and of the folder. A crash before that step leaves only a staging folder, which the next
/// run removes (``Leftovers``); the target is never renamed to contents that are not on disk.
public struct Durability: Sendable {
    /// Makes the files at `paths` (all inside `folder`) and `folder` itself durable; false when the system failed.
    let persist: @Sendable (_ folder: String, _ paths: [String]) -> Bool
    /// Makes a rename inside the folder at `path` durable (the parent of the report).
    let persistRename: @Sendable (_ parent: String) -> Void
    /// Writes `data` as a new file at `path`, without syncing it; throws the errno text on failure.
    let write: @Sendable (_ data: Data, _ path: String) throws -> Void

    public static let system = Durability(
        persist: { folder, paths in
            if let syncfs = FileSystemSync.syncfs {
                let descriptor = open(folder, O_RDONLY | O_DIRECTORY)
                guard descriptor >= 0 else { return false }
                defer { close(descriptor) }
                return syncfs(descriptor) == 0
            }
            return (paths + [folder]).allSatisfy(FileSystemSync.fsync(path:))
        },
        persistRename: { parent in _ = FileSystemSync.fsync(path: parent) },
        write: { data, path in try FileSystemSync.write(data, to: path) })
}

/// The POSIX calls behind ``Durability/system``.
enum FileSystemSync {
    typealias SyncFS = @convention(c) (Int32) -> Int32

    /// Linux's syncfs(2) (glibc ≥ 2.14), looked up at run time: Swift's Glibc module does not declare it.
    static let syncfs = SystemFunction.lookUp("syncfs", as: SyncFS.self)

    /// fsync(2) of a file or folder by path.
    static func fsync(path: String) -> Bool {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return Glibc.fsync(descriptor) == 0
    }

    struct WriteError: Error, CustomStringConvertible {
        let description: String
    }

    /// Creates `path` (it must not exist: the staging folder is new) and writes all of `data`.
    static func write(_ data: Data, to path: String) throws(WriteError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(description: String(cString: strerror(errno))) }
        var failure: Int32 = 0
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure != 0 { throw WriteError(description: String(cString: strerror(failure))) }
    }
}
