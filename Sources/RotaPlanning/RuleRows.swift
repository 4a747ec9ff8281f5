import LinearProgramming
import RotaChecking
import RotaModel

/// One instance of a rule in the model: which rule, whom and when it concerns. Explanations and soft-rule counts
/// speak in instances.
public struct RuleInstance: Sendable, Equatable {
    public let rule: Rule
    /// Engineer ids.
    public let engineers: [String]
    /// 0-based shift indices.
    public let shifts: [Int]
    public let pipeline: String?
    /// How many of the history's last shifts the instance reaches back into (``HistoryLead``); 0: none.
    public let history: Int

    public init(
        _ rule: Rule, engineers: [String] = [], shifts: [Int] = [], pipeline: String? = nil, history: Int = 0
    ) {
        self.rule = rule
        self.engineers = engineers
        self.shifts = shifts
        self.pipeline = pipeline
        self.history = history
    }
}

/// How rule instances enter the model.
enum RuleMode {
    /// Hard rules are rows; each instance of a soft rule has a slack, counted at the rule's level.
    case planning
    /// Every instance that can be relaxed (leave, pins, forbidden duty, gaps, caps, fairness bounds…) has a slack;
    /// soft rules are left out (they never make a scenario infeasible). Used to explain infeasibility.
    case elastic
}

/// A rule instance whose rows carry a slack: 1 when the instance is broken.
struct RelaxableRow {
    let slack: Variable
    let instance: RuleInstance
    /// The instance's rows with the slack at 0.
    let constraints: [LinearConstraint]
}

/// Adds rule instances to a model as rows, or with a slack (``RuleMode``, soft rules).
struct RuleRowWriter {
    var model: Model
    let mode: RuleMode
    let rules: Rules
    private(set) var relaxable: [RelaxableRow] = []

    init(model: Model, mode: RuleMode, rules: Rules) {
        self.model = model
        self.mode = mode
        self.rules = rules
    }

    /// Adds the rows of one instance. Hard in planning mode: plain rows. Soft, or any instance in elastic mode: the
    /// rows are relaxed by one binary slack s (big-M: `expr − M·s ≤ rhs`, `expr + M·s ≥ rhs`) with M the most the
    /// row can be broken by.
    mutating func add(
        _ name: String, _ constraints: [LinearConstraint], _ instance: RuleInstance
    ) {
        let soft = instance.rule.isSoft(in: rules)
        if mode == .elastic, soft { return }
        guard soft || mode == .elastic else {
            for (n, constraint) in constraints.enumerated() {
                model.add(constraints.count == 1 ? name : "\(name)#\(n + 1)", constraint)
            }
            return
        }
        var slack: Variable?
        for (n, constraint) in constraints.enumerated() {
            let (low, high) = range(of: constraint.expression)
            let bigM: Double
            switch constraint.relation {
            case .lessOrEqual: bigM = high - constraint.rightHandSide
            case .greaterOrEqual: bigM = constraint.rightHandSide - low
            case .equal: bigM = max(high - constraint.rightHandSide, constraint.rightHandSide - low)
            }
            guard bigM > 1e-9 else { continue }  // the row cannot be broken
            let s = slack ?? model.addVariable("slack_\(name)", .binary)
            slack = s
            let rowName = constraints.count == 1 ? name : "\(name)#\(n + 1)"
            let expression = constraint.expression
            switch constraint.relation {
            case .lessOrEqual: model.add(rowName, expression - bigM * s <= constraint.rightHandSide)
            case .greaterOrEqual: model.add(rowName, expression + bigM * s >= constraint.rightHandSide)
            case .equal:
                model.add(rowName + "a", expression - bigM * s <= constraint.rightHandSide)
                model.add(rowName + "b", expression + bigM * s >= constraint.rightHandSide)
            }
        }
        if let slack { relaxable.append(RelaxableRow(slack: slack, instance: instance, constraints: constraints)) }
    }

    /// The least and most `expression` can be, from its variables' bounds.
    private func range(of expression: LinearExpression) -> (Double, Double) {
        var low = expression.constant
        var high = expression.constant
        for term in expression.terms {
            let definition = model.variables[term.variable.index]
            let lower = definition.kind == .binary ? 0 : (definition.lowerBound ?? -1e9)
            let upper = definition.kind == .binary ? 1 : (definition.upperBound ?? 1e9)
            if term.coefficient >= 0 {
                low += term.coefficient * lower
                high += term.coefficient * upper
            } else {
                low += term.coefficient * upper
                high += term.coefficient * lower
            }
        }
        return (low, high)
    }
}
