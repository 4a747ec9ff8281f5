import ArgumentParser
import RotaChecking
import RotaCore
import RotaModel
import RotaPlanning

/// `--calendars DIR`, shared by the commands that read holidays.
struct CalendarOptions: ParsableArguments {
    @Option(
        name: .customLong("calendars"),
        help: ArgumentHelp(
            "Folder of holiday calendars (default: $ROTA_CALENDARS, the installed share/rota/calendars, "
                + "or calendars/ of the checkout).", valueName: "dir"))
    var directory: String?

    /// The calendars folder; a problem is printed and exits 2.
    func library() throws -> CalendarLibrary {
        do {
            return try CalendarLibrary.locate(explicit: directory)
        } catch {
            Terminal.error(error.description)
            throw ExitStatus.badInput
        }
    }

    /// Reads a scenario; problems are printed and exit 2, calendar notices are printed as warnings.
    func scenario(_ path: String, quiet: Bool = false) throws -> Scenario {
        let library = try library()
        do {
            let scenario = try ScenarioReader.read(path: path, library: library)
            if !quiet { for notice in scenario.notices { Terminal.warning(notice) } }
            return scenario
        } catch {
            Terminal.error(error.description)
            throw ExitStatus.badInput
        }
    }
}
