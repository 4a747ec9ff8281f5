#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// During `rota plan`'s search a first SIGINT asks the solver to stop and keep its best schedule (``stopRequested``).
/// Otherwise SIGINT and SIGTERM end `rota` at once with status 128 + the signal (130, 143) — except while a report folder is
/// being swapped into place: then the signal waits until the folder is whole again (the old one or the new one), so an
/// interrupted run never leaves a half-written or missing report. Nothing else needs cleaning up: reports are written
/// to a temporary sibling first (``ReportFolderWriter``).
enum Interruption {
    /// Set while a report folder is being written and swapped; read by the signal handler.
    nonisolated(unsafe) static var critical: sig_atomic_t = 0
    /// A signal that arrived during the critical section.
    nonisolated(unsafe) static var pending: sig_atomic_t = 0
    /// Set while `rota plan` searches: the first SIGINT then asks the search to stop and keep its best schedule.
    nonisolated(unsafe) static var searching: sig_atomic_t = 0
    /// Set by that first SIGINT; read by the solver's callback.
    nonisolated(unsafe) static var stopRequested: sig_atomic_t = 0

    static func install() {
        // A parent may have started us with these signals blocked (a test runner, some CI agents): unblock them, or
        // the handler never runs.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        for number in [SIGINT, SIGTERM] {
            signal(number) { received in
                if Interruption.critical != 0 {
                    Interruption.pending = received
                    return
                }
                if received == SIGINT, Interruption.searching != 0, Interruption.stopRequested == 0 {
                    Interruption.stopRequested = 1
                    // write(2) is safe in a signal handler; Swift strings are not.
                    let note: StaticString =
                        "\nrota: stopping the search; the best schedule found so far will be written (Ctrl-C again to abort)\n"
                    _ = write(2, note.utf8Start, note.utf8CodeUnitCount)
                    return
                }
                _exit(128 + received)
            }
        }
    }

    /// Runs `body` (writing a report folder) with SIGINT and SIGTERM deferred; exits afterwards if one arrived.
    static func deferringSignals<T, Failure: Error>(_ body: () throws(Failure) -> T) throws(Failure) -> T {
        critical = 1
        defer {
            critical = 0
            if pending != 0 { _exit(128 + pending) }
        }
        return try body()
    }
}
