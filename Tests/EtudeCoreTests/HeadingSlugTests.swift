import Testing
@testable import EtudeCore

/// Headings are folded one scalar at a time where that gives the whole folding
/// (`ScalarFolding`); elsewhere the whole text goes through Foundation. Both must agree.
@Suite struct HeadingSlugTests {
    static let pieces = ["Résultats", " ", "clés", "Œuvre", "œ", "Æ", "æ", "É", "e\u{301}", "\u{301}", "\u{200D}", "œ\u{200D}", "\u{200C}",
                         "ß", "İ", "ı", "ǅ", "Ǆ", "ŉ", "ſ", "ĳ", "\u{2019}", "\u{202F}", "\u{2014}", "½", "ª", "µ", "Ø", "Đ", "ł", "Þ", "\r\n",
                         "A", "z", "9", "-", "Ω", "ф", "🇫🇷", "\u{E9}\u{327}", "ḉ", "\u{1E9E}", "ȿ", "ɐ", "\u{24F}", "\u{2070}", "\u{2065}"]

    @Test func scalarFoldingIsTheWholeFolding() {
        let folding = ScalarFolding()
        var answered = 0
        for text in RandomTexts.make(seed: 5151, count: 20_000, maxPieces: 6, from: Self.pieces) {
            guard let folded = folding.folded(text) else { continue }
            answered += 1
            #expect(folded == HeadingIDGenerator.folded(text), "\(text.debugDescription)")
        }
        #expect(answered > 2_000 && answered < 19_000, "both ways are tried: \(answered)")
    }

    @Test func everyScalarItAnswersForFoldsAsTheWhole() {
        let folding = ScalarFolding()
        for value in Array(0x80..<0x250) + Array(0x2000..<0x2070) {
            let text = "a" + String(Unicode.Scalar(UInt32(value))!) + "B"
            if let folded = folding.folded(text) { #expect(folded == HeadingIDGenerator.folded(text), "U+\(String(value, radix: 16))") }
        }
    }

    @Test func frenchHeadings() {
        #expect(HeadingIDGenerator.slug("Résultats clés") == "resultats-cles")
        #expect(HeadingIDGenerator.slug("L’Œuvre d’État — 2018") == "l-oeuvre-d-etat-2018")
    }
}
