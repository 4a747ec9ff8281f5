/// A problem with the holiday calendars or a calendar file. `rota` exits 2 for all of them.
public enum CalendarError: Error, Equatable, CustomStringConvertible {
    /// No calendars folder was found; `searched` lists where Rota looked.
    case calendarsNotFound(searched: [String])
    /// A file of the calendars folder could not be read.
    case unreadable(file: String, reason: String)
    /// A row or field of a calendars file is malformed.
    case malformed(SourceLocation, field: String?, problem: String, hint: String?)
    /// A region code that has no calendar.
    case unknownRegion(String, closest: [String])
    /// A country code with no calendar file.
    case unknownCountry(String, known: [String])
    /// The holiday data of a region does not reach the requested years.
    case yearsNotCovered(region: String, requested: ClosedRange<Int>, available: ClosedRange<Int>?)
    /// An iCalendar file Rota cannot use, with the line and what was wrong.
    case iCalendar(SourceLocation, problem: String, hint: String?)

    public var description: String {
        switch self {
        case .calendarsNotFound(let searched):
            return "no holiday calendars found (looked in \(searched.joined(separator: ", ")))\n"
                + "  hint: pass --calendars DIR, set ROTA_CALENDARS, or run from a checkout of Rota (calendars/)"
        case .unreadable(let file, let reason):
            return "\(file): cannot read: \(reason)"
        case .malformed(let location, let field, let problem, let hint):
            return "\(location): " + (field.map { "\($0): " } ?? "") + problem + (hint.map { "\n  hint: \($0)" } ?? "")
        case .unknownRegion(let code, let closest):
            return "no holiday calendar for region \"\(code)\""
                + "\n  hint: "
                + (closest.isEmpty
                    ? "`rota regions` lists the known codes"
                    : "did you mean \(closest.map { "\"\($0)\"" }.joined(separator: " or "))? `rota regions` lists them all")
        case .unknownCountry(let code, let known):
            return
                "no holiday calendar for country \"\(code)\"\n  hint: known countries: \(known.joined(separator: ", "))"
        case .yearsNotCovered(let region, let requested, let available):
            let span =
                requested.lowerBound == requested.upperBound
                ? "\(requested.lowerBound)" : "\(requested.lowerBound)–\(requested.upperBound)"
            let have = available.map { "covers \($0.lowerBound)–\($0.upperBound)" } ?? "has no dates"
            return "the holiday calendar of \(region) \(have), not \(span)\n"
                + "  hint: extend YEARS in scripts/generate_calendars.py and run it, or pass --calendars DIR "
                + "with your own files (format: calendars/README.md)"
        case .iCalendar(let location, let problem, let hint):
            return "\(location): \(problem)" + (hint.map { "\n  hint: \($0)" } ?? "")
        }
    }
}
