import CSV
import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

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

    /// Hostile fields (quotes before combining marks, CR, LF, CRLF, commas, emoji, formula starts) read back through
    /// CSV.swift's reader as written (formula guards undone), one row per row, on random tables; and a quote with a
    /// combining mark is still doubled.
    @Test func csvReadsBackThroughCSVSwiftOnHostileText() throws {
        #expect(CSVTable(header: ["a\u{22}\u{301}b"]).render() == "\"a\"\"\u{301}b\"\r\n")
        let pieces = [
            "plain", ",", "\"", "\"\u{301}", "\r\n", "\n", "\r", "e\u{301}", "👩🏽‍💻", " ", "", "=1", "+2", "@x", "-", "\t",
            "Hari Raya", "'",
        ]
        var random = SeededRandom(seed: 7)
        for round in 0..<200 {
            let columns = random.int(in: 1...4)
            var table = CSVTable(header: (0..<columns).map { "c\($0)" })
            let rows = (0..<random.int(in: 0...5)).map { _ in
                (0..<columns).map { _ in
                    (0..<random.int(in: 0...4)).map { _ in pieces[random.int(in: 0...(pieces.count - 1))] }.joined()
                }
            }
            for row in rows { table.append(row) }
            let reader = try CSVReader(string: table.render(), hasHeaderRow: true)
            var read: [[String]] = []
            while let row = reader.next() { read.append(row.map(FormulaGuard.unguarded)) }
            #expect(read == rows, "round \(round)")
        }
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

    /// Foreign files below the names Rota owns count as much as foreign files at the top (issue 18, item 1).
    /// A foreign folder is named, not what it holds (`runbooks/deep/a.md` → `runbooks/deep/`).
    @Test(arguments: [
        ("runbooks/team-notes.md/", "runbooks/team-notes.md/"), ("runbooks/team-notes.txt", "runbooks/team-notes.txt"),
        ("runbooks/deep/a.md", "runbooks/deep/"), ("oncall-archive.ics/", "oncall-archive.ics/"),
        ("report.md/", "report.md/"), ("notes/", "notes/"), ("runbooks/.md", "runbooks/.md"),
    ])
    func foreignEntriesAtAnyDepthAreRefused(_ entry: String, _ named: String) throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("team")
        try ReportFolderWriter.write(
            [("report.md", "one\n"), ("runbooks/README.md", "index\n"), ("runbooks/p.md", "p\n")], to: target.path)
        let foreign = target.appendingPathComponent(entry)
        if entry.hasSuffix("/") {
            try? FileManager.default.removeItem(at: foreign)
            try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        } else {
            try FileManager.default.createDirectory(
                at: foreign.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("keep".utf8).write(to: foreign)
        }
        do {
            try ReportFolderWriter.write([("report.md", "two\n")], to: target.path)
            Issue.record("\(entry) was replaced")
        } catch {
            guard case .notAReportFolder(_, let unexpected) = error else { throw error }
            #expect(unexpected == [named])
            #expect(error.description.contains(named))
        }
        #expect(FileManager.default.fileExists(atPath: foreign.path))
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("runbooks/p.md").path))
    }

    @Test func aSymbolicLinkInTheFolderIsForeignAndAnOutputLinkIsFollowed() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let real = root.appendingPathComponent("real")
        try ReportFolderWriter.write([("report.md", "one\n")], to: real.path)
        try FileManager.default.createSymbolicLink(
            at: real.appendingPathComponent("rotation.csv"), withDestinationURL: root.appendingPathComponent("x"))
        #expect(throws: ReportWriteError.self) {
            try ReportFolderWriter.write([("report.md", "two\n")], to: real.path)
        }
        try FileManager.default.removeItem(at: real.appendingPathComponent("rotation.csv"))

        // -o names a link to a report folder: the folder it points to gets the report, the link stays a link.
        let link = root.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        try ReportFolderWriter.write([("report.md", "three\n")], to: link.path)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path)
        #expect(try String(contentsOf: real.appendingPathComponent("report.md"), encoding: .utf8) == "three\n")
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

@Suite("What killed runs leave behind")
struct LeftoverTests {
    /// The pid of a process that has exited (and been reaped).
    func deadPid() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    /// A run killed with SIGKILL leaves its staging folder; the next run removes it, but not the staging folder of
    /// a run still going (here: this process).
    @Test func stagingFoldersOfDeadRunsAreRemovedAndLiveOnesKept() throws {
        let root = try TemporaryFolder().url
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("team-q1")
        try ReportFolderWriter.write([("report.md", "old\n")], to: target.path)
        let dead = try deadPid()
        let live = ProcessInfo.processInfo.processIdentifier
        let deadStaging = root.appendingPathComponent(".rota-new-team-q1-\(dead)-0badc0de")
        let deadRetired = root.appendingPathComponent(".rota-old-team-q1-\(dead)-0badcafe")
        let liveStaging = root.appendingPathComponent(".rota-new-team-q1-\(live)-12345678")
        let otherTeam = root.appendingPathComponent(".rota-new-team-q2-\(dead)-0badc0de")
        for folder in [deadStaging, deadRetired, liveStaging, otherTeam] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
            try Data("half".utf8).write(to: folder.appendingPathComponent("report.md"))
        }
        try ReportFolderWriter.write([("report.md", "new\n")], to: target.path)
        #expect(try String(contentsOf: target.appendingPathComponent("report.md"), encoding: .utf8) == "new\n")
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: root.path))
        #expect(left == [target.lastPathComponent, liveStaging.lastPathComponent, otherTeam.lastPathComponent])
    }

    /// Killed between the two renames of the fallback path: no folder at the target, the previous report retired.
    /// The next run puts it back before anything else, so a write that then fails still leaves it in place.
    @Test func aRetiredReportOfADeadRunIsPutBack() throws {
        let root = try TemporaryFolder().url
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("team")
        let retired = root.appendingPathComponent(".rota-old-team-\(try deadPid())-0badcafe")
        try FileManager.default.createDirectory(at: retired, withIntermediateDirectories: false)
        try Data("previous\n".utf8).write(to: retired.appendingPathComponent("report.md"))
        #expect(throws: ReportWriteError.self) {
            try ReportFolderWriter.write(
                [("report.md", "new\n"), ("runbooks", "x"), ("runbooks/a.md", "y")], to: target.path)
        }
        #expect(try String(contentsOf: target.appendingPathComponent("report.md"), encoding: .utf8) == "previous\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["team"])
    }

    /// Linux exchanges two folders in one step (what a report swap uses); a missing side is refused, and the
    /// writer then falls back to two renames.
    @Test func foldersAreExchangedInOneStep() throws {
        let root = try TemporaryFolder().url
        defer { try? FileManager.default.removeItem(at: root) }
        let a = root.appendingPathComponent("a")
        let b = root.appendingPathComponent("b")
        try FileManager.default.createDirectory(at: a, withIntermediateDirectories: false)
        try FileManager.default.createDirectory(at: b, withIntermediateDirectories: false)
        try Data("A".utf8).write(to: a.appendingPathComponent("f"))
        try Data("B".utf8).write(to: b.appendingPathComponent("f"))
        #if os(Linux)
            // The container's file systems (ext4, overlay, tmpfs) all support the exchange.
            #expect(FolderExchange.exchange(a.path, b.path))
            #expect(try String(contentsOf: a.appendingPathComponent("f"), encoding: .utf8) == "B")
            #expect(try String(contentsOf: b.appendingPathComponent("f"), encoding: .utf8) == "A")
        #endif
        #expect(!FolderExchange.exchange(a.path, root.appendingPathComponent("missing").path))
    }
}

/// The durability order of a replace: every file written, then one durability step for the whole staging folder,
/// and only then the rename, itself made durable after. Recorded through a ``Durability`` that logs each call and
/// looks at the target at that moment.
@Suite("Durability of a report folder")
struct ReportDurabilityTests {
    final class Log: @unchecked Sendable {
        var events: [String] = []
        let lock = NSLock()
        func add(_ event: String) { lock.withLock { events.append(event) } }
    }

    @Test func theStagingFolderIsDurableBeforeItIsRenamedIntoPlace() throws {
        let root = try TemporaryFolder().url
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("team")
        let files = [("report.md", "new\n"), ("rotation.csv", "a\r\n"), ("runbooks/p1.md", "# p1\n")]
        for exists in [false, true] {
            let log = Log()
            let durability = Durability(
                persist: { folder, paths in
                    // Every file is there, complete, and the target still holds the previous report (if any).
                    let complete = files.allSatisfy { name, contents in
                        (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)) == contents
                    }
                    let previous = try? String(
                        contentsOf: target.appendingPathComponent("report.md"), encoding: .utf8)
                    log.add("persist \(paths.count) complete=\(complete) target=\(previous ?? "none")")
                    return Durability.system.persist(folder, paths)
                },
                persistRename: { parent in
                    let now = try? String(contentsOf: target.appendingPathComponent("report.md"), encoding: .utf8)
                    log.add("rename \(parent == root.path) target=\(now ?? "none")")
                },
                write: { data, path in
                    log.add("write \(URL(fileURLWithPath: path).lastPathComponent)")
                    try Durability.system.write(data, path)
                })
            if exists {
                try ReportFolderWriter.write([("report.md", "old\n")], to: target.path)
            }
            try ReportFolderWriter.write(files, to: target.path, isOwn: ReportSet.isReportEntry, durability: durability)
            // Three files and two folders (the staging folder, runbooks/) persisted in one step; then the rename.
            #expect(
                log.events == [
                    "write report.md", "write rotation.csv", "write p1.md",
                    "persist 5 complete=true target=\(exists ? "old\n" : "none")",
                    "rename true target=new\n",
                ])
        }
    }

    /// A failing durability step fails the write and leaves the previous report, with no staging folder behind.
    @Test func aFailedDurabilityStepLeavesThePreviousReport() throws {
        let root = try TemporaryFolder().url
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("team")
        try ReportFolderWriter.write([("report.md", "old\n")], to: target.path)
        let failing = Durability(
            persist: { _, _ in false }, persistRename: { _ in }, write: Durability.system.write)
        #expect(throws: ReportWriteError.self) {
            try ReportFolderWriter.write(
                [("report.md", "new\n")], to: target.path, isOwn: ReportSet.isReportEntry, durability: failing)
        }
        #expect(try String(contentsOf: target.appendingPathComponent("report.md"), encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["team"])
    }
}
