/// What `rota generate` makes: a team of this size over this many weeks, for benchmarks and tests.
public struct GeneratorSpec: Sendable, Equatable {
    /// The scenario's `name` (its report folder).
    public var name: String
    public var engineers: Int
    public var weeks: Int
    public var pipelines: Int
    public var rotations: Int
    /// Region codes the engineers are spread over (round robin in this order).
    public var regions: [String]
    public var seed: UInt64
    /// The first handoff day (a Monday by default).
    public var start: CalendarDate
    /// Engineers (the last ones listed) who join in the fifth week and onboard: two shifts shadowed, then two as
    /// backup, before primary; the rotations then have shadows.
    public var newcomers = 0

    public init(
        name: String, engineers: Int, weeks: Int, pipelines: Int, rotations: Int, regions: [String], seed: UInt64 = 1,
        start: CalendarDate = CalendarDate(year: 2027, month: 1, day: 4)!
    ) {
        self.name = name
        self.engineers = engineers
        self.weeks = weeks
        self.pipelines = pipelines
        self.rotations = rotations
        self.regions = regions
        self.seed = seed
        self.start = start
    }

    /// One of the benchmark's fixed sizes, with the given seed.
    public init(size: GeneratorSize, seed: UInt64 = 1) {
        let (engineers, weeks, pipelines, rotations, regions) = size.dimensions
        self.init(
            name: "generated-\(size.rawValue)-seed\(seed)", engineers: engineers, weeks: weeks, pipelines: pipelines,
            rotations: rotations, regions: regions, seed: seed)
    }

    /// The shortest `rota generate` command that makes this spec (recorded in the generated file).
    public var commandLine: String {
        var words = ["rota generate"]
        let size = GeneratorSize.allCases.first { GeneratorSpec(size: $0, seed: seed).sameSize(as: self) }
        if let size {
            words.append("--size \(size.rawValue)")
        } else {
            words.append(
                "--engineers \(engineers) --weeks \(weeks) --pipelines \(pipelines) --rotations \(rotations) "
                    + "--regions \(regions.joined(separator: ","))")
        }
        words.append("--seed \(seed)")
        if start != GeneratorSpec(size: .s).start { words.append("--start \(start)") }
        if newcomers > 0 { words.append("--newcomers \(newcomers)") }
        let defaultName = GeneratorSpec(size: size ?? .s, seed: seed).name
        if size == nil || name != defaultName { words.append("--name \(name)") }
        return words.joined(separator: " ")
    }

    private func sameSize(as other: GeneratorSpec) -> Bool {
        (engineers, weeks, pipelines, rotations, regions)
            == (other.engineers, other.weeks, other.pipelines, other.rotations, other.regions)
    }

    /// What is wrong with the spec, in words, or nil.
    public var problem: String? {
        if engineers < 4 { return "at least 4 engineers are needed (a shift needs a primary and a backup)" }
        if rotations < 1 { return "at least 1 rotation is needed" }
        if engineers < 4 * rotations { return "each rotation needs 4 engineers of its own: at most \(engineers / 4)" }
        if pipelines < rotations { return "each rotation needs a pipeline: at least \(rotations) pipelines" }
        if !(1...260).contains(weeks) { return "weeks must be 1–260" }
        if regions.isEmpty { return "at least one region is needed" }
        if engineers > 2000 || pipelines > 5000 { return "at most 2000 engineers and 5000 pipelines" }
        if newcomers < 0 || newcomers > engineers / 4 { return "newcomers must be 0–\(engineers / 4)" }
        return nil
    }
}

/// The fixed sizes of the scale benchmark (scripts/benchmark-scale.sh).
public enum GeneratorSize: String, Sendable, CaseIterable {
    /// The seed team: 4 engineers, 13 weeks, 5 pipelines, one rotation, Selangor.
    case s
    /// 12 engineers, 26 weeks, 20 pipelines, 2 rotations, 3 regions.
    case m
    /// 40 engineers, 52 weeks, 80 pipelines, 4 rotations, 5 regions.
    case l
    /// 100 engineers, 52 weeks, 200 pipelines, 8 rotations, 7 regions.
    case xl

    var dimensions: (engineers: Int, weeks: Int, pipelines: Int, rotations: Int, regions: [String]) {
        switch self {
        case .s: (4, 13, 5, 1, ["MY-10"])
        case .m: (12, 26, 20, 2, ["MY-10", "SG", "IN-KA"])
        case .l: (40, 52, 80, 4, ["MY-10", "SG", "IN-KA", "GB-ENG", "US-CA"])
        case .xl: (100, 52, 200, 8, ["MY-10", "SG", "IN-KA", "GB-ENG", "US-CA", "DE-BE", "AU-NSW"])
        }
    }
}
