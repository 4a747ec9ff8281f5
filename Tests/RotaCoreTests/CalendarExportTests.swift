import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// oncall.ics and oncall-<engineer>.ics: read back by Rota's own iCalendar reader, line by line against RFC 5545,
/// and UIDs stable across a re-plan.
@Suite("On-call calendars")
struct CalendarExportTests {
    static func parse(_ text: String, name: String = "oncall.ics") throws -> CalendarFile {
        try CalendarFile.parse(data: Data(text.utf8), file: name)
    }

    @Test(arguments: ["xyz-tech-2027q1", "xyz-tech-rotations-2027q2"])
    func everyDutyReadsBackAsAnEvent(_ name: String) throws {
        let scenario = try TestScenarios.seed(name)
        let plan = try Planner().plan(scenario)
        let file = try Self.parse(OnCallCalendar().render(plan))
        #expect(file.notices.isEmpty)
        // One event per duty held: xyz-tech-rotations-2027q2's rotations have primaries alone.
        let duties = plan.schedule.shifts.reduce(0) { $0 + ($1.backup == nil ? 1 : 2) }
        #expect(file.events.count == duties)
        #expect(duties == (name == "xyz-tech-2027q1" ? 2 : 1) * plan.schedule.shifts.count)
        let zone = TimeZone(identifier: "Asia/Kuala_Lumpur")!
        let window = DateRange(first: scenario.coveredDates.first, last: scenario.coveredDates.last.adding(days: 7))!
        let occurrences = file.occurrences(in: window, timeZone: zone)
        #expect(occurrences.count == file.events.count)
        let names = Dictionary(uniqueKeysWithValues: scenario.engineers.map { ($0.id, $0.name) })
        for week in plan.schedule.shifts {
            let rotation = scenario.rotations[scenario.rotationIndex(of: week.rotation)!]
            // Timed events run from one handoff to the next, so in the handoff's zone they touch the next
            // handoff's day as well; all-day events cover the shift's days exactly.
            let last = rotation.period.handoffTime == nil ? week.dates.last : week.dates.last.adding(days: 1)
            for role in rotation.roles {
                let summary = "On call (\(role.rawValue)): \(names[week.engineer(for: role)!]!)"
                let matching = occurrences.filter {
                    $0.summary.hasPrefix(summary) && $0.dates == DateRange(first: week.dates.first, last: last)
                }
                #expect(matching.count == 1, "\(name) \(week.rotation) \(week.number) \(role)")
            }
        }
        // A timed rotation hands over at 09:00 in Kuala Lumpur: 01:00 UTC.
        if name == "xyz-tech-rotations-2027q2" {
            #expect(OnCallCalendar().render(plan).contains("\r\nDTSTART:20270405T010000Z\r\n"))
            #expect(OnCallCalendar().render(plan).contains("\r\nDTSTART:20270407T020000Z\r\n"))  // growth: 10:00
        }
    }

    @Test(arguments: TestScenarios.seedNames)
    func linesFollowRFC5545(_ name: String) throws {
        let plan = try Planner().plan(try TestScenarios.seed(name))
        for calendar in [OnCallCalendar()] + plan.scenario.engineers.map({ OnCallCalendar(engineer: $0.id) }) {
            let bytes = Array(calendar.render(plan).utf8)
            // Split on CRLF; no other CR or LF may appear.
            var lines: [[UInt8]] = []
            var current: [UInt8] = []
            var index = 0
            while index < bytes.count {
                if bytes[index] == 13, index + 1 < bytes.count, bytes[index + 1] == 10 {
                    lines.append(current)
                    current = []
                    index += 2
                    continue
                }
                #expect(bytes[index] != 13 && bytes[index] != 10, "bare CR or LF in \(calendar.fileName)")
                current.append(bytes[index])
                index += 1
            }
            #expect(current.isEmpty, "the file ends with CRLF")
            for line in lines {
                #expect(line.count <= 75, "\(calendar.fileName): a line of \(line.count) octets")
                // Folding never splits a UTF-8 character: every physical line decodes on its own.
                #expect(String(validating: line, as: UTF8.self) != nil, "\(calendar.fileName): a split character")
            }
            let text = lines.map { String(decoding: $0, as: UTF8.self) }
            let unfolded = text.reduce(into: [String]()) { result, line in
                if line.hasPrefix(" ") { result[result.count - 1] += line.dropFirst() } else { result.append(line) }
            }
            #expect(
                Array(unfolded.prefix(5)) == [
                    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Rota//rota plan \(ModelVersion.current)//EN",
                    "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                ])
            #expect(unfolded.last == "END:VCALENDAR")
            // Every event has the properties calendar apps need; UIDs are unique.
            var uids = Set<String>()
            var event: [String] = []
            for line in unfolded {
                if line == "BEGIN:VEVENT" { event = [] }
                event.append(line)
                guard line == "END:VEVENT" else { continue }
                for property in ["UID:", "DTSTAMP:", "DTSTART", "DTEND", "SUMMARY:", "DESCRIPTION:"] {
                    #expect(event.contains { $0.hasPrefix(property) }, "\(calendar.fileName): no \(property)")
                }
                let uid = event.first { $0.hasPrefix("UID:") }!
                #expect(uids.insert(uid).inserted, "\(calendar.fileName): \(uid) twice")
            }
            if let engineer = calendar.engineer {
                let duties = plan.schedule.shifts.filter { $0.primary == engineer || $0.backup == engineer }.count
                #expect(uids.count == duties, "\(calendar.fileName)")
            }
        }
    }

    @Test func textIsEscapedAndLongLinesFoldWithoutSplittingCharacters() {
        #expect(ICalendarWriter.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
        let long = "DESCRIPTION:" + String(repeating: "Ñé→", count: 40)
        let folded = ICalendarWriter.fold(long)
        let physical = folded.components(separatedBy: "\r\n").dropLast()
        #expect(physical.count > 1)
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(physical.first! + physical.dropFirst().map { String($0.dropFirst()) }.joined() == long)
    }

    @Test func uidsStayForUnchangedDutiesWhenAReplanChangesOneWeek() throws {
        let replan = try WeekNineLeaveReplan()
        let (plan, replanned) = (replan.plan, replan.replanned)
        func uids(_ plan: Plan) throws -> [String: String] {
            let file = try Self.parse(OnCallCalendar().render(plan))
            return Dictionary(uniqueKeysWithValues: file.events.map { ($0.uid!, $0.summary) })
        }
        let before = try uids(plan)
        let after = try uids(replanned)
        let changes = replanned.changes!.changes.filter { $0.week != nil }
        #expect(!changes.isEmpty)
        // Every duty the replan did not change keeps its UID (and its summary); only the changed ones differ.
        #expect(Set(before.keys).subtracting(after.keys).count == changes.count)
        #expect(Set(after.keys).subtracting(before.keys).count == changes.count)
        for (uid, summary) in after where before[uid] != nil { #expect(before[uid] == summary) }
    }
}
