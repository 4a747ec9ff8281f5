/// A mixed-integer linear program as a value: variables, named constraints and one objective.
///
/// ```swift
/// var model = Model(name: "knapsack")
/// let x = model.addVariable("x", .binary)
/// model.add("weight", 7 * x <= 10)
/// model.maximize(3 * x)
/// let result = try model.solve()
/// ```
/// Names are made safe for the CPLEX LP format (see ``ModelNames``) and unique.
public struct Model: Sendable {
    public var name: String
    public private(set) var variables: [VariableDefinition] = []
    public private(set) var constraints: [NamedConstraint] = []
    public private(set) var objective = Objective(sense: .minimize, expression: LinearExpression())
    private var names = ModelNames()

    public init(name: String = "model") { self.name = name }

    /// Declares a variable. Binary variables ignore the bounds given (they are 0 and 1).
    public mutating func addVariable(
        _ name: String, _ kind: VariableKind, lowerBound: Double? = 0, upperBound: Double? = nil
    ) -> Variable {
        let (lower, upper): (Double?, Double?) = kind == .binary ? (0, 1) : (lowerBound, upperBound)
        variables.append(VariableDefinition(name: names.column(name), kind: kind, lowerBound: lower, upperBound: upper))
        return Variable(index: variables.count - 1)
    }

    /// Adds a named constraint and returns its position.
    /// Fixes `variable` at `value` (both bounds), e.g. to exclude symmetric copies of solutions.
    public mutating func fix(_ variable: Variable, at value: Double) {
        let old = variables[variable.index]
        variables[variable.index] = VariableDefinition(
            name: old.name, kind: old.kind, lowerBound: value, upperBound: value)
    }

    @discardableResult
    public mutating func add(_ name: String, _ constraint: LinearConstraint) -> Int {
        constraints.append(NamedConstraint(name: names.row(name), constraint: constraint))
        return constraints.count - 1
    }

    public mutating func minimize(_ expression: LinearExpression) {
        objective = Objective(sense: .minimize, expression: expression)
    }
    public mutating func maximize(_ expression: LinearExpression) {
        objective = Objective(sense: .maximize, expression: expression)
    }

    /// Rows, columns and non-zero coefficients, as the solver sees them.
    public var size: ModelSize {
        ModelSize(
            rows: constraints.count, columns: variables.count,
            nonzeros: constraints.reduce(0) { $0 + $1.constraint.expression.terms.count })
    }

    /// A constraint as one readable line: `cover(w1): x(aidil,1) + x(choo,1) = 1`.
    public func describe(_ constraint: NamedConstraint) -> String {
        var text = constraint.name + ":"
        for (position, term) in constraint.constraint.expression.terms.enumerated() {
            let magnitude = abs(term.coefficient)
            let sign = term.coefficient < 0 ? "-" : (position == 0 ? "" : "+")
            text += " " + (sign.isEmpty ? "" : sign + " ")
            text += (magnitude == 1 ? "" : ModelNames.format(magnitude) + " ") + variables[term.variable.index].name
        }
        return text
            + " \(constraint.constraint.relation.rawValue) \(ModelNames.format(constraint.constraint.rightHandSide))"
    }

    /// Checks what GLPK would otherwise abort the process on: bounds, finite numbers, variables of this model.
    func validate() throws(ModelError) {
        for variable in variables {
            for bound in [variable.lowerBound, variable.upperBound].compactMap({ $0 }) where !bound.isFinite {
                throw .invalidBound(variable: variable.name, value: bound)
            }
            if let lower = variable.lowerBound, let upper = variable.upperBound, lower > upper {
                throw .emptyDomain(variable: variable.name, lower: lower, upper: upper)
            }
        }
        for row in constraints {
            if !row.constraint.rightHandSide.isFinite { throw .invalidCoefficient(constraint: row.name) }
            for term in row.constraint.expression.terms {
                guard term.variable.index < variables.count else { throw .foreignVariable(constraint: row.name) }
                guard term.coefficient.isFinite else { throw .invalidCoefficient(constraint: row.name) }
            }
        }
        for term in objective.expression.terms {
            guard term.variable.index < variables.count else { throw .foreignVariable(constraint: "objective") }
            guard term.coefficient.isFinite else { throw .invalidCoefficient(constraint: "objective") }
        }
    }
}

/// A constraint with the name it carries in exports and messages.
public struct NamedConstraint: Sendable {
    public let name: String
    public let constraint: LinearConstraint
}

/// Whether the objective is minimized or maximized.
public enum OptimizationSense: String, Sendable { case minimize, maximize }

/// The function to optimize.
public struct Objective: Sendable {
    public let sense: OptimizationSense
    public let expression: LinearExpression
}

/// The dimensions of a model.
public struct ModelSize: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    public let nonzeros: Int

    public init(rows: Int, columns: Int, nonzeros: Int) {
        self.rows = rows
        self.columns = columns
        self.nonzeros = nonzeros
    }
}
