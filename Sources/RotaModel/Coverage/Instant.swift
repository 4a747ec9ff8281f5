import Foundation

/// A point in time, to the second: seconds since 1970-01-01T00:00:00Z. Coverage, covers and part-day leave are
/// intervals of instants, half-open (`start..<end`), so one interval ends exactly where the next begins.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let secondsSince1970: Int

    public init(secondsSince1970: Int) { self.secondsSince1970 = secondsSince1970 }

    /// Midnight UTC starting `date` plus `seconds`.
    public init(_ date: CalendarDate, seconds: Int = 0) { secondsSince1970 = date.dayNumber * 86_400 + seconds }

    /// The instant a wall-clock time `seconds` after midnight of `date` has in `zone` (a time a daylight-saving change
    /// skips is read with the offset after the change; a repeated one, with the first).
    public init(wall date: CalendarDate, seconds: Int, in zone: TimeZone) {
        secondsSince1970 = ICalendarTime.instant(wall: date.dayNumber * 86_400 + seconds, in: zone)
    }

    public static func < (a: Instant, b: Instant) -> Bool { a.secondsSince1970 < b.secondsSince1970 }

    public func adding(seconds: Int) -> Instant { Instant(secondsSince1970: secondsSince1970 + seconds) }

    public func seconds(to other: Instant) -> Int { other.secondsSince1970 - secondsSince1970 }

    /// The UTC date this instant falls on.
    public var utcDate: CalendarDate {
        CalendarDate(dayNumber: Int((Double(secondsSince1970) / 86_400).rounded(.down)))
    }

    /// The calendar date of this instant in `zone`.
    public func date(in zone: TimeZone) -> CalendarDate { ICalendarTime.localDate(of: secondsSince1970, in: zone) }

    /// Seconds after local midnight of ``date(in:)``, as a wall clock in `zone` shows them.
    public func wallSeconds(in zone: TimeZone) -> Int {
        let wall =
            secondsSince1970 + zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(secondsSince1970)))
        return wall - date(in: zone).dayNumber * 86_400
    }

    /// RFC 3339 in UTC, to the second: `2027-04-07T02:00:00Z`.
    public var description: String {
        let day = utcDate
        let rest = secondsSince1970 - day.dayNumber * 86_400
        return "\(day)T\(Self.two(rest / 3600)):\(Self.two(rest % 3600 / 60)):\(Self.two(rest % 60))Z"
    }

    /// This instant as a wall clock in `zone` shows it, with the offset: `2027-04-07T10:00+08:00`.
    public func local(in zone: TimeZone) -> String {
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(secondsSince1970)))
        let wall = wallSeconds(in: zone)
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return "\(date(in: zone))T\(Self.two(wall / 3600)):\(Self.two(wall % 3600 / 60))"
            + (offset == 0 ? "Z" : "\(sign)\(Self.two(minutes / 60)):\(Self.two(minutes % 60))")
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Why text is not an instant: what was found, for a message that says what is expected.
    public enum ParseFailure: Error, Equatable {
        /// Not `YYYY-MM-DDTHH:MM[:SS]` followed by `Z` or `±HH:MM` (or nothing, when local times are allowed).
        case malformed
        /// A wall-clock time without `Z` or an offset, where no time zone is known to read it in.
        case missingOffset
    }

    /// An RFC 3339 date-time: `2027-04-07T02:00:00Z`, `2027-04-07T10:00+08:00` (seconds optional, `T` or a space,
    /// `z` accepted). Without an offset the time is read as a wall clock in `localZone`; with `localZone` nil that
    /// is ``ParseFailure/missingOffset``.
    public static func parse(_ text: String, localZone: TimeZone? = nil) -> Result<Instant, ParseFailure> {
        let bytes = Array(text.utf8)
        guard bytes.count >= 16, let date = CalendarDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") || bytes[10] == UInt8(ascii: " ")
        else { return .failure(.malformed) }
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let hour = number(11..<13), bytes[13] == UInt8(ascii: ":"), let minute = number(14..<16),
            hour < 24, minute < 60
        else { return .failure(.malformed) }
        var position = 16
        var second = 0
        if position < bytes.count, bytes[position] == UInt8(ascii: ":") {
            guard let value = number(17..<19), value < 60 else { return .failure(.malformed) }
            second = value
            position = 19
        }
        let wall = hour * 3600 + minute * 60 + second
        if position == bytes.count {
            guard let localZone else { return .failure(.missingOffset) }
            return .success(Instant(wall: date, seconds: wall, in: localZone))
        }
        if position + 1 == bytes.count, bytes[position] == UInt8(ascii: "Z") || bytes[position] == UInt8(ascii: "z") {
            return .success(Instant(date, seconds: wall))
        }
        guard position + 6 == bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-"),
            let offsetHours = number((position + 1)..<(position + 3)), bytes[position + 3] == UInt8(ascii: ":"),
            let offsetMinutes = number((position + 4)..<(position + 6)), offsetHours < 24, offsetMinutes < 60
        else { return .failure(.malformed) }
        let offset = (offsetHours * 3600 + offsetMinutes * 60) * (bytes[position] == UInt8(ascii: "-") ? -1 : 1)
        return .success(Instant(date, seconds: wall - offset))
    }
}

/// A half-open span of time, `start..<end`, with `start < end`.
public struct TimeSpan: Hashable, Sendable, CustomStringConvertible {
    public let start: Instant
    public let end: Instant

    /// Nil unless `start < end`.
    public init?(start: Instant, end: Instant) {
        guard start < end else { return nil }
        self.start = start
        self.end = end
    }

    public var seconds: Int { start.seconds(to: end) }

    public func overlaps(_ other: TimeSpan) -> Bool { start < other.end && other.start < end }

    public func contains(_ instant: Instant) -> Bool { start <= instant && instant < end }

    /// The part of this span inside `other`, if any.
    public func clamped(to other: TimeSpan) -> TimeSpan? {
        TimeSpan(start: max(start, other.start), end: min(end, other.end))
    }

    /// The whole local day `date` in `zone`: from its midnight to the next (23 or 25 hours across a DST change).
    public static func day(_ date: CalendarDate, in zone: TimeZone) -> TimeSpan {
        TimeSpan(
            start: Instant(wall: date, seconds: 0, in: zone),
            end: Instant(wall: date.adding(days: 1), seconds: 0, in: zone))!
    }

    public var description: String { "\(start)..\(end)" }
}
