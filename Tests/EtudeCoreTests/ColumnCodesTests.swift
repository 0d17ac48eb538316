import Foundation
import Testing
@testable import EtudeCore

/// The codes given to a column's cells: one per distinct text (spaces around it trimmed),
/// 0 for a blank cell, the same whatever the table's size or the text's length.
@Suite struct ColumnCodesTests {
    @Test func sameTextSameCodeAndBlankIsZero() {
        var codes = ColumnCodes()
        #expect(codes.code("") == 0 && codes.code("   ") == 0 && codes.code("\u{00A0}") == 0)
        let oui = codes.code("Oui")
        #expect(oui == 1 && codes.code(" Oui ") == oui && codes.code("Oui\t") == oui && codes.code("\u{00A0}Oui") == oui)
        #expect(codes.code("Non") == 2 && codes.code("Oui") == oui)
        #expect(codes.texts == ["", "Oui", "Non"])
        // « Intercommunalité » is longer than 16 bytes; « 3,5 » reads as a number.
        let long = codes.code("Intercommunalité"), longer = codes.code("Intercommunalités")
        #expect(long != longer && codes.code("Intercommunalité") == long)
        let decimal = codes.code("3,5"), whole = codes.code("12")
        #expect(codes.numbers[decimal] == 3.5 && codes.numbers[whole] == 12 && codes.numbers[oui] == nil)
    }

    /// Thousands of distinct texts (the table grows many times) keep their first codes.
    @Test func manyTextsKeepTheirCodes() {
        var codes = ColumnCodes()
        let texts = (0..<5000).map { "réponse \($0)" } + (0..<300).map { String(repeating: "x", count: $0 + 1) }
        let first = texts.map { codes.code($0) }
        #expect(first == Array(1...texts.count))
        #expect(texts.map { codes.code($0) } == first)
        #expect(codes.texts == [""] + texts)
    }

    /// Two spellings of « Très » (composed, decomposed) get two codes but mean one answer.
    @Test func canonicallyEqualTextsAreTheSameAnswer() throws {
        let folder = try TestSupport.temporaryDirectory()
        try "id,q\n1,Tr\u{00E8}s\n2,Tre\u{0300}s\n3,Peu\n".write(to: folder.appendingPathComponent("r.csv"), atomically: true, encoding: .utf8)
        let survey = try #require(try AnswersDeclarationParser(sources: ["s": DataSource(id: "s", title: "S")]).parse(
            "survey: { source: s, file: r.csv }\nfigures:\n  q: { label: Q, kind: split, column: q, answers: { tres: Très, peu: Peu } }\n"))
        let tallies = try AnswerAggregator(survey: survey, wave: survey.waves[0], dataDirectory: folder).aggregate()
        #expect(tallies[0][0].counts == [2, 1])
    }
}
