import CGLPK

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Owns one `glp_prob`, loaded from a ``Model``; frees it in `deinit`. The only type that holds a GLPK pointer.
final class GLPKProblem {
    private let pointer: OpaquePointer
    private let model: Model
    private let hasIntegerColumns: Bool

    init(_ model: Model) throws(ModelError) {
        try model.validate()
        self.model = model
        self.hasIntegerColumns = model.variables.contains { $0.kind != .continuous }
        let terminal = TerminalCapture(log: nil)
        terminal.install()
        defer { TerminalCapture.uninstall() }
        pointer = glp_create_prob()
        glp_set_prob_name(pointer, ModelNames.sanitize(model.name))
        load()
    }

    deinit { glp_delete_prob(pointer) }

    static var libraryVersion: String { String(cString: glp_version()) }

    private func load() {
        let columns = model.variables
        let rows = model.constraints
        if !columns.isEmpty { glp_add_cols(pointer, Int32(columns.count)) }
        for (offset, column) in columns.enumerated() {
            let j = Int32(offset + 1)
            glp_set_col_name(pointer, j, column.name)
            switch column.kind {
            case .binary: glp_set_col_kind(pointer, j, GLP_BV)
            case .integer: glp_set_col_kind(pointer, j, GLP_IV)
            case .continuous: glp_set_col_kind(pointer, j, GLP_CV)
            }
            if column.kind != .binary || column.lowerBound != 0 || column.upperBound != 1 {
                let (type, lower, upper) = Self.boundType(column.lowerBound, column.upperBound)
                glp_set_col_bnds(pointer, j, type, lower, upper)
            }
        }
        if !rows.isEmpty { glp_add_rows(pointer, Int32(rows.count)) }
        var ia: [Int32] = [0]
        var ja: [Int32] = [0]
        var ar: [Double] = [0]
        for (offset, row) in rows.enumerated() {
            let i = Int32(offset + 1)
            glp_set_row_name(pointer, i, row.name)
            let rhs = row.constraint.rightHandSide
            switch row.constraint.relation {
            case .lessOrEqual: glp_set_row_bnds(pointer, i, GLP_UP, 0, rhs)
            case .greaterOrEqual: glp_set_row_bnds(pointer, i, GLP_LO, rhs, 0)
            case .equal: glp_set_row_bnds(pointer, i, GLP_FX, rhs, rhs)
            }
            for term in row.constraint.expression.terms {
                ia.append(i)
                ja.append(Int32(term.variable.index + 1))
                ar.append(term.coefficient)
            }
        }
        glp_load_matrix(pointer, Int32(ia.count - 1), ia, ja, ar)
        glp_set_obj_dir(pointer, model.objective.sense == .minimize ? GLP_MIN : GLP_MAX)
        let objective = model.objective.expression.normalized()
        glp_set_obj_coef(pointer, 0, objective.constant)
        for term in objective.terms { glp_set_obj_coef(pointer, Int32(term.variable.index + 1), term.coefficient) }
    }

    private static func boundType(_ lower: Double?, _ upper: Double?) -> (Int32, Double, Double) {
        switch (lower, upper) {
        case (nil, nil): return (GLP_FR, 0, 0)
        case (let l?, nil): return (GLP_LO, l, 0)
        case (nil, let u?): return (GLP_UP, 0, u)
        case (let l?, let u?): return (l == u ? GLP_FX : GLP_DB, l, u)
        }
    }

    // MARK: Solving

    func solve(_ options: SolveOptions) -> SolveResult {
        let terminal = TerminalCapture(log: options.log)
        let warmStart = options.initialSolution.flatMap { $0.count == model.variables.count ? [0] + $0 : nil }
        // GLPK 5.0's cover-cut generator aborts the process (glp_add_cols: ncs = 0) when its MIP presolver leaves a
        // problem without columns, which happens when the rows fix every variable (seen in the property test: a
        // counterfactual solve of a 2-week scenario whose held levels determine everything). So cover cuts are used
        // only without the MIP presolver (a warm start turns it off); the clique generator copes with no columns.
        // Measured: dropping the presolver instead cost ~20 ms of planning per seed scenario.
        let presolve = options.presolve && warmStart == nil
        let coverCuts = options.cuts.contains(.cover) && !presolve
        let search = SearchProgress(shouldStop: options.shouldStop, initialSolution: warmStart)
        terminal.install()
        defer {
            TerminalCapture.uninstall()
            terminal.flush()
        }
        glp_mem_limit(options.memoryLimit.map(GLPKFatalError.hardLimit(megabytes:)) ?? Int32.max)
        defer { glp_mem_limit(Int32.max) }
        let clock = ContinuousClock()
        let start = clock.now
        let messageLevel = options.log == nil ? GLP_MSG_OFF : GLP_MSG_ALL
        // Clamped in floating point: Int(_:) traps on infinity and on values past Int.max.
        let timeLimit =
            options.timeLimit.map { Int32(min(max(0, $0) * 1000, Double(Int32.max)).rounded(.down)) } ?? Int32.max

        var status: SolveStatus
        var relaxationBasis: Basis?
        if !hasIntegerColumns || !presolve || options.relaxationOnly {
            var simplex = glp_smcp()
            glp_init_smcp(&simplex)
            simplex.msg_lev = messageLevel
            simplex.tm_lim = timeLimit
            // From a given basis the LP presolver must be off (it would discard the basis); from scratch it helps.
            let startsFromBasis = options.startingBasis.map(apply) ?? false
            simplex.presolve = startsFromBasis ? GLP_OFF : GLP_ON
            var code = glp_simplex(pointer, &simplex)
            if startsFromBasis && (code == GLP_EBADB || code == GLP_ESING || code == GLP_ECOND) {
                glp_std_basis(pointer)  // unusable after all: from scratch, as without one
                simplex.presolve = GLP_ON
                simplex.tm_lim = Self.remaining(timeLimit, after: (clock.now - start).milliseconds)
                code = glp_simplex(pointer, &simplex)
            }
            // GLPK's LP presolver can call a feasible problem infeasible when the perturbed simplex ends a hair
            // outside its bound tolerance ("LP HAS NO PRIMAL FEASIBLE SOLUTION" at 1.1e-7 against 1e-7, seen on a
            // held holiday level); it then cannot recover a solution. Infeasibility is only believed from the
            // unpresolved problem.
            if simplex.presolve == GLP_ON && (code == GLP_ENOPFS || code == GLP_ENODFS || code == GLP_EFAIL) {
                glp_std_basis(pointer)
                simplex.presolve = GLP_OFF
                simplex.tm_lim = Self.remaining(timeLimit, after: (clock.now - start).milliseconds)
                code = glp_simplex(pointer, &simplex)
            }
            status = Self.simplexStatus(code: code, solution: glp_get_status(pointer))
            if status == .optimal { relaxationBasis = currentBasis() }
            if !hasIntegerColumns || status != .optimal || options.relaxationOnly {
                if hasIntegerColumns, case .stopped(let reason) = status { status = .stoppedWithoutSolution(reason) }
                return result(
                    status, search: search, since: start, clock: clock, integer: false, basis: relaxationBasis)
            }
        }
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = messageLevel
        parameters.tm_lim = Self.remaining(timeLimit, after: (clock.now - start).milliseconds)
        parameters.mip_gap = options.relativeGap
        parameters.presolve = presolve ? GLP_ON : GLP_OFF
        parameters.gmi_cuts = options.cuts.contains(.gomory) ? GLP_ON : GLP_OFF
        parameters.mir_cuts = options.cuts.contains(.mixedIntegerRounding) ? GLP_ON : GLP_OFF
        parameters.cov_cuts = coverCuts ? GLP_ON : GLP_OFF
        parameters.clq_cuts = options.cuts.contains(.clique) ? GLP_ON : GLP_OFF
        parameters.cb_func = searchCallback
        parameters.cb_info = Unmanaged.passUnretained(search).toOpaque()
        search.memoryLimit = options.memoryLimit.map { $0 * 1_048_576 }
        search.nodeLimit = options.nodeLimit
        var code = glp_intopt(pointer, &parameters)
        // As for the LP presolver above: "no primal feasible solution" from the MIP presolver is checked on the
        // unpresolved problem (its LP relaxation first, then the search) before it is believed.
        if presolve && code == GLP_ENOPFS {
            var simplex = glp_smcp()
            glp_init_smcp(&simplex)
            simplex.msg_lev = messageLevel
            simplex.presolve = GLP_OFF
            simplex.tm_lim = Self.remaining(timeLimit, after: (clock.now - start).milliseconds)
            glp_std_basis(pointer)
            if glp_simplex(pointer, &simplex) == 0 && glp_get_status(pointer) == GLP_OPT {
                relaxationBasis = currentBasis()
                parameters.presolve = GLP_OFF
                parameters.cov_cuts = options.cuts.contains(.cover) ? GLP_ON : GLP_OFF
                parameters.tm_lim = Self.remaining(timeLimit, after: (clock.now - start).milliseconds)
                code = glp_intopt(pointer, &parameters)
            }
        }
        status = Self.integerStatus(code: code, solution: glp_mip_status(pointer))
        if search.nodeLimitReached {
            if case .stopped = status { status = .stopped(.nodeLimit) }
            if case .stoppedWithoutSolution = status { status = .stoppedWithoutSolution(.nodeLimit) }
        }
        if search.memoryExceeded {
            if case .stopped = status { status = .stopped(.memoryLimit) }
            if case .stoppedWithoutSolution = status { status = .stoppedWithoutSolution(.memoryLimit) }
        }
        return result(status, search: search, since: start, clock: clock, integer: true, basis: relaxationBasis)
    }

    /// Milliseconds of `limit` left after `elapsed`, never below 0: GLPK aborts the process on a negative `tm_lim`
    /// ("tm_lim = -1; invalid parameter"), which a simplex that ends just past the limit would otherwise give.
    static func remaining(_ limit: Int32, after elapsed: Int64) -> Int32 {
        Int32(clamping: max(0, Int64(limit) - elapsed))
    }

    /// Sets `basis` on the problem if it fits (same columns, no more rows); rows beyond it become basic. GLPK adjusts
    /// a non-basic status to the bounds a row or column has now.
    private func apply(_ basis: Basis) -> Bool {
        let rowCount = model.constraints.count
        guard basis.columns.count == model.variables.count, basis.rows.count <= rowCount else { return false }
        for (offset, status) in basis.rows.enumerated() { glp_set_row_stat(pointer, Int32(offset + 1), status) }
        for offset in basis.rows.count..<rowCount { glp_set_row_stat(pointer, Int32(offset + 1), GLP_BS) }
        for (offset, status) in basis.columns.enumerated() { glp_set_col_stat(pointer, Int32(offset + 1), status) }
        return true
    }

    private func currentBasis() -> Basis {
        Basis(
            rows: (0..<model.constraints.count).map { glp_get_row_stat(pointer, Int32($0 + 1)) },
            columns: (0..<model.variables.count).map { glp_get_col_stat(pointer, Int32($0 + 1)) })
    }

    private func result(
        _ status: SolveStatus, search: SearchProgress, since start: ContinuousClock.Instant,
        clock: ContinuousClock, integer: Bool, basis: Basis? = nil
    ) -> SolveResult {
        var values: [Double] = []
        var objective: Double?
        if status.hasSolution {
            values = model.variables.indices.map { index in
                let column = Int32(index + 1)
                return integer ? glp_mip_col_val(pointer, column) : glp_get_col_prim(pointer, column)
            }
            objective = integer ? glp_mip_obj_val(pointer) : glp_get_obj_val(pointer)
        }
        var bound: Double?
        var gap: Double?
        if status == .optimal {
            bound = objective
            gap = 0
        } else if case .stopped = status, let value = objective {
            bound = search.bestBound
            gap = bound.map { abs(value - $0) / (abs(value) + Double.ulpOfOne) }
        } else if case .stoppedWithoutSolution = status {
            // Without a solution the bound still says how good one can be (no gap to it).
            bound = search.bestBound
        }
        return SolveResult(
            status: status, objectiveValue: objective, bestBound: bound, relativeGap: gap, values: values,
            size: model.size, simplexIterations: Int(glp_get_it_cnt(pointer)), branchNodes: search.nodes,
            seconds: Double((clock.now - start).milliseconds) / 1000, relaxationBasis: basis)
    }

    /// glp_simplex's return code and glp_get_status, as a status.
    private static func simplexStatus(code: Int32, solution: Int32) -> SolveStatus {
        switch code {
        case 0:
            switch solution {
            case GLP_OPT: return .optimal
            case GLP_NOFEAS: return .infeasible
            case GLP_UNBND: return .unbounded
            default: return .failed("the simplex method ended without an optimal basis (status \(solution))")
            }
        case GLP_ENOPFS: return .infeasible
        case GLP_ENODFS: return .unbounded
        case GLP_ETMLIM: return .stoppedWithoutSolution(.timeLimit)
        default: return .failed(Self.message(code))
        }
    }

    /// glp_intopt's return code and glp_mip_status, as a status (after GLPK's reference manual, section 2.8.2).
    private static func integerStatus(code: Int32, solution: Int32) -> SolveStatus {
        let feasible = solution == GLP_FEAS || solution == GLP_OPT
        switch code {
        case 0:
            switch solution {
            case GLP_OPT: return .optimal
            case GLP_NOFEAS: return .infeasible
            case GLP_FEAS: return .stopped(.gapTolerance)
            default: return .failed("the search ended without a solution status (status \(solution))")
            }
        case GLP_ENOPFS: return .infeasible
        case GLP_ENODFS: return .unbounded
        case GLP_EMIPGAP: return feasible ? .stopped(.gapTolerance) : .stoppedWithoutSolution(.gapTolerance)
        case GLP_ETMLIM: return feasible ? .stopped(.timeLimit) : .stoppedWithoutSolution(.timeLimit)
        case GLP_ESTOP: return feasible ? .stopped(.interrupted) : .stoppedWithoutSolution(.interrupted)
        default: return .failed(Self.message(code))
        }
    }

    /// GLPK's own words for its error codes.
    private static func message(_ code: Int32) -> String {
        switch code {
        case GLP_EBOUND: return "some variable or constraint has incorrect bounds (GLP_EBOUND)"
        case GLP_EROOT: return "the optimal basis of the LP relaxation was not provided (GLP_EROOT)"
        case GLP_EFAIL: return "the search was prematurely terminated due to the solver failure (GLP_EFAIL)"
        case GLP_EBADB: return "the initial basis is invalid (GLP_EBADB)"
        case GLP_ESING: return "the basis matrix is singular (GLP_ESING)"
        case GLP_ECOND: return "the basis matrix is ill-conditioned (GLP_ECOND)"
        case GLP_EITLIM: return "the iteration limit was exceeded (GLP_EITLIM)"
        default: return "GLPK returned error code \(code)"
        }
    }

    // MARK: Export

    /// Writes the problem in CPLEX LP format.
    func writeLP(to path: String) throws(ModelError) {
        let terminal = TerminalCapture(log: nil)
        terminal.install()
        defer { TerminalCapture.uninstall() }
        if glp_write_lp(pointer, nil, path) != 0 { throw .exportFailed(path: path) }
    }
}

// MARK: - Callbacks

/// Collects GLPK's terminal output, which comes in pieces, into lines: passed to the log when there is one, and the
/// last few kept for the message of a fatal error.
final class TerminalCapture {
    private let log: (@Sendable (String) -> Void)?
    private var pending = ""
    /// The last lines GLPK printed (at most ``kept``).
    private(set) var recent: [String] = []
    static let kept = 6

    init(log: (@Sendable (String) -> Void)?) { self.log = log }

    func receive(_ text: String) {
        pending += text
        while let newline = pending.firstIndex(of: "\n") {
            let line = String(pending[..<newline])
            pending = String(pending[pending.index(after: newline)...])
            recent.append(line)
            if recent.count > Self.kept { recent.removeFirst() }
            log?(line)
        }
    }

    func flush() {
        if !pending.isEmpty, let log { log(pending) }
        pending = ""
    }

    /// Routes this thread's GLPK output here, and its fatal errors to ``GLPKFatalError/report(_:)`` (GLPK keeps
    /// both hooks per thread). The capture must outlive the matching ``uninstall()``.
    func install() {
        let info = Unmanaged.passUnretained(self).toOpaque()
        glp_term_hook(terminalHook, info)
        glp_error_hook(fatalErrorHook, info)
    }

    static func uninstall() {
        glp_term_hook(nil, nil)
        glp_error_hook(nil, nil)
    }

    /// The lines of the message being printed: what GLPK printed last, without its progress lines.
    var errorText: String {
        (recent + (pending.isEmpty ? [] : [pending])).map { String($0.drop { $0 == " " }) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// GLPK's fatal errors (`glp_error`: an API misuse or an internal failure) print a message, call the error hook and
/// then abort the process. Rota's models are validated before GLPK sees them, so such an error is a fault in Rota
/// or GLPK, never in a scenario: the hook turns GLPK's words into one clear message on standard error and exits
/// with status 70 (EX_SOFTWARE) instead of a silent SIGABRT. Nothing has been written at that point: reports are
/// written only after planning.
public enum GLPKFatalError {
    /// The exit status: 70, EX_SOFTWARE of sysexits.h.
    public static let exitStatus: Int32 = 70

    static func message(_ glpkText: String) -> String {
        // glp_alloc: memory allocation limit exceeded
        if glpkText.contains("memory"), glpkText.contains("limit exceeded") {
            return
                "rota: error: GLPK ran out of memory (its hard limit, twice the search's memory limit): \(glpkText)\n"
                + "  hint: the model is too large for one plan on this machine; plan fewer weeks at a time or split the "
                + "rotations\n"
        }
        return "rota: error: GLPK stopped on an internal error: \(glpkText.isEmpty ? "(no message)" : glpkText)\n"
            + "  hint: this is a fault in Rota or GLPK, not in your input; please report it with the scenario file\n"
    }

    /// GLPK's own hard memory limit for a solve, in megabytes: twice the search's (``SolveOptions/memoryLimit``),
    /// at least 1 GiB more. The search is stopped gracefully at its limit between nodes; this one catches what that
    /// check cannot, one simplex solve growing past it, which GLPK then ends as a fatal error (exit 70, above).
    static func hardLimit(megabytes soft: Int) -> Int32 { Int32(clamping: max(soft * 2, soft + 1024)) }
}

private let fatalErrorHook: @convention(c) (UnsafeMutableRawPointer?) -> Void = { info in
    let text = info.map { Unmanaged<TerminalCapture>.fromOpaque($0).takeUnretainedValue().errorText } ?? ""
    let bytes = Array(GLPKFatalError.message(text).utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(GLPKFatalError.exitStatus)
}

/// What the branch-and-cut callback saw last (the best bound and the number of nodes), and the warm start to offer.
private final class SearchProgress {
    let shouldStop: (@Sendable () -> Bool)?
    /// Bytes GLPK may hold; nil: no limit. Set when the search was stopped for exceeding it.
    var memoryLimit: Int?
    var memoryExceeded = false
    /// Nodes after which the search is stopped; set when it was.
    var nodeLimit: Int?
    var nodeLimitReached = false
    /// 1-based values (index 0 unused), offered once at the first heuristic call.
    var initialSolution: [Double]?
    var bestBound: Double?
    var nodes = 0

    init(shouldStop: (@Sendable () -> Bool)?, initialSolution: [Double]?) {
        self.shouldStop = shouldStop
        self.initialSolution = initialSolution
    }
}

private let terminalHook: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Int32 = { info, text in
    if let info, let text {
        Unmanaged<TerminalCapture>.fromOpaque(info).takeUnretainedValue().receive(String(cString: text))
    }
    return 1  // GLPK prints nothing itself.
}

private let searchCallback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = { tree, info in
    guard let tree, let info else { return }
    let progress = Unmanaged<SearchProgress>.fromOpaque(info).takeUnretainedValue()
    if glp_ios_reason(tree) == GLP_IHEUR, var solution = progress.initialSolution {
        progress.initialSolution = nil
        _ = glp_ios_heur_sol(tree, &solution)  // Rejected (non-zero) only if infeasible or not better.
    }
    let best = glp_ios_best_node(tree)
    if best != 0 { progress.bestBound = glp_ios_node_bound(tree, best) }
    var active: Int32 = 0
    var current: Int32 = 0
    var total: Int32 = 0
    glp_ios_tree_size(tree, &active, &current, &total)
    progress.nodes = Int(total)
    if let stop = progress.shouldStop, stop() { glp_ios_terminate(tree) }
    if let limit = progress.nodeLimit, progress.nodes >= limit {
        progress.nodeLimitReached = true
        glp_ios_terminate(tree)
    }
    if let limit = progress.memoryLimit {
        var count: Int32 = 0
        var peakCount: Int32 = 0
        var total = 0
        var peak = 0
        glp_mem_usage(&count, &peakCount, &total, &peak)
        if total > limit {
            progress.memoryExceeded = true
            glp_ios_terminate(tree)
        }
    }
}
