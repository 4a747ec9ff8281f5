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

    /// What happens to one scenario of the batch (by its index), for progress shown while the batch runs.
    public enum Event: Sendable {
        case started(Int)
        case level(Int, LevelEvent)
        /// A line of GLPK's output for that scenario's solve.
        case solver(Int, String)
        /// Done: planned (`proved`: every level proved optimal), or no plan.
        case finished(Int, planned: Bool, proved: Bool)
    }

    /// Every scenario planned, each as a replan of `baseline` when one is given; `progress` hears each scenario's
    /// start, levels, solver lines and end (from the solving threads).
    public func plan(
        _ scenarios: [Scenario], baseline: PlanBaseline? = nil, progress: (@Sendable (Event) -> Void)? = nil
    ) -> [Result<Plan, PlanningError>] {
        let next = Mutex(0)
        let results = Mutex([Result<Plan, PlanningError>?](repeating: nil, count: scenarios.count))
        @Sendable func planner(for index: Int) -> Planner {
            guard let progress else { return Planner(options: options) }
            var own = options
            let log = options.log
            own.log = { line in
                log?(line)
                progress(.solver(index, line))
            }
            let levels = options.levelProgress
            own.levelProgress = { event in
                levels?(event)
                progress(.level(index, event))
            }
            return Planner(options: own)
        }
        DispatchQueue.concurrentPerform(iterations: min(jobs, scenarios.count)) { _ in
            while true {
                let index = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard index < scenarios.count else { return }
                progress?(.started(index))
                let result = Result { () throws(PlanningError) -> Plan in
                    try planner(for: index).plan(scenarios[index], baseline: baseline)
                }
                results.withLock { $0[index] = result }
                let plan = try? result.get()
                progress?(.finished(index, planned: plan != nil, proved: plan?.provedOptimal ?? false))
            }
        }
        return results.withLock { $0.map { $0! } }
    }
}
