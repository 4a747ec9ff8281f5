import Foundation
import Testing

/// `--time-limit` ends a plan early with the best schedule so far: written, marked, exit 0 with a warning, or 4 with
/// `--require-optimal`.
@Suite("A plan stopped by its time limit")
struct TimeLimitTests {
    typealias CLI = RotaBinaryTests

    @Test func theBestScheduleIsWrittenAndMarkedAndRequireOptimalExitsFour() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try InterruptionTests.writeLongYear(in: folder)
        for requireOptimal in [false, true] {
            let output = folder.appendingPathComponent("report-\(requireOptimal)")
            let run = try CLI.run(
                ["plan", scenario.path, "-o", output.path, "--time-limit", "3", "-q"]
                    + (requireOptimal ? ["--require-optimal"] : []))
            #expect(run.status == (requireOptimal ? 4 : 0), "\(run.standardError)")
            #expect(run.standardError.contains("warning: not every objective level was proved optimal"))
            #expect(run.standardError.contains("  level 1 (soft_min_duty_gap_weeks): "))
            #expect(run.standardError.contains("gap "))
            let report = try String(contentsOf: output.appendingPathComponent("report.md"), encoding: .utf8)
            #expect(report.contains("not proved optimal"))
            let check = try CLI.run(["check", scenario.path, "--schedule", output.path])
            #expect(check.status == 0, "the best schedule so far still keeps every hard rule: \(check.standardOutput)")
        }
    }
}
