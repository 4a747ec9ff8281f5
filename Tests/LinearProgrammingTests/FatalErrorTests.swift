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

@Suite("GLPK's hard memory limit")
struct HardMemoryLimitTests {
    /// What the search's memory check cannot stop (one simplex solve growing past it) GLPK ends as a fatal error at
    /// its own limit: the message says it is memory, with a hint, and the status is 70.
    @Test func exceedingItEndsWithAMemoryMessage() async {
        let result = await #expect(processExitsWith: .exitCode(70), observing: [\.standardErrorContent]) {
            let terminal = TerminalCapture(log: nil)
            terminal.install()
            glp_mem_limit(1)
            let problem = glp_create_prob()
            glp_add_rows(problem, 200_000)
        }
        let text = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(text.contains("rota: error: GLPK ran out of memory"))
        #expect(text.contains("hint: the model is too large for one plan on this machine"))
    }

    @Test func theHardLimitLeavesRoomAboveTheSearchLimit() {
        #expect(GLPKFatalError.hardLimit(megabytes: 4096) == 8192)
        #expect(GLPKFatalError.hardLimit(megabytes: 0) == 1024)
        #expect(GLPKFatalError.hardLimit(megabytes: Int.max / 2) == Int32.max)
    }
}
