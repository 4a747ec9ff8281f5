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
        // A year with a soft duty gap: GLPK cannot prove its first level within a few seconds (it did not in 20 s).
        let yaml = try String(
            contentsOf: CLI.repositoryRoot.appendingPathComponent("scenarios/xyz-tech-2027q1.yaml"), encoding: .utf8
        )
        .replacingOccurrences(of: "weeks: 13}", with: "weeks: 52}")
        .replacingOccurrences(
            of: "rules: {min_gap_weeks: 1}",
            with: "rules: {min_gap_weeks: 2, min_duty_gap_weeks: {value: 1, soft: true}}")
        let scenario = folder.appendingPathComponent("year.yaml")
        try Data(yaml.utf8).write(to: scenario)
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
