import Foundation
import RotaModel

/// One class of the hard benchmark set: teams built with the rules real teams turn on, where GLPK does not close
/// every level at the root, each with its target (docs/performance.md, "Hard teams"). A class may hold several seeds.
struct HardCase {
    let name: String
    let description: String
    /// The target's wording and its bound on the median wall time, seconds.
    let target: String
    let seconds: Double
    /// Whether the scenario must have no schedule (the target is then the time to the explanation).
    var infeasible = false
    /// Each seed's scenario: its name and YAML.
    let scenarios: [(name: String, yaml: String)]

    /// The set, in the order results.md lists it.
    static func all(library: CalendarLibrary, seeds: Int) throws -> [HardCase] {
        func generated(_ spec: GeneratorSpec, rules: String? = nil) throws -> (name: String, yaml: String) {
            var yaml = try ScenarioGenerator(spec: spec, library: library).yaml(command: spec.commandLine)
            if let rules { yaml += "rules:\n" + rules.split(separator: "\n").map { "  \($0)\n" }.joined() }
            return (spec.name, yaml)
        }
        func large(_ suffix: String, rotations: Int = 4) -> GeneratorSpec {
            var spec = GeneratorSpec(size: .l, seed: 1)
            spec.rotations = rotations
            spec.name = "hard-l-\(suffix)"
            return spec
        }
        let lTarget = ("proved optimal at every level, < 10 s", 10.0)
        let smallTarget = ("proved optimal at every level, < 2 s", 2.0)
        var cases: [HardCase] = []
        for (suffix, rules, words) in [
            ("min-duty-gap", "min_duty_gap_weeks: 1", "`min_duty_gap_weeks: 1`"),
            ("backup-becomes-primary", "backup_becomes_primary: true", "`backup_becomes_primary`"),
            ("exclusive-duty", "exclusive_duty: true", "`exclusive_duty`"),
            ("gap2-exclusive", "min_gap_weeks: 2\nexclusive_duty: true", "`min_gap_weeks: 2` + `exclusive_duty`"),
            // Cycles as long as the generator's rosters (12 on L): everyone primary once and backup at least once.
            ("cycles", "cycle_weeks: 12\neach_primary_once: true\neach_backup_at_least_once: true", "12-week cycles"),
            ("fixed-order", "fixed_order: true", "`fixed_order`"),
        ] {
            cases.append(
                HardCase(
                    name: "L + \(words)",
                    description: "generated L (40 engineers, 52 weeks, 4 rotations) with \(words)",
                    target: lTarget.0, seconds: lTarget.1,
                    scenarios: [try generated(large(suffix), rules: rules)]))
        }
        // Newcomers joining in week 5 who shadow two shifts and back up two before primary, with cycles as long as the
        // rosters (the newcomers excused from them while onboarding).
        var shadowL = large("newcomers-cycles")
        shadowL.newcomers = 4
        var shadowM = GeneratorSpec(size: .m, seed: 1)
        shadowM.name = "hard-m-newcomers-cycles"
        shadowM.newcomers = 2
        for (spec, size, cycle, target) in [(shadowL, "L", 12, lTarget), (shadowM, "M", 7, smallTarget)] {
            cases.append(
                HardCase(
                    name: "\(size) + \(spec.newcomers) newcomers shadowing + \(cycle)-week cycles",
                    description: "generated \(size) with \(spec.newcomers) newcomers from week 5 (2 shifts shadowed, 2 "
                        + "as backup, then primary) and everyone else primary once and backup at least once every "
                        + "\(cycle) weeks",
                    target: target.0, seconds: target.1,
                    scenarios: [
                        try generated(
                            spec,
                            rules: "cycle_weeks: \(cycle)\neach_primary_once: true\neach_backup_at_least_once: true")
                    ]))
        }
        var medium = GeneratorSpec(size: .m, seed: 1)
        medium.name = "hard-m-cycles-order"
        cases.append(
            HardCase(
                name: "M + 7-week cycles + soft `fixed_order`",
                description: "generated M (12 engineers, 26 weeks, 2 rotations of 7) with cycles as long as the "
                    + "rosters, everyone primary once and backup at least once, and the order soft after the goals",
                target: smallTarget.0, seconds: smallTarget.1,
                scenarios: [
                    try generated(
                        medium,
                        rules: "cycle_weeks: 7\neach_primary_once: true\neach_backup_at_least_once: true\n"
                            + "fixed_order: {soft: true}\n"
                            + "priorities: [on_call_balance, holiday_burden, fixed_order, ownership_balance]")
                ]))
        cases.append(
            HardCase(
                name: "L, 8 rotations", description: "generated L with its 40 engineers over 8 rotations",
                target: lTarget.0, seconds: lTarget.1, scenarios: [try generated(large("8-rotations", rotations: 8))]))
        var long = GeneratorSpec(size: .m, seed: 1)
        (long.engineers, long.weeks, long.rotations, long.name) = (20, 208, 1, "hard-20x208")
        cases.append(
            HardCase(
                name: "20 × 208 weeks", description: "20 engineers, 4 years, one rotation", target: lTarget.0,
                seconds: lTarget.1, scenarios: [try generated(long)]))
        cases.append(
            HardCase(
                name: "16 × 26 weeks", description: "16 engineers, 26 weeks, one rotation, seeds 1–\(seeds)",
                target: smallTarget.0, seconds: smallTarget.1,
                scenarios: try (1...seeds).map { seed in
                    var spec = GeneratorSpec(size: .m, seed: UInt64(seed))
                    (spec.engineers, spec.weeks, spec.rotations, spec.name) = (16, 26, 1, "hard-16x26-seed\(seed)")
                    return try generated(spec)
                }))
        cases.append(
            HardCase(
                name: "Small mixed-region teams",
                description: "4–8 engineers in MY-10, SG, IN-KA and GB-ENG with their festivals and leave, 13 weeks; "
                    + "8 engineers on 2 rotations on even seeds, 5 or 7 on one on odd seeds; seeds 1–\(2 * seeds)",
                target: smallTarget.0, seconds: smallTarget.1,
                scenarios: try (1...(2 * seeds)).map { seed in
                    let two = seed % 2 == 0
                    let spec = GeneratorSpec(
                        name: "hard-small-seed\(seed)", engineers: two ? 8 : 4 + seed % 4, weeks: 13, pipelines: 8,
                        rotations: two ? 2 : 1, regions: ["MY-10", "SG", "IN-KA", "GB-ENG"], seed: UInt64(seed))
                    return try generated(spec)
                }))
        var year = GeneratorSpec(size: .xl, seed: 1)
        (year.engineers, year.name) = (200, "hard-200-engineers")
        cases.append(
            HardCase(
                name: "200 engineers, a year", description: "generated XL with 200 engineers (52 weeks, 8 rotations)",
                target: "proved optimal at every level, < 5 s", seconds: 5, scenarios: [try generated(year)]))
        cases.append(
            HardCase(
                name: "Last shift a holiday for everyone",
                description: "6 engineers, 13 weeks, one pipeline, no rules; two company days in the last week",
                target: smallTarget.0, seconds: smallTarget.1,
                scenarios: [("hard-last-shift-holiday", lastShiftHoliday)]
            ))
        cases.append(
            HardCase(
                name: "Infeasible small team",
                description: "4 engineers, 8 weeks, min_gap_weeks 2 and min_duty_gap_weeks 1 against their leave",
                target: "explained (exit 3), < 2 s", seconds: 2, infeasible: true,
                scenarios: [("hard-infeasible", infeasibleTeam)]))
        return cases
    }

    /// Whoever is primary in the last shift carries 4 points (two holiday days): the LP alone would spread that
    /// shift's primary over all six.
    static let lastShiftHoliday = """
        name: hard-last-shift-holiday
        title: "Six engineers, a company shutdown in the last week"
        period: {start: 2027-01-04, weeks: 13}
        holidays:
          - {date: "2027-03-30..2027-03-31", name: "Company shutdown"}
        engineers:
          - {id: ana, region: GB-ENG}
          - {id: ben, region: GB-ENG}
          - {id: cho, region: SG}
          - {id: dev, region: IN-KA}
          - {id: eli, region: MY-10}
          - {id: fay, region: SG}
        pipelines:
          - {id: p1}

        """

    /// No schedule: the fewest rule instances to give up is 2.
    static let infeasibleTeam = """
        name: hard-infeasible
        title: "Four engineers, one mostly away, primary every third week"
        period: {start: 2027-03-01, weeks: 8}
        engineers:
          - {id: ana, region: GB-ENG, leave: ["2027-03-08..2027-03-14"]}
          - {id: ben, region: GB-ENG, leave: ["2027-03-22..2027-03-28"]}
          - {id: cho, region: SG, leave: ["2027-04-05..2027-04-11"]}
          - {id: dev, region: IN-KA, leave: ["2027-03-01..2027-03-07", "2027-03-15..2027-03-21", "2027-03-29..2027-04-04", "2027-04-12..2027-04-25"]}
        pipelines:
          - {id: p1}
        rules: {min_gap_weeks: 2, min_duty_gap_weeks: 1}

        """
}
