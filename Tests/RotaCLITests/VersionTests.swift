import Foundation
import Testing

/// `rota --version` names what a committed report depends on: the release, the model version, the calendars' source.
@Suite("rota --version")
struct VersionTests {
    typealias CLI = RotaBinaryTests

    @Test func namesTheModelVersionAndTheCalendarVersionTheGeneratorPins() throws {
        let run = try CLI.run(["--version"])
        #expect(run.status == 0)
        let line = run.standardOutput.trimmingCharacters(in: .newlines)
        // The generator refuses any other holidays release, so its pin is the calendars' version.
        let script = try String(
            contentsOf: CLI.repositoryRoot.appendingPathComponent("scripts/generate_calendars.py"), encoding: .utf8)
        let pinned = try #require(script.firstMatch(of: /PINNED = "([0-9.]+)"/)?.1)
        let years = try #require(script.firstMatch(of: /YEARS = range\(([0-9]{4}), ([0-9]{4})\)/))
        let lastYear = try #require(Int(years.2)) - 1
        // The model version is the one every committed manifest records.
        let manifest = try String(
            contentsOf: CLI.repositoryRoot.appendingPathComponent("reports/xyz-tech-2027q1/manifest.json"),
            encoding: .utf8)
        let model = try #require(manifest.firstMatch(of: /"name" : "rota-model-([0-9]+)"/)?.1)
        let pattern = try Regex(
            "^rota [0-9]+\\.[0-9]+\\.[0-9]+ \\(model version \(model); calendars: holidays \(pinned) \\(PyPI\\), "
                + "\(years.1)–\(lastYear)\\)$")
        #expect(line.wholeMatch(of: pattern) != nil, "\(line)")
    }
}
