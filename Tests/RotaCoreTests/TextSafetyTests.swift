import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

@Suite("Hostile text")
struct TextSafetyTests {
    /// Texts with every kind of trouble: CRLF (one Character), lone CR, NUL, ESC sequences, C1 controls, bidi
    /// overrides, combining marks after the characters an escaper looks for.
    static let hostile = [
        "a\r\nb", "a\rb", "a\u{0}b", "\u{1B}[2J\u{1B}]0;t\u{7}", "x\u{85}y\u{9B}z", "\u{202E}txt.exe", ":\u{301};#\r\n",
        "plain", "", "\r\n\r\n", "é\u{301}\r\n:",
    ]

    @Test(arguments: hostile)
    func neutralisedTextHasNoControlAndKeepsEverythingElse(_ text: String) {
        let out = TextSafety.neutralised(text)
        #expect(!out.unicodeScalars.contains { TextSafety.isControl($0) || TextSafety.isBidiControl($0) })
        // Nothing but the controls changed: removing the escapes gives back the text without its controls.
        let kept = String(
            String.UnicodeScalarView(
                text.unicodeScalars.filter { !TextSafety.isControl($0) && !TextSafety.isBidiControl($0) }))
        var stripped = out
        for escape in ["\\n", "\\r", "\\t"] { stripped = stripped.replacingOccurrences(of: escape, with: "") }
        stripped = stripped.replacingOccurrences(of: #"\\u\{[0-9A-F]+\}"#, with: "", options: .regularExpression)
        #expect(stripped == kept)
        let lines = TextSafety.neutralised(text, keepingLineFeeds: true)
        #expect(lines.utf8.filter { $0 == 0x0A }.count == text.utf8.filter { $0 == 0x0A }.count)
    }

    @Test(arguments: hostile)
    func mermaidLabelsHaveNoLineBreakOrSeparator(_ text: String) {
        let label = TextFormatting.mermaidLabel(text)
        #expect(!label.unicodeScalars.contains { ":;#\r\n".unicodeScalars.contains($0) || TextSafety.isControl($0) })
        #expect(label.unicodeScalars.count == text.unicodeScalars.count)
    }

    @Test func aFragmentIsBoundedAndSaysWhatItLeftOut() {
        let cell = String(repeating: "a", count: 10_000_000)
        let fragment = TextSafety.fragment(cell, limit: 40)
        #expect(fragment == String(repeating: "a", count: 40) + "… (9999960 more bytes)")
        #expect(TextSafety.fragment("short") == "short")
        #expect(TextSafety.quoted("a\u{1B}b") == "\"a\\u{1B}b\"")
        // A CRLF counts as one character of the limit, and is shown as two escapes.
        #expect(TextSafety.fragment("\r\nxyz", limit: 2) == "\\r\\nx… (2 more bytes)")
    }

    @Test func controlsAreFoundOnScalarsWithCRLFAllowedAsALineBreak() {
        #expect(TextSafety.firstControl(in: "line one\r\nline two\n\tindented") == nil)
        #expect(TextSafety.firstControl(in: "a\rb") == "\r")
        #expect(TextSafety.firstControl(in: "a\r\nb", allowingLineBreaks: false) == "\r")
        #expect(TextSafety.firstControl(in: "name\u{85}") == "\u{85}")
        #expect(TextSafety.firstLineWithControl(in: "a,b\r\nc,d\r\ne\u{1B},f") == 3)
        #expect(TextSafety.firstLineWithControl(in: "é,ü\r\n\u{9F}") == 2)
        #expect(TextSafety.firstLineWithControl(in: "a,\"x\r\ny\"\r\n") == nil)
        #expect(TextSafety.lineBreaks(in: "a\r\nb\nc\r") == 2)
    }

    /// Nested anchors are refused after at most the limit's steps; honest aliases pass.
    @Test func aliasExpansionIsCappedByTheFileSize() throws {
        var lines = ["name: bomb", "a0: &a0 [x,x,x,x,x,x,x,x,x,x]"]
        for level in 1...12 {
            lines.append(
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ",") + "]")
        }
        let bomb = lines.joined(separator: "\n")
        #expect(throws: ScenarioError.self) {
            _ = try ScenarioReader.parse(yaml: bomb, file: "bomb.yaml", library: TestScenarios.library)
        }
        do {
            _ = try ScenarioReader.compose(yaml: bomb, file: "bomb.yaml")
            Issue.record("a bomb was composed without an error")
        } catch {
            guard case .aliasExpansion(_, let limit, let bytes) = error else { throw error }
            #expect(bytes == bomb.utf8.count)
            #expect(limit == ScenarioReader.expansionLimit(bytes: bytes))
        }
        // A leave list used by ten engineers through one alias is fine.
        let honest = """
            shared: &leave ["2027-02-01..2027-02-05", "2027-03-01"]
            people: [\(Array(repeating: "{leave: *leave}", count: 10).joined(separator: ", "))]
            """
        #expect(throws: Never.self) { _ = try ScenarioReader.compose(yaml: honest, file: "ok.yaml") }
    }

    @Test func everyRotationEndsWithTheFirstShiftThatReachesThePeriodsLastDay() throws {
        // 13 weeks in 14-day shifts: 7 period shifts (98 days); a weekly rotation still has 13 shifts, not 14,
        // and a rotation handing over on Wednesday 13 (its last from 2027-03-31 reaches 2027-04-04).
        let yaml = """
            name: lengths
            period: {start: 2027-01-04, weeks: 13, shift_days: 14}
            engineers:
              - {id: ana, region: GB-ENG}
              - {id: ben, region: GB-ENG}
              - {id: cai, region: GB-ENG}
            pipelines:
              - {id: p}
              - {id: q}
              - {id: r}
            rotations:
              - {id: fortnight, pipelines: [p]}
              - {id: weekly, pipelines: [q], shift_days: 7}
              - {id: wednesday, pipelines: [r], shift_days: 7, handoff: {weekday: wednesday}}
            """
        let scenario = try ScenarioReader.parse(yaml: yaml, file: "lengths.yaml", library: TestScenarios.library)
        let last = try #require(CalendarDate(iso: "2027-04-04"))
        #expect(scenario.period.lastDay == last)
        for rotation in scenario.rotations {
            let shifts = rotation.period.allShifts
            #expect(shifts.last!.last >= last, "\(rotation.id)")
            #expect(shifts.dropLast().last!.last < last, "\(rotation.id): a shift wholly after the period")
        }
        #expect(scenario.rotations.map(\.period.shiftCount) == [7, 13, 13])
    }
}
