import Testing
@testable import EtudeCore

/// The hand-written scanner of `{{ … }}` finds what the regex it replaced found.
struct ReferenceScannerTests {
    static let pieces = ["{", "}", "{{", "}}", "a", " ", "é", "{\u{301}", "}\u{301}", "\u{301}", "\r\n", "|", "x.y", "\u{E000}"]

    @Test func sameAsTheRegex() {
        var generator = SplitMix64(seed: 16)
        var differences: [String] = []
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...12, using: &generator)
            let text = (0..<length).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let expected = text.matches(of: /\{\{([^{}]*)\}\}/).map { [$0.range.lowerBound, $0.range.upperBound, $0.output.1.startIndex, $0.output.1.endIndex] }
            let got = ReferenceScanner.references(in: text).map { [$0.range.lowerBound, $0.range.upperBound, $0.inner.lowerBound, $0.inner.upperBound] }
            if got != expected { differences.append(text) }
        }
        #expect(differences.isEmpty, "\(differences.prefix(5).map(\.debugDescription))")
    }
}
