import Foundation

/// Which events of a leave calendar are leave. An exported calendar holds meetings, stand-ups and reminders beside
/// days off, so by default a timed event counts only when it is at least `minHours` long, not repeating (unless
/// Outlook marks it out of office) and not marked free. All-day events count whatever their free/busy mark: Google
/// Calendar exports every all-day event as `TRANSP:TRANSPARENT` (free) unless its owner changes it, vacation
/// included; Outlook's all-day events (midnight to midnight with `X-MICROSOFT-CDO-ALLDAYEVENT:TRUE`) are all-day.
public struct LeaveFilter: Sendable {
    /// Only events whose title matches (case-insensitive) count, when set.
    public var match: NSRegularExpression?
    /// Timed events shorter than this many hours do not count.
    public var minHours: Double = 4
    /// Whether repeating timed events (a weekly meeting) count.
    public var countRecurring = false
    /// Whether timed events marked free count.
    public var countFree = false

    public init() {}

    /// Why an event is not leave, in the order the notice lists them.
    public enum Reason: Int, CaseIterable, Sendable {
        case unmatched, free, recurring, short

        public func phrase(_ filter: LeaveFilter) -> String {
            switch self {
            case .unmatched: "not matching \(TextSafety.quoted(filter.match?.pattern ?? ""))"
            case .free: "marked free"
            case .recurring: "repeating meetings"
            case .short: "shorter than \(TextFormatting.number(filter.minHours)) h"
            }
        }
    }

    /// Nil when the occurrence is leave.
    public func reasonToIgnore(_ occurrence: CalendarOccurrence) -> Reason? {
        if let match {
            let title = occurrence.summary
            if match.firstMatch(in: title, range: NSRange(title.startIndex..., in: title)) == nil { return .unmatched }
        }
        guard occurrence.isTimed else { return nil }
        if occurrence.isFree && !countFree { return .free }
        // Marked out of office, a repeating event is a part-time day off, not a meeting.
        if occurrence.isRecurring && !occurrence.isOutOfOffice && !countRecurring { return .recurring }
        if Double(occurrence.seconds) < minHours * 3600 { return .short }
        return nil
    }
}
