import RotaChecking
import RotaModel
import RotaPlanning

/// rotation.svg: the whole rotation as one picture that stays small for big teams: a row per engineer per rotation
/// (every duty of theirs on it), days left to right, primary and backup shifts as bars, leave shaded behind, the
/// holidays that count in the burden as ticks, a legend and month marks. Integer coordinates only, so the same
/// plan gives the same bytes; every bar carries a tooltip (`<title>`) naming the person, role and dates.
public struct RotationPicture: ReportFile {
    public init() {}
    public var fileName: String { "rotation.svg" }

    enum Colour {
        static let primary = "#c0392b"
        static let backup = "#5dade2"
        static let leave = "#d5d8dc"
        static let holiday = "#e67e22"
        static let stripe = "#f4f6f7"
        static let text = SVGFrame.textColour
        static let grid = "#aab7b8"
    }

    /// One row of the picture: an engineer in one rotation, or a rotation's heading.
    struct Row {
        let label: String
        let rotation: Int
        let engineer: Engineer?
    }

    static let rowHeight = 14
    static let headingHeight = 18
    static let top = 78

    /// Pixels per day: the period fits in about 1,200 pixels, between 2 and 14 per day.
    static func dayWidth(days: Int) -> Int { max(2, min(14, 1200 / max(days, 1))) }

    static func rows(_ scenario: Scenario) -> [Row] {
        let several = scenario.rotations.count > 1
        var rows: [Row] = []
        for (index, rotation) in scenario.rotations.enumerated() {
            if several { rows.append(Row(label: rotation.name, rotation: index, engineer: nil)) }
            for id in rotation.roster {
                guard let engineer = scenario.engineer(id) else { continue }
                rows.append(Row(label: engineer.name, rotation: index, engineer: engineer))
            }
        }
        return rows
    }

    public func render(_ plan: Plan) -> String {
        let scenario = plan.scenario
        let period = scenario.coveredDates
        let days = period.last.dayNumber - period.first.dayNumber + 1
        let day = Self.dayWidth(days: days)
        let rows = Self.rows(scenario)
        // Headings run over the chart on their own rows; only engineers' names set the label column.
        let names = rows.filter { $0.engineer != nil }.map { SVGFrame.shortLabel($0.label).count }
        let labelWidth = 16 + 7 * min(28, names.max() ?? 8)
        let chartWidth = day * days
        let width = labelWidth + chartWidth + 16
        var y = Self.top
        var rowTops: [Int] = []
        for row in rows {
            rowTops.append(y)
            y += row.engineer == nil ? Self.headingHeight : Self.rowHeight
        }
        let height = y + 12
        func x(_ date: CalendarDate) -> Int { labelWidth + day * (date.dayNumber - period.first.dayNumber) }
        func text(_ value: String) -> String { TextFormatting.xmlText(value) }

        var out = SVGFrame.opening(
            width: width, height: height,
            title: "On-call rotation: \(scenario.title), \(period.first) – \(period.last)",
            heading: "\(SVGFrame.shortLabel(scenario.title, limit: 90)): on-call rotation")
        // Legend.
        let legend: [(String, String)] = [
            (Colour.primary, "primary"), (Colour.backup, "backup"), (Colour.leave, "leave"),
            (Colour.holiday, "holiday that counts in the burden"),
        ]
        var legendX = 8
        for (colour, name) in legend {
            let swatchHeight = colour == Colour.holiday ? 3 : 10
            out.append(
                "<rect x=\"\(legendX)\" y=\"\(40 - swatchHeight)\" width=\"18\" height=\"\(swatchHeight)\" "
                    + "fill=\"\(colour)\"/>")
            out.append("<text x=\"\(legendX + 22)\" y=\"40\" fill=\"\(Colour.text)\">\(text(name))</text>")
            legendX += 30 + 7 * name.count
        }
        // Month marks: a line and the month's name on its first day (and at the start).
        var date = period.first
        while date <= period.last {
            if date == period.first || date.day == 1 {
                let left = x(date)
                out.append(
                    "<line x1=\"\(left)\" y1=\"\(Self.top - 14)\" x2=\"\(left)\" y2=\"\(y)\" "
                        + "stroke=\"\(Colour.grid)\" stroke-width=\"1\"/>")
                out.append(
                    "<text x=\"\(left + 3)\" y=\"\(Self.top - 4)\" fill=\"\(Colour.text)\">"
                        + "\(date.monthAbbreviation) \(date.year)</text>")
            }
            date = date.adding(days: 1)
        }
        // Rows.
        for (index, row) in rows.enumerated() {
            let rowTop = rowTops[index]
            guard let engineer = row.engineer else {
                out.append(
                    "<text x=\"8\" y=\"\(rowTop + 13)\" font-weight=\"bold\" fill=\"\(Colour.text)\">"
                        + "\(text(SVGFrame.shortLabel(row.label, limit: 90)))</text>")
                continue
            }
            if index % 2 == 0 {
                out.append(
                    "<rect x=\"\(labelWidth)\" y=\"\(rowTop)\" width=\"\(chartWidth)\" height=\"\(Self.rowHeight)\" "
                        + "fill=\"\(Colour.stripe)\"/>")
            }
            out.append(
                "<text x=\"12\" y=\"\(rowTop + 11)\" fill=\"\(Colour.text)\">\(text(SVGFrame.shortLabel(row.label)))</text>"
            )
            for leave in engineer.leave.sorted(by: { ($0.first, $0.last) < ($1.first, $1.last) })
            where leave.overlaps(period) {
                let first = max(leave.first, period.first)
                let last = min(leave.last, period.last)
                out.append(
                    "<rect x=\"\(x(first))\" y=\"\(rowTop)\" width=\"\(day * (last.dayNumber - first.dayNumber + 1))\" "
                        + "height=\"\(Self.rowHeight)\" fill=\"\(Colour.leave)\"><title>\(text(engineer.name)): leave "
                        + "\(first) – \(last)</title></rect>")
            }
            let rotationID = scenario.rotations[row.rotation].id
            for shift in plan.schedule.shifts where shift.rotation == rotationID {
                let role: String
                let colour: String
                if shift.primary == engineer.id {
                    (role, colour) = ("primary", Colour.primary)
                } else if shift.backup == engineer.id {
                    (role, colour) = ("backup", Colour.backup)
                } else {
                    continue
                }
                let length = shift.dates.last.dayNumber - shift.dates.first.dayNumber + 1
                // A one-pixel gap between consecutive shifts keeps back-to-back duty readable.
                let barWidth = max(1, day * length - (day > 2 ? 1 : 0))
                out.append(
                    "<rect x=\"\(x(shift.dates.first))\" y=\"\(rowTop + 2)\" width=\"\(barWidth)\" "
                        + "height=\"\(Self.rowHeight - 5)\" fill=\"\(colour)\"><title>\(text(engineer.name)): \(role), "
                        + "\(scenario.period.shiftWord) \(shift.number) (\(shift.dates.first) – \(shift.dates.last))"
                        + "</title></rect>")
            }
            let calendar = scenario.personalCalendar(engineer)
            let holidays = calendar.holidays(during: period)
            for holiday in holidays where calendar.weight(of: holiday.date, holidays: holidays) > 0 {
                out.append(
                    "<rect x=\"\(x(holiday.date))\" y=\"\(rowTop + Self.rowHeight - 3)\" width=\"\(day)\" height=\"3\" "
                        + "fill=\"\(Colour.holiday)\"><title>\(text(engineer.name)): \(text(holiday.name)) "
                        + "\(holiday.date)</title></rect>")
            }
        }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }
}
