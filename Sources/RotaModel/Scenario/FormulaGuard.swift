/// The guard that keeps a CSV cell from running as a spreadsheet formula, and its exact inverse for reading Rota's
/// own files back. A cell that would start a formula (`=`, `+`, `-`, `@`, tab, CR: OWASP's CSV-injection list),
/// once any leading apostrophes are set aside, gets one more apostrophe in front; reading takes exactly that one
/// away. So `-Finance` is written `'-Finance` and read as `-Finance`, and a name that itself starts `'=` survives.
public enum FormulaGuard {
    static func startsFormula(_ cell: Substring.UnicodeScalarView) -> Bool {
        guard let first = cell.first(where: { $0 != "'" }) else { return false }
        return "=+-@\t\r".unicodeScalars.contains(first)
    }

    /// The cell as written to a CSV file.
    public static func guarded(_ cell: String) -> String {
        startsFormula(Substring(cell).unicodeScalars) ? "'" + cell : cell
    }

    /// The cell as it was before ``guarded(_:)``.
    public static func unguarded(_ cell: String) -> String {
        guard cell.unicodeScalars.first == "'", startsFormula(Substring(cell).unicodeScalars) else { return cell }
        return String(String.UnicodeScalarView(cell.unicodeScalars.dropFirst()))
    }
}
