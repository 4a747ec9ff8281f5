import Foundation

/// benchmarks/results.md: how the run was made, then one section per size.
struct ResultsDocument {
    let sections: [SizeResult]
    let solvers: [ExternalSolver]
    let notes: [String]
    let timeLimit: Double
    let externalTimeLimit: Double

    var markdown: String {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let memory = ProcessInfo.processInfo.physicalMemory / (1 << 30)
        var lines = [
            "# Benchmark results",
            "",
            "Written by `scripts/benchmark-scale.sh` (the `rota-benchmark` target, release build) on \(cores) cores and "
                + "\(memory) GiB. Scenarios come from `rota generate` (seeded, so the same teams every run); `rota plan` "
                + "runs with `--time-limit \(SizeResult.format(timeLimit))`. Wall time is the whole process (reading, "
                + "planning, holiday-conflict analysis, writing every report file); the per-level GLPK times are one "
                + "in-process run. The machine is shared and noisy: read medians, not single runs. Each size also gives the "
                + "processor time (user + system) of the same runs, which leaves out time spent waiting for a processor but "
                + "not a slower one.",
            "",
            "Quality compares the plan with what two on-call tools would write, all judged by the same evaluator and "
                + "rule checker (ScheduleQuality): deviation from the fair share, holiday burden (2 per holiday day as "
                + "primary, 1 as backup), shifts on leave, other hard-rule findings. Round robin is PagerDuty's and "
                + "Opsgenie's default layer; LinkedIn Oncall's default scheduler is implemented as its code does it "
                + "(linkedin/oncall `src/oncall/scheduler/default.py` at 030f5d0: a free member never in the role "
                + "first, else the one whose last shift in it ended earliest; leave and the same team's overlapping "
                + "duty make someone busy).",
            "",
            "Other solvers get the exact model GLPK solved at each level (`--export-model`, earlier levels held at "
                + "GLPK's values), \(SizeResult.format(externalTimeLimit)) s each: "
                + (solvers.isEmpty
                    ? "none installed."
                    : solvers.map { "\($0.name) \($0.version)" }.joined(separator: ", ") + " (their own solve time, "
                        + "file reading excluded; CBC's wall clock, HiGHS's run, CP-SAT's wall time on the model converted "
                        + "through MPS)."),
        ]
        lines += notes.map { "- \($0)" }
        lines.append("")
        lines.append("| Size | Median wall time | Peak memory | All levels optimal | Target | Met |")
        lines.append("|---|---:|---:|---|---|---|")
        for section in sections {
            lines.append(
                "| \(section.size.rawValue.uppercased()) | \(SizeResult.format(section.median)) s | "
                    + "\(section.peakKiB / 1024) MiB | \(section.plan.provedOptimal ? "yes" : "no") | "
                    + "\(section.target.text) | \(section.target.met ? "yes" : "no") |")
        }
        lines.append("")
        return lines.joined(separator: "\n") + "\n" + sections.map(\.markdown).joined(separator: "\n")
    }
}

/// benchmarks/hard-results.md: how the hard set was run, a summary line per class, then each class.
struct HardResultsDocument {
    let results: [HardResult]
    let solvers: [ExternalSolver]
    let notes: [String]
    let runs: Int
    let timeLimit: Double
    let externalTimeLimit: Double

    var markdown: String {
        let f = SizeResult.format
        let cores = ProcessInfo.processInfo.activeProcessorCount
        var lines = [
            "# Hard benchmark set",
            "",
            "Written by `scripts/benchmark-scale.sh --hard` (release build) on \(cores) cores: the rule combinations real "
                + "teams turn on, where GLPK does not close every level at the root. Each scenario is planned \(runs) "
                + "times by `rota plan --time-limit \(f(timeLimit))` (the wall time is the whole process, median), then "
                + "once in process for the per-level figures and where the time went: the constructive start, the "
                + "levels (model builds included) and the holiday-conflict analysis. Other solvers get the exact model "
                + "GLPK solved at each level of a class's first scenario, \(f(externalTimeLimit)) s each: "
                + (solvers.isEmpty
                    ? "none installed." : solvers.map { "\($0.name) \($0.version)" }.joined(separator: ", ") + "."),
        ]
        lines += notes.map { "- \($0)" }
        lines += [
            "", "| Class | Scenarios | Median wall time | Slowest | Target | Met |", "|---|---:|---:|---:|---|---|",
        ]
        for result in results {
            let medians = result.scenarios.map(\.median).sorted()
            lines.append(
                "| \(result.hardCase.name) | \(result.scenarios.count) | \(f(medians[medians.count / 2])) s | "
                    + "\(f(medians.last!)) s | \(result.hardCase.target) | \(result.allMet ? "yes" : "**no**") |")
        }
        lines.append("")
        return lines.joined(separator: "\n") + "\n" + results.map(\.markdown).joined(separator: "\n")
    }
}
