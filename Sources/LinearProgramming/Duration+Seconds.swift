extension Duration {
    /// Whole milliseconds (for GLPK's time limits).
    var milliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
    /// Seconds, with their fraction.
    var totalSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
