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
}

/// Turns GLPK's output into progress lines on standard error: all of it with --verbose; on a terminal, only
/// once planning has run for a second (a long solve); never with --quiet or when standard error is not a terminal.
struct SolverProgress {
    let verbose: Bool
    let quiet: Bool

    func handler(start: ContinuousClock.Instant) -> (@Sendable (String) -> Void)? {
        if quiet { return nil }
        if verbose { return { Terminal.note("glpk: " + $0) } }
        guard Terminal.standardErrorIsTerminal else { return nil }
        return { line in
            if ContinuousClock.now - start > .seconds(1) { Terminal.note("glpk: " + line) }
        }
    }
}
