import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

@Suite("Reading schedules back")
struct ScheduleReaderTests {
    @Test(arguments: TestScenarios.seedNames)
    func plannedReportsReadBackToTheSameSchedule(_ name: String) throws {
        let report = TestScenarios.repositoryRoot.appendingPathComponent("reports/\(name)").path
        let file = try ScheduleReader.read(path: report)
        let plan = try Planner().plan(try TestScenarios.seed(name))
        #expect(file.schedule == plan.schedule)
        // Each row's line: the header is line 1, rows follow in the order written.
        for (row, week) in plan.schedule.shifts.enumerated() {
            #expect(
                file.shiftLines[week.key] == row + 2, "\(name) \(week.rotation) \(week.number)")
        }
    }

    @Test func linesCountNewlinesInsideQuotedFields() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rota-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var table = CSVTable(header: ScheduleReader.ownershipColumns)
        table.append(["p1", "Two\nlines", "Profit", "true", "a", "b"])
        table.append(["p2", "One line", "Growth", "false", "b", "a"])
        let file = folder.appendingPathComponent("ownership.csv")
        try Data(table.render().utf8).write(to: file)
        let (rows, lines) = try ScheduleReader.readOwnership(file.path, as: .schedule)
        #expect(
            rows == [
                OwnershipAssignment(pipeline: "p1", primary: "a", secondary: "b"),
                OwnershipAssignment(pipeline: "p2", primary: "b", secondary: "a"),
            ])
        #expect(lines == ["p1": 2, "p2": 4])
    }

    @Test func missingFilesAndColumnsAreExplained() throws {
        #expect(throws: ScheduleError.unreadable(file: "/nonexistent", reason: "no such file or folder")) {
            try ScheduleReader.read(path: "/nonexistent")
        }
    }
}
