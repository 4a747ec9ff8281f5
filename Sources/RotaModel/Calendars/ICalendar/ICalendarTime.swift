import Foundation

/// A DATE or DATE-TIME value of an iCalendar property (RFC 5545 §3.3.4, §3.3.5).
public enum ICalendarTime: Hashable, Sendable {
    /// An all-day value: `DTSTART;VALUE=DATE:20270104`.
    case date(CalendarDate)
    /// A wall-clock time: in UTC (`…Z`), in a named zone (`TZID=…`), or floating (no zone: local to the reader).
    case dateTime(CalendarDate, secondOfDay: Int, zone: Zone)

    public enum Zone: Hashable, Sendable {
        case utc
        case floating
        case named(TimeZone)
    }

    var date: CalendarDate {
        switch self {
        case .date(let date), .dateTime(let date, _, _): return date
        }
    }

    var isDate: Bool { if case .date = self { return true } else { return false } }

    /// Seconds since 1970-01-01T00:00Z; floating times and dates are read in `local`.
    func instant(local: TimeZone) -> Int {
        switch self {
        case .date(let date):
            return Self.instant(wall: date.dayNumber * 86_400, in: local)
        case .dateTime(let date, let second, .utc):
            return date.dayNumber * 86_400 + second
        case .dateTime(let date, let second, .floating):
            return Self.instant(wall: date.dayNumber * 86_400 + second, in: local)
        case .dateTime(let date, let second, .named(let zone)):
            return Self.instant(wall: date.dayNumber * 86_400 + second, in: zone)
        }
    }

    /// The same kind of value moved by `days` (recurrence steps keep the wall-clock time).
    func adding(days: Int) -> ICalendarTime {
        switch self {
        case .date(let date): return .date(date.adding(days: days))
        case .dateTime(let date, let second, let zone):
            return .dateTime(date.adding(days: days), secondOfDay: second, zone: zone)
        }
    }

    func on(_ date: CalendarDate) -> ICalendarTime {
        switch self {
        case .date: return .date(date)
        case .dateTime(_, let second, let zone): return .dateTime(date, secondOfDay: second, zone: zone)
        }
    }

    /// The instant of a wall-clock time in `zone`, read as RFC 5545 §3.3.5 says: a time a daylight-saving change
    /// repeats is its first occurrence; a time it skips takes the UTC offset before the gap (01:30 on the morning
    /// London springs forward is 02:30 BST).
    public static func instant(wall: Int, in zone: TimeZone) -> Int {
        func offset(_ instant: Int) -> Int {
            zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
        }
        // Offsets a day either side bracket any change near the time (zones change at most once a day).
        let before = offset(wall - 86_400)
        let after = offset(wall + 86_400)
        let valid = Set([before, after, offset(wall)]).map { wall - $0 }.filter { wall - offset($0) == $0 }
        if let first = valid.min() { return first }
        return wall - before
    }

    /// The calendar date of `instant` in `zone`.
    static func localDate(of instant: Int, in zone: TimeZone) -> CalendarDate {
        let wall = instant + zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
        return CalendarDate(dayNumber: Int((Double(wall) / 86_400).rounded(.down)))
    }
}

/// Parses DATE and DATE-TIME values, resolving TZID through IANA names, Windows names (Outlook) and the
/// file's own VTIMEZONE names when they equal a known name.
struct ICalendarTimeParser {
    let file: String
    let windowsTimeZones: [String: String]

    func zone(named tzid: String, line: Int) throws(CalendarError) -> TimeZone {
        var name = tzid
        // Some exporters prefix a unique path: "/mozilla.org/20070129_1/Europe/Berlin".
        if name.hasPrefix("/") {
            let parts = name.split(separator: "/")
            if parts.count >= 2 { name = parts.suffix(2).joined(separator: "/") }
        }
        if let zone = TimeZone(identifier: name) { return zone }
        if let iana = windowsTimeZones[name], let zone = TimeZone(identifier: iana) { return zone }
        throw .iCalendar(
            SourceLocation(file: file, line: line), problem: "unknown time zone TZID=\(tzid)",
            hint: "use an IANA name such as Asia/Kuala_Lumpur or a Windows name such as \"Singapore Standard Time\"")
    }

    /// One value of `line` (a property whose value may be a comma list; `text` is one element).
    func time(_ text: String, of line: ContentLine) throws(CalendarError) -> ICalendarTime {
        let isDate = line.parameters["VALUE"]?.uppercased() == "DATE" || (text.count == 8 && !text.contains("T"))
        func fail(_ expected: String) -> CalendarError {
            .iCalendar(
                SourceLocation(file: file, line: line.line),
                problem: "\(line.name): \"\(text)\" is not \(expected)",
                hint: "dates are YYYYMMDD, times YYYYMMDDTHHMMSS with an optional Z (RFC 5545 §3.3.5)")
        }
        if let value = line.parameters["VALUE"]?.uppercased(), !["DATE", "DATE-TIME"].contains(value) {
            throw .iCalendar(
                SourceLocation(file: file, line: line.line),
                problem: "\(line.name) with VALUE=\(value) is not supported",
                hint: "Rota reads dates and date-times; list such days under leave: instead")
        }
        let digits = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= digits.count else { return nil }
            var value = 0
            for byte in digits[range] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
            let date = CalendarDate(year: year, month: month, day: day)
        else { throw fail(isDate ? "a date (YYYYMMDD)" : "a date-time (YYYYMMDDTHHMMSS)") }
        if isDate {
            guard digits.count == 8 else { throw fail("a date (YYYYMMDD)") }
            return .date(date)
        }
        guard digits.count >= 15, digits[8] == UInt8(ascii: "T"), let hour = number(9..<11),
            let minute = number(11..<13), let second = number(13..<15), hour < 24, minute < 60, second <= 60
        else { throw fail("a date-time (YYYYMMDDTHHMMSS)") }
        let secondOfDay = hour * 3600 + minute * 60 + min(second, 59)
        if digits.count == 16, digits[15] == UInt8(ascii: "Z") {
            return .dateTime(date, secondOfDay: secondOfDay, zone: .utc)
        }
        guard digits.count == 15 else { throw fail("a date-time (YYYYMMDDTHHMMSS)") }
        if let tzid = line.parameters["TZID"] {
            return .dateTime(date, secondOfDay: secondOfDay, zone: .named(try zone(named: tzid, line: line.line)))
        }
        return .dateTime(date, secondOfDay: secondOfDay, zone: .floating)
    }

    /// All values of a property holding a comma-separated list (EXDATE, RDATE).
    func times(of line: ContentLine) throws(CalendarError) -> [ICalendarTime] {
        var result: [ICalendarTime] = []
        for part in line.value.split(separator: ",") {
            result.append(try time(part.trimmingBlanks(), of: line))
        }
        return result
    }

    /// A DURATION value (RFC 5545 §3.3.6): `P1D`, `PT2H30M`, `P1W`; in seconds, with days counted separately
    /// so that all-day events move by whole days.
    func duration(_ line: ContentLine) throws(CalendarError) -> (days: Int, seconds: Int) {
        var text = Substring(line.value.uppercased())
        var sign = 1
        if text.first == "-" {
            sign = -1
            text = text.dropFirst()
        } else if text.first == "+" {
            text = text.dropFirst()
        }
        guard text.first == "P" else {
            throw .iCalendar(
                SourceLocation(file: file, line: line.line),
                problem: "DURATION \"\(line.value)\" does not start with P",
                hint: "durations look like P1D, PT2H or P1W")
        }
        text = text.dropFirst()
        var days = 0
        var seconds = 0
        var inTime = false
        var digits = ""
        for character in text {
            if character == "T" {
                inTime = true
                continue
            }
            if character.isNumber {
                digits.append(character)
                continue
            }
            guard let value = Int(digits) else {
                throw .iCalendar(
                    SourceLocation(file: file, line: line.line), problem: "DURATION \"\(line.value)\" is malformed",
                    hint: "durations look like P1D, PT2H or P1W")
            }
            digits = ""
            switch (character, inTime) {
            case ("W", false): days += 7 * value
            case ("D", false): days += value
            case ("H", true): seconds += 3600 * value
            case ("M", true): seconds += 60 * value
            case ("S", true): seconds += value
            default:
                throw .iCalendar(
                    SourceLocation(file: file, line: line.line), problem: "DURATION \"\(line.value)\" is malformed",
                    hint: "durations look like P1D, PT2H or P1W")
            }
        }
        return (sign * days, sign * seconds)
    }
}
