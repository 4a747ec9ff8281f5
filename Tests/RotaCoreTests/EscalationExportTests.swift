import Foundation
import Testing

@testable import RotaCore
@testable import RotaModel

/// Escalation policies in the paging tools' own requests: the steps resolved once, each tool's body checked against
/// its published schema.
@Suite("Escalation policies in the paging tools")
struct EscalationExportTests {
    static let goalertUsers = [
        "ana": "11111111-2222-4333-8444-555555555555", "ben": "21111111-2222-4333-8444-555555555555",
        "cai": "31111111-2222-4333-8444-555555555555",
    ]
    /// Teams, a repeated target and an engineer who owns nothing (`outsider`), with their waits.
    static func mixedPolicy(outsider: String) -> [EscalationStep] {
        [
            EscalationStep(target: .team("Business Analytics"), afterHours: 1, contact: "#ba"),
            EscalationStep(target: .onCall(.primary), afterHours: 0.5),
            EscalationStep(target: .team("Finance"), afterHours: 1, contact: "#finance"),
            EscalationStep(target: .engineer(outsider), afterHours: 4),
            EscalationStep(target: .onCall(.primary), afterHours: 1),
            EscalationStep(target: .owner(primary: false), afterHours: 2),
        ]
    }

    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: TestScenarios.repositoryRoot.appendingPathComponent("Tests/Fixtures/paging-tools/\(name)"))
    }

    /// Left-out steps keep their waits: each kept step is reached when the policy says (minutes after the alert),
    /// waits until the next kept one, and a target called earlier is not called again (its wait goes to the step
    /// before it).
    @Test func keptStepsAreReachedWhenThePolicySays() throws {
        var scenario = try PagingExportTests.scenario()
        let (folder, file) = try PagingExportTests.plannedFolder(scenario)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let owners = try #require(file.schedule.ownership.first)
        let outsider = try #require(["ana", "ben", "cai"].first { $0 != owners.primary && $0 != owners.secondary })
        scenario.pipelines[0].escalation = Self.mixedPolicy(outsider: outsider)
        let made = EscalationExport.policies(.pagerduty, scenario: scenario, ownership: file.schedule.ownership)
        #expect(made.missing.isEmpty)
        let steps = try #require(made.policies.first?.steps)
        let users = ["ana": "PEYSGVA", "ben": "PEYSGVF", "cai": "PAB12CD"]
        // Team 0–60, primary 60–90, team 90–150, the outsider 150–390, primary again 390–450, secondary owner
        // 450–570.
        #expect(
            steps.map(\.target) == [.schedule("PI7DH85"), .user(users[outsider]!), .user(users[owners.secondary]!)])
        #expect(steps.map(\.atMinute) == [60, 150, 450])
        #expect(steps.map(\.waitMinutes) == [90, 300, 120])
        #expect(steps.map(\.waitMinutes).reduce(0, +) + steps[0].atMinute == 570)
        #expect(
            made.leftOut == [
                "revenue: the team Business Analytics (PagerDuty rules target users and schedules)",
                "revenue: the team Finance (PagerDuty rules target users and schedules)",
                "revenue: so its first rule pages at once, where the policy reaches that step after 1 h (PagerDuty "
                    + "pages the first rule when the alert opens)",
            ])
        // Opsgenie times rules from the alert, so its first rule waits the hour itself and nothing more is said.
        var opsgenie = try PagingExportTests.scenario(
            contacts: [
                "ana": "{opsgenie: ana@example.com}", "ben": "{opsgenie: ben@example.com}",
                "cai": "{opsgenie: cai@example.com}",
            ], pager: "{opsgenie: {primary: Data on call}}")
        opsgenie.pipelines[0].escalation = Self.mixedPolicy(outsider: outsider)
        let timed = EscalationExport.policies(.opsgenie, scenario: opsgenie, ownership: file.schedule.ownership)
        #expect(timed.leftOut.count == 2)
        #expect(timed.policies.first?.steps.map(\.atMinute) == [60, 150, 450])
    }

    /// Opsgenie: `POST /v2/escalations` bodies that meet CreateEscalationPayload of Opsgenie's published
    /// description, each rule's delay its step's minute after the alert, a schedule named or by UUID, a user by
    /// username.
    @Test func opsgenieBodiesMeetItsSchema() throws {
        var scenario = try PagingExportTests.scenario(
            contacts: [
                "ana": "{opsgenie: ana@example.com}", "ben": "{opsgenie: ben@example.com}",
                "cai": "{opsgenie: cai@example.com}",
            ], pager: "{opsgenie: {primary: Data on call, backup: 5f3b8a2e-0c1d-4e6f-9a7b-2c4d6e8f0a1b}}")
        let (folder, file) = try PagingExportTests.plannedFolder(scenario)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let fixture = try #require(
            try JSONSerialization.jsonObject(with: Self.fixture("opsgenie-create-escalation.json")) as? [String: Any])
        let checker = JSONSchemaSubset(root: fixture)
        let payload = try #require(fixture["requestBody"] as? [String: Any])
        // The checker refuses a rule without a delay, and an unknown condition.
        #expect(!checker.problems(["name": "x", "rules": [["condition": "if-not-acked"]]], payload).isEmpty)
        #expect(
            !checker.problems(
                [
                    "name": "x",
                    "rules": [
                        [
                            "condition": "if-asleep", "notifyType": "default", "delay": ["timeAmount": 5],
                            "recipient": ["type": "user"],
                        ]
                    ],
                ], payload
            ).isEmpty)
        let (files, leftOut) = try PagingExport.escalationPolicies(.opsgenie, scenario: scenario, file: file)
        #expect(files.map(\.name) == ["opsgenie-escalation-revenue.json"])
        #expect(leftOut.isEmpty)
        let body = try #require(try JSONSerialization.jsonObject(with: Data(files[0].contents.utf8)) as? [String: Any])
        #expect(checker.problems(body, payload).isEmpty)
        let rules = try #require(body["rules"] as? [[String: Any]])
        // The default chain, 2 h a step: at 0, 120, 240 and 360 minutes after the alert.
        #expect(rules.map { ($0["delay"] as? [String: Any])?["timeAmount"] as? Int } == [0, 120, 240, 360])
        let recipients = rules.compactMap { $0["recipient"] as? [String: Any] }
        #expect(recipients[0]["name"] as? String == "Data on call" && recipients[0]["id"] == nil)
        #expect(recipients[1]["id"] as? String == "5f3b8a2e-0c1d-4e6f-9a7b-2c4d6e8f0a1b")
        for recipient in recipients.prefix(2) {
            #expect(checker.problems(recipient, try #require(fixture["scheduleRecipient"] as? [String: Any])).isEmpty)
        }
        let owners = try #require(file.schedule.ownership.first)
        #expect(recipients[2]["username"] as? String == "\(owners.primary)@example.com")
        #expect(recipients[3]["username"] as? String == "\(owners.secondary)@example.com")
        for recipient in recipients.suffix(2) {
            #expect(checker.problems(recipient, try #require(fixture["userRecipient"] as? [String: Any])).isEmpty)
        }
        // An engineer named in the policy without an Opsgenie username is an error naming the field, not the value.
        scenario.pipelines[0].escalation = [EscalationStep(target: .engineer("ben"), afterHours: 1)]
        scenario.engineers[1].contacts = Contacts()
        #expect {
            try PagingExport.escalationPolicies(.opsgenie, scenario: scenario, file: file)
        } throws: { "\($0)".contains("engineers[1].contacts.opsgenie (ben)") }
    }

    /// GoAlert: a GraphQL request calling createEscalationPolicy whose variables are a CreateEscalationPolicyInput
    /// of GoAlert's published schema; each step's delayMinutes is how long it waits, its one action the schedule or
    /// the user; a wait GoAlert does not take is written as the nearest it does, and said so.
    @Test func goAlertRequestsMeetItsSchema() throws {
        var scenario = try PagingExportTests.scenario(
            contacts: Self.goalertUsers.mapValues { "{goalert: \($0)}" },
            pager:
                "{goalert: {primary: 8a5e8f52-5d1c-4d2b-9a4e-1f6d2c3b4a5e, backup: 9a5e8f52-5d1c-4d2b-9a4e-1f6d2c3b4a5e}}"
        )
        let (folder, file) = try PagingExportTests.plannedFolder(scenario)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let sdl = String(decoding: try Self.fixture("goalert-create-escalation-policy.graphql"), as: UTF8.self)
        let types = PagingExportTests.inputTypes(sdl)
        #expect(sdl.contains("createEscalationPolicy(input: CreateEscalationPolicyInput!): EscalationPolicy"))
        #expect(types["CreateEscalationPolicyStepInput"]?["actions"] == "[DestinationInput!]")
        #expect(types["CreateEscalationPolicyInput"]?["repeat"] == "Int")
        #expect(
            !PagingExportTests.graphQLProblems(
                ["name": "x", "steps": [["delayMinutes": "5"]]], "CreateEscalationPolicyInput!", types, path: "$"
            ).isEmpty)
        #expect(
            !PagingExportTests.graphQLProblems(
                [
                    "name": "x",
                    "steps": [["delayMinutes": 5, "actions": [["type": "builtin-user", "args": ["user_id": 7]]]]],
                ],
                "CreateEscalationPolicyInput!", types, path: "$"
            ).isEmpty)
        let (files, leftOut) = try PagingExport.escalationPolicies(.goalert, scenario: scenario, file: file)
        #expect(files.map(\.name) == ["goalert-escalation-revenue.json"])
        #expect(leftOut.isEmpty)
        let request = try #require(
            try JSONSerialization.jsonObject(with: Data(files[0].contents.utf8)) as? [String: Any])
        let query = try #require(request["query"] as? String)
        #expect(
            query.contains("($input: CreateEscalationPolicyInput!)")
                && query.contains("createEscalationPolicy(input: $input)"))
        let input = try #require((request["variables"] as? [String: Any])?["input"] as? [String: Any])
        #expect(PagingExportTests.graphQLProblems(input, "CreateEscalationPolicyInput!", types, path: "$").isEmpty)
        let steps = try #require(input["steps"] as? [[String: Any]])
        #expect(steps.map { $0["delayMinutes"] as? Int } == [120, 120, 120, 120])
        let actions = steps.compactMap { ($0["actions"] as? [[String: Any]])?.first }
        #expect(
            actions.map { $0["type"] as? String } == [
                "builtin-schedule", "builtin-schedule", "builtin-user", "builtin-user",
            ])
        #expect((actions[0]["args"] as? [String: String])?["schedule_id"] == "8a5e8f52-5d1c-4d2b-9a4e-1f6d2c3b4a5e")
        let owners = try #require(file.schedule.ownership.first)
        #expect((actions[2]["args"] as? [String: String])?["user_id"] == Self.goalertUsers[owners.primary])
        // A step that hands over at once: GoAlert's least wait is a minute.
        scenario.pipelines[0].escalation = [
            EscalationStep(target: .onCall(.primary), afterHours: 0),
            EscalationStep(target: .onCall(.backup), afterHours: 1),
        ]
        let (quick, said) = try PagingExport.escalationPolicies(.goalert, scenario: scenario, file: file)
        #expect(quick[0].contents.contains("\"delayMinutes\" : 1\n"))
        #expect(said == ["revenue: rule 1 waits 1 min, not 0 (GoAlert takes 1–9000 min)"])
    }

    /// Grafana OnCall takes schedules by iCal only: no escalation file, and `rota export` writes none.
    @Test func grafanaOnCallHasNoEscalationExport() throws {
        let scenario = try PagingExportTests.scenario(
            contacts: ["ana": "{grafana: ana}", "ben": "{grafana: ben}", "cai": "{grafana: cai}"],
            pager: "{grafana-oncall: {primary: Data primary}}")
        let (folder, file) = try PagingExportTests.plannedFolder(scenario)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        #expect(!PagingExport.exportsEscalation(.grafanaOncall))
        let (files, leftOut) = try PagingExport.escalationPolicies(.grafanaOncall, scenario: scenario, file: file)
        #expect(files.isEmpty && leftOut.isEmpty)
    }
}
