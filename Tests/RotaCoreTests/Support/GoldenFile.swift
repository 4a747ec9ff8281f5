import Foundation
import Testing

/// Compares rendered text with a committed file; on a mismatch the failure shows `diff -u` of the two.
/// Set ROTA_RECORD=1 to write the rendered text instead (then review the diff in git).
enum GoldenFile {
    static var recording: Bool { ProcessInfo.processInfo.environment["ROTA_RECORD"] == "1" }

    static func assertMatches(_ actual: String, file url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        if recording {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "no golden file at \(url.path); run with ROTA_RECORD=1 to create it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record(
                "\(url.path) differs from what is rendered now (run with ROTA_RECORD=1 to accept):\n\(diff(expected, actual, name: url.lastPathComponent))",
                sourceLocation: sourceLocation)
        }
    }

    static func diff(_ expected: String, _ actual: String, name: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rota-golden-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("committed-\(name)")
        let b = folder.appendingPathComponent("rendered-\(name)")
        try? Data(expected.utf8).write(to: a)
        try? Data(actual.utf8).write(to: b)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["diff", "-u", a.path, b.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return "(diff could not run)" }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }
}
