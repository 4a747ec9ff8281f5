/// Where the bundled holiday calendars come from (calendars/README.md): the version `scripts/generate_calendars.py`
/// pins, and the years it writes. `rota --version` names it, so a report can be traced to its holiday data.
public enum CalendarSource {
    public static let holidaysPackageVersion = "0.109"
    public static let years = 2025...2030

    public static var description: String {
        "holidays \(holidaysPackageVersion) (PyPI), \(years.lowerBound)–\(years.upperBound)"
    }
}
