/// Who is on call when: each rotation's shifts as instants, cut where covers take over. Per rotation and role the
/// intervals follow one another without gap or overlap from the first shift's handoff to the last shift's end
/// (when the covers are valid: inside the rotation, not overlapping one another; the rule checker judges that).
public struct CoverageInterval: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The shift's holder, from rotation.csv.
        case shift
        /// A ``Cover``.
        case cover
    }

    /// The rotation's id ("" for a scenario's one unnamed rotation).
    public let rotation: String
    public let role: DutyRole
    public let engineer: String
    public let span: TimeSpan
    public let kind: Kind
    /// For a shift: its label ("week 3"); for a cover: the cover's reason.
    public let reason: String
    /// The shift the interval starts in (1-based, of its rotation).
    public let shift: Int

    public init(
        rotation: String, role: DutyRole, engineer: String, span: TimeSpan, kind: Kind, reason: String, shift: Int
    ) {
        self.rotation = rotation
        self.role = role
        self.engineer = engineer
        self.span = span
        self.kind = kind
        self.reason = reason
        self.shift = shift
    }
}

public enum CoverageTimeline {
    /// The timeline of `schedule`: rotations in scenario order, then by start, primary before backup at one start.
    /// Rows of rotations the scenario lacks are left out (the rule checker reports them).
    public static func intervals(_ schedule: Schedule, scenario: Scenario) -> [CoverageInterval] {
        let clocks = scenario.shiftClocks
        var all: [CoverageInterval] = []
        for (r, rotation) in scenario.rotations.enumerated() {
            let shifts = schedule.shifts.filter { scenario.rotationIndex(of: $0.rotation) == r }
                .sorted { $0.dates.first < $1.dates.first }
            var rotationIntervals: [CoverageInterval] = []
            for role in rotation.roles {
                let covers = schedule.covers.filter { scenario.rotationIndex(of: $0.rotation) == r && $0.role == role }
                    .sorted { $0.span.start < $1.span.start }
                for shift in shifts {
                    guard let holder = shift.engineer(for: role) else { continue }
                    let span = clocks[r].span(of: shift.dates)
                    for piece in subtract(covers.map(\.span), from: span) {
                        rotationIntervals.append(
                            CoverageInterval(
                                rotation: rotation.id, role: role, engineer: holder, span: piece,
                                kind: .shift, reason: "\(rotation.period.shiftWord) \(shift.number)",
                                shift: shift.number))
                    }
                }
                for cover in covers {
                    let number =
                        shifts.last { clocks[r].span(of: $0.dates).start <= cover.span.start }?.number
                        ?? shifts.first?.number ?? 1
                    rotationIntervals.append(
                        CoverageInterval(
                            rotation: rotation.id, role: role, engineer: cover.engineer, span: cover.span,
                            kind: .cover, reason: cover.reason, shift: number))
                }
            }
            all += rotationIntervals.sorted { a, b in
                if a.span.start != b.span.start { return a.span.start < b.span.start }
                if a.role != b.role { return a.role == .primary }
                return a.span.end < b.span.end
            }
        }
        return all
    }

    /// The parts of `span` that none of `holes` (sorted by start) covers, in order.
    static func subtract(_ holes: [TimeSpan], from span: TimeSpan) -> [TimeSpan] {
        var pieces: [TimeSpan] = []
        var cursor = span.start
        for hole in holes where hole.overlaps(span) {
            if let piece = TimeSpan(start: cursor, end: hole.start) { pieces.append(piece) }
            cursor = max(cursor, hole.end)
        }
        if let piece = TimeSpan(start: cursor, end: span.end) { pieces.append(piece) }
        return pieces
    }
}
