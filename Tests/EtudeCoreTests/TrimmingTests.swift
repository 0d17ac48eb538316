import Foundation
import Testing
@testable import EtudeCore

/// `trimmed(_:)` stands in for Foundation's `trimmingCharacters(in:)` everywhere Étude trims:
/// same result for the three sets it uses, on texts full of Unicode spaces, line separators,
/// combining marks and astral scalars, as whole strings and as substrings.
@Suite struct TrimmingTests {
    static let pieces = [" ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{202F}", "\u{2009}", "\u{3000}",
                         "\u{2028}", "\u{2029}", "\u{1680}", "\u{200B}", "\u{FEFF}", "a", "é", "e\u{301}", "\u{301}", "🇫🇷", "𝟘", "---", "x y"]

    @Test(arguments: [("whitespaces", CharacterSet.whitespaces), ("newlines", .newlines), ("whitespacesAndNewlines", .whitespacesAndNewlines)])
    func trimsAsFoundation(name: String, set: CharacterSet) {
        for text in RandomTexts.make(seed: 2711, count: 5_000, maxPieces: 8, from: Self.pieces) {
            #expect(text.trimmed(set) == text.trimmingCharacters(in: set), "\(name): \(text.debugDescription)")
            let inner = text.dropFirst().dropLast()
            #expect(inner.trimmed(set) == inner.trimmingCharacters(in: set), "\(name): \(String(inner).debugDescription)")
        }
    }

    @Test func anythingInsideStays() {
        #expect("\u{202F} 53 %\t".trimmed(.whitespaces) == "53 %")
        #expect(" \u{301}a ".trimmed(.whitespaces) == "\u{301}a")
        #expect("\n\n".trimmed(.newlines) == "")
    }
}
