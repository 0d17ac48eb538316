import Testing
@testable import EtudeCore

@Suite struct FrenchFormattingTests {
    @Test(arguments: [
        (78.0, 0, "78"), (1234.5, 1, "1\u{202F}234,5"), (1_000_000, 0, "1\u{202F}000\u{202F}000"),
        (6.45, 1, "6,5"), (0.05, 1, "0,1"), (-3.25, 1, "−3,3"), (999, 0, "999"),
    ])
    func numbers(value: Double, decimals: Int, expected: String) {
        #expect(NumberStyle.french.number(value, decimals: decimals) == expected)
    }

    @Test func percentUsesNarrowNoBreakSpace() {
        #expect(NumberStyle.french.percent(78) == "78\u{202F}%")
        #expect(NumberStyle.french.percent(62.5, decimals: 1) == "62,5\u{202F}%")
    }

    @Test func countsAgreeInNumber() {
        #expect(Language.french.respondents(1) == "1\u{00A0}répondant")
        #expect(Language.french.respondents(311) == "311\u{00A0}répondants")
    }

    @Test func fractionsAndOrdinals() {
        #expect(Language.french.fractionWords(numerator: 2, denominator: 3) == "deux tiers")
        #expect(Language.french.fractionWords(numerator: 1, denominator: 2) == "la moitié")
        #expect(Language.french.fractionWords(numerator: 3, denominator: 4) == "trois quarts")
        #expect(Language.french.ordinal(1, feminine: true) == "première")
        #expect(Language.french.ordinal(2, feminine: false) == "deuxième")
    }

    @Test func typographyOfPunctuationAndQuotes() {
        let n = "\u{202F}"
        #expect(FrenchTypography.apply("Pourquoi ? Voici : ceci ; cela !") == "Pourquoi\(n)? Voici\(n): ceci\(n); cela\(n)!")
        #expect(FrenchTypography.apply("Vraiment?") == "Vraiment\(n)?")
        #expect(FrenchTypography.apply("« top management »") == "«\(n)top management\(n)»")
        #expect(FrenchTypography.apply("“citée”") == "«\(n)citée\(n)»")
        // A quote within a quote takes “ ”, without inner spaces.
        #expect(FrenchTypography.apply("« Un “top management” volontariste »") == "«\(n)Un “top management” volontariste\(n)»")
        #expect(FrenchTypography.apply("\"Un \"mot\" cité\"") == "«\(n)Un “mot” cité\(n)»")
        #expect(FrenchTypography.apply("un \"smart management\" (dit \"lab\")") == "un «\(n)smart management\(n)» (dit «\(n)lab\(n)»)")
        #expect(FrenchTypography.apply("l'étude") == "l’étude")
        #expect(FrenchTypography.apply("3 pages") == "3\u{00A0}pages")
    }

    @Test func typographyLeavesLinkTextAlone() {
        #expect(FrenchTypography.apply("https://example.org/?q=1;2", insideLink: true) == "https://example.org/?q=1;2")
    }

    @Test func headingIDsAreTransliteratedAndUnique() {
        var generator = HeadingIDGenerator(reserved: ["contenu"])
        #expect(generator.makeID(for: "Résultats clés : l’œuvre") == "resultats-cles-l-oeuvre")
        #expect(generator.makeID(for: "Résultats clés : l’œuvre") == "resultats-cles-l-oeuvre-2")
        #expect(generator.makeID(for: "Contenu") == "contenu-2")
        #expect(generator.makeID(for: "!!!") == "section")
    }
}
