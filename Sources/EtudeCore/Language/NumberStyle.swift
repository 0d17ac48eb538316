import Foundation

/// How a language writes numbers: its decimal and grouping separators, from how many
/// digits it groups, and where its percent sign goes, all from the locale data (CLDR,
/// through Foundation). The minus is the typographic one (U+2212) in every language.
public struct NumberStyle: Sendable, Equatable {
    public var decimalSeparator: String
    public var groupingSeparator: String
    /// The fewest integer digits that get grouped: 4 (`1 234`) or 5 (Spanish `1234`, `12.345`).
    public var groupingFrom: Int
    /// What stands before and after the number of a percentage: `""` and `"\u{202F}%"` in French.
    public var percentPrefix: String
    public var percentSuffix: String
    /// Whether a count below 2 takes the singular (French) or only exactly 1 does (English).
    public var singularBelowTwo: Bool

    public static let noBreakSpace = "\u{00A0}"

    /// French as Étude always wrote it: the narrow no-break space (U+202F) between thousands
    /// and before `%`, as French typography asks (CLDR gives U+00A0 before `%`).
    public static let french = NumberStyle(decimalSeparator: ",", groupingSeparator: "\u{202F}", groupingFrom: 4,
                                           percentPrefix: "", percentSuffix: "\u{202F}%", singularBelowTwo: true)

    public init(decimalSeparator: String, groupingSeparator: String, groupingFrom: Int, percentPrefix: String, percentSuffix: String, singularBelowTwo: Bool) {
        self.decimalSeparator = decimalSeparator
        self.groupingSeparator = groupingSeparator
        self.groupingFrom = groupingFrom
        self.percentPrefix = percentPrefix
        self.percentSuffix = percentSuffix
        self.singularBelowTwo = singularBelowTwo
    }

    /// The style of `locale` (a BCP 47 tag), read from what Foundation's formatters write.
    public init(locale identifier: String, singularBelowTwo: Bool) {
        let locale = Locale(identifier: identifier)
        let decimal = NumberFormatter()
        decimal.locale = locale
        decimal.numberStyle = .decimal
        let percent = NumberFormatter()
        percent.locale = locale
        percent.numberStyle = .percent
        let grouping = locale.groupingSeparator ?? ","
        let pattern = percent.string(from: 0.78) ?? "78%"
        let parts = pattern.components(separatedBy: "78")
        self.init(decimalSeparator: locale.decimalSeparator ?? ".", groupingSeparator: grouping,
                  groupingFrom: (decimal.string(from: 1234) ?? "").contains(grouping) ? 4 : 5,
                  percentPrefix: parts.count == 2 ? parts[0] : "", percentSuffix: parts.count == 2 ? parts[1] : "%",
                  singularBelowTwo: singularBelowTwo)
    }

    /// `1234.5` with 1 decimal → `1 234,5` in French, `1,234.5` in English. Rounds half away
    /// from zero, so the result does not depend on binary floating-point noise in the last digit.
    public func number(_ value: Double, decimals: Int = 0, groupThousands: Bool = true) -> String {
        // Defence in depth: NumberReader keeps typed numbers far below these limits, but a
        // computed value must never trap in `Int(...)`.
        guard value.isFinite else { return value.isNaN ? "?" : (value < 0 ? "−∞" : "∞") }
        let decimals = min(max(decimals, 0), 9)
        let scale = pow(10.0, Double(decimals))
        let scaled = (abs(value) * scale + 1e-9).rounded(.toNearestOrAwayFromZero)
        guard scaled < 1e18 else {
            return (value < 0 ? "−" : "") + String(format: "%.0f", abs(value))
        }
        let negative = value < 0 && scaled != 0
        let integerPart = Int(scaled / scale)
        let fraction = Int(scaled) - integerPart * Int(scale)
        var digits = String(integerPart)
        if groupThousands && digits.count >= groupingFrom {
            var grouped = ""
            for (offset, digit) in digits.reversed().enumerated() {
                if offset > 0 && offset % 3 == 0 { grouped.append(contentsOf: groupingSeparator.reversed()) }
                grouped.append(digit)
            }
            digits = String(grouped.reversed())
        }
        var result = (negative ? "−" : "") + digits
        if decimals > 0 {
            let padded = String(fraction)
            result += decimalSeparator + String(repeating: "0", count: decimals - padded.count) + padded
        }
        return result
    }

    /// `value` rounded half away from zero to `decimals` places, as `number` writes it.
    public static func rounded(_ value: Double, decimals: Int) -> Double {
        let scale = pow(10.0, Double(decimals))
        return ((abs(value) * scale + 1e-9).rounded(.toNearestOrAwayFromZero) / scale) * (value < 0 ? -1 : 1)
    }

    /// `78` → `78 %` in French, `78%` in English.
    public func percent(_ value: Double, decimals: Int = 0) -> String {
        percentPrefix + number(value, decimals: decimals) + percentSuffix
    }

    /// Whether `value` (already rounded as written) takes the singular.
    public func isSingular(_ value: Double) -> Bool {
        singularBelowTwo ? abs(value) < 2 : abs(value) == 1
    }
}
