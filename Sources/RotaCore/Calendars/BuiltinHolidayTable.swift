/// Public holidays of the seed scenarios' regions for 2026–2027, generated from the `holidays` package
/// (see scripts/generate_builtin_holidays.py). The full regional calendars replace it later.
enum BuiltinHolidayTable {
    struct Row {
        let region: String
        let date: String
        let name: String
        let observed: Bool
        let provisional: Bool

        init(_ region: String, _ date: String, _ name: String, observed: Bool, provisional: Bool) {
            self.region = region
            self.date = date
            self.name = name
            self.observed = observed
            self.provisional = provisional
        }
    }
}
