import RotaModel
import RotaPlanning

/// The one line `rota compare` keeps up to date on a terminal: how many scenarios are done, and for each one being
/// solved its name, level, time and the search's figures (`3 of 7 done · base: Backup balance 2.1 s, gap 12 % ·
/// cny-off: Total holiday burden 0.4 s`), cut to the terminal's width. Times are seconds since the batch began,
/// given with each event, so the line is a function of the events alone.
public struct ComparisonProgress: Sendable, Equatable {
    enum State: Sendable, Equatable {
        case waiting
        case running(since: Double, line: ProgressLine)
        case planned(proved: Bool)
        case failed
    }

    let names: [String]
    private(set) var states: [State]

    public init(names: [String]) {
        self.names = names
        states = Array(repeating: .waiting, count: names.count)
    }

    public mutating func apply(_ event: BatchPlanner.Event, at seconds: Double) {
        switch event {
        case .started(let index):
            states[index] = .running(since: seconds, line: ProgressLine())
        case .level(let index, .started(let title)):
            var line = ProgressLine()
            line.level = title
            states[index] = .running(since: seconds, line: line)
        case .solver(let index, let text):
            guard case .running(let since, var line) = states[index] else { return }
            line.read(glpk: text)
            states[index] = .running(since: since, line: line)
        case .finished(let index, let planned, let proved):
            states[index] = planned ? .planned(proved: proved) : .failed
        }
    }

    /// The line at `seconds` since the batch began, at most `width` characters (graphemes).
    public func rendered(at seconds: Double, width: Int) -> String {
        let done = states.filter { if case .planned = $0 { return true } else { return $0 == .failed } }.count
        var parts = ["\(done) of \(names.count) done"]
        let unproved = states.filter { $0 == .planned(proved: false) }.count
        let failed = states.filter { $0 == .failed }.count
        if unproved > 0 { parts[0] += " (\(unproved) not proved optimal)" }
        if failed > 0 { parts[0] += " (\(failed) without a schedule)" }
        for (index, state) in states.enumerated() {
            guard case .running(let since, let line) = state else { continue }
            var text = "\(names[index]): \(line.level.isEmpty ? "starting" : line.level)"
            text += " \(TextFormatting.number(max(0, seconds - since), places: 1)) s"
            if let gap = line.gap { text += ", gap \(TextFormatting.percent(gap))" }
            parts.append(text)
        }
        let text = parts.joined(separator: " · ")
        guard text.count > width else { return text }
        return width > 1 ? String(text.prefix(width - 1)) + "…" : String(text.prefix(width))
    }
}
