import Testing
@testable import EtudeCore

/// Tokens are found in the bytes exactly where the character search found them.
struct PlaceholderSearchTests {
    static let pieces = ["\u{E000}", "\u{E001}", "\u{E002}", "\u{E100}", "\u{E0FF}", "1", "42", "a", "\u{301}", "\u{600}", "\u{200D}",
                         "é", "👍🏽", "\r\n", "<p>"]

    @Test func sameAsTheCharacterSearch() {
        var differences: [String] = []
        for text in RandomTexts.make(seed: 99, count: 5_000, maxPieces: 10, from: Self.pieces) {
            for index in text.indices + [text.endIndex] where PlaceholderTable.nextOpening(in: text, from: index) != text[index...].firstIndex(of: "\u{E000}") {
                differences.append(text)
                break
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(5).map(\.debugDescription))")
    }
}
