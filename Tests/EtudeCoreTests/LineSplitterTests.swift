import Testing
@testable import EtudeCore

/// Lines found in the bytes are the lines `split(separator: "\n")` gave, indices included.
struct LineSplitterTests {
    static let pieces = ["\n", "\r", "\r\n", "\n\r", "a", "é", "\u{301}", "\n\u{301}", "\r\u{301}", " ", "👍🏽", "\u{2028}", "\u{85}"]

    @Test func sameAsSplittingOnTheCharacter() {
        var generator = SplitMix64(seed: 2026)
        var differences: [String] = []
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...12, using: &generator)
            let text = (0..<length).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
            let got = LineSplitter.lines(of: text)
            if got.map({ [$0.startIndex, $0.endIndex] }) != expected.map({ [$0.startIndex, $0.endIndex] }) || got.map(String.init) != expected.map(String.init) {
                differences.append(text)
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(5).map(\.debugDescription))")
    }
}
