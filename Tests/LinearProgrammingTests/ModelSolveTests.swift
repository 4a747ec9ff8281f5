import Foundation
import Testing

@testable import LinearProgramming

@Suite("Solving small models with known optima")
struct ModelSolveTests {
    /// A start that breaks a row is never offered as an incumbent: the knapsack "take everything" (value 130,
    /// weight 18 > 10) would otherwise beat the true optimum 90.
    @Test func anInfeasibleStartIsNotTaken() throws {
        var model = Model(name: "knapsack")
        let weights: [Double] = [5, 4, 6, 3]
        let values: [Double] = [10, 40, 30, 50]
        let take = weights.indices.map { model.addVariable("take(\($0))", .binary) }
        model.add("capacity", LinearExpression.sum(zip(weights, take).map { $0 * $1 }) <= 10)
        model.maximize(LinearExpression.sum(zip(values, take).map { $0 * $1 }))
        #expect(!model.isFeasible([1, 1, 1, 1]))
        #expect(!model.isFeasible([0.5, 1, 0, 1]))  // not integral
        #expect(model.isFeasible([0, 1, 0, 1]))
        let result = try model.solve(SolveOptions(initialSolution: [1, 1, 1, 1]))
        #expect(result.status == .optimal)
        #expect(result.objectiveValue == 90)
        #expect(take.map { result.isOne($0) } == [false, true, false, true])
    }

    /// 0/1 knapsack, capacity 10: items (weight, value) = (5,10) (4,40) (6,30) (3,50).
    /// Best: items 2 and 4 (weight 7, value 90); checked by enumerating all 16 subsets below.
    @Test func knapsack() throws {
        let weights: [Double] = [5, 4, 6, 3]
        let values: [Double] = [10, 40, 30, 50]
        var model = Model(name: "knapsack")
        let take = weights.indices.map { model.addVariable("take(\($0))", .binary) }
        model.add("capacity", LinearExpression.sum(zip(weights, take).map { $0 * $1 }) <= 10)
        model.maximize(LinearExpression.sum(zip(values, take).map { $0 * $1 }))
        let result = try model.solve()

        var best = 0.0
        for mask in 0..<16 {
            let chosen = (0..<4).filter { mask & (1 << $0) != 0 }
            if chosen.reduce(0, { $0 + weights[$1] }) <= 10 { best = max(best, chosen.reduce(0) { $0 + values[$1] }) }
        }
        #expect(result.status == .optimal)
        #expect(result.objectiveValue == best)
        #expect(result.objectiveValue == 90)
        #expect(take.map { result.isOne($0) } == [false, true, false, true])
        #expect(result.relativeGap == 0)
        #expect(result.bestBound == 90)
    }

    /// 3×3 assignment: the cheapest permutation of this cost matrix costs 5 (1→2, 2→1, 3→3),
    /// which the test confirms against all 6 permutations.
    @Test func assignment() throws {
        let cost: [[Double]] = [[4, 1, 3], [2, 0, 5], [3, 2, 2]]
        var model = Model(name: "assignment")
        let x = (0..<3).map { i in (0..<3).map { j in model.addVariable("x(\(i),\(j))", .binary) } }
        for i in 0..<3 { model.add("row(\(i))", LinearExpression.sum(x[i]) == 1) }
        for j in 0..<3 { model.add("column(\(j))", LinearExpression.sum(x.map { $0[j] }) == 1) }
        model.minimize(LinearExpression.sum((0..<3).flatMap { i in (0..<3).map { j in cost[i][j] * x[i][j] } }))
        let result = try model.solve()

        let permutations = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]
        let best = permutations.map { p in (0..<3).reduce(0.0) { $0 + cost[$1][p[$1]] } }.min()!
        #expect(result.status == .optimal)
        #expect(result.objectiveValue == best)
        for i in 0..<3 { #expect(x[i].filter { result.isOne($0) }.count == 1) }
    }

    @Test func infeasibleIsProvedNotGuessed() throws {
        var model = Model(name: "infeasible")
        let a = model.addVariable("a", .binary)
        let b = model.addVariable("b", .binary)
        model.add("both", a + b >= 2)
        model.add("atMostOne", a + b <= 1)
        model.minimize(LinearExpression(a))
        let result = try model.solve()
        #expect(result.status == .infeasible)
        #expect(result.values.isEmpty)
        #expect(result.objectiveValue == nil)
    }

    /// Integer-infeasible but LP-feasible: 2a = 1 has the relaxation a = 0.5, so only branching proves it.
    @Test func integerInfeasible() throws {
        var model = Model(name: "parity")
        let a = model.addVariable("a", .integer, lowerBound: 0, upperBound: 10)
        model.add("odd", 2 * a == 1)
        model.minimize(LinearExpression(a))
        #expect(try model.solve().status == .infeasible)
        #expect(try model.solve(SolveOptions(presolve: false)).status == .infeasible)
    }

    @Test func unbounded() throws {
        var model = Model(name: "unbounded")
        let a = model.addVariable("a", .integer, lowerBound: 0, upperBound: nil)
        model.add("floor", LinearExpression(a) >= 1)
        model.maximize(LinearExpression(a))
        #expect(try model.solve().status == .unbounded)
    }

    @Test func continuousModelUsesSimplex() throws {
        var model = Model(name: "lp")
        let a = model.addVariable("a", .continuous)
        let b = model.addVariable("b", .continuous)
        model.add("sum", a + b <= 4)
        model.add("mix", a + 3 * b <= 6)
        model.maximize(3 * a + 2 * b)
        let result = try model.solve()
        #expect(result.status == .optimal)
        #expect(abs(result.objectiveValue! - 12) < 1e-9)
    }

    @Test func presolveOffGivesTheSameOptimum() throws {
        var model = Model(name: "knapsack")
        let x = (0..<6).map { model.addVariable("x\($0)", .binary) }
        model.add("cap", LinearExpression.sum(x.enumerated().map { Double($0.offset + 2) * $0.element }) <= 9)
        model.maximize(LinearExpression.sum(x.enumerated().map { Double(($0.offset * 7) % 5 + 1) * $0.element }))
        let on = try model.solve()
        let off = try model.solve(SolveOptions(presolve: false, cuts: []))
        #expect(on.status == .optimal && off.status == .optimal)
        #expect(on.objectiveValue == off.objectiveValue)
    }

    /// The time left for GLPK's next phase is never negative (GLPK aborts the process on a negative tm_lim), also
    /// when the simplex ended after the limit.
    @Test func timeLeftForGLPKIsNeverNegative() {
        #expect(GLPKProblem.remaining(1000, after: 400) == 600)
        #expect(GLPKProblem.remaining(1000, after: 1000) == 0)
        #expect(GLPKProblem.remaining(1000, after: 1003) == 0)
        #expect(GLPKProblem.remaining(Int32.max, after: 0) == Int32.max)
    }

    @Test func glpkOutputGoesToTheLogHandlerNotStandardOutput() throws {
        final class Lines: @unchecked Sendable {
            let lock = NSLock()
            var items: [String] = []
            func add(_ line: String) { lock.withLock { items.append(line) } }
        }
        let lines = Lines()
        var model = Model(name: "logged")
        let a = model.addVariable("a", .integer, lowerBound: 0, upperBound: 5)
        model.add("cap", 2 * a <= 7)
        model.maximize(LinearExpression(a))
        _ = try model.solve(SolveOptions(log: { lines.add($0) }))
        #expect(lines.items.contains { $0.contains("INTEGER OPTIMAL SOLUTION FOUND") })
        #expect(lines.items.allSatisfy { !$0.contains("\n") })
    }

    @Test func anImmediateStopReportsNoProvedOptimum() throws {
        // A model big enough that the root is not integral; asking to stop at once must not claim optimality.
        let model = knapsackToBranchOn(name: "stop")
        let result = try model.solve(SolveOptions(cuts: [], shouldStop: { true }))
        #expect(result.status != .optimal)
        if case .stopped(let reason) = result.status {
            #expect(reason == .interrupted)
            #expect(result.bestBound != nil)
            #expect(result.relativeGap != nil)
        }
    }
}

@Suite("GLPK's memory")
struct MemoryLimitTests {
    @Test func aSearchOverTheMemoryLimitStopsAndSaysWhy() throws {
        let model = knapsackToBranchOn(name: "memory")
        var tight = SolveOptions(cuts: [])
        tight.memoryLimit = 0
        let stopped = try model.solve(tight)
        switch stopped.status {
        case .stopped(let reason), .stoppedWithoutSolution(let reason): #expect(reason == .memoryLimit)
        default: Issue.record("expected a stop for the memory limit, got \(stopped.status)")
        }
        // The default limit (4 GiB) does not stop this search.
        #expect(try model.solve(SolveOptions(cuts: [])).status == .optimal)
    }
}

@Suite("Model values, names and export")
struct ModelStructureTests {
    @Test func constraintsMoveConstantsRightAndMergeTerms() {
        var model = Model()
        let a = model.addVariable("a", .binary)
        let b = model.addVariable("b", .binary)
        let row = model.add("c1", 7 * a + 12 * b + 2 * a - 5 >= 115)
        let constraint = model.constraints[row]
        #expect(constraint.constraint.rightHandSide == 120)
        #expect(constraint.constraint.expression.terms.map(\.coefficient) == [9, 12])
        #expect(model.describe(constraint) == "c1: 9 a + 12 b >= 120")
        #expect(model.size == ModelSize(rows: 1, columns: 2, nonzeros: 2))
    }

    @Test func namesAreMadeValidAndUnique() {
        var model = Model()
        let first = model.addVariable("x[aidil-1]", .binary)
        let second = model.addVariable("x[aidil_1]", .binary)
        let third = model.addVariable("9lives", .binary)
        #expect(model.variables[first.index].name == "x_aidil_1_")
        #expect(model.variables[second.index].name == "x_aidil_1_~2")
        #expect(model.variables[third.index].name == "_9lives")
    }

    @Test func invalidModelsAreRejectedBeforeGLPKSeesThem() {
        var model = Model()
        _ = model.addVariable("a", .continuous, lowerBound: 3, upperBound: 1)
        #expect(throws: ModelError.emptyDomain(variable: "a", lower: 3, upper: 1)) { try model.solve() }
        var other = Model()
        let b = other.addVariable("b", .continuous)
        other.add("nan", Double.nan * b <= 1)
        #expect(throws: ModelError.invalidCoefficient(constraint: "nan")) { try other.solve() }
    }

    @Test func exportsCPLEXLPThatNamesEveryRowAndColumn() throws {
        var model = Model(name: "export")
        let a = model.addVariable("x(a,1)", .binary)
        let b = model.addVariable("load", .integer, lowerBound: 0, upperBound: 9)
        model.add("cover(w1)", a + b >= 1)
        model.minimize(3 * a + LinearExpression(b))
        let text = try model.lpText()
        #expect(text.contains("Minimize"))
        #expect(text.contains("cover(w1):"))
        #expect(text.contains("x(a,1)"))
        #expect(text.contains("Generals"))
        #expect(text.contains("0 <= x(a,1) <= 1"))  // GLPK writes binaries as bounded generals
        #expect(text.contains("End"))
    }

    @Test func exportToAMissingFolderFailsWithAClearError() {
        var model = Model()
        _ = model.addVariable("a", .binary)
        #expect(throws: ModelError.exportFailed(path: "/nonexistent-folder/x.lp")) {
            try model.writeLP(to: "/nonexistent-folder/x.lp")
        }
    }
}

/// A 30-item knapsack whose LP root is not integral: GLPK must branch, so its search callback runs.
func knapsackToBranchOn(name: String) -> Model {
    var model = Model(name: name)
    let x = (0..<30).map { model.addVariable("x\($0)", .binary) }
    model.add("cap", LinearExpression.sum(x.enumerated().map { Double(2 * $0.offset + 3) * $0.element }) <= 101)
    model.maximize(LinearExpression.sum(x.enumerated().map { Double(2 * $0.offset + 4) * $0.element }))
    return model
}

@Suite("Row and column names")
struct ModelNameTests {
    /// Printable ASCII takes a byte path; it must give what the character rule gives, for every character in every
    /// position (first characters get the digit/period prefix rule).
    @Test func asciiNamesSanitizeAsTheCharacterRuleDoes() {
        let printable = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }
        func expected(_ name: String) -> String {
            var result = ModelNames.sanitizeCharacters(name)
            if result.isEmpty || result.first!.isNumber || result.first == "." { result = "_" + result }
            return String(result.prefix(240))
        }
        for character in printable {
            for name in [character, "x" + character, character + "(1,2)", "a b" + character + "é"] {
                #expect(ModelNames.sanitize(name) == expected(name), "\(name)")
            }
        }
        #expect(ModelNames.sanitize("primary(ana,3)") == "primary(ana,3)")
        // "/" is CPLEX LP but HiGHS's reader rejects it (a shift of a rotation was written "rotation-1/3").
        #expect(ModelNames.sanitize("p(ana,rotation-1/3)") == "p(ana,rotation_1_3)")
        #expect(ModelNames.sanitize("3 weeks") == "_3_weeks")
        #expect(ModelNames.sanitize(String(repeating: "a", count: 300)).count == 240)
    }
}

@Suite("Proximity search and node limits")
struct ProximitySearchTests {
    /// Cover 12 elements with sets of varying cost; the start takes every set (feasible, costly).
    static func setCover() -> (model: Model, cost: LinearExpression, everything: [Double]) {
        var model = Model(name: "cover")
        let sets: [[Int]] = [
            [0, 1, 2], [2, 3, 4], [4, 5, 6], [6, 7, 8], [8, 9, 10], [10, 11, 0], [1, 4, 7, 10], [0, 3, 6, 9],
            [2, 5, 8, 11], [0, 5], [3, 9], [1, 7, 11],
        ]
        let prices: [Double] = [3, 3, 3, 3, 3, 3, 4, 4, 4, 2, 2, 3]
        let take = sets.indices.map { model.addVariable("take(\($0))", .binary) }
        for element in 0..<12 {
            model.add(
                "cover(\(element))",
                LinearExpression.sum(sets.indices.filter { sets[$0].contains(element) }.map { take[$0] }) >= 1)
        }
        let cost = LinearExpression.sum(zip(prices, take).map { $0 * $1 })
        model.minimize(cost)
        return (model, cost, [Double](repeating: 1, count: sets.count))
    }

    /// From the costly start, each round moves to the nearest cheaper cover: the result is feasible, strictly
    /// cheaper, never below the proved optimum, and the same on every call (node limits, not seconds).
    @Test func itImprovesTheStartDeterministically() throws {
        let (model, cost, everything) = Self.setCover()
        #expect(model.isIntegral(cost))
        let optimum = try model.solve(SolveOptions()).objectiveValue!
        let first = try model.improveByProximity(
            cost, from: everything, options: SolveOptions(), nodeLimit: 50, rounds: 3)
        let again = try model.improveByProximity(
            cost, from: everything, options: SolveOptions(), nodeLimit: 50, rounds: 3)
        #expect(first == again)
        #expect(model.isFeasible(first))
        #expect(cost.evaluate(first) < cost.evaluate(everything))
        #expect(cost.evaluate(first) >= optimum - 1e-9)
        // From the optimum there is nothing better: the start comes back unchanged.
        let best = try model.solve(SolveOptions()).values
        #expect(
            try model.improveByProximity(cost, from: best, options: SolveOptions(), nodeLimit: 50, rounds: 3) == best)
    }

    @Test func distanceCountsChangedBinariesAndIntegralityIsChecked() {
        var model = Model(name: "small")
        let a = model.addVariable("a", .binary)
        let b = model.addVariable("b", .binary)
        let c = model.addVariable("c", .continuous, lowerBound: 0, upperBound: 5)
        let distance = model.distance(from: [1, 0, 3])
        #expect(distance.evaluate([1, 0, 0]) == 0)
        #expect(distance.evaluate([0, 1, 4]) == 2)
        #expect(model.isIntegral(2 * a + 3 * b))
        #expect(!model.isIntegral(2 * a + 1 * c))
        #expect(!model.isIntegral(0.5 * a))
    }

    /// From a reference that breaks the rows (no set taken), `nearest` returns a cover with the fewest sets changed:
    /// the least number of sets that cover everything, found by enumerating all 4,096 subsets; with a cost cap as
    /// a row, the nearest cover within it.
    @Test func nearestFindsTheFewestChangesByExhaustiveSearch() throws {
        let (model, cost, _) = Self.setCover()
        let none = [Double](repeating: 0, count: 12)
        func covers(_ subset: Int) -> [Double] { (0..<12).map { subset & (1 << $0) != 0 ? 1 : 0 } }
        let feasible = (0..<4096).map(covers).filter { model.isFeasible($0) }
        let optimum = try model.solve(SolveOptions()).objectiveValue!
        for cap in [Double.infinity, optimum + 2, optimum] {
            var capped = model
            if cap.isFinite { capped.add("cap", cost <= cap) }
            let found = try #require(try capped.nearest(to: none, options: SolveOptions(), nodeLimit: 1000))
            #expect(capped.isFeasible(found))
            let fewest = feasible.filter { cost.evaluate($0) <= cap }.map { $0.reduce(0, +) }.min()!
            #expect(found.reduce(0, +) == fewest, "cap \(cap)")
        }
        // Nothing within an impossible cap: no solution, not a wrong one.
        var impossible = model
        impossible.add("cap", cost <= optimum - 1)
        #expect(try impossible.nearest(to: none, options: SolveOptions(), nodeLimit: 1000) == nil)
    }

    /// The bounds floor of an expression is below every feasible value: on random boxes of mixed variables with
    /// random signed coefficients it equals the LP minimum over the box alone (no rows: the bounds are the only
    /// limit), is nil when a needed bound is missing, and a row can only raise the optimum above it.
    @Test func theBoundsFloorIsTheLeastValueTheBoundsAllow() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func draw(_ range: ClosedRange<Int>) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return range.lowerBound + Int((state >> 33) % UInt64(range.count))
        }
        for round in 0..<60 {
            var model = Model(name: "box\(round)")
            var expression = LinearExpression(constant: Double(draw(-3...3)))
            for k in 0..<draw(1...6) {
                let kind: VariableKind = [.binary, .integer, .continuous][k % 3]
                let lower = Double(draw(-4...2))
                let x = model.addVariable("x\(k)", kind, lowerBound: lower, upperBound: lower + 3)
                expression.add(x, coefficient: Double(draw(-5...5)) / 2)
            }
            model.minimize(expression)
            let floor = try #require(model.boundsFloor(of: expression))
            let optimum = try #require(try model.solve(SolveOptions()).objectiveValue)
            #expect(abs(floor - optimum) < 1e-6, "round \(round): floor \(floor), optimum \(optimum)")
            var constrained = model
            constrained.add("row", LinearExpression.sum(model.variables.indices.map { Variable(index: $0) }) >= 1)
            if let value = try constrained.solve(SolveOptions()).objectiveValue { #expect(value >= floor - 1e-6) }
        }
        var open = Model(name: "open")
        let free = open.addVariable("free", .continuous, lowerBound: nil)
        #expect(open.boundsFloor(of: 2 * free) == nil)
        #expect(open.boundsFloor(of: -2 * free) == nil)
        let capped = open.addVariable("capped", .continuous, lowerBound: nil, upperBound: 4)
        #expect(open.boundsFloor(of: -1 * capped) == -4)
    }

    /// The relaxation alone bounds the integer optimum from below; on this knapsack it is fractional and strictly
    /// below the integer optimum, and it is the LP's own optimum (a fractional item at the capacity).
    @Test func theRelaxationAloneIsALowerBoundWithoutBranching() throws {
        var model = Model(name: "knapsack")
        let take = (0..<3).map { model.addVariable("take(\($0))", .binary) }
        model.add("capacity", 3 * take[0] + 3 * take[1] + 3 * take[2] <= 4)
        model.minimize(-5 * take[0] - 4 * take[1] - 3 * take[2])
        var options = SolveOptions()
        options.relaxationOnly = true
        let relaxation = try model.solve(options)
        #expect(relaxation.status == .optimal)
        #expect(abs(relaxation.objectiveValue! - (-5 - 4.0 / 3)) < 1e-9)
        #expect(relaxation.branchNodes == 0)
        let integer = try model.solve(SolveOptions())
        #expect(integer.objectiveValue! == -5)
        #expect(relaxation.objectiveValue! < integer.objectiveValue!)
    }

    /// A knapsack that needs many nodes stops at the node limit with that reason; without it, it is proved.
    @Test func aNodeLimitStopsTheSearchWithItsReason() throws {
        var model = Model(name: "knapsack")
        let weights: [Double] = (0..<30).map { Double(31 + ($0 * 37) % 53) }
        let values: [Double] = (0..<30).map { Double(40 + ($0 * 29) % 61) }
        let take = weights.indices.map { model.addVariable("take(\($0))", .binary) }
        model.add("capacity", LinearExpression.sum(zip(weights, take).map { $0 * $1 }) <= 601)
        model.maximize(LinearExpression.sum(zip(values, take).map { $0 * $1 }))
        let free = try model.solve(SolveOptions(cuts: []))
        #expect(free.status == .optimal)
        #expect(free.branchNodes > 3)
        var limited = SolveOptions(cuts: [])
        limited.nodeLimit = 3
        let stopped = try model.solve(limited)
        #expect(stopped.status == .stopped(.nodeLimit) || stopped.status == .stoppedWithoutSolution(.nodeLimit))
    }
}

@Suite("Starting the LP relaxation from an earlier basis")
struct StartingBasisTests {
    /// A random set-cover model: `sets` sets over `elements` elements, every element in at least one set.
    static func cover(seed: Int, sets: Int, elements: Int) -> (model: Model, take: [Variable], everything: [Double]) {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var members = (0..<sets).map { _ in Set((0..<(2 + next(4))).map { _ in next(elements) }) }
        for element in 0..<elements where !members.contains(where: { $0.contains(element) }) {
            members[next(sets)].insert(element)
        }
        var model = Model(name: "cover")
        let take = (0..<sets).map { model.addVariable("take(\($0))", .binary) }
        for element in 0..<elements {
            model.add(
                "cover(\(element))",
                LinearExpression.sum((0..<sets).filter { members[$0].contains(element) }.map { take[$0] }) >= 1)
        }
        return (model, take, [Double](repeating: 1, count: sets))
    }

    /// Two lexicographic levels as the planner runs them: the second level, held to the first's optimum, gives the
    /// same answer from the first level's basis as from scratch, with fewer simplex iterations over all models.
    @Test func aSecondLevelFromTheFirstBasisHasTheSameOptimumInFewerIterations() throws {
        var withBasis = 0
        var fromScratch = 0
        for seed in 0..<40 {
            var (model, take, everything) = Self.cover(seed: seed, sets: 30, elements: 24)
            let cost = LinearExpression.sum(
                take.enumerated().map { Double(1 + ($0.offset * 7 + seed) % 5) * $0.element })
            model.minimize(cost)
            let first = try model.solve(SolveOptions(initialSolution: everything))
            #expect(first.status == .optimal)
            let basis = try #require(first.relaxationBasis, "seed \(seed): the LP was solved by the simplex method")
            model.add("hold", cost <= first.objectiveValue! + 1e-6)
            let sets = LinearExpression.sum(
                take.enumerated().map { Double(1 + ($0.offset * 3 + seed) % 4) * $0.element })
            model.minimize(sets)
            var options = SolveOptions(initialSolution: first.values)
            let scratch = try model.solve(options)
            options.startingBasis = basis
            let resumed = try model.solve(options)
            #expect(resumed.status == .optimal && scratch.status == .optimal, "seed \(seed)")
            #expect(abs(resumed.objectiveValue! - scratch.objectiveValue!) < 1e-5, "seed \(seed)")  // GLPK's tolerances
            withBasis += resumed.simplexIterations
            fromScratch += scratch.simplexIterations
        }
        #expect(withBasis < fromScratch, "\(withBasis) iterations from the earlier bases, \(fromScratch) from scratch")
    }

    /// A basis that does not fit (other columns) is ignored, and one GLPK cannot factorise (every column basic) is
    /// replaced by a fresh start: the optimum is found either way.
    @Test func aBasisThatDoesNotFitOrIsInvalidFallsBackToAFreshStart() throws {
        var (model, take, everything) = Self.cover(seed: 7, sets: 20, elements: 16)
        model.minimize(LinearExpression.sum(take))
        let reference = try model.solve(SolveOptions(initialSolution: everything))
        var options = SolveOptions(initialSolution: everything)
        options.startingBasis = Basis(rows: [], columns: [1, 2])
        #expect(try model.solve(options).objectiveValue == reference.objectiveValue)
        options.startingBasis = Basis(
            rows: [Int32](repeating: 2, count: model.constraints.count),
            columns: [Int32](repeating: 1, count: take.count))
        let repaired = try model.solve(options)
        #expect(repaired.status == .optimal)
        #expect(repaired.objectiveValue == reference.objectiveValue)
    }
}

@Suite("A start outlasting the time limit")
struct StartAsIncumbentTests {
    /// An assignment of 40 workers to 40 jobs, cost (i·7 + j·13) mod 29: its relaxation takes GLPK more than no time.
    static func assignment() -> (Model, [Double]) {
        var model = Model(name: "assignment")
        let n = 40
        let x = (0..<n).map { i in (0..<n).map { j in model.addVariable("x(\(i),\(j))", .binary) } }
        for i in 0..<n { model.add("worker(\(i))", LinearExpression.sum(x[i].map { LinearExpression($0) }) == 1) }
        for j in 0..<n { model.add("job(\(j))", LinearExpression.sum((0..<n).map { LinearExpression(x[$0][j]) }) == 1) }
        var cost = LinearExpression()
        for i in 0..<n {
            for j in 0..<n { cost = cost + Double((i * 7 + j * 13) % 29) * x[i][j] }
        }
        model.minimize(cost)
        // The diagonal: feasible, not optimal.
        var start = [Double](repeating: 0, count: n * n)
        for i in 0..<n { start[x[i][i].index] = 1 }
        return (model, start)
    }

    /// When the search stops before it has a solution of its own, a feasible start is the result: not proved optimal,
    /// its own objective, no bound or gap claimed. Without a start, nothing is found.
    @Test func theStartIsTheIncumbentWhenTheSearchFindsNone() throws {
        let (model, start) = Self.assignment()
        #expect(model.isFeasible(start))
        let bare = try model.solve(SolveOptions(timeLimit: 0))
        guard case .stoppedWithoutSolution(.timeLimit) = bare.status else {
            Issue.record("expected no solution within 0 s, got \(bare.status)")
            return
        }
        let started = try model.solve(SolveOptions(timeLimit: 0, initialSolution: start))
        #expect(started.status == .stopped(.timeLimit))
        #expect(started.values == start)
        #expect(started.objectiveValue == model.objective.expression.evaluate(start))
        #expect(started.bestBound == nil && started.relativeGap == nil)
        // With time, the search does better than the start and proves it.
        let solved = try model.solve(SolveOptions(timeLimit: 60, initialSolution: start))
        #expect(solved.status == .optimal)
        #expect(try #require(solved.objectiveValue) < model.objective.expression.evaluate(start))
    }
}
