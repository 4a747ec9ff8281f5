import Foundation
import LinearProgramming

/// Work started on a thread of its own while the caller goes on, and its result waited for: the ownership part of a
/// plan is solved beside the on-call part (no row links them, and GLPK keeps its state per thread).
///
/// `@unchecked Sendable`: the work and its result are touched by the worker thread only until it signals, and by
/// the caller only after waiting for that signal.
final class BackgroundWork<Value>: @unchecked Sendable {
    private let work: () throws(ModelError) -> Value
    private var result: Result<Value, ModelError>?
    private let finished = DispatchSemaphore(value: 0)

    init(_ work: @escaping () throws(ModelError) -> Value) {
        self.work = work
        let thread = Thread { [self] in
            do throws(ModelError) { result = .success(try self.work()) } catch { result = .failure(error) }
            finished.signal()
        }
        // GLPK's branch and bound and the proximity search are called deep in Swift frames: the main thread's size.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the work, then returns what it returned or throws what it threw.
    func value() throws(ModelError) -> Value {
        finished.wait()
        return try result!.get()
    }
}
