import Foundation

/// Reads a file a user named (a scenario, a calendar, history, a schedule, a manifest): only a regular file, only up
/// to a size cap, and when it cannot be read, a reason that says which of those it was.
public enum InputFile {
    /// What kind of file is read, with the largest size Rota accepts for it. The caps are far above any real file
    /// of the kind (a year of 8 rotations is 30 KB of rotation.csv) and far below what would stall a CI job.
    public enum Kind: Sendable {
        case scenario, calendar, history, schedule, baseline, manifest

        public var limit: Int {
            switch self {
            case .scenario: 4_000_000
            case .calendar: 32_000_000
            case .history, .schedule, .baseline: 8_000_000
            case .manifest: 1_000_000
            }
        }

        var noun: String {
            switch self {
            case .scenario: "a scenario"
            case .calendar: "an .ics calendar"
            case .history: "a history file"
            case .schedule: "a schedule file"
            case .baseline: "a baseline file"
            case .manifest: "a manifest"
            }
        }
    }

    /// Why a file could not be read; `description` is the reason, without the file's name.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case missing
        /// A folder, a named pipe, a device, a socket: nothing a plan is read from.
        case notARegularFile(kind: String)
        case unreadable(reason: String)
        case tooLarge(size: Int, limit: Int, noun: String)

        public var description: String {
            switch self {
            case .missing: return "no such file"
            case .notARegularFile(let kind): return "it is \(kind), not a regular file"
            case .unreadable(let reason): return "cannot open it (\(reason))"
            case .tooLarge(let size, let limit, let noun):
                return
                    "it is larger than \(noun) can be: \(size > limit ? grouped(size) : "more than " + grouped(limit)) "
                    + "bytes, at most \(grouped(limit)) bytes are read"
            }
        }
    }

    /// The bytes of the file at `path`. A file that grows while it is read (or a /proc file that reports no size)
    /// is still cut off at the cap: at most `kind.limit + 1` bytes are ever read.
    public static func read(_ path: String, as kind: Kind) throws(Failure) -> Data {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable(reason: String(cString: strerror(errno)))
        }
        try requireRegular(status)
        if Int(status.st_size) > kind.limit {
            throw .tooLarge(size: Int(status.st_size), limit: kind.limit, noun: kind.noun)
        }
        // O_NONBLOCK: a FIFO swapped in after the check above must not hang the open.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(reason: String(cString: strerror(errno))) }
        try requireRegular(status)
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            data.append(contentsOf: buffer[..<count])
            if data.count > kind.limit { throw .tooLarge(size: 0, limit: kind.limit, noun: kind.noun) }
        }
        return data
    }

    /// Whether `path` names something at all (a file, a folder, anything), following links.
    public static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0
    }

    /// Whether `path` is a folder, following links.
    public static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    private static func requireRegular(_ status: stat) throws(Failure) {
        switch status.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw .notARegularFile(kind: "a folder")
        case S_IFIFO: throw .notARegularFile(kind: "a named pipe (FIFO)")
        case S_IFCHR: throw .notARegularFile(kind: "a character device")
        case S_IFBLK: throw .notARegularFile(kind: "a block device")
        case S_IFSOCK: throw .notARegularFile(kind: "a socket")
        default: throw .notARegularFile(kind: "a special file")
        }
    }

    /// 4000391 → "4,000,391".
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
