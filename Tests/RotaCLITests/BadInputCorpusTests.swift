import Foundation
import Testing

/// The bad-input corpus (Tests/Fixtures/bad-input/cases.tsv): every file gets its exit status and a message naming
/// the problem, and nothing is written.
@Suite("Bad-input corpus")
struct BadInputCorpusTests {
    typealias CLI = RotaBinaryTests
    static let folder = CLI.repositoryRoot.appendingPathComponent("Tests/Fixtures/bad-input")

    struct Case: CustomStringConvertible {
        let file: String
        let command: String
        let exit: Int32
        let fragment: String
        var description: String { "\(command) \(file)" }
    }

    static let cases: [Case] = {
        let text = (try? String(contentsOf: folder.appendingPathComponent("cases.tsv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Case(file: fields[0], command: fields[1], exit: Int32(fields[2])!, fragment: fields[3])
        }
    }()

    @Test func theCorpusIsLargeAndCoversEveryReader() {
        #expect(Self.cases.count >= 60)
        #expect(Set(Self.cases.map(\.command)) == ["plan", "check", "compare", "check-scenario", "holidays"])
        #expect(Self.cases.allSatisfy { !$0.fragment.isEmpty })
    }

    @Test(arguments: cases)
    func everyBadInputIsAnsweredAndNothingIsWritten(_ item: Case) throws {
        let temporary = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temporary) }
        let output = temporary.appendingPathComponent("out")
        let arguments: [String]
        switch item.command {
        case "check":
            arguments = ["check", "schedule-scenario.yaml", "--schedule", item.file]
        case "check-scenario":
            arguments = ["check", item.file]
        case "holidays":
            arguments = ["holidays", item.file]
        default:
            arguments = [item.command, item.file, "-o", output.path]
        }
        let run = try CLI.run(arguments, in: Self.folder)
        #expect(run.status == item.exit, "\(item.file): \(run.standardOutput)\(run.standardError)")
        #expect(
            (run.standardOutput + run.standardError).contains(item.fragment),
            "\(item.file): \(run.standardOutput)\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: output.path), "\(item.file): something was written")
        // What is printed quotes at most a fragment of a file, never a control character or a secret it holds.
        let printed = run.standardOutput + run.standardError
        #expect(
            !printed.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) },
            "\(item.file): a control character was printed")
        #expect(!printed.contains("hunter2"), "\(item.file): a secret was printed")
        #expect(printed.utf8.count < 2_000, "\(item.file): \(printed.utf8.count) bytes printed")
        if item.exit == 2 {
            // Bad input is named by file (and line where there is one), never a stack trace.
            #expect(run.standardError.hasPrefix("error: \(item.file)"), "\(item.file): \(run.standardError)")
            #expect(!run.standardError.contains("Fatal error"))
        }
    }

    @Test func aFiftyMegabyteFileIsRefusedQuickly() throws {
        let temporary = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temporary) }
        let huge = temporary.appendingPathComponent("huge.yaml")
        let line = Data("# padding padding padding padding padding padding padding padding padding padding\n".utf8)
        var data = Data(capacity: 50_000_000)
        while data.count < 50_000_000 { data.append(line) }
        try data.write(to: huge)
        let run = try CLI.run(["plan", huge.path, "-o", temporary.appendingPathComponent("out").path])
        #expect(run.status == 2)
        #expect(
            run.standardError.contains("larger than a scenario can be: 50,000,074 bytes, at most 4,000,000 bytes"),
            "\(run.standardError)")
    }

    @Test func aByteOrderMarkAndCRLFLineEndsAreAccepted() throws {
        let temporary = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temporary) }
        let text = try String(contentsOf: Self.folder.appendingPathComponent("schedule-scenario.yaml"), encoding: .utf8)
        let file = temporary.appendingPathComponent("windows.yaml")
        try (Data([0xEF, 0xBB, 0xBF]) + Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)).write(to: file)
        let run = try CLI.run(["plan", file.path, "-o", temporary.appendingPathComponent("out").path, "-q"])
        #expect(run.status == 0, "\(run.standardError)")
    }
}
