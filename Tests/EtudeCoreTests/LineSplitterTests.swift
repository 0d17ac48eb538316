import Testing
@testable import EtudeCore

/// Lines found in the bytes are the lines `split(separator: "\n")` gave, indices included.
struct LineSplitterTests {
    static let pieces = ["\n", "\r", "\r\n", "\n\r", "a", "é", "\u{301}", "\n\u{301}", "\r\u{301}", " ", "👍🏽", "\u{2028}", "\u{85}"]

    @Test func sameAsSplittingOnTheCharacter() {
        var differences: [String] = []
        for text in RandomTexts.make(seed: 2026, maxPieces: 12, from: Self.pieces) {
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
            let got = LineSplitter.lines(of: text)
            if got.map({ [$0.startIndex, $0.endIndex] }) != expected.map({ [$0.startIndex, $0.endIndex] }) || got.map(String.init) != expected.map(String.init) {
                differences.append(text)
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(5).map(\.debugDescription))")
    }
}
