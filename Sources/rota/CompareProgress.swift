import Foundation
import RotaCore
import RotaModel
import RotaPlanning

/// `rota compare`'s progress on a terminal: one line on standard error (``ComparisonProgress``), rewritten in place at
/// most ten times a second and cleared when the batch ends; never with --quiet or off a terminal. Nothing of it
/// reaches a report.
final class LiveComparisonProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var progress: ComparisonProgress
    private let start = ContinuousClock.now
    private var lastDrawn = ContinuousClock.now - .seconds(1)

    init(names: [String]) { progress = ComparisonProgress(names: names) }

    /// Only when standard error is a terminal and --quiet is not given.
    static func make(names: [String], quiet: Bool) -> LiveComparisonProgress? {
        guard !quiet, Terminal.standardErrorIsTerminal else { return nil }
        return LiveComparisonProgress(names: names)
    }

    var handler: @Sendable (BatchPlanner.Event) -> Void { { [self] event in apply(event) } }

    private func apply(_ event: BatchPlanner.Event) {
        lock.lock()
        let now = ContinuousClock.now
        progress.apply(event, at: (now - start).totalSeconds)
        // A scenario starting or ending is drawn at once; solver lines at most ten times a second.
        let force: Bool
        switch event {
        case .started, .finished, .level: force = true
        case .solver: force = false
        }
        let due = force || now - lastDrawn >= .milliseconds(100)
        if due { lastDrawn = now }
        let text = progress.rendered(at: (now - start).totalSeconds, width: Self.width() - 1)
        lock.unlock()
        if due { Terminal.write("\r\u{1B}[2K" + TextSafety.neutralised(text), to: .standardError) }
    }

    /// Ends the in-place line (before other output).
    func clear() { Terminal.write("\r\u{1B}[2K", to: .standardError) }

    /// The terminal's width in columns (80 when it cannot be told).
    static func width() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 80
    }
}
