import RotaModel

/// `rota --version`: Rota's release, the model version committed schedules record, and the calendars' source.
enum RotaVersion {
    static let release = "0.2.0"

    static var description: String {
        "rota \(release) (model version \(ModelVersion.current); calendars: \(CalendarSource.description))"
    }
}
