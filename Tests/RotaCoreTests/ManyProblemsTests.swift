import Foundation
import Testing

@testable import RotaModel

/// A scenario with several mistakes gets all of them in one run (up to a bound), by line, and none that fixing
/// another would clear.
@Suite("Every problem at once")
struct ManyProblemsTests {
    /// Engineers e0…e(n-1) in MY-10; those in `broken` get a region that does not exist, on their own line.
    static func team(_ count: Int, broken: Set<Int>, extra: String = "") -> String {
        let engineers = (0..<count).map { index in
            "  - {id: e\(index), region: \(broken.contains(index) ? "Atlantis\(index)" : "MY-10")}"
        }
        return """
            name: many
            period: {start: 2027-02-01, weeks: 4}
            engineers:
            \(engineers.joined(separator: "\n"))
            pipelines:
              - {id: p}
            \(extra)
            """
    }

    static func problems(_ yaml: String) -> ScenarioError? {
        do {
            _ = try ScenarioReader.parse(yaml: yaml, file: "many.yaml")
            return nil
        } catch { return error }
    }

    @Test func eachBrokenEntryIsOneProblemInLineOrder() throws {
        // Random subsets of a 12-person team: exactly the broken ones are reported, in file order.
        var random = SeededRandom(seed: 11)
        for _ in 0..<25 {
            let broken = Set((0..<12).filter { _ in random.next() % 3 == 0 })
            let error = Self.problems(Self.team(12, broken: broken))
            guard !broken.isEmpty else {
                #expect(error == nil)
                continue
            }
            let found = try #require(error).problems
            #expect(found.count == broken.count)
            // Line 4 holds e0: each problem is on its engineer's line, and the lines ascend.
            #expect(found.compactMap(\.location.line) == broken.sorted().map { $0 + 4 })
            #expect(found.allSatisfy { $0.description.contains("no holiday calendar for region \"Atlantis") })
        }
    }

    @Test func oneProblemReadsAsBeforeAndSeveralAreCountedAndEachPrefixed() throws {
        let one = try #require(Self.problems(Self.team(3, broken: [1])))
        #expect(
            one.description
                == "many.yaml:5:22: engineers[1].region: no holiday calendar for region \"Atlantis1\"\n"
                + "  hint: `rota regions` lists the 144 known codes")
        let three = try #require(Self.problems(Self.team(5, broken: [0, 2, 4])))
        let lines = three.description.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("error: many.yaml:") }.count == 2)  // the first gets it from the printer
        #expect(lines.last == "3 problems in many.yaml")
    }

    @Test func moreThanTheLimitShowsTheFirstAndSaysHowManyThereAre() throws {
        let error = try #require(Self.problems(Self.team(30, broken: Set(0..<25))))
        #expect(error.problems.count == ScenarioError.reportedLimit)
        #expect(error.problems.first?.location.line == 4)
        #expect(
            error.description.hasSuffix(
                "25 problems in many.yaml; the first 20 by line are shown (fix them and run again)"))
    }

    @Test func unknownFieldsAndBadValuesInDifferentSectionsAreAllFound() throws {
        let yaml = """
            name: mixed
            period: {start: 2027-02-01, weeks: 4, shifts: 2}
            engineers:
              - {id: ana, region: MY-10, leeve: [2027-02-03]}
              - {id: ben, region: MY-10}
            pipelines:
              - {id: p, weight: heavy}
              - {id: q, primary_owner: zed}
            rules: {min_gap_weeks: -1}
            """
        let error = try #require(Self.problems(yaml))
        let fields = error.problems.map { problem -> String in
            problem.description.split(separator: ":").dropFirst(3).first.map(String.init) ?? ""
        }
        #expect(
            fields == [
                " period.shifts", " engineers[0].leeve", " pipelines[0].weight", " pipelines[1].primary_owner",
                " rules.min_gap_weeks",
            ], "\(error)")
    }

    @Test func aPartThatDependsOnABrokenOneIsNotJudged() throws {
        // The period is broken: the rotations, which need it, are not read, so their (valid) roster is not called
        // wrong; the engineers' own problem is still found.
        let yaml = """
            name: dependent
            period: {start: 2027-02-30, weeks: 4}
            engineers:
              - {id: ana, region: Atlantis}
              - {id: ben, region: MY-10}
            pipelines:
              - {id: p}
            rotations:
              - {id: r, engineers: [ana, ben], pipelines: [p]}
            """
        let error = try #require(Self.problems(yaml))
        #expect(error.problems.map(\.location.line) == [2])
        // A pipeline owned by an engineer whose entry is broken is not a second problem: the id is listed.
        let owners = """
            name: owners
            period: {start: 2027-02-01, weeks: 4}
            engineers:
              - {id: ana, region: Atlantis}
              - {id: ben, region: MY-10}
            pipelines:
              - {id: p, primary_owner: ana}
            """
        let only = try #require(Self.problems(owners))
        #expect(only.problems.map(\.location.line) == [4])
    }
}
