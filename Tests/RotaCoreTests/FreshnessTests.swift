import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// manifest.json and the stale verdict: which input changes make a committed schedule stale, and how they are named.
@Suite("Freshness of a committed schedule")
struct FreshnessTests {
    static let scenarioPath = TestScenarios.repositoryRoot.appendingPathComponent(
        "scenarios/selangor-festivals-2027q1.yaml")

    static func read(_ yaml: String) throws -> Scenario {
        try ScenarioReader.parse(yaml: yaml, file: scenarioPath.path)
    }

    static var yaml: String { get throws { try String(contentsOf: scenarioPath, encoding: .utf8) } }

    @Test func theSameInputsAreFresh() throws {
        let recorded = InputManifest(scenario: try Self.read(try Self.yaml))
        #expect(InputManifest(scenario: try Self.read(try Self.yaml)).changes(since: recorded).isEmpty)
        // What the manifest covers: model, scenario, both .ics files, both regions, the four observers' festivals.
        #expect(
            recorded.inputs.map(\.kind.rawValue).sorted() == [
                "calendar_file", "calendar_file", "festival_names", "festival_names", "festival_names",
                "festival_names",
                "model", "region", "region", "scenario",
            ])
        // Written and read back unchanged.
        #expect(InputManifest.parse(Data(recorded.rendered.utf8)) == recorded)
    }

    @Test func aChangedScenarioIsStale() throws {
        let recorded = InputManifest(scenario: try Self.read(try Self.yaml))
        let edited = try Self.yaml.replacingOccurrences(of: "weeks: 13", with: "weeks: 12")
        #expect(edited != (try Self.yaml))
        #expect(
            InputManifest(scenario: try Self.read(edited)).changes(since: recorded) == [
                "scenario selangor-festivals-2027q1.yaml changed"
            ])
    }

    /// Comments, layout and `variants:` do not change the plan, so they do not make it stale.
    @Test func commentsLayoutAndVariantsAreNotChanges() throws {
        let recorded = InputManifest(scenario: try Self.read(try Self.yaml))
        let edited =
            "# a new comment\n"
            + (try Self.yaml).replacingOccurrences(of: "weeks: 13", with: "weeks:   13")
            + "\nvariants:\n  - name: later\n    rules: {min_gap_weeks: 2}\n"
        #expect(InputManifest(scenario: try Self.read(edited)).changes(since: recorded).isEmpty)
    }

    @Test func aHolidayMovedInsideThePeriodIsStaleOutsideItIsNot() throws {
        let scenario = try Self.read(try Self.yaml)
        let recorded = InputManifest(scenario: scenario)
        let everything = DateRange(first: CalendarDate(iso: "2025-01-01")!, last: CalendarDate(iso: "2030-12-31")!)!
        func adding(_ date: String) -> Scenario {
            var changed = scenario
            let holidays = scenario.calendar.regions.keys.flatMap {
                scenario.calendar.holidays(in: $0, during: everything)
            }
            changed.calendar = HolidayCalendar(
                regions: scenario.calendar.regions,
                holidays: holidays + [Holiday(date: CalendarDate(iso: date)!, region: "MY-10", name: "Extra day")])
            return changed
        }
        #expect(
            InputManifest(scenario: adding("2027-02-17")).changes(since: recorded) == [
                "holidays of region MY-10 changed"
            ])
        #expect(InputManifest(scenario: adding("2028-02-17")).changes(since: recorded).isEmpty)
    }

    @Test func aNewModelVersionAndAChangedCalendarFileAreNamed() throws {
        let scenario = try Self.read(try Self.yaml)
        let now = InputManifest(scenario: scenario)
        let older = InputManifest(
            scenario: now.scenario,
            inputs: now.inputs.map { input in
                switch input.kind {
                case .model: return InputDigest(kind: .model, name: "rota-model-2", bytes: Data("2".utf8))
                case .calendarFile where input.name.hasSuffix("company-days.ics"):
                    return InputDigest(kind: .calendarFile, name: input.name, bytes: Data("old".utf8))
                default: return input
                }
            } + [InputDigest(kind: .calendarFile, name: "calendars/old-leave.ics", bytes: Data())])
        #expect(
            now.changes(since: older) == [
                "Rota's model changed (rota-model-2 when planned, rota-model-\(ModelVersion.current) now)",
                "calendar file calendars/company-days.ics changed",
                "calendar file calendars/old-leave.ics is no longer an input",
            ])
        let verdict = Freshness(recorded: older, manifestFile: "m.json", scenario: scenario)
        #expect(verdict.isStale)
        #expect(Freshness(recorded: now, manifestFile: "m.json", scenario: scenario) == .fresh(manifest: "m.json"))
        #expect(Freshness(recorded: nil, manifestFile: "m.json", scenario: scenario) == .unrecorded(manifest: "m.json"))
    }
}
