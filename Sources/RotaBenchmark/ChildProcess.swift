import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A finished child process: its exit status, wall time, peak memory and output.
struct ChildRun {
    let status: Int32
    let seconds: Double
    /// Peak resident set size of the child (wait4's ru_maxrss), in KiB.
    let peakKiB: Int
    /// Processor time of the child, user and system (wait4's ru_utime + ru_stime), seconds: less disturbed than the
    /// wall time by other work on a shared machine, as time spent waiting for a processor is not counted.
    let cpuSeconds: Double
    let output: String
}

enum ChildProcess {
    /// Runs `executable` with `arguments`, standard output and error captured to a file, and waits for it with
    /// wait4 so that the peak memory is this child's alone.
    static func run(_ executable: String, _ arguments: [String]) throws -> ChildRun {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("rota-benchmark-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: log) }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw BenchmarkError("cannot run \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let elapsed = ContinuousClock.now - start
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ChildRun(
            status: exitStatus,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            peakKiB: Int(usage.ru_maxrss),
            cpuSeconds: Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
                + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6,
            output: output)
    }

    /// The full path of `name` on PATH, if any.
    static func which(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
