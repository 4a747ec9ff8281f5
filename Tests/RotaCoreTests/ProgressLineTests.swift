import Foundation
import Synchronization
import Testing

@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// The live progress line: GLPK's branch-and-cut lines read, and the line as shown.
@Suite("Progress line")
struct ProgressLineTests {
    @Test func glpkLinesGiveBestBoundAndGap() {
        var line = ProgressLine()
        line.level = "Total holiday burden"
        #expect(line.rendered(elapsed: 1.25, limit: 60) == "Total holiday burden · 1.25 s of 60 s")
        line.read(glpk: "+ 42094: mip =   4.000000000e+00 >=   2.000000000e+00  50.0% (336; 544)")
        #expect(line.best == 4 && line.bound == 2 && line.gap == 0.5)
        #expect(line.rendered(elapsed: 3, limit: nil) == "Total holiday burden · 3 s · best 4, bound 2, gap 50 %")
        // Before any incumbent, and GLPK's infinite bound: nothing made up, nothing that traps.
        line.read(glpk: "+   312: mip =     not found yet >=              -inf        (1; 0)")
        #expect(line.best == nil && line.bound == nil && line.gap == nil)
        // Other lines change nothing.
        line.read(glpk: "+ 42094: mip =   4.0e+00 >=   2.0e+00  50.0% (336; 544)")
        line.read(glpk: "Integer optimization begins...")
        #expect(line.best == 4)
        #expect(TextFormatting.number(.infinity) == "∞" && TextFormatting.number(-.infinity) == "−∞")
    }
}

/// `rota compare`'s progress: the line follows the batch's events, and the batch reports every scenario's life.
@Suite("Comparison progress")
struct ComparisonProgressTests {
    @Test func theLineCountsWhatIsDoneAndShowsEachRunningScenario() {
        var progress = ComparisonProgress(names: ["base", "cny-off", "two-away"])
        #expect(progress.rendered(at: 0, width: 200) == "0 of 3 done")
        progress.apply(.started(0), at: 0)
        progress.apply(.level(0, .started(title: "Primary balance")), at: 0.5)
        progress.apply(.started(1), at: 0.5)
        progress.apply(.solver(0, "+ 42094: mip =   4.0e+00 >=   2.0e+00  50.0% (336; 544)"), at: 1)
        #expect(
            progress.rendered(at: 2, width: 200)
                == "0 of 3 done · base: Primary balance 1.5 s, gap 50 % · cny-off: starting 1.5 s")
        progress.apply(.finished(0, planned: true, proved: false), at: 3)
        progress.apply(.started(2), at: 3)
        progress.apply(.finished(2, planned: false, proved: false), at: 3.5)
        #expect(
            progress.rendered(at: 4, width: 200)
                == "2 of 3 done (1 not proved optimal) (1 without a schedule) · cny-off: starting 3.5 s")
        // Solver lines for a scenario no longer running change nothing.
        progress.apply(.solver(0, "+ 1: mip = 1.0e+00 >= 1.0e+00 0.0% (1; 0)"), at: 5)
        #expect(progress.rendered(at: 4, width: 200).hasPrefix("2 of 3 done"))
        // Cut to the width, in graphemes, with an ellipsis.
        let cut = progress.rendered(at: 4, width: 20)
        #expect(cut.count == 20 && cut.hasSuffix("…"))
    }

    @Test func theBatchReportsEachScenarioStartedThenFinishedWithItsOutcome() throws {
        let (base, variants) = try TestScenarios.seedWithVariants("xyz-tech-2027q1")
        let scenarios = [base] + variants.map(\.scenario)
        let events = Mutex<[BatchPlanner.Event]>([])
        let results = BatchPlanner(options: PlanOptions(conflictsToExplain: 0), jobs: 2).plan(scenarios) { event in
            events.withLock { $0.append(event) }
        }
        let seen = events.withLock { $0 }
        for index in scenarios.indices {
            let own = seen.filter { event in
                switch event {
                case .started(let i), .level(let i, _), .solver(let i, _), .finished(let i, _, _): return i == index
                }
            }
            guard case .started = own.first, case .finished(_, let planned, let proved) = own.last else {
                Issue.record("scenario \(index): \(own.count) events, not started … finished")
                continue
            }
            let plan = try? results[index].get()
            #expect(planned == (plan != nil))
            #expect(proved == (plan?.provedOptimal ?? false))
            // A planned scenario went through its levels, in the planner's order.
            let levels = own.compactMap { event -> String? in
                if case .level(_, .started(let title)) = event { return title }
                return nil
            }
            if let plan { #expect(levels.count == plan.levels.count) }
        }
    }
}
