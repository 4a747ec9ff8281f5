extension Model {
    /// How many binary columns differ from `reference` (values by variable index): Σ over binaries of x_j where
    /// the reference has 0, and 1 − x_j where it has 1. The objective of a proximity search.
    public func distance(from reference: [Double]) -> LinearExpression {
        var expression = LinearExpression()
        for (index, variable) in variables.enumerated() where variable.kind == .binary {
            if reference[index] > 0.5 {
                expression.add(Variable(index: index), coefficient: -1)
                expression.constant += 1
            } else {
                expression.add(Variable(index: index), coefficient: 1)
            }
        }
        return expression
    }

    /// A solution of this model as near to `reference` as the search finds within `nodeLimit` nodes (fewest binaries
    /// changed; `reference` itself need not satisfy the rows): a first incumbent made from a known solution of a
    /// neighbouring model. Nil when the search finds none.
    public func nearest(to reference: [Double], options: SolveOptions, nodeLimit: Int) throws(ModelError) -> [Double]? {
        var search = self
        search.minimize(distance(from: reference))
        var settings = options
        settings.initialSolution = nil
        settings.nodeLimit = nodeLimit
        let result = try search.solve(settings)
        return result.status.hasSolution ? result.values : nil
    }

    /// Whether `expression` is a whole number in every solution: whole coefficients on binary and integer columns
    /// only, and a whole constant.
    public func isIntegral(_ expression: LinearExpression) -> Bool {
        expression.constant == expression.constant.rounded()
            && expression.terms.allSatisfy { term in
                variables[term.variable.index].kind != .continuous && term.coefficient == term.coefficient.rounded()
            }
    }

    /// Proximity search (Fischetti & Monaci, 2014) bounded by nodes, not seconds: from the feasible `start`, looks
    /// for the solution nearest to it (fewest binaries changed) among those that lower the integral `objective` by
    /// at least 1 — the nearest found within `nodeLimit` nodes — and repeats from there, at most `rounds` times. The
    /// same model gives the same result on any machine (only `options`' time limit, if it ends a search, can make
    /// it depend on speed). Returns the best solution found (the start when none is better).
    public func improveByProximity(
        _ objective: LinearExpression, from start: [Double], options: SolveOptions, nodeLimit: Int, rounds: Int
    ) throws(ModelError) -> [Double] {
        precondition(isIntegral(objective), "proximity search needs an integral objective")
        var best = start
        let clock = ContinuousClock()
        let begin = clock.now
        for round in 0..<rounds {
            var search = self
            search.add("proximity_better_\(round + 1)", objective <= objective.evaluate(best) - 1)
            search.minimize(distance(from: best))
            var settings = options
            settings.initialSolution = nil
            settings.nodeLimit = nodeLimit
            settings.timeLimit = options.timeLimit.map { max(0, $0 - (clock.now - begin).totalSeconds) }
            let result = try search.solve(settings)
            guard result.status.hasSolution else { break }
            best = result.values
        }
        return best
    }
}
