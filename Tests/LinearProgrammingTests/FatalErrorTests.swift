import CGLPK
import Testing

@testable import LinearProgramming

@Suite("GLPK's fatal errors")
struct FatalErrorTests {
    /// GLPK aborts the process on a fatal error (here an API misuse: adding zero columns). Rota's hook prints GLPK's
    /// own words as one message with a hint and exits 70 instead of dying silently by SIGABRT (its terminal output
    /// is otherwise switched off). Run in a child process: the test process must survive.
    @Test func aFatalErrorInsideGLPKIsNamedAndExits70() async {
        let result = await #expect(processExitsWith: .exitCode(70), observing: [\.standardErrorContent]) {
            let terminal = TerminalCapture(log: nil)
            terminal.install()
            let problem = glp_create_prob()
            glp_add_cols(problem, 0)
        }
        let text = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(text.contains("rota: error: GLPK stopped on an internal error: glp_add_cols: ncs = 0; invalid number"))
        #expect(text.contains("Error detected in file"))
        #expect(text.contains("hint: this is a fault in Rota or GLPK, not in your input"))
    }

    /// The capture keeps only the last lines, so the message is GLPK's error, not its earlier progress.
    @Test func theCaptureKeepsTheLastLines() {
        let terminal = TerminalCapture(log: nil)
        for n in 1...10 { terminal.receive("line \(n)\n") }
        terminal.receive("glp_x: half")
        terminal.receive(" a line\n")
        #expect(terminal.recent.count == TerminalCapture.kept)
        #expect(terminal.recent.last == "glp_x: half a line")
        #expect(terminal.errorText.hasSuffix("line 10 glp_x: half a line"))
        #expect(!terminal.errorText.contains("line 4 "))
    }
}
