/// What on-call time is paid (`pay:`): a rate per kind of hour, per hour or per day of that kind (a day's rate is
/// paid pro rata to the hours held, 24 h making a day), in one currency; the backup is paid a share of it. Amounts
/// are kept in the currency's minor units (cents), so sums are exact.
public struct PayRates: Sendable, Equatable {
    public enum Unit: String, Sendable {
        case perHour = "per_hour"
        case perDay = "per_day"

        public var seconds: Int { self == .perHour ? 3600 : 86_400 }
        public static let allNames = ["per_hour", "per_day"]
    }

    public struct Rate: Sendable, Equatable {
        /// In minor units of the currency.
        public let amount: Int
        public let unit: Unit

        public init(amount: Int, unit: Unit) {
            self.amount = amount
            self.unit = unit
        }
    }

    /// ISO 4217 code: `MYR`, `EUR`.
    public let currency: String
    public let rates: [HourKind: Rate]
    /// The backup's pay as a share of the primary's, in thousandths (1000: the same).
    public let backupShare: Int

    public init(currency: String, rates: [HourKind: Rate], backupShare: Int = 1000) {
        self.currency = currency
        self.rates = rates
        self.backupShare = backupShare
    }

    /// Digits after the decimal point: 0 for the currencies ISO 4217 gives none (yen, won, …), else 2.
    public var decimals: Int { Self.wholeCurrencies.contains(currency) ? 0 : 2 }

    /// ISO 4217's currencies without minor units, of those in use.
    static let wholeCurrencies: Set<String> = [
        "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
    ]

    /// The largest rate, in minor units, and so the largest pay a row can reach without overflow: 10,000,000 minor
    /// units a unit (100,000.00 of a currency with cents) over at most five years of hours.
    public static let largestAmount = 10_000_000

    /// One row's pay, summed exactly over its pieces and rounded once (to the nearest minor unit, halves up).
    public struct Sum: Sendable, Equatable {
        /// Σ seconds × amount × share of per-hour and of per-day rates: exact integers.
        private var perHour = 0
        private var perDay = 0

        public init() {}

        public mutating func add(seconds: Int, kind: HourKind, role: DutyRole, rates: PayRates) {
            guard let rate = rates.rates[kind], seconds > 0 else { return }
            let share = role == .primary ? 1000 : rates.backupShare
            switch rate.unit {
            case .perHour: perHour += seconds * rate.amount * share
            case .perDay: perDay += seconds * rate.amount * share
            }
        }

        /// In minor units: whole parts of each unit, then their remainders together (a 24th of a day is an hour).
        public var minorUnits: Int {
            let hourUnit = 3600 * 1000
            let dayUnit = 86_400 * 1000
            let whole = perHour / hourUnit + perDay / dayUnit
            let rest = (perHour % hourUnit) * 24 + perDay % dayUnit
            let remainder = rest % dayUnit
            return whole + rest / dayUnit + (2 * remainder >= dayUnit ? 1 : 0)
        }
    }

    /// An amount in minor units as text: `1234.50` (or `1235` for a currency without minor units).
    public func text(_ minor: Int) -> String {
        guard decimals > 0 else { return "\(minor)" }
        let sign = minor < 0 ? "-" : ""
        let value = abs(minor)
        let cents = value % 100
        return "\(sign)\(value / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}
