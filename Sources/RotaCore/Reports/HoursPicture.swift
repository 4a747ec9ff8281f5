import RotaChecking
import RotaModel
import RotaPlanning

/// hours.svg: each engineer's on-call hours as one bar, split by kind (working hours, out of hours, weekend, public
/// holiday, festival), on a common scale with hour marks and a legend; every piece names its hours when pointed at.
/// Integer coordinates only, so the same plan gives the same bytes.
public struct HoursPicture: ReportFile {
    public init() {}
    public var fileName: String { "hours.svg" }

    static func colour(_ kind: HourKind) -> String {
        switch kind {
        case .working: return "#85c1e9"
        case .outOfHours: return "#2e86c1"
        case .weekend: return "#8e44ad"
        case .publicHoliday: return "#e67e22"
        case .festival: return "#c0392b"
        }
    }

    static let rowHeight = 18
    static let top = 64
    static let chartWidth = 720

    /// The spacing of hour marks: 1, 2 or 5 times a power of ten, giving at most eight marks.
    static func markStep(_ largest: Int) -> Int {
        var step = 1
        while true {
            for factor in [1, 2, 5] where largest / (step * factor) <= 8 { return step * factor }
            step *= 10
        }
    }

    public func render(_ plan: Plan) -> String {
        let hours = plan.hours
        let scenario = plan.scenario
        let engineers = scenario.engineers.filter { engineer in hours.rows.contains { $0.engineer == engineer.id } }
        let totals = engineers.map { hours.totals(of: $0.id) }
        let largest = max(1, (totals.map { Int(($0.values.reduce(0, +) + 3599) / 3600) }.max() ?? 1))
        let names = engineers.map { SVGFrame.shortLabel($0.name) }
        let labelWidth = 16 + 7 * min(28, names.map(\.count).max() ?? 8)
        let width = labelWidth + Self.chartWidth + 70
        let height = Self.top + Self.rowHeight * engineers.count + 28
        func x(_ seconds: Int) -> Int { labelWidth + seconds * Self.chartWidth / (largest * 3600) }
        func text(_ value: String) -> String { TextFormatting.xmlText(value) }

        var out = SVGFrame.opening(
            width: width, height: height, title: "On-call hours by kind: \(scenario.title)",
            heading: "\(SVGFrame.shortLabel(scenario.title, limit: 90)): on-call hours by kind")
        var legendX = 8
        for kind in HourKind.allCases {
            out.append(
                "<rect x=\"\(legendX)\" y=\"30\" width=\"18\" height=\"10\" fill=\"\(Self.colour(kind))\"/>")
            out.append(
                "<text x=\"\(legendX + 22)\" y=\"39\" fill=\"\(SVGFrame.textColour)\">\(text(kind.title))</text>")
            legendX += 34 + 7 * kind.title.count
        }
        let step = Self.markStep(largest)
        var mark = 0
        while mark <= largest {
            let left = x(mark * 3600)
            out.append(
                "<line x1=\"\(left)\" y1=\"\(Self.top - 6)\" x2=\"\(left)\" y2=\"\(height - 24)\" stroke=\"#d5d8dc\" "
                    + "stroke-width=\"1\"/>")
            out.append(
                "<text x=\"\(left)\" y=\"\(height - 10)\" text-anchor=\"middle\" fill=\"\(SVGFrame.textColour)\">\(mark) h</text>"
            )
            mark += step
        }
        for (index, engineer) in engineers.enumerated() {
            let y = Self.top + index * Self.rowHeight
            out.append("<text x=\"12\" y=\"\(y + 13)\" fill=\"\(SVGFrame.textColour)\">\(text(names[index]))</text>")
            var start = 0
            for kind in HourKind.allCases {
                let seconds = totals[index][kind] ?? 0
                guard seconds > 0 else { continue }
                let left = x(start)
                let right = x(start + seconds)
                out.append(
                    "<rect x=\"\(left)\" y=\"\(y + 3)\" width=\"\(max(1, right - left))\" height=\"\(Self.rowHeight - 6)\" "
                        + "fill=\"\(Self.colour(kind))\"><title>\(text(engineer.name)): \(HoursCSV.hours(seconds)) h "
                        + "\(text(kind.title.lowercased()))</title></rect>")
                start += seconds
            }
            out.append(
                "<text x=\"\(x(start) + 4)\" y=\"\(y + 13)\" fill=\"\(SVGFrame.textColour)\">\(HoursCSV.hours(start)) h</text>"
            )
        }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }
}
