/// One broken hard rule, with the week, pipeline or engineer it concerns.
public struct RuleViolation: Sendable, Equatable, CustomStringConvertible {
    public let rule: Rule
    public let message: String
    /// 1-based shift number, where the finding is about a shift, and its rotation's id.
    public let week: Int?
    public let rotation: String
    public let pipeline: String?
    public let engineer: String?
    /// Index into the schedule's ``Schedule/covers``, where the finding is about a cover.
    public let cover: Int?
    /// Index into the coverage rows judged (``RuleChecker/checkCoverageRows(_:_:)``), where it is about one.
    public let coverageRow: Int?

    public init(
        _ rule: Rule, _ message: String, week: Int? = nil, rotation: String = "", pipeline: String? = nil,
        engineer: String? = nil, cover: Int? = nil, coverageRow: Int? = nil
    ) {
        self.cover = cover
        self.coverageRow = coverageRow
        self.rotation = rotation
        self.rule = rule
        self.message = message
        self.week = week
        self.pipeline = pipeline
        self.engineer = engineer
    }

    public var description: String { "\(rule.rawValue): \(message)" }
}
