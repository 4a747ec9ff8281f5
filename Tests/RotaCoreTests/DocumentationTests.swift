import Foundation
import Testing

/// The README quotes a committed report; every quoted line must still be in it, word for word.
@Suite("Documentation tells the truth")
struct DocumentationTests {
    @Test func readmeExcerptIsInTheCommittedReport() throws {
        let root = TestScenarios.repositoryRoot
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let report = try String(
            contentsOf: root.appendingPathComponent("reports/xyz-tech-2027q1/report.md"), encoding: .utf8)
        let reportLines = Set(report.components(separatedBy: "\n"))
        let quoted = readme.components(separatedBy: "\n").filter { $0.hasPrefix("> ") }.map { String($0.dropFirst(2)) }
        #expect(quoted.count >= 8)
        for line in quoted {
            #expect(reportLines.contains(line), "README quotes a line the report no longer has: \(line)")
        }
    }
}
