/// The order the planner builds its model in, whatever order the scenario file lists things in.
///
/// GLPK is deterministic for a given model, but among schedules that are equally good at every objective level the
/// one it returns depends on the order of rows and columns. Planning the canonical order makes that choice — the
/// tie-break — a function of the scenario's content alone: permuting engineers, pipelines, leave or requests in the
/// file gives the same schedule, byte for byte (docs/model.md, "Ties").
extension Scenario {
    /// Engineers and pipelines by id; each engineer's leave, duty requests, festivals and company days by date (then
    /// by their other fields); rotations, their rosters and their pipelines by id. Everything else is unchanged.
    public var canonicalOrder: Scenario {
        var canonical = self
        canonical.engineers = engineers.map(\.canonicalOrder).sorted { $0.id < $1.id }
        canonical.pipelines = pipelines.sorted { $0.id < $1.id }
        canonical.declaredRotations = declaredRotations?.map { rotation in
            var sorted = rotation
            sorted.roster.sort()
            sorted.pipelines.sort()
            return sorted
        }.sorted { $0.id < $1.id }
        return canonical
    }
}

extension Engineer {
    /// This engineer with leave, requests, festivals and company days in a fixed order.
    var canonicalOrder: Engineer {
        var canonical = self
        canonical.leave.sort { ($0.first, $0.last) < ($1.first, $1.last) }
        canonical.timedLeave.sort { ($0.span.start, $0.span.end, $0.note) < ($1.span.start, $1.span.end, $1.note) }
        func byDate(_ a: DutyRequest, _ b: DutyRequest) -> Bool {
            (a.dates.first, a.dates.last, a.role?.rawValue ?? "", a.rotation ?? "")
                < (b.dates.first, b.dates.last, b.role?.rawValue ?? "", b.rotation ?? "")
        }
        canonical.pinned.sort(by: byDate)
        canonical.forbidden.sort(by: byDate)
        canonical.undesired.sort(by: byDate)
        canonical.observes.sort { ($0.name, $0.weight ?? 0) < ($1.name, $1.weight ?? 0) }
        canonical.companyDays.sort { ($0.date, $0.name, $0.region) < ($1.date, $1.name, $1.region) }
        return canonical
    }
}
