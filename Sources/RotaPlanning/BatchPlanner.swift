import Foundation
import RotaChecking
import RotaModel
import Synchronization

/// Plans several scenarios at once, on up to `jobs` threads (each solve is single-threaded; GLPK keeps its state
/// per thread). Results come back in the order of the scenarios, whatever order the solves finish in.
public struct BatchPlanner: Sendable {
    public let options: PlanOptions
    public let jobs: Int

    public init(options: PlanOptions, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.options = options
        self.jobs = max(1, jobs)
    }

    /// Every scenario planned, each as a replan of `baseline` when one is given.
    public func plan(_ scenarios: [Scenario], baseline: PlanBaseline? = nil) -> [Result<Plan, PlanningError>] {
        let next = Mutex(0)
        let results = Mutex([Result<Plan, PlanningError>?](repeating: nil, count: scenarios.count))
        let planner = Planner(options: options)
        DispatchQueue.concurrentPerform(iterations: min(jobs, scenarios.count)) { _ in
            while true {
                let index = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard index < scenarios.count else { return }
                let result = Result { () throws(PlanningError) -> Plan in
                    try planner.plan(scenarios[index], baseline: baseline)
                }
                results.withLock { $0[index] = result }
            }
        }
        return results.withLock { $0.map { $0! } }
    }
}
