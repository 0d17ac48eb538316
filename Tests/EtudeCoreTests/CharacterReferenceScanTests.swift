import Foundation
import Testing
@testable import EtudeCore

/// A page's memo treats a text holding a character reference as naming anything
/// (`PageMemo.holdsCharacterReference`): found in its bytes, as cmark reads them.
@Suite struct CharacterReferenceScanTests {
    static let pieces = ["&", "#", ";", "amp", "123", "x7B", "a", "Z", "9", " ", "\n", "é", "&#", "&#123;", String(repeating: "a", count: 31),
                         String(repeating: "b", count: 32), "_", "-", "{{"]

    /// Where no character combines with another and no `;` is written otherwise (U+037E),
    /// the answer is that of the pattern the memo used before, over characters.
    @Test func theBytesAnswerAsThePatternOverCharacters() {
        for text in RandomTexts.make(seed: 3107, count: 6_000, maxPieces: 10, from: Self.pieces) {
            #expect(PageMemo.holdsCharacterReference(text) == (text.firstMatch(of: /&[#A-Za-z0-9]{1,32};/) != nil), "\(text.debugDescription)")
        }
    }

    /// A combining mark on the `;` hides the reference from a search over characters, not from cmark.
    @Test func aMarkOnTheSemicolonDoesNotHideIt() {
        #expect(PageMemo.holdsCharacterReference("x &#123;\u{301} y"))
        #expect(PageMemo.holdsCharacterReference("&" + String(repeating: "a", count: 32) + ";"))
        #expect(!PageMemo.holdsCharacterReference("&" + String(repeating: "a", count: 33) + ";"))
        #expect(!PageMemo.holdsCharacterReference("&;"))
        #expect(!PageMemo.holdsCharacterReference("&a\u{301}mp;"))
    }
}
