import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// The schedule in hours: instants, shift spans at the handoff time, covers and coverage.csv.
@Suite("Coverage in hours")
struct CoverageTests {
    /// Three engineers in London, weekly shifts handing over at 09:00 London time across the change to summer time
    /// (2027-03-28).
    static func london(leave: String = "", handoff: String = "{time: \"09:00\", time_zone: Europe/London}")
        throws -> Scenario
    {
        try ScenarioReader.parse(
            yaml: """
                name: london
                period: {start: 2027-03-15, weeks: 4, handoff: \(handoff)}
                engineers:
                  - {id: ana, region: GB-ENG\(leave)}
                  - {id: ben, region: GB-ENG}
                  - {id: cai, region: GB-ENG}
                pipelines:
                  - {id: revenue, name: Revenue, investor_facing: true}
                """, file: "london.yaml")
    }

    static func instant(_ text: String) -> Instant { try! Instant.parse(text).get() }

    static func span(_ start: String, _ end: String) -> TimeSpan {
        TimeSpan(start: instant(start), end: instant(end))!
    }

    @Test func wallClockTimesMatchAnIndependentZoneinfoComputation() throws {
        let url = TestScenarios.repositoryRoot.appendingPathComponent(
            "Tests/Fixtures/time-zones/wall-clock-instants.csv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter {
            !$0.hasPrefix("#") && !$0.hasPrefix("zone,")
        }
        #expect(lines.count == 260)
        var skippedOrRepeated = 0
        for line in lines {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let zone = try #require(TimeZone(identifier: fields[0]))
            let date = try #require(CalendarDate(iso: fields[1]))
            let parts = fields[2].split(separator: ":").compactMap { Int($0) }
            let instant = Instant(wall: date, seconds: parts[0] * 3600 + parts[1] * 60, in: zone)
            #expect(instant.description == fields[3], "\(line)")
            if !fields[4].isEmpty { skippedOrRepeated += 1 }
        }
        #expect(skippedOrRepeated == 5)
    }

    @Test func instantsAreReadAsRFC3339AndWrittenInUTC() throws {
        let utc = Self.instant("2027-04-07T02:00:00Z")
        #expect(utc.description == "2027-04-07T02:00:00Z")
        #expect(try Instant.parse("2027-04-07T10:00+08:00").get() == utc)
        #expect(try Instant.parse("2027-04-06T19:00:00-07:00").get() == utc)
        #expect(try Instant.parse("2027-04-07 02:00z").get() == utc)
        #expect(Instant.parse("2027-04-07T10:00") == .failure(.missingOffset))
        let kualaLumpur = TimeZone(identifier: "Asia/Kuala_Lumpur")!
        #expect(try Instant.parse("2027-04-07T10:00", localZone: kualaLumpur).get() == utc)
        #expect(utc.local(in: kualaLumpur) == "2027-04-07T10:00+08:00")
        for bad in [
            "2027-04-07", "2027-13-01T00:00Z", "2027-04-07T24:00Z", "2027-04-07T10:00+0800", "2027-04-07T10:60Z",
            "2027-04-07T10:00Zjunk", "tomorrow",
        ] {
            #expect(Instant.parse(bad) == .failure(.malformed), "\(bad)")
        }
    }

    @Test func shiftsRunFromHandoffToHandoffAcrossDaylightSaving() throws {
        let scenario = try Self.london()
        let clock = ShiftClock(rotation: scenario.rotations[0], scenario: scenario)
        let spans = scenario.rotations[0].period.allShifts.map(clock.span(of:))
        #expect(
            spans.map(\.start.description) == [
                "2027-03-15T09:00:00Z", "2027-03-22T09:00:00Z", "2027-03-29T08:00:00Z", "2027-04-05T08:00:00Z",
            ])
        // The week with the change to summer time is an hour short.
        #expect(spans.map { $0.seconds / 3600 } == [168, 167, 168, 168])
        for (a, b) in zip(spans, spans.dropFirst()) { #expect(a.end == b.start) }
        // Los Angeles falls back on 2027-11-07: that week is an hour long.
        let fall = try Self.london(handoff: "{time: \"09:00\", time_zone: America/Los_Angeles}")
        var period = fall.rotations[0].period
        period.start = CalendarDate(iso: "2027-11-01")!
        var rotation = fall.rotations[0]
        rotation.period = period
        let losAngeles = ShiftClock(rotation: rotation, scenario: fall)
        #expect(losAngeles.span(of: period.shift(0)).seconds == 169 * 3600)
        #expect(
            TimeSpan.day(CalendarDate(iso: "2027-03-28")!, in: TimeZone(identifier: "Europe/London")!).seconds == 23
                * 3600)
    }

    /// The handoff on `date` at 09:00 in `zone`, computed with Foundation's calendar (not Rota's wall-clock code).
    static func foundationHandoff(_ date: CalendarDate, _ zone: TimeZone) -> Instant {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: date.year, month: date.month, day: date.day, hour: 9)
        return Instant(secondsSince1970: Int(calendar.date(from: components)!.timeIntervalSince1970))
    }

    @Test func theTimelineIsWhoIsOnDutyAtEveryInstant() throws {
        let scenario = try Self.london()
        let plan = try Planner().plan(scenario)
        let zone = TimeZone(identifier: "Europe/London")!
        let shifts = plan.schedule.shifts
        let first = Self.foundationHandoff(shifts[0].dates.first, zone)
        let last = Self.foundationHandoff(shifts.last!.dates.last.adding(days: 1), zone)
        var random = SeededRandom(seed: 20)
        for round in 0..<40 {
            // Random covers, apart from one another per role, each by someone else than that role's holders.
            var covers: [Cover] = []
            for role in DutyRole.allCases {
                var cursor = first.adding(seconds: Int(random.next() % 40_000))
                while covers.count < 12, cursor < last {
                    let length = 1800 + Int(random.next() % 200_000)
                    let end = min(cursor.adding(seconds: length), last)
                    let engineer = ["ana", "ben", "cai"][Int(random.next() % 3)]
                    covers.append(
                        Cover(
                            rotation: "", role: role, engineer: engineer,
                            span: TimeSpan(start: cursor, end: end)!, reason: "round \(round)"))
                    cursor = end.adding(seconds: Int(random.next() % 300_000))
                }
            }
            let schedule = Schedule(shifts: shifts, ownership: plan.schedule.ownership, covers: covers)
            let timeline = CoverageTimeline.intervals(schedule, scenario: scenario)
            for role in DutyRole.allCases {
                let own = timeline.filter { $0.role == role }
                #expect(own.first?.span.start == first && own.last?.span.end == last)
                for (a, b) in zip(own, own.dropFirst()) { #expect(a.span.end == b.span.start, "round \(round)") }
            }
            // Brute force: at random instants, the cover containing it, else the holder of the shift whose
            // Foundation-computed handoffs bracket it.
            for _ in 0..<60 {
                let instant = first.adding(seconds: Int(random.next() % UInt64(first.seconds(to: last))))
                let role = DutyRole.allCases[Int(random.next() % 2)]
                let expected =
                    covers.first { $0.role == role && $0.span.contains(instant) }?.engineer
                    ?? shifts.first {
                        Self.foundationHandoff($0.dates.first, zone) <= instant
                            && instant < Self.foundationHandoff($0.dates.last.adding(days: 1), zone)
                    }!.engineer(for: role)
                let found = timeline.filter { $0.role == role && $0.span.contains(instant) }
                #expect(found.map(\.engineer) == [expected], "round \(round) at \(instant)")
            }
        }
    }

    /// A planned report folder for `scenario`, written to a temporary folder; returns the folder.
    static func writtenReport(_ plan: Plan) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try ReportFolderWriter.write(ReportSet.render(plan), to: folder.path + "/report")
        return folder
    }

    @Test func aPlannedFolderPassesAndAnEditTypedIntoOneFileIsFound() throws {
        let scenario = try Self.london()
        let plan = try Planner().plan(scenario)
        let folder = try Self.writtenReport(plan)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let path = folder.path + "/report"
        let clean = try ScheduleReader.read(path: path)
        #expect(clean.coverageRows.count == 8)
        #expect(RuleChecker(scenario: scenario).checkCoverageRows(clean.coverageRows, clean.schedule.shifts).isEmpty)
        // A swap typed into rotation.csv alone: coverage.csv still names the old people.
        let rotation = try String(contentsOfFile: path + "/rotation.csv", encoding: .utf8)
        let week = plan.schedule.shifts[1]
        let backup = try #require(week.backup)
        let swapped = rotation.replacingOccurrences(
            of: "2,\(week.dates.first),\(week.dates.last),\(week.primary),\(backup)",
            with: "2,\(week.dates.first),\(week.dates.last),\(backup),\(week.primary)")
        #expect(swapped != rotation)
        try Data(swapped.utf8).write(to: URL(fileURLWithPath: path + "/rotation.csv"))
        let edited = try ScheduleReader.read(path: path)
        let findings = RuleChecker(scenario: scenario).checkCoverageRows(edited.coverageRows, edited.schedule.shifts)
        #expect(findings.count == 2 && findings.allSatisfy { $0.rule == .covers && $0.week == 2 })
        #expect(
            findings.compactMap { edited.location(of: $0)?.description }
                == ["\(path)/coverage.csv:4", "\(path)/coverage.csv:5"])
        #expect(findings[0].message.contains("out of step"))
    }

    @Test func gapsOverlapsAndBadInstantsInCoverageAreFound() throws {
        let scenario = try Self.london()
        let plan = try Planner().plan(scenario)
        let folder = try Self.writtenReport(plan)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let path = folder.path + "/report/coverage.csv"
        let original = try String(contentsOfFile: path, encoding: .utf8)
        var lines = original.components(separatedBy: "\r\n")
        // Line 4 (week 2's primary) removed: a gap in the primary timeline.
        lines.remove(at: 3)
        try Data(lines.joined(separator: "\r\n").utf8).write(to: URL(fileURLWithPath: path))
        var file = try ScheduleReader.read(path: folder.path + "/report")
        var findings = RuleChecker(scenario: scenario).checkCoverageRows(file.coverageRows, file.schedule.shifts)
        #expect(
            findings.map(\.message) == [
                "primary coverage has a gap from 2027-03-22T09:00:00Z to 2027-03-29T08:00:00Z"
            ])
        // A cover row on top of the shift rows: an overlap.
        let week = plan.schedule.shifts[0]
        try Data(
            (original
                + ",primary,\(week.backup == "ana" ? "ben" : "ana"),2027-03-16T09:00:00Z,2027-03-16T17:00:00Z,cover,dentist\r\n")
                .utf8
        ).write(to: URL(fileURLWithPath: path))
        file = try ScheduleReader.read(path: folder.path + "/report")
        findings = RuleChecker(scenario: scenario).checkCoverageRows(file.coverageRows, file.schedule.shifts)
        #expect(findings.count == 1 && findings[0].message.contains("overlaps from 2027-03-16T09:00:00Z"))
        #expect(file.location(of: findings[0])?.line == 10)
        // An instant without an offset: exit-2 input, with file, line and column.
        try Data(original.replacingOccurrences(of: "2027-03-22T09:00:00Z", with: "2027-03-22T09:00").utf8)
            .write(to: URL(fileURLWithPath: path))
        #expect {
            try ScheduleReader.read(path: folder.path + "/report")
        } throws: { error in
            (error as? ScheduleError)?.message
                == "\(path):2: end: expected an instant with Z or an offset (2027-03-22T09:00Z for UTC), found \"2027-03-22T09:00\""
        }
    }

    @Test func leaveInsideAShiftIsKeptWhereCoversTakeEveryHourOfIt() throws {
        let scenario = try Self.london(leave: ", leave: [2027-03-17]")
        // ana holds week 1 primary by hand; ben backup.
        let weeks = scenario.rotations[0].period.allShifts.enumerated().map { t, dates in
            RotationShift(
                number: t + 1, dates: dates, primary: ["ana", "ben", "cai", "ana"][t],
                backup: ["ben", "cai", "ana", "ben"][t])
        }
        let checker = RuleChecker(scenario: scenario)
        #expect(checker.checkRotation(weeks).map(\.rule) == [.leave])
        // cai covers all of ana's 17 March (London midnight to midnight, GMT then): no leave finding.
        let whole = Cover(
            rotation: "", role: .primary, engineer: "cai",
            span: Self.span("2027-03-17T00:00:00Z", "2027-03-18T00:00:00Z"),
            reason: "ana's leave")
        #expect(checker.checkRotation(weeks, covers: [whole]).isEmpty)
        // Covering only the working day leaves her on duty the rest of it.
        let part = Cover(
            rotation: "", role: .primary, engineer: "cai",
            span: Self.span("2027-03-17T09:00:00Z", "2027-03-17T17:00:00Z"),
            reason: "")
        #expect(checker.checkRotation(weeks, covers: [part]).map(\.rule) == [.leave])
        // Judged after the shift was worked, the leave is history.
        #expect(RuleChecker(scenario: scenario, asOf: CalendarDate(iso: "2027-03-23")).checkRotation(weeks).isEmpty)
        #expect(RuleChecker(scenario: scenario, asOf: CalendarDate(iso: "2027-03-22")).checkRotation(weeks).count == 1)
        // ana covering on a day she is free; ben (backup then) covering primary; cai covering himself; a cover
        // after the last shift; one overlapping cai's.
        let free = Cover(
            rotation: "", role: .backup, engineer: "ana",
            span: Self.span("2027-03-24T12:00:00Z", "2027-03-24T13:00:00Z"),
            reason: "")
        let both = Cover(
            rotation: "", role: .primary, engineer: "ben",
            span: Self.span("2027-03-16T12:00:00Z", "2027-03-16T13:00:00Z"),
            reason: "")
        let himself = Cover(
            rotation: "", role: .backup, engineer: "cai",
            span: Self.span("2027-03-23T12:00:00Z", "2027-03-23T13:00:00Z"),
            reason: "")
        let outside = Cover(
            rotation: "", role: .backup, engineer: "ben",
            span: Self.span("2027-04-12T10:00:00Z", "2027-04-12T11:00:00Z"),
            reason: "")
        let overlapping = Cover(
            rotation: "", role: .backup, engineer: "ana",
            span: Self.span("2027-03-23T12:30:00Z", "2027-03-23T14:00:00Z"),
            reason: "")
        let findings = checker.checkCovers(weeks, [whole, free, both, himself, outside, overlapping])
        #expect(findings.map(\.rule) == [.distinctRoles, .covers, .covers, .covers])
        #expect(findings.map(\.cover) == [2, 3, 4, 5])
        #expect(findings[1].message.contains("cai holds that backup shift"))
        #expect(findings[2].message.contains("does not lie inside the shifts"))
        #expect(findings[3].message.contains("overlaps the cover by cai"))
        // Covering on one's own leave day.
        let twoDays = try Self.london(leave: ", leave: [2027-03-17, 2027-03-24]")
        #expect(RuleChecker(scenario: twoDays).checkCovers(weeks, [free]).map(\.rule) == [.leave])
    }

    @Test func aCoverSplitsTheCalendarEventAndUnchangedEventsKeepTheirBytes() throws {
        let scenario = try Self.london()
        let plan = try Planner().plan(scenario)
        let week = plan.schedule.shifts[0]
        let coverer = ["ana", "ben", "cai"].first { $0 != week.primary && $0 != week.backup }!
        let cover = Cover(
            rotation: "", role: .primary, engineer: coverer,
            span: Self.span("2027-03-16T13:00:00Z", "2027-03-16T17:00:00Z"), reason: "dentist")
        let covered = plan.replacing(
            schedule: Schedule(shifts: plan.schedule.shifts, ownership: plan.schedule.ownership, covers: [cover]))
        let before = OnCallCalendar.events(plan)
        let after = OnCallCalendar.events(covered)
        // Week 1's primary becomes three events (before, the cover, after); everything else is unchanged.
        #expect(after.count == before.count + 2)
        #expect(Array(after.dropFirst(4).map(\.text)) == Array(before.dropFirst(2).map(\.text)))
        #expect(after[1].text == before[1].text)  // week 1's backup
        func field(_ event: OnCallCalendar.Event, _ name: String) -> String? {
            event.text.components(separatedBy: "\r\n").first { $0.hasPrefix(name + ":") }.map {
                String($0.dropFirst(name.count + 1))
            }
        }
        #expect(field(after[0], "UID") == field(before[0], "UID"))
        #expect(field(after[0], "SEQUENCE") == "1")
        #expect(field(before[0], "SEQUENCE") == nil)
        #expect(field(after[0], "DTEND") == "20270316T130000Z")
        #expect(field(after[2], "DTSTART") == "20270316T130000Z" && field(after[2], "DTEND") == "20270316T170000Z")
        #expect(after[2].person == coverer && field(after[2], "SUMMARY")?.contains("covering") == true)
        #expect(field(after[3], "DTSTART") == "20270316T170000Z" && field(after[3], "UID") != field(after[0], "UID"))
        let csv = CoverageCSV().render(covered)
        #expect(csv.contains("\r\n,primary,\(coverer),2027-03-16T13:00:00Z,2027-03-16T17:00:00Z,cover,dentist\r\n"))
    }
}
