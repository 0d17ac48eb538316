import Testing
@testable import EtudeCore

/// `NumberReader.looksLikeNumber` answers as the three patterns it had alone before
/// its quick refusal of texts that cannot be numbers.
struct NumberNotationTests {
    static func byPatterns(_ text: String) -> Bool {
        let raw = text.trimmingCharacters(in: .whitespaces).lowercased()
        return raw.wholeMatch(of: /[-+]?(\d[\d_,]*\.?\d*|\.\d+)(e[-+]?\d+)?/) != nil
            || raw.wholeMatch(of: /[-+]?0[xob][0-9a-f_]+/) != nil
            || raw.wholeMatch(of: /[-+]?\.?(inf|infinity|nan)/) != nil
    }

    static let pieces = ["-", "+", ".", ",", "_", "0", "7", "٣", "e", "E", "x", "X", "b", "o", "f", "inf", "INF", "Infinity", "nan", "NaN",
                         "i", "n", " ", "\u{301}", "İ", "a", "é", "%", "\t", "١"]

    @Test func sameAnswersAsThePatternsAlone() {
        var differences: [String] = []
        for text in RandomTexts.make(seed: 43, count: 4_000, maxPieces: 6, from: Self.pieces) where NumberReader.looksLikeNumber(text) != Self.byPatterns(text) {
            differences.append(text)
        }
        #expect(differences.isEmpty, "\(differences.prefix(5).map(\.debugDescription))")
    }

    @Test func notations() {
        for text in ["0x137", "1e3", "-inf", ".5", "53,5", " NaN ", "+.infinity", "1_000", "٣٤"] { #expect(NumberReader.looksLikeNumber(text), "\(text)") }
        for text in ["", "innovation", "nombre", "53 %", "x1", "-", "e3", "0x"] { #expect(!NumberReader.looksLikeNumber(text), "\(text)") }
    }
}

/// The hand-typed-number finder's quick checks answer as the expressions they replace.
struct LiteralFigureQuickChecksTests {
    static let pieces = ["5", "a", " ", "%", "\u{00A0}", "\u{202F}", "\u{301}", "٣", "½", "é", "👍🏽", "\r\n", "x", "\u{600}", "\u{605}", "\u{200D}", "²", "Ⅻ"]

    @Test func sameAsTheExpressionsTheyReplace() {
        var differences: [String] = []
        for text in RandomTexts.make(seed: 5, count: 5_000, maxPieces: 6, from: Self.pieces) {
            if LiteralFigureFinder.holdsDigit(text) != text.contains(where: \.isNumber)
                || LiteralFigureFinder.startsWithPercent(text[...]) != (text[...].prefixMatch(of: /[ \u{00A0}\u{202F}]?%/) != nil) {
                differences.append(text)
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(5).map(\.debugDescription))")
    }
}
