import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// `rota swap` and `rota cover` on a copy of the committed xyz-tech-2027q1 report folder.
@Suite("Covers and swaps on a committed schedule")
struct ScheduleEditorTests {
    static let scenario = try! TestScenarios.seed("xyz-tech-2027q1")

    /// A copy of the committed report folder in a temporary folder; returns (its parent, the copy's path).
    static func copy() throws -> (TemporaryFolder, String) {
        let folder = try TemporaryFolder()
        let path = folder.path + "/report"
        try FileManager.default.copyItem(
            atPath: TestScenarios.repositoryRoot.appendingPathComponent("reports/xyz-tech-2027q1").path, toPath: path)
        return (folder, path)
    }

    /// Applies and writes `edit` as `rota swap`/`rota cover` do.
    @discardableResult
    static func edit(_ edit: ScheduleEdit, _ path: String, force: Bool = false) throws -> ScheduleEditOutcome {
        let outcome = try ScheduleEditor.apply(
            edit, scenario: scenario, file: try ScheduleReader.read(path: path), force: force)
        try ReportFolderWriter.write(outcome.files, to: path)
        return outcome
    }

    static func check(_ path: String) throws -> CheckResult {
        CheckResult(scenario: scenario, file: try ScheduleReader.read(path: path), regenerateCommand: "rota plan")
    }

    static func contents(_ path: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: path).sorted() {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isFolder) else { continue }
            if !isFolder.boolValue { files[name] = try Data(contentsOf: URL(fileURLWithPath: path + "/" + name)) }
        }
        return files
    }

    @Test func aSwapRewritesEveryFileInStepAndCheckPasses() throws {
        let (folder, path) = try Self.copy()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let before = try Self.contents(path)
        let outcome = try Self.edit(
            .swap(first: "thiru", second: "choo", shift: 9, withShift: nil, rotation: nil, role: nil), path)
        #expect(outcome.summary == "thiru and choo swap roles in week 9: choo is primary, thiru is backup.")
        #expect(
            outcome.fairness == [
                "thiru: primary weeks 3 → 2, backup weeks 3 → 4", "choo: primary weeks 4 → 5, backup weeks 4 → 3",
            ])
        #expect(outcome.accepted.isEmpty)
        let rotation = try String(contentsOfFile: path + "/rotation.csv", encoding: .utf8)
        #expect(rotation.contains("\r\n9,2027-03-01,2027-03-07,choo,thiru\r\n"))
        let after = try Self.contents(path)
        // Only the schedule's files changed, and within rotation.csv only week 9's row.
        let changed = Set(after.keys.filter { after[$0] != before[$0] })
        #expect(changed.isSuperset(of: ["rotation.csv", "coverage.csv", "fairness.csv", "report.md", "manifest.json"]))
        #expect(!changed.contains("ownership.csv"))
        let oldRows = String(decoding: before["rotation.csv"]!, as: UTF8.self).components(separatedBy: "\r\n")
        let newRows = rotation.components(separatedBy: "\r\n")
        #expect(zip(oldRows, newRows).filter { $0 != $1 }.count == 1)
        // The calendars: only week 9's two events changed.
        let oldEvents = String(decoding: before["oncall.ics"]!, as: UTF8.self).components(separatedBy: "BEGIN:VEVENT")
        let newEvents = String(decoding: after["oncall.ics"]!, as: UTF8.self).components(separatedBy: "BEGIN:VEVENT")
        #expect(oldEvents.count == newEvents.count && zip(oldEvents, newEvents).filter { $0 != $1 }.count == 2)
        let result = try Self.check(path)
        #expect(result.findings.isEmpty && result.status == .ok)
        #expect(result.file.manifest?.edits?.map(\.kind) == [.swap])
        #expect(try String(contentsOfFile: path + "/report.md", encoding: .utf8).contains("Edited since by 1 change"))
    }

    @Test func aChangeThatBreaksAHardRuleIsRefusedUnlessForced() throws {
        let (folder, path) = try Self.copy()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let before = try Self.contents(path)
        let swap = ScheduleEdit.swap(first: "aidil", second: "choo", shift: 1, withShift: nil, rotation: nil, role: nil)
        #expect {
            try Self.edit(swap, path)
        } throws: { error in
            guard case .refused(let findings) = error as? ScheduleEditError else { return false }
            return findings.map(\.rule) == [.minGapWeeks] && findings[0].message.contains("aidil")
        }
        #expect(try Self.contents(path) == before)
        let forced = try Self.edit(swap, path, force: true)
        #expect(forced.accepted.map(\.rule) == [.minGapWeeks])
        let result = try Self.check(path)
        #expect(result.findings.isEmpty && result.status == .ok)
        #expect(result.acceptedFindings.map(\.rule) == [.minGapWeeks])
        #expect(CheckOutput.text(result).contains("accepted min_gap_weeks (an exception made with --force"))
        #expect(try String(contentsOfFile: path + "/report.md", encoding: .utf8).contains("**Accepted with --force:**"))
    }

    @Test func aCoverCutsTheShiftAndIsJudged() throws {
        let (folder, path) = try Self.copy()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let outcome = try Self.edit(
            .cover(
                engineer: "spencer", from: "2027-01-05T09:00+08:00", to: "2027-01-05T18:00+08:00", role: .primary,
                rotation: nil, reason: "flight, back at 18:00"), path)
        #expect(outcome.summary.hasPrefix("spencer covers choo as primary from 2027-01-05T09:00+08:00"))
        #expect(outcome.fairness == ["spencer: +9 h covering others"])
        let coverage = try String(contentsOfFile: path + "/coverage.csv", encoding: .utf8)
        #expect(coverage.contains(",primary,choo,2027-01-03T16:00:00Z,2027-01-05T01:00:00Z,shift,week 1\r\n"))
        #expect(
            coverage.contains(
                ",primary,spencer,2027-01-05T01:00:00Z,2027-01-05T10:00:00Z,cover,\"flight, back at 18:00\"\r\n"))
        #expect(try Self.check(path).findings.isEmpty)
        let calendar = try String(contentsOfFile: path + "/oncall-spencer.ics", encoding: .utf8)
        #expect(calendar.contains("SUMMARY:On call (primary\\, covering Choo): Spencer"))

        // Each bad cover: exit-2 input, the folder untouched.
        let before = try Self.contents(path)
        let bad: [(ScheduleEdit, String, String)] = [
            (
                .cover(
                    engineer: "spencer", from: "2027-04-05T10:00+08:00", to: "2027-04-05T11:00+08:00", role: .primary,
                    rotation: nil, reason: ""),
                "--from", "lies outside the period"
            ),
            (
                .cover(
                    engineer: "thiru", from: "2027-01-05T17:00+08:00", to: "2027-01-05T20:00+08:00", role: .primary,
                    rotation: nil, reason: ""),
                "--from", "overlaps the cover by spencer"
            ),
            (
                .cover(
                    engineer: "thiru", from: "2027-01-06T09:00", to: "2027-01-06T10:00+08:00", role: .primary,
                    rotation: nil, reason: ""),
                "--from", "has no offset"
            ),
            (
                .cover(
                    engineer: "spencr", from: "2027-01-06T09:00Z", to: "2027-01-06T10:00Z", role: .primary,
                    rotation: nil, reason: ""),
                "--engineer", "is not an engineer"
            ),
            (
                .cover(
                    engineer: "thiru", from: "2027-01-06T10:00Z", to: "2027-01-06T09:00Z", role: .primary,
                    rotation: nil, reason: ""),
                "--to", "is not after --from"
            ),
            (
                .cover(
                    engineer: "thiru", from: "2027-01-06T09:00Z", to: "2027-01-06T10:00Z", role: .primary,
                    rotation: "growth", reason: ""),
                "--rotation", "no rotation"
            ),
            (
                .swap(first: "thiru", second: "spencer", shift: 1, withShift: nil, rotation: nil, role: nil),
                "--shift", "neither thiru nor spencer"
            ),
            (
                .swap(first: "thiru", second: "spencer", shift: 14, withShift: nil, rotation: nil, role: nil),
                "--shift", "week 14 is not in the schedule"
            ),
        ]
        for (edit, option, problem) in bad {
            #expect {
                try Self.edit(edit, path)
            } throws: { error in
                guard case .invalid(let found, let text, let hint) = error as? ScheduleEditError else { return false }
                if option == "--engineer" && hint != "did you mean \"spencer\"?" { return false }
                if problem == "has no offset" && hint?.contains("2027-01-06T09:00+08:00 (thiru's time zone") != true {
                    return false
                }
                return found == option && text.contains(problem)
            }
        }
        #expect(try Self.contents(path) == before)
        // spencer is on leave 2027-01-18..22: covering then is refused with the leave finding.
        #expect {
            try Self.edit(
                .cover(
                    engineer: "spencer", from: "2027-01-19T09:00+08:00", to: "2027-01-19T12:00+08:00", role: .primary,
                    rotation: nil, reason: ""), path)
        } throws: { error in
            guard case .refused(let findings) = error as? ScheduleEditError else { return false }
            return findings.map(\.rule) == [.leave]
        }
    }

    @Test func theSameEditsGiveTheSameBytesAndAReplanKeepsCoversBeforeFrom() throws {
        let (first, a) = try Self.copy()
        let (second, b) = try Self.copy()
        defer {
            try? FileManager.default.removeItem(at: first.url)
            try? FileManager.default.removeItem(at: second.url)
        }
        let edits: [ScheduleEdit] = [
            .cover(
                engineer: "spencer", from: "2027-01-05T09:00+08:00", to: "2027-01-05T18:00+08:00", role: .primary,
                rotation: nil, reason: "sick"),
            .swap(first: "thiru", second: "choo", shift: 9, withShift: nil, rotation: nil, role: nil),
            // Reaches across the handoff into week 3.
            .cover(
                engineer: "thiru", from: "2027-01-17T20:00+08:00", to: "2027-01-18T09:00+08:00", role: .backup,
                rotation: nil, reason: ""),
        ]
        for edit in edits {
            try Self.edit(edit, a)
            try Self.edit(edit, b)
        }
        #expect(try Self.contents(a) == Self.contents(b))
        // Replanning from 2027-01-18 keeps weeks 1–2 and their covers; the one reaching into week 3 is cut there.
        let baseline = try PlanBaseline(
            schedule: ScheduleReader.read(path: a).schedule, from: CalendarDate(iso: "2027-01-18"), source: a)
        let plan = try Planner().plan(Self.scenario, baseline: baseline)
        #expect(
            plan.schedule.covers.map(\.span.description) == [
                "2027-01-05T01:00:00Z..2027-01-05T10:00:00Z", "2027-01-17T12:00:00Z..2027-01-17T16:00:00Z",
            ])
        #expect(RuleChecker(scenario: Self.scenario).check(plan.schedule).isEmpty)
    }
}
