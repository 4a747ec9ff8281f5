import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// Identities in the scenario, and `rota export --to pagerduty` judged against PagerDuty's published schema.
@Suite("Identities and the paging-tool exports")
struct PagingExportTests {
    static let schemaFixture = TestScenarios.repositoryRoot.appendingPathComponent(
        "Tests/Fixtures/paging-tools/pagerduty-create-overrides.json")

    static func scenario(
        contacts: [String: String] = [:], pager: String = "{pagerduty: {primary: PI7DH85, backup: PBK2Q3R}}"
    )
        throws -> Scenario
    {
        let ids = ["ana": "PEYSGVA", "ben": "PEYSGVF", "cai": "PAB12CD"]
        let team = ["ana", "ben", "cai"].map { id in
            "  - {id: \(id), region: GB-ENG, contacts: \(contacts[id] ?? "{pagerduty: \(ids[id]!)}")}"
        }
        return try ScenarioReader.parse(
            yaml: """
                name: paged
                period: {start: 2027-03-15, weeks: 4, handoff: {time: "09:00", time_zone: Europe/London}}
                pager: \(pager)
                engineers:
                \(team.joined(separator: "\n"))
                pipelines:
                  - {id: revenue, name: Revenue, investor_facing: true}
                """, file: "paged.yaml")
    }

    /// The scenario planned, with a cover, written to a folder and read back as `rota export` reads it.
    static func plannedFolder(_ scenario: Scenario) throws -> (TemporaryFolder, ScheduleFile) {
        let plan = try Planner().plan(scenario)
        let week = plan.schedule.shifts[1]
        let coverer = ["ana", "ben", "cai"].first { $0 != week.primary && $0 != week.backup }!
        let cover = Cover(
            rotation: "", role: .primary, engineer: coverer,
            span: TimeSpan(
                start: try Instant.parse("2027-03-23T12:00:00Z").get(),
                end: try Instant.parse("2027-03-23T18:00:00Z").get())!,
            reason: "dentist")
        var schedule = plan.schedule
        schedule.covers = [cover]
        let folder = try TemporaryFolder()
        try ReportFolderWriter.write(ReportSet.render(plan.replacing(schedule: schedule)), to: folder.path + "/r")
        return (folder, try ScheduleReader.read(path: folder.path + "/r"))
    }

    @Test func theBodiesMeetPagerDutysSchemaAndEachOverrideIsOneCoverageRow() throws {
        let scenario = try Self.scenario()
        let (folder, file) = try Self.plannedFolder(scenario)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let files = try PagingExport.files(.pagerduty, scenario: scenario, file: file)
        #expect(files.map(\.name) == ["pagerduty-PI7DH85.json", "pagerduty-PBK2Q3R.json"])
        let fixture = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Self.schemaFixture)) as? [String: Any])
        let checker = JSONSchemaSubset(root: fixture)
        let schema = try #require(fixture["requestBody"] as? [String: Any])
        // The checker accepts PagerDuty's own example and can refuse: a body without users, a bad type.
        #expect(checker.problems(fixture["example"], schema).isEmpty)
        #expect(!checker.problems(["overrides": [["start": "2027-01-01T00:00:00Z", "end": "x"]]], schema).isEmpty)
        #expect(
            !checker.problems(
                [
                    "overrides": [
                        [
                            "start": "2027-01-01T00:00:00Z", "end": "2027-01-02T00:00:00Z",
                            "user": ["id": "P1", "type": "team_reference"],
                        ]
                    ]
                ], schema
            ).isEmpty)
        let byUser = Dictionary(
            scenario.engineers.map { ($0.contacts[.pagerduty]!, $0.id) }, uniquingKeysWith: { a, _ in a })
        for exported in files {
            let body = try JSONSerialization.jsonObject(with: Data(exported.contents.utf8))
            #expect(checker.problems(body, schema).isEmpty, "\(exported.name)")
            let overrides = try #require((body as? [String: Any])?["overrides"] as? [[String: Any]])
            #expect(overrides.count == exported.rows.count)
            // Each override is exactly one coverage.csv row: its instants and its engineer.
            for override in overrides {
                let user = (override["user"] as? [String: Any])?["id"] as? String
                let matches = file.coverageRows.filter {
                    $0.span.start.description == override["start"] as? String
                        && $0.span.end.description == override["end"] as? String
                        && $0.engineer == user.flatMap { byUser[$0] }
                        && $0.role == (exported.schedule == "PI7DH85" ? .primary : .backup)
                }
                #expect(matches.count == 1, "\(override)")
            }
        }
        // The primary schedule holds the cover and the shift cut around it: 4 weeks + 2 pieces.
        #expect(files[0].rows.count == 6 && files[1].rows.count == 4)
        // The same folder gives the same bytes; --since keeps what starts from then.
        #expect(
            try PagingExport.files(.pagerduty, scenario: scenario, file: file).map(\.contents) == files.map(\.contents))
        let later = try PagingExport.files(
            .pagerduty, scenario: scenario, file: file, since: try Instant.parse("2027-03-29T08:00:00Z").get())
        #expect(later.map(\.rows.count) == [2, 2])
    }

    @Test func opsgenieBodiesMeetItsSchemaOnePerLineWithTheirOwnAlias() throws {
        let scenario = try Self.scenario(
            contacts: [
                "ana": "{opsgenie: ana@example.com}", "ben": "{opsgenie: ben@example.com}",
                "cai": "{opsgenie: cai@example.com}",
            ], pager: "{opsgenie: {primary: Data on call, backup: 5f3b8a2e-0c1d-4e6f-9a7b-2c4d6e8f0a1b}}")
        let (folder, file) = try Self.plannedFolder(scenario)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let files = try PagingExport.files(.opsgenie, scenario: scenario, file: file)
        #expect(
            files.map(\.name) == ["opsgenie-Data-on-call.jsonl", "opsgenie-5f3b8a2e-0c1d-4e6f-9a7b-2c4d6e8f0a1b.jsonl"])
        let fixture = try #require(
            try JSONSerialization.jsonObject(
                with: Data(
                    contentsOf: Self.schemaFixture.deletingLastPathComponent()
                        .appendingPathComponent("opsgenie-create-override.json"))) as? [String: Any])
        let checker = JSONSchemaSubset(root: fixture)
        let payload = try #require(fixture["requestBody"] as? [String: Any])
        let recipient = try #require(fixture["userRecipient"] as? [String: Any])
        #expect(!checker.problems(["user": ["type": "robot"], "startDate": "x"], payload).isEmpty)
        for exported in files {
            let lines = exported.contents.split(separator: "\n").map(String.init)
            #expect(lines.count == exported.rows.count)
            var aliases = Set<String>()
            for (line, row) in zip(lines, exported.rows) {
                let body = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                #expect(checker.problems(body, payload).isEmpty, "\(line)")
                #expect(checker.problems(body["user"], recipient).isEmpty, "\(line)")
                #expect(body["startDate"] as? String == row.span.start.description)
                #expect(body["endDate"] as? String == row.span.end.description)
                #expect((body["user"] as? [String: Any])?["username"] as? String == "\(row.engineer)@example.com")
                #expect(aliases.insert(body["alias"] as? String ?? "").inserted)
            }
        }
    }

    /// `input Name { field: Type }` blocks of a GraphQL schema, `extend input` ones merged in: field name → type
    /// text (`ID!`, `[X!]!`), defaults (`= 3`), directive lines (`@deprecated(…)`) and descriptions left out.
    static func inputTypes(_ sdl: String) -> [String: [String: String]] {
        var types: [String: [String: String]] = [:]
        var current: String?
        var inDescription = false
        for line in sdl.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line == "\"\"\"" {
                inDescription.toggle()
                continue
            }
            if inDescription || line.hasPrefix("#") || line.hasPrefix("@") { continue }
            let opening = ["input ", "extend input "].first { line.hasPrefix($0) }
            if let opening, line.hasSuffix("{") {
                current = String(line.dropFirst(opening.count).dropLast().trimmingCharacters(in: .whitespaces))
                types[current!, default: [:]] = types[current!] ?? [:]
            } else if line == "}" {
                current = nil
            } else if let name = current, let colon = line.firstIndex(of: ":") {
                let type = line[line.index(after: colon)...].split(separator: "=")[0]
                types[name]![String(line[..<colon])] = type.trimmingCharacters(in: .whitespaces)
            }
        }
        return types
    }

    /// Every way `value` breaks GraphQL input type `type` (scalars ID and ISOTimestamp, lists, input objects).
    static func graphQLProblems(_ value: Any?, _ type: String, _ types: [String: [String: String]], path: String)
        -> [String]
    {
        var type = type
        let required = type.hasSuffix("!")
        if required { type.removeLast() }
        guard let value, !(value is NSNull) else { return required ? ["\(path): missing"] : [] }
        if type.hasPrefix("[") {
            guard let list = value as? [Any] else { return ["\(path): not a list"] }
            let inner = String(type.dropFirst().dropLast())
            return list.enumerated().flatMap { graphQLProblems($1, inner, types, path: "\(path)[\($0)]") }
        }
        switch type {
        case "ID", "String", "DestinationType": return value is String ? [] : ["\(path): \(type) is not a string"]
        case "Int":
            return (value as? NSNumber).map {
                !JSONSchemaSubset.isBoolean($0) && $0.doubleValue == $0.doubleValue.rounded()
            }
                == true ? [] : ["\(path): not an Int"]
        case "Boolean":
            return (value as? NSNumber).map(JSONSchemaSubset.isBoolean) == true ? [] : ["\(path): not a Boolean"]
        case "StringMap":
            return (value as? [String: Any])?.values.allSatisfy({ $0 is String }) == true
                ? [] : ["\(path): not a map of strings"]
        case "ISOTimestamp":
            return (value as? String).map(JSONSchemaSubset.isDateTime) == true ? [] : ["\(path): not an ISO timestamp"]
        default:
            guard let fields = types[type], let object = value as? [String: Any] else {
                return ["\(path): not \(type)"]
            }
            let unknown = object.keys.filter { fields[$0] == nil }.map { "\(path).\($0): not a field of \(type)" }
            return unknown
                + fields.flatMap { name, fieldType in
                    graphQLProblems(object[name], fieldType, types, path: "\(path).\(name)")
                }
        }
    }

    @Test func goAlertAndGrafanaFilesMeetTheirToolsRules() throws {
        let scenario = try Self.scenario(
            contacts: [
                "ana": "{goalert: 11111111-2222-4333-8444-555555555555, grafana: ana.k}",
                "ben": "{goalert: 21111111-2222-4333-8444-555555555555, grafana: ben}",
                "cai": "{goalert: 31111111-2222-4333-8444-555555555555, grafana: cai@example.com}",
            ],
            pager: "{goalert: {primary: 8a5e8f52-5d1c-4d2b-9a4e-1f6d2c3b4a5e}, grafana-oncall: {primary: Data primary, "
                + "backup: Data backup}}")
        let (folder, file) = try Self.plannedFolder(scenario)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        // GoAlert: the variables are a SetTemporaryScheduleInput of GoAlert's published schema; the query calls the
        // mutation with that argument type.
        let sdl = try String(
            contentsOf: Self.schemaFixture.deletingLastPathComponent()
                .appendingPathComponent("goalert-set-temporary-schedule.graphql"), encoding: .utf8)
        let types = Self.inputTypes(sdl)
        #expect(types["SetTemporaryScheduleInput"]?["shifts"] == "[SetScheduleShiftInput!]!")
        #expect(sdl.contains("setTemporarySchedule(input: SetTemporaryScheduleInput!): Boolean!"))
        #expect(
            !Self.graphQLProblems(
                ["scheduleID": "x", "shifts": [["userID": 1]]], "SetTemporaryScheduleInput!", types, path: "$"
            ).isEmpty)
        let goalert = try PagingExport.files(.goalert, scenario: scenario, file: file)
        #expect(goalert.map(\.name) == ["goalert-8a5e8f52-5d1c-4d2b-9a4e-1f6d2c3b4a5e.json"])
        let request = try #require(
            try JSONSerialization.jsonObject(with: Data(goalert[0].contents.utf8)) as? [String: Any])
        let query = try #require(request["query"] as? String)
        #expect(
            query.contains("($input: SetTemporaryScheduleInput!)")
                && query.contains("setTemporarySchedule(input: $input)"))
        let input = (request["variables"] as? [String: Any])?["input"]
        #expect(Self.graphQLProblems(input, "SetTemporaryScheduleInput!", types, path: "$").isEmpty)
        let shifts = try #require((input as? [String: Any])?["shifts"] as? [[String: Any]])
        #expect(shifts.count == goalert[0].rows.count)
        for (shift, row) in zip(shifts, goalert[0].rows) {
            #expect(shift["start"] as? String == row.span.start.description)
            #expect(shift["end"] as? String == row.span.end.description)
        }
        #expect((input as? [String: Any])?["start"] as? String == goalert[0].rows.first?.span.start.description)
        // Grafana OnCall: a calendar RFC 5545 readers accept, one event per row, each titled with the username.
        let grafana = try PagingExport.files(.grafanaOncall, scenario: scenario, file: file)
        #expect(grafana.map(\.name) == ["grafana-oncall-Data-primary.ics", "grafana-oncall-Data-backup.ics"])
        let usernames = Dictionary(
            scenario.engineers.map { ($0.id, $0.contacts[.grafana]!) }, uniquingKeysWith: { a, _ in a })
        for exported in grafana {
            let calendar = try CalendarFile.parse(data: Data(exported.contents.utf8), file: exported.name)
            let events = calendar.occurrences(
                in: DateRange(first: CalendarDate(iso: "2027-03-01")!, last: CalendarDate(iso: "2027-05-01")!)!,
                timeZone: TimeZone(identifier: "UTC")!)
            #expect(events.count == exported.rows.count)
            let spans = Set(events.compactMap(\.span))
            for row in exported.rows {
                #expect(spans.contains(row.span), "\(row.span)")
                #expect(events.contains { $0.span == row.span && $0.summary == usernames[row.engineer] })
            }
            // One username per title: no comma (Grafana reads "a, b" as two people) and no [Ln] level prefix.
            #expect(events.allSatisfy { !$0.summary.contains(",") && !$0.summary.hasPrefix("[") })
        }
        // --since after everything: no file at all.
        #expect(
            try PagingExport.files(
                .goalert, scenario: scenario, file: file, since: try Instant.parse("2030-01-01T00:00Z").get()
            ).isEmpty)
    }

    @Test func missingIdentitiesAndTargetsAreNamedWithoutTheirValues() throws {
        let noBen = try Self.scenario(contacts: ["ben": "{email: ben@example.com}"])
        let (folder, file) = try Self.plannedFolder(noBen)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        #expect {
            try PagingExport.files(.pagerduty, scenario: noBen, file: file)
        } throws: { error in
            let text = "\(error)"
            return text.contains("engineers[1].contacts.pagerduty (ben)") && !text.contains("ben@example.com")
        }
        let noPager = try Self.scenario(pager: "{}")
        #expect(noPager.rotations[0].pager.schedules.isEmpty)
        #expect { try PagingExport.files(.pagerduty, scenario: noPager, file: file) } throws: {
            "\($0)".contains("no rotation names")
        }
        let shared = try Self.scenario(pager: "{pagerduty: {primary: PI7DH85, backup: PI7DH85}}")
        #expect { try PagingExport.files(.pagerduty, scenario: shared, file: file) } throws: {
            "\($0)".contains("one pagerduty schedule receives")
        }
    }

    @Test func badIdentitiesAreInputErrorsThatDoNotEchoTheValue() throws {
        let cases: [(String, String)] = [
            ("{pagerduty: not-an-id}", "engineers[0].contacts.pagerduty: expected a PagerDuty user id"),
            ("{email: secret-token-123}", "engineers[0].contacts.email: expected an email address"),
            ("{phone: \"0123\"}", "engineers[0].contacts.phone: expected a phone number in E.164 form"),
            ("{goalert: 12345}", "engineers[0].contacts.goalert: expected a GoAlert user id"),
            ("{pager_duty: PEYSGVA}", "engineers[0].contacts"),
        ]
        for (contacts, message) in cases {
            #expect {
                try Self.scenario(contacts: ["ana": contacts])
            } throws: { error in
                let text = "\(error)"
                return text.contains(message) && !text.contains("secret-token-123") && !text.contains("not-an-id")
            }
        }
        // The same identity on two engineers.
        #expect {
            try Self.scenario(contacts: ["ana": "{pagerduty: PEYSGVF}"])
        } throws: { error in
            "\(error)".contains("engineers[1].contacts.pagerduty")
                && "\(error)".contains("the same as engineers[0].contacts.pagerduty")
                && !"\(error)".contains("PEYSGVF")
        }
        let good = try Self.scenario(contacts: [
            "ana": "{email: ana@example.com, slack: \"@ana\", phone: \"+441632960001\", pagerduty: PEYSGVA}"
        ])
        #expect(
            good.engineers[0].contacts.summary
                == "email ana@example.com · PagerDuty PEYSGVA · Slack @ana · phone +441632960001")
    }
    @Test func escalationPoliciesMeetPagerDutysSchemaAndFollowThePolicy() throws {
        let scenario = try Self.scenario()
        let (folder, file) = try Self.plannedFolder(scenario)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let fixture = try #require(
            try JSONSerialization.jsonObject(
                with: Data(
                    contentsOf: TestScenarios.repositoryRoot.appendingPathComponent(
                        "Tests/Fixtures/paging-tools/pagerduty-create-escalation-policy.json"))) as? [String: Any])
        let checker = JSONSchemaSubset(root: fixture)
        let schema = try #require(fixture["requestBody"] as? [String: Any])
        // The checker refuses a rule without targets' ids and a target PagerDuty does not have.
        #expect(
            !checker.problems(
                [
                    "escalation_policy": [
                        "type": "escalation_policy", "name": "x", "escalation_rules": [["targets": []]],
                    ]
                ],
                schema
            ).isEmpty)
        #expect(
            !checker.problems(
                [
                    "escalation_policy": [
                        "type": "escalation_policy", "name": "x",
                        "escalation_rules": [
                            ["escalation_delay_in_minutes": 30, "targets": [["id": "P1", "type": "team_reference"]]]
                        ],
                    ]
                ], schema
            ).isEmpty)
        #expect(
            !checker.problems(
                [
                    "escalation_policy": [
                        "type": "escalation_policy", "name": "x", "num_loops": true,
                        "escalation_rules": [
                            ["escalation_delay_in_minutes": 30, "targets": [["id": "P1", "type": "user_reference"]]]
                        ],
                    ]
                ], schema
            ).isEmpty)
        // The default chain: the primary and backup schedules, then the owners as planned, 2 h (120 min) each.
        let (files, leftOut) = try PagingExport.escalationPolicies(.pagerduty, scenario: scenario, file: file)
        #expect(files.map(\.name) == ["pagerduty-escalation-revenue.json"])
        #expect(leftOut.isEmpty)
        let body = try JSONSerialization.jsonObject(with: Data(files[0].contents.utf8))
        #expect(checker.problems(body, schema).isEmpty)
        let rules = try #require(
            ((body as? [String: Any])?["escalation_policy"] as? [String: Any])?["escalation_rules"] as? [[String: Any]])
        let targets = rules.map { (($0["targets"] as? [[String: Any]])?.first?["id"] as? String) ?? "" }
        let owners = try #require(file.schedule.ownership.first)
        let users = Dictionary(uniqueKeysWithValues: scenario.engineers.map { ($0.id, $0.contacts[.pagerduty]!) })
        #expect(targets == ["PI7DH85", "PBK2Q3R", users[owners.primary]!, users[owners.secondary]!])
        #expect(rules.allSatisfy { $0["escalation_delay_in_minutes"] as? Int == 120 })

        // A policy with a team first: the team is left out and said so; an engineer without a PagerDuty user is an
        // error naming the field.
        var custom = scenario
        custom.pipelines[0].escalation = [
            EscalationStep(target: .team("Business Analytics"), afterHours: 1, contact: "#ba"),
            EscalationStep(target: .onCall(.primary), afterHours: 0.5),
            EscalationStep(target: .engineer("ana"), afterHours: 4),
        ]
        let (customFiles, customLeftOut) = try PagingExport.escalationPolicies(.pagerduty, scenario: custom, file: file)
        #expect(
            customLeftOut == [
                "revenue: the team Business Analytics (PagerDuty rules target users and schedules)",
                "revenue: so its first rule pages at once, where the policy reaches that step after 1 h (PagerDuty "
                    + "pages the first rule when the alert opens)",
            ])
        #expect(customFiles[0].contents.contains("\"escalation_delay_in_minutes\" : 30"))
        #expect(customFiles[0].contents.contains("\"escalation_delay_in_minutes\" : 240"))
        custom.engineers[0].contacts = Contacts()
        #expect(throws: ExportError.self) {
            try PagingExport.escalationPolicies(.pagerduty, scenario: custom, file: file)
        }
    }
}
