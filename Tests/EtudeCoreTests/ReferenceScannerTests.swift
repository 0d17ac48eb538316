import Testing
@testable import EtudeCore

/// The hand-written scanner of `{{ … }}` finds what the regex it replaced found.
struct ReferenceScannerTests {
    static let pieces = ["{", "}", "{{", "}}", "a", " ", "é", "{\u{301}", "}\u{301}", "\u{301}", "\r\n", "|", "x.y", "\u{E000}",
                         "\u{600}", "\u{200D}", "{{\u{301}", "\u{600}{{", "🇫🇷", "}}}"]

    @Test func sameAsTheRegex() {
        var differences: [String] = []
        for text in RandomTexts.make(seed: 16, maxPieces: 12, from: Self.pieces) {
            let expected = text.matches(of: /\{\{([^{}]*)\}\}/).map { [$0.range.lowerBound, $0.range.upperBound, $0.output.1.startIndex, $0.output.1.endIndex] }
            let got = ReferenceScanner.references(in: text).map { [$0.range.lowerBound, $0.range.upperBound, $0.inner.lowerBound, $0.inner.upperBound] }
            if got != expected { differences.append(text) }
        }
        #expect(differences.isEmpty, "\(differences.prefix(5).map(\.debugDescription))")
    }

    @Test func openingsAreTheSearchForTwoBraces() {
        var differences: [String] = []
        for text in RandomTexts.make(seed: 17, maxPieces: 12, from: Self.pieces) where ReferenceScanner.openings(in: text) != text.ranges(of: "{{") {
            differences.append(text)
        }
        #expect(differences.isEmpty, "\(differences.prefix(5).map(\.debugDescription))")
    }
}
