import Foundation

/// `working_hours:` (team and engineer) and `pay:`: what the hours report counts and pays.
extension ScenarioDecoder {
    /// `{start: "09:00", end: "18:00"}`; `end` may be `"24:00"`.
    func workingHours(_ value: YAMLValue) throws(ScenarioError) -> WorkingHours {
        let fields = try value.mapping(allowed: ScenarioReader.workingHoursFields) { log.problems.append($0) }
        func clock(_ key: String, allowMidnight: Bool) throws(ScenarioError) -> Int {
            let entry = try fields.required(key, hint: "a wall-clock time HH:MM, e.g. `\(key): \"09:00\"`")
            let text = try entry.nonEmptyString()
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
            guard text.count == 5, parts.count == 2, let hour = parts[0], let minute = parts[1],
                (0...59).contains(minute),
                (0...23).contains(hour) || (allowMidnight && hour == 24 && minute == 0)
            else {
                throw .invalidValue(
                    entry.location, field: entry.path, value: TextSafety.quoted(text),
                    expected: "a time HH:MM (24-hour\(allowMidnight ? ", or 24:00" : ""))",
                    hint: "quote it: `\(key): \"09:00\"`")
            }
            return hour * 3600 + minute * 60
        }
        let start = try clock("start", allowMidnight: false)
        let end = try clock("end", allowMidnight: true)
        guard let hours = WorkingHours(start: start, end: end) else {
            throw .invalidValue(
                value.location, field: value.path, value: "\(start / 3600):\(start % 3600 / 60) to end",
                expected: "a start before the end, on one day",
                hint: "working hours that run past midnight are not supported: the rest of the day is out of hours")
        }
        return hours
    }

    /// `pay: {currency: MYR, rates: {weekend: {per_day: 150}, out_of_hours: {per_hour: 10}}, backup_share: 0.5}`.
    func pay(_ value: YAMLValue) throws(ScenarioError) -> PayRates {
        let fields = try value.mapping(allowed: ScenarioReader.payFields) { log.problems.append($0) }
        let currencyValue = try fields.required("currency", hint: "an ISO 4217 code, e.g. `currency: MYR`")
        let currency = try currencyValue.nonEmptyString()
        guard currency.count == 3, currency.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
            throw .invalidValue(
                currencyValue.location, field: currencyValue.path, value: TextSafety.quoted(currency),
                expected: "an ISO 4217 currency code (three capital letters)", hint: "e.g. MYR, SGD, EUR, GBP, USD")
        }
        let decimals = PayRates(currency: currency, rates: [:]).decimals
        let ratesValue = try fields.required(
            "rates",
            hint: "a rate per kind of hour, e.g. `rates: {weekend: {per_day: 150}, out_of_hours: {per_hour: 10}}`")
        var rates: [HourKind: PayRates.Rate] = [:]
        for (name, rateValue) in try ratesValue.pairs() {
            let path = "\(ratesValue.path).\(name)"
            guard let kind = HourKind(rawValue: name) else {
                throw .unknownField(
                    rateValue.location, field: path, allowed: HourKind.allCases.map(\.rawValue))
            }
            let parts = try rateValue.mapping(allowed: PayRates.Unit.allNames) { log.problems.append($0) }
            guard parts.entries.count == 1, let (unitName, amountValue) = parts.entries.first,
                let unit = PayRates.Unit(rawValue: unitName)
            else {
                throw .invalidValue(
                    rateValue.location, field: path, value: "\(parts.entries.count) amounts",
                    expected: "one amount, per_hour or per_day", hint: "e.g. `\(name): {per_hour: 10}`")
            }
            rates[kind] = PayRates.Rate(amount: try money(amountValue, decimals: decimals), unit: unit)
        }
        var share = 1000
        if let shareValue = fields["backup_share"] {
            let fraction = try shareValue.number(
                in: 0...1, hint: "the backup's pay as a share of the primary's: 1 the same, 0.5 half, 0 none")
            share = Int((fraction * 1000).rounded())
        }
        return PayRates(currency: currency, rates: rates, backupShare: share)
    }

    /// An amount written in the currency's units (`12.5`, `150`), exactly, in minor units; never through a
    /// floating-point number.
    func money(_ value: YAMLValue, decimals: Int) throws(ScenarioError) -> Int {
        let text = try value.nonEmptyString()
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let digits = parts.allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }
        guard digits, parts.count <= 2, parts.count == 1 || parts[1].count <= decimals,
            parts[0].count <= 9, let whole = Int(parts[0])
        else {
            throw .invalidValue(
                value.location, field: value.path, value: TextSafety.quoted(text),
                expected: decimals == 0
                    ? "a whole amount (the currency has no minor units)"
                    : "an amount with at most \(decimals) decimals", hint: "e.g. `per_hour: 12.50`")
        }
        var fraction = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        if parts.count == 2 { for _ in parts[1].count..<decimals { fraction *= 10 } }
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let amount = whole * scale + fraction
        guard amount <= PayRates.largestAmount else {
            throw .invalidValue(
                value.location, field: value.path, value: text,
                expected: "at most \(PayRates(currency: "XXX", rates: [:]).text(PayRates.largestAmount)) a unit",
                hint: "a rate is per hour or per day of on-call time")
        }
        return amount
    }
}
