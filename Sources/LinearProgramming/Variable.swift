/// A decision variable of one ``Model``: a handle, valid only for the model that created it.
public struct Variable: Hashable, Sendable, Comparable {
    /// Position of the variable in its model, from 0.
    public let index: Int

    public static func < (lhs: Variable, rhs: Variable) -> Bool { lhs.index < rhs.index }
}

/// What values a variable may take.
public enum VariableKind: String, Sendable, Equatable {
    /// 0 or 1.
    case binary
    /// Whole numbers between the bounds.
    case integer
    /// Any real number between the bounds.
    case continuous
}

/// A variable's declaration: its name, kind and bounds (nil means unbounded on that side).
public struct VariableDefinition: Sendable, Equatable {
    public let name: String
    public let kind: VariableKind
    public let lowerBound: Double?
    public let upperBound: Double?
}
