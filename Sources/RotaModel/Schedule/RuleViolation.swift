/// One broken hard rule, with the week, pipeline or engineer it concerns.
public struct RuleViolation: Sendable, Equatable, CustomStringConvertible {
    public let rule: Rule
    public let message: String
    /// 1-based shift number, where the finding is about a shift, and its rotation's id.
    public let week: Int?
    public let rotation: String
    public let pipeline: String?
    public let engineer: String?

    public init(
        _ rule: Rule, _ message: String, week: Int? = nil, rotation: String = "", pipeline: String? = nil,
        engineer: String? = nil
    ) {
        self.rotation = rotation
        self.rule = rule
        self.message = message
        self.week = week
        self.pipeline = pipeline
        self.engineer = engineer
    }

    public var description: String { "\(rule.rawValue): \(message)" }
}
