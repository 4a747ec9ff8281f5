/// How the two sides of a constraint relate.
public enum Relation: String, Sendable, Equatable {
    case lessOrEqual = "<="
    case greaterOrEqual = ">="
    case equal = "="
}

/// `expression relation rightHandSide`, with every variable on the left and the constant on the right.
/// Built with `<=`, `>=` and `==` between expressions, variables and numbers.
public struct LinearConstraint: Sendable {
    public let expression: LinearExpression
    public let relation: Relation
    public let rightHandSide: Double

    public init(_ lhs: LinearExpression, _ relation: Relation, _ rhs: LinearExpression) {
        let moved = (lhs - rhs).normalized()
        self.expression = LinearExpression(terms: moved.terms)
        self.relation = relation
        self.rightHandSide = -moved.constant
    }

    /// Whether `values` satisfy the constraint, within `tolerance`.
    public func isSatisfied(by values: [Double], tolerance: Double = 1e-6) -> Bool {
        let left = expression.evaluate(values)
        switch relation {
        case .lessOrEqual: return left <= rightHandSide + tolerance
        case .greaterOrEqual: return left >= rightHandSide - tolerance
        case .equal: return abs(left - rightHandSide) <= tolerance
        }
    }
}

public func <= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint { .init(lhs, .lessOrEqual, rhs) }
public func >= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint { .init(lhs, .greaterOrEqual, rhs) }
public func == (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint { .init(lhs, .equal, rhs) }
public func <= (lhs: Variable, rhs: LinearExpression) -> LinearConstraint {
    .init(LinearExpression(lhs), .lessOrEqual, rhs)
}
public func >= (lhs: Variable, rhs: LinearExpression) -> LinearConstraint {
    .init(LinearExpression(lhs), .greaterOrEqual, rhs)
}
public func == (lhs: Variable, rhs: LinearExpression) -> LinearConstraint { .init(LinearExpression(lhs), .equal, rhs) }
public func <= (lhs: Variable, rhs: Variable) -> LinearConstraint {
    .init(LinearExpression(lhs), .lessOrEqual, LinearExpression(rhs))
}
public func >= (lhs: Variable, rhs: Variable) -> LinearConstraint {
    .init(LinearExpression(lhs), .greaterOrEqual, LinearExpression(rhs))
}
public func <= (lhs: LinearExpression, rhs: Double) -> LinearConstraint {
    .init(lhs, .lessOrEqual, LinearExpression(constant: rhs))
}
public func >= (lhs: LinearExpression, rhs: Double) -> LinearConstraint {
    .init(lhs, .greaterOrEqual, LinearExpression(constant: rhs))
}
public func == (lhs: LinearExpression, rhs: Double) -> LinearConstraint {
    .init(lhs, .equal, LinearExpression(constant: rhs))
}
