import Foundation
import Testing

@testable import RotaCore

@Suite("Writing reports")
struct ReportWritingTests {
    func temporaryFolder() throws -> URL { try TemporaryFolder().url }

    @Test func csvIsQuotedPerRFC4180AndFormulasAreNeutralised() {
        var table = CSVTable(header: ["a", "b"])
        table.append(["plain", "with, comma"])
        table.append(["say \"hi\"", "=HYPERLINK(\"x\")"])
        table.append(["+1", "@sum"])
        table.append(["line\nbreak", "-2"])
        #expect(
            table.render()
                == "a,b\r\nplain,\"with, comma\"\r\n\"say \"\"hi\"\"\",\"'=HYPERLINK(\"\"x\"\")\"\r\n'+1,'@sum\r\n\"line\nbreak\",'-2\r\n"
        )
    }

    @Test func numbersFormatTheSameEverywhere() {
        #expect(TextFormatting.number(3.1836) == "3.18")
        #expect(TextFormatting.number(4) == "4")
        #expect(TextFormatting.number(4.5) == "4.5")
        #expect(TextFormatting.number(-0.001) == "0")
        #expect(TextFormatting.number(0.105, places: 1) == "0.1")
        #expect(TextFormatting.markdownCell("a|b*c\nd") == "a\\|b\\*c d")
    }

    @Test func aFolderIsReplacedWholeAndOtherFilesAreNeverDestroyed() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("reports/team")
        try ReportFolderWriter.write([("report.md", "one\n"), ("rotation.csv", "a\r\n")], to: target.path)
        try ReportFolderWriter.write([("report.md", "two\n")], to: target.path)
        #expect(try String(contentsOf: target.appendingPathComponent("report.md"), encoding: .utf8) == "two\n")
        #expect(!FileManager.default.fileExists(atPath: target.appendingPathComponent("rotation.csv").path))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("reports").path) == ["team"]
        )

        // A folder with someone's own files is refused, and left exactly as it was.
        try Data("notes".utf8).write(to: target.appendingPathComponent("notes.txt"))
        #expect(throws: ReportWriteError.self) {
            try ReportFolderWriter.write([("report.md", "three\n")], to: target.path)
        }
        #expect(try String(contentsOf: target.appendingPathComponent("report.md"), encoding: .utf8) == "two\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("reports").path) == ["team"]
        )
    }

    @Test func aFailedWriteLeavesThePreviousReport() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("team")
        try ReportFolderWriter.write([("report.md", "old\n")], to: target.path)
        // A file that cannot be created: its folder's name is taken by a file written just before.
        #expect(throws: ReportWriteError.self) {
            try ReportFolderWriter.write(
                [("report.md", "new\n"), ("runbooks", "x"), ("runbooks/a.md", "y")], to: target.path)
        }
        #expect(try String(contentsOf: target.appendingPathComponent("report.md"), encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["team"])
    }
}
