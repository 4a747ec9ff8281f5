import ArgumentParser
import Foundation
import RotaCore

extension CheckCommand {
    func run() throws {
        let loaded = try calendarOptions.scenario(scenario)
        let file: ScheduleFile
        do {
            file = try ScheduleReader.read(path: schedule ?? "reports/\(loaded.name)")
        } catch {
            Terminal.error(error.description)
            throw ExitStatus.badInput
        }
        // A lone rotation.csv is judged on the rotation rules; a report folder on all of them.
        let checker = RuleChecker(scenario: loaded)
        let findings =
            file.ownershipFile == nil ? checker.checkRotation(file.schedule.weeks) : checker.check(file.schedule)
        switch format {
        case .text: Terminal.out(CheckOutput.text(findings, file: file, scenario: loaded))
        case .json: Terminal.out(try CheckOutput.json(findings, file: file, scenario: loaded))
        }
        if !findings.isEmpty { throw ExitStatus.failure }
    }
}

/// How `rota check` prints its findings.
enum CheckOutput {
    static func text(_ findings: [RuleViolation], file: ScheduleFile, scenario: Scenario) -> String {
        guard !findings.isEmpty else {
            guard let ownership = file.ownershipFile else {
                return "ok: \(file.rotationFile) satisfies every rotation rule of \(scenario.name) "
                    + "(\(file.schedule.weeks.count) weeks)"
            }
            return "ok: \(file.rotationFile) and \(ownership) satisfy every hard rule of \(scenario.name) "
                + "(\(file.schedule.weeks.count) weeks, \(file.schedule.ownership.count) pipelines)"
        }
        let lines = findings.map { finding in
            (file.location(of: finding).map { "\($0): " } ?? "") + "\(finding.rule.rawValue): \(finding.message)"
        }
        return (lines + ["\(findings.count) finding\(findings.count == 1 ? "" : "s")"]).joined(separator: "\n")
    }

    struct Report: Encodable {
        struct Finding: Encodable {
            let rule: String
            let message: String
            let file: String?
            let line: Int?
            let week: Int?
            let pipeline: String?
            let engineer: String?
        }
        let scenario: String
        let status: String
        let findings: [Finding]
    }

    static func json(_ findings: [RuleViolation], file: ScheduleFile, scenario: Scenario) throws -> String {
        let report = Report(
            scenario: scenario.name, status: findings.isEmpty ? "ok" : "violations",
            findings: findings.map { finding in
                let location = file.location(of: finding)
                return Report.Finding(
                    rule: finding.rule.rawValue, message: finding.message, file: location?.file, line: location?.line,
                    week: finding.week, pipeline: finding.pipeline, engineer: finding.engineer)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }
}
