import Foundation

/// Writes numbers the French way: decimal comma, narrow no-break space (U+202F) between
/// thousands, U+202F before `%`, a no-break space (U+00A0) between a number and a word.
public enum FrenchNumberFormatter {
    public static let narrowSpace = "\u{202F}"
    public static let noBreakSpace = "\u{00A0}"

    /// `1234.5` with 1 decimal → `1 234,5`. Rounds half away from zero, so the
    /// result does not depend on binary floating-point noise in the last digit.
    public static func number(_ value: Double, decimals: Int = 0, groupThousands: Bool = true) -> String {
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
        if groupThousands && digits.count > 3 {
            var grouped = ""
            for (offset, digit) in digits.reversed().enumerated() {
                if offset > 0 && offset % 3 == 0 { grouped.append(contentsOf: narrowSpace.reversed()) }
                grouped.append(digit)
            }
            digits = String(grouped.reversed())
        }
        var result = (negative ? "−" : "") + digits
        if decimals > 0 {
            let padded = String(fraction)
            result += "," + String(repeating: "0", count: decimals - padded.count) + padded
        }
        return result
    }

    /// `value` rounded half away from zero to `decimals` places, as `number` writes it.
    public static func rounded(_ value: Double, decimals: Int) -> Double {
        let scale = pow(10.0, Double(decimals))
        return ((abs(value) * scale + 1e-9).rounded(.toNearestOrAwayFromZero) / scale) * (value < 0 ? -1 : 1)
    }

    /// `78` → `78 %`.
    public static func percent(_ value: Double, decimals: Int = 0) -> String {
        number(value, decimals: decimals) + narrowSpace + "%"
    }

    /// `311, "répondants"` → `311 répondants`, singular below 2 as French wants.
    public static func count(_ value: Double, singular: String, plural: String) -> String {
        let rounded = value.rounded(.toNearestOrAwayFromZero)
        return number(rounded) + noBreakSpace + (abs(rounded) < 2 ? singular : plural)
    }

    /// The French words for simple fractions: `2/3` → `deux tiers`.
    public static func fractionWords(numerator: Int, denominator: Int) -> String? {
        let numerators = [1: "un", 2: "deux", 3: "trois", 4: "quatre"]
        let singular = [2: "demi", 3: "tiers", 4: "quart", 5: "cinquième", 10: "dixième"]
        let plural = [2: "demis", 3: "tiers", 4: "quarts", 5: "cinquièmes", 10: "dixièmes"]
        if numerator == 1 && denominator == 2 { return "la moitié" }
        guard let n = numerators[numerator], let d = (numerator == 1 ? singular : plural)[denominator]
        else { return nil }
        return "\(n) \(d)"
    }

    /// Two to nine in words, the numbers French prose spells out; nil for others (one
    /// would need the gender of its noun).
    public static func smallNumberWords(_ number: Int) -> String? {
        let words = [2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 7: "sept", 8: "huit", 9: "neuf"]
        return words[number]
    }

    /// Ordinal adjective: 1 → premier / première, 2 → deuxième…
    public static func ordinal(_ rank: Int, feminine: Bool) -> String {
        let words = [2: "deuxième", 3: "troisième", 4: "quatrième", 5: "cinquième", 6: "sixième",
                     7: "septième", 8: "huitième", 9: "neuvième", 10: "dixième"]
        if rank == 1 { return feminine ? "première" : "premier" }
        return words[rank] ?? "\(rank)e"
    }
}
