/// A linear expression Σ cᵢ·xᵢ + constant, built with the usual operators:
/// `2 * x + y - 3`, `LinearExpression.sum(xs)`.
public struct LinearExpression: Sendable {
    /// Terms in the order they were added; the same variable may appear more than once
    /// until ``normalized()`` merges them.
    public private(set) var terms: [(variable: Variable, coefficient: Double)]
    public var constant: Double

    public init(terms: [(variable: Variable, coefficient: Double)] = [], constant: Double = 0) {
        self.terms = terms
        self.constant = constant
    }

    public init(_ variable: Variable) { self.init(terms: [(variable, 1)]) }

    /// The sum of `variables`, each with coefficient 1.
    public static func sum<S: Sequence>(_ variables: S) -> LinearExpression where S.Element == Variable {
        LinearExpression(terms: variables.map { ($0, 1.0) })
    }

    /// The sum of `expressions`.
    public static func sum<S: Sequence>(_ expressions: S) -> LinearExpression where S.Element == LinearExpression {
        var total = LinearExpression()
        for expression in expressions { total += expression }
        return total
    }

    public mutating func add(_ variable: Variable, coefficient: Double = 1) {
        terms.append((variable, coefficient))
    }

    /// Terms sorted by variable, duplicates merged, zero coefficients dropped.
    public func normalized() -> LinearExpression {
        var merged: [Int: Double] = [:]
        for (variable, coefficient) in terms { merged[variable.index, default: 0] += coefficient }
        let sorted = merged.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        return LinearExpression(terms: sorted.map { (Variable(index: $0.key), $0.value) }, constant: constant)
    }

    /// The value of the expression for the given variable values (indexed by ``Variable/index``).
    public func evaluate(_ values: [Double]) -> Double {
        terms.reduce(constant) { $0 + $1.coefficient * values[$1.variable.index] }
    }
}

// MARK: - Operators

extension LinearExpression {
    public static func + (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
        LinearExpression(terms: lhs.terms + rhs.terms, constant: lhs.constant + rhs.constant)
    }
    public static func - (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression { lhs + (-1.0) * rhs }
    public static func * (lhs: Double, rhs: LinearExpression) -> LinearExpression {
        LinearExpression(terms: rhs.terms.map { ($0.variable, lhs * $0.coefficient) }, constant: lhs * rhs.constant)
    }
    public static func * (lhs: LinearExpression, rhs: Double) -> LinearExpression { rhs * lhs }
    public static prefix func - (operand: LinearExpression) -> LinearExpression { -1.0 * operand }
    public static func += (lhs: inout LinearExpression, rhs: LinearExpression) {
        lhs.terms.append(contentsOf: rhs.terms)
        lhs.constant += rhs.constant
    }
    public static func -= (lhs: inout LinearExpression, rhs: LinearExpression) { lhs += -rhs }
}

extension Variable {
    public static func * (lhs: Double, rhs: Variable) -> LinearExpression { LinearExpression(terms: [(rhs, lhs)]) }
    public static func * (lhs: Variable, rhs: Double) -> LinearExpression { rhs * lhs }
    public static func + (lhs: Variable, rhs: Variable) -> LinearExpression {
        LinearExpression(lhs) + LinearExpression(rhs)
    }
    public static func + (lhs: LinearExpression, rhs: Variable) -> LinearExpression { lhs + LinearExpression(rhs) }
    public static func + (lhs: Variable, rhs: LinearExpression) -> LinearExpression { LinearExpression(lhs) + rhs }
    public static func - (lhs: Variable, rhs: Variable) -> LinearExpression {
        LinearExpression(lhs) - LinearExpression(rhs)
    }
    public static func - (lhs: LinearExpression, rhs: Variable) -> LinearExpression { lhs - LinearExpression(rhs) }
    public static func - (lhs: Variable, rhs: LinearExpression) -> LinearExpression { LinearExpression(lhs) - rhs }
}

extension LinearExpression {
    public static func + (lhs: LinearExpression, rhs: Double) -> LinearExpression {
        LinearExpression(terms: lhs.terms, constant: lhs.constant + rhs)
    }
    public static func - (lhs: LinearExpression, rhs: Double) -> LinearExpression { lhs + (-rhs) }
    public static func + (lhs: Double, rhs: LinearExpression) -> LinearExpression { rhs + lhs }
    public static func - (lhs: Double, rhs: LinearExpression) -> LinearExpression { -rhs + lhs }
}
