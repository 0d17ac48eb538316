import Foundation

/// Numbers in words, from the catalogue: small counts, ordinals, simple fractions.
extension Language {
    /// Two to nine in words (« cinq »), the numbers prose spells out; nil for others.
    public func smallNumberWords(_ number: Int) -> String? {
        guard (2...9).contains(number) else { return nil }
        return FormatMessage(rawValue: "format.number.\(number)").map { messages($0) }
    }

    /// An ordinal adjective: premier / première, deuxième; first, second. Past the tenth,
    /// the locale's own numeric ordinal (11e, 11th, 11.).
    public func ordinal(_ rank: Int, feminine: Bool) -> String {
        let key = "format.ordinal.\(rank)" + (rank == 1 && feminine ? ".feminine" : "")
        if let message = FormatMessage(rawValue: key) { return messages(message) }
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: tag)
        formatter.numberStyle = .ordinal
        return formatter.string(from: NSNumber(value: rank)) ?? "\(rank)."
    }

    /// Simple fractions in words (« deux tiers »), with « more than » and « less than »
    /// forms, since French agrees them (« plus des deux tiers », « plus de la moitié »).
    public enum FractionForm: String { case plain = "", more = ".more", less = ".less" }

    public func fractionWords(numerator: Int, denominator: Int, form: FractionForm = .plain) -> String? {
        FormatMessage(rawValue: "format.fraction.\(numerator)-\(denominator)" + form.rawValue).map { messages($0) }
    }
}
