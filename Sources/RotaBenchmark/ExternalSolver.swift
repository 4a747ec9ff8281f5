import Foundation

/// Another MIP solver run on an LP file `rota plan --export-model` wrote: CBC (Debian's coinor-cbc), HiGHS
/// (PyPI's highspy, through scripts/highs_solve.py) or CP-SAT (PyPI's ortools, through scripts/cpsat_solve.py).
struct ExternalSolver {
    let name: String
    let version: String
    private let solve: (_ file: String, _ timeLimit: Double) throws -> ExternalResult

    /// The solvers installed here; `notes` says which were skipped and why.
    static func available(repository: String) -> (solvers: [ExternalSolver], notes: [String]) {
        var solvers: [ExternalSolver] = []
        var notes: [String] = []
        if let cbc = ChildProcess.which("cbc") {
            let banner = (try? ChildProcess.run(cbc, ["-quit"]).output) ?? ""
            let version =
                banner.split(separator: "\n").first { $0.hasPrefix("Version:") }.map {
                    $0.dropFirst(8).trimmingCharacters(in: .whitespaces)
                } ?? "?"
            solvers.append(
                ExternalSolver(name: "CBC", version: version) { file, limit in
                    let run = try ChildProcess.run(
                        cbc, [file, "sec", String(Int(limit.rounded(.up))), "solve", "quit"])
                    return ExternalResult(cbcOutput: run.output, wallSeconds: run.seconds)
                })
        } else {
            notes.append("CBC skipped: `cbc` is not installed (Debian: apt-get install coinor-cbc).")
        }
        let python:
            [(name: String, script: String, probe: String, missing: String, parse: (String) -> ExternalResult)] = [
                (
                    "HiGHS", "highs_solve.py", "import highspy, importlib.metadata as m; print(m.version('highspy'))",
                    "the Python package `highspy` is not installed (pip install highspy)",
                    { ExternalResult(highsOutput: $0) }
                ),
                (
                    "CP-SAT", "cpsat_solve.py", "import highspy, ortools; print(ortools.__version__)",
                    "the Python packages `ortools` and `highspy` are not both installed (pip install ortools highspy)",
                    { ExternalResult(jsonLine: $0) }
                ),
            ]
        for solver in python {
            guard let interpreter = ChildProcess.which("python3"),
                let probe = try? ChildProcess.run(interpreter, ["-c", solver.probe]), probe.status == 0
            else {
                notes.append("\(solver.name) skipped: \(solver.missing).")
                continue
            }
            let script = "\(repository)/scripts/\(solver.script)"
            let version = probe.output.trimmingCharacters(in: .whitespacesAndNewlines)
            solvers.append(
                ExternalSolver(name: solver.name, version: version) { file, limit in
                    solver.parse(try ChildProcess.run(interpreter, [script, file, String(limit)]).output)
                })
        }
        return (solvers, notes)
    }

    func run(_ file: String, timeLimit: Double) -> ExternalResult {
        (try? solve(file, timeLimit)) ?? ExternalResult(status: "did not run", objective: nil, seconds: nil)
    }
}

/// What an external solver said about one level's model.
struct ExternalResult {
    let status: String
    let objective: Double?
    let seconds: Double?

    init(status: String, objective: Double?, seconds: Double?) {
        self.status = status
        self.objective = objective
        self.seconds = seconds
    }

    /// From CBC's output: "Result - Optimal solution found", "Objective value: 15", "(Wallclock seconds): 0.01".
    init(cbcOutput output: String, wallSeconds: Double) {
        let lines = output.split(separator: "\n").map(String.init)
        let result = lines.first { $0.hasPrefix("Result - ") }.map { String($0.dropFirst(9)) } ?? "no result"
        status =
            result.hasPrefix("Optimal")
            ? "optimal"
            : result.contains("time") ? "stopped (time limit)" : result.lowercased()
        objective = lines.first { $0.hasPrefix("Objective value:") }.flatMap {
            Double($0.dropFirst(16).trimmingCharacters(in: .whitespaces))
        }
        seconds =
            lines.first { $0.contains("Wallclock seconds") }.flatMap {
                $0.components(separatedBy: "Wallclock seconds):").last.flatMap {
                    Double($0.trimmingCharacters(in: .whitespaces))
                }
            } ?? wallSeconds
    }

    /// From scripts/highs_solve.py's JSON line.
    init(highsOutput output: String) {
        let object =
            output.split(separator: "\n").last.flatMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            } ?? [:]
        let raw = object["status"] as? String ?? "no result"
        status =
            raw == "Optimal" ? "optimal" : raw == "Time limit reached" ? "stopped (time limit)" : raw.lowercased()
        objective = object["objective"] as? Double
        seconds = object["seconds"] as? Double
    }

    /// From scripts/cpsat_solve.py's JSON line, whose status is already in the benchmark's words.
    init(jsonLine output: String) {
        let object =
            output.split(separator: "\n").last.flatMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            } ?? [:]
        status = object["status"] as? String ?? "no result"
        objective = object["objective"] as? Double
        seconds = object["seconds"] as? Double
    }
}

extension ExternalResult {
    /// Each solver's cells for a level table's "all levels" row: its seconds over the levels, summed ("—" when a
    /// level gave none), and how many levels it proved optimal. The same order as the table's columns.
    static func totalCells(
        _ external: [[(solver: String, result: ExternalResult)]], format: (Double) -> String
    ) -> String {
        guard let names = external.first?.map(\.solver) else { return "" }
        return names.indices.map { k in
            let results = external.map { $0[k].result }
            let seconds = results.compactMap(\.seconds)
            let total = seconds.count == results.count ? format(seconds.reduce(0, +)) : "—"
            return " \(total) | \(results.filter { $0.status == "optimal" }.count) of \(results.count) optimal |"
        }.joined()
    }
}
