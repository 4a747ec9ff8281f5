/// Public holidays of a set of regions, looked up by day: what a scenario's engineers need.
public struct HolidayCalendar: Sendable {
    /// The regions, by code.
    public let regions: [String: Region]
    private let byRegion: [String: [Holiday]]

    public init(regions: [String: Region], holidays: [Holiday]) {
        self.regions = regions
        self.byRegion = Dictionary(grouping: holidays, by: \.region).mapValues {
            $0.sorted { ($0.date, $0.name) < ($1.date, $1.name) }
        }
    }

    /// The holidays of `region` inside `range`, by date then name.
    public func holidays(in region: String, during range: DateRange) -> [Holiday] {
        guard let all = byRegion[region] else { return [] }
        // Sorted by date: binary search for the first day of the range.
        var low = 0
        var high = all.count
        while low < high {
            let middle = (low + high) / 2
            if all[middle].date < range.first { low = middle + 1 } else { high = middle }
        }
        var result: [Holiday] = []
        var index = low
        while index < all.count, all[index].date <= range.last {
            result.append(all[index])
            index += 1
        }
        return result
    }
}
