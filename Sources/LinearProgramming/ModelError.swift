/// A model that GLPK must not be given (it would abort the process), or a file that could not be written.
public enum ModelError: Error, Equatable, CustomStringConvertible {
    /// A bound is infinite or not a number; leave it nil for "unbounded".
    case invalidBound(variable: String, value: Double)
    /// The lower bound is above the upper bound.
    case emptyDomain(variable: String, lower: Double, upper: Double)
    /// A coefficient or right-hand side is infinite or not a number.
    case invalidCoefficient(constraint: String)
    /// A variable that belongs to another model.
    case foreignVariable(constraint: String)
    /// GLPK could not write the LP file.
    case exportFailed(path: String)

    public var description: String {
        switch self {
        case .invalidBound(let variable, let value):
            return "variable \(variable) has bound \(value); use nil for an unbounded side"
        case .emptyDomain(let variable, let lower, let upper):
            return "variable \(variable) has lower bound \(lower) above upper bound \(upper)"
        case .invalidCoefficient(let constraint):
            return "\(constraint) has a coefficient or right-hand side that is not a finite number"
        case .foreignVariable(let constraint):
            return "\(constraint) uses a variable that was not created by this model"
        case .exportFailed(let path):
            return "could not write the model to \(path); check that its folder exists and is writable"
        }
    }
}
