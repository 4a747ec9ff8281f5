import Foundation

/// What a plan was made from: a digest of every input, written by `rota plan` as manifest.json beside the
/// schedule. `rota check` recomputes it from the current inputs; any difference makes the schedule stale.
///
/// Calendars are digested by what the plan uses, not by file: each region's definition and its holidays inside the
/// period, and each engineer's observed festivals with their aliases. Adding another year to calendars/ does not make
/// a schedule stale; a moved holiday inside the period does.
public struct InputManifest: Sendable, Equatable, Codable {
    public static let fileName = "manifest.json"

    /// The scenario's name.
    public let scenario: String
    /// Every input, in a fixed order: model, scenario, calendar files, regions, festival names.
    public let inputs: [InputDigest]
    /// What the solve said (written by `rota plan`; absent in manifests of older reports).
    public var plan: PlanRecord?
    /// Covers and swaps made since planning, in order (absent when there are none).
    public var edits: [EditRecord]?

    public init(scenario: String, inputs: [InputDigest], plan: PlanRecord? = nil, edits: [EditRecord]? = nil) {
        self.scenario = scenario
        self.inputs = inputs
        self.plan = plan
        self.edits = edits
    }

    /// The manifest of a scenario as read now.
    public init(scenario: Scenario) {
        var inputs = [
            InputDigest(
                kind: .model, name: "rota-model-\(ModelVersion.current)", bytes: Data(ModelVersion.current.utf8))
        ]
        inputs += scenario.sources.filter { $0.kind == .scenario }
        inputs += scenario.sources.filter { $0.kind == .calendarFile }.sorted { $0.name < $1.name }
        inputs += scenario.sources.filter { $0.kind == .history }.sorted { $0.name < $1.name }
        // Holidays count in the period, and in the history before it.
        let counted =
            scenario.history.dates.flatMap { DateRange(first: $0.first, last: scenario.period.dates.last) }
            ?? scenario.period.dates
        for code in Set(scenario.engineers.map(\.region)).sorted() {
            var text = ""
            if let region = scenario.calendar.regions[code] {
                // The weekend as Swift prints an [Int] ("[6, 7]"), written out: the digests of earlier reports stay.
                let weekend = "[" + region.weekend.sorted().map(String.init).joined(separator: ", ") + "]"
                text += "\(region.code),\(region.country),\(region.name),\(weekend),"
                text += "\(region.timeZone),\(region.confirmedThrough)\n"
            }
            for holiday in scenario.calendar.holidays(in: code, during: counted) {
                text += "\(holiday.date),\(holiday.name),\(holiday.category.rawValue),"
                text += "\(holiday.observedSubstitute),\(holiday.provisional)\n"
            }
            inputs.append(InputDigest(kind: .region, name: code, bytes: Data(text.utf8)))
        }
        for engineer in scenario.engineers where !engineer.observes.isEmpty {
            let text = engineer.observes.map { festival in
                "\(festival.name),\(festival.weight.map(String.init) ?? "default"),"
                    + festival.patterns.sorted().joined(separator: "|")
            }.joined(separator: "\n")
            inputs.append(InputDigest(kind: .festivalNames, name: engineer.id, bytes: Data(text.utf8)))
        }
        self.init(scenario: scenario.name, inputs: inputs)
    }

    /// The manifest as written: pretty-printed JSON with sorted keys and a final newline.
    public var rendered: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try! encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// Reads a manifest written by `rota plan`; nil when the bytes are not one.
    public static func parse(_ data: Data) -> InputManifest? {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try? decoder.decode(InputManifest.self, from: data)
    }

    /// What differs from `recorded` (the manifest written with the schedule) in this one (the inputs now), each in
    /// words: "scenario xyz.yaml changed", "calendar file leave.ics was added". Empty when nothing did.
    public func changes(since recorded: InputManifest) -> [String] {
        // The scenario is one input whatever its file is called (a renamed copy is not a change).
        func key(_ input: InputDigest) -> String {
            input.kind == .scenario ? input.kind.rawValue : "\(input.kind.rawValue)/\(input.name)"
        }
        let before = Dictionary(recorded.inputs.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let now = Dictionary(inputs.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [String] = []
        let oldModel = recorded.inputs.first { $0.kind == .model }
        let newModel = inputs.first { $0.kind == .model }
        if oldModel?.sha256 != newModel?.sha256 {
            changes.append(
                "Rota's model changed (\(oldModel?.name ?? "unknown") when planned, \(newModel?.name ?? "unknown") now)"
            )
        }
        for input in inputs where input.kind != .model {
            if let old = before[key(input)] {
                if old.sha256 != input.sha256 { changes.append("\(input.label) changed") }
            } else {
                changes.append("\(input.label) is new (not an input when planned)")
            }
        }
        for input in recorded.inputs where input.kind != .model && now[key(input)] == nil {
            changes.append("\(input.label) is no longer an input")
        }
        return changes
    }
}
