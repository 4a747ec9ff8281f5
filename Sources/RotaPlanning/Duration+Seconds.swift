import RotaChecking
import RotaModel

extension Duration {
    /// The duration in seconds, as a floating-point number.
    public var totalSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
