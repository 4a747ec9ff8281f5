import Foundation
import RotaChecking
import RotaCore
import RotaModel
import RotaPlanning

/// Writing to standard output and standard error.
enum Terminal {
    static func out(_ text: String) { write(text + "\n") }
    /// Text as it is, with no line end added (a CSV file, which ends its rows itself).
    static func write(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
    static func error(_ text: String) { note("error: " + text) }
    static func warning(_ text: String) { note("warning: " + text) }
    /// Messages may quote what a file holds: no control character reaches the terminal or a CI log.
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((TextSafety.neutralised(text, keepingLineFeeds: true) + "\n").utf8))
    }
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    enum Stream { case standardError }

    /// Progress text as it is (it carries its own carriage returns and escapes).
    static func write(_ text: String, to stream: Stream) { FileHandle.standardError.write(Data(text.utf8)) }
}

/// Turns GLPK's output into progress on standard error: all of it with --verbose; on a terminal, one line per level
/// updated in place (``LiveProgress``); never with --quiet or when standard error is not a terminal.
struct SolverProgress {
    let verbose: Bool
    let quiet: Bool

    func handler(start: ContinuousClock.Instant) -> (@Sendable (String) -> Void)? {
        if quiet { return nil }
        if verbose { return { Terminal.note("glpk: " + $0) } }
        return live?.glpk
    }

    /// On a terminal (and neither quiet nor verbose): one line per level, updated in place.
    var live: LiveProgress? {
        guard !quiet, !verbose, Terminal.standardErrorIsTerminal else { return nil }
        return LiveProgress.shared
    }
}

/// The progress line on standard error: rewritten in place (carriage return, clear to end of line) at most ten times
/// a second, and cleared when planning ends. Nothing of it reaches a report.
final class LiveProgress: @unchecked Sendable {
    static let shared = LiveProgress()
    private let lock = NSLock()
    private var line = ProgressLine()
    private var levelStart = ContinuousClock.now
    private var lastDrawn = ContinuousClock.now - .seconds(1)
    var limit: Double?

    var glpk: @Sendable (String) -> Void { { [self] text in update { $0.read(glpk: text) } } }

    var level: @Sendable (LevelEvent) -> Void {
        { [self] event in
            switch event {
            case .started(let title):
                update(force: true) {
                    $0 = ProgressLine()
                    $0.level = title
                    self.levelStart = ContinuousClock.now
                }
            }
        }
    }

    private func update(force: Bool = false, _ change: (inout ProgressLine) -> Void) {
        lock.lock()
        change(&line)
        let now = ContinuousClock.now
        let due = force || now - lastDrawn >= .milliseconds(100)
        if due { lastDrawn = now }
        let text = line.rendered(elapsed: (now - levelStart).totalSeconds, limit: limit)
        lock.unlock()
        if due { Terminal.write("\r\u{1B}[2K" + text, to: .standardError) }
    }

    /// Ends the in-place line (before other output).
    func clear() { Terminal.write("\r\u{1B}[2K", to: .standardError) }
}
