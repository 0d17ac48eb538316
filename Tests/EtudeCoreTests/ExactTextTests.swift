import Foundation
import Testing
@testable import EtudeCore

/// `ExactText` compares bytes: canonically equal texts in other bytes are different keys.
@Suite struct ExactTextTests {
    @Test func textsAreEqualWhenTheirBytesAre() {
        let composed = "Été « 53\u{202F}% »", decomposed = "E\u{301}te\u{301} « 53\u{202F}% »"
        #expect(composed == decomposed)
        #expect(ExactText(composed) != ExactText(decomposed))
        #expect(ExactText(composed) == ExactText(String(decoding: Array(composed.utf8), as: UTF8.self)))
        #expect(ExactText("abc") != ExactText("abd"))
        #expect(ExactText("") == ExactText(""))
        // Same length, other bytes: é (C3 A9) and è (C3 A8).
        #expect(ExactText("é") != ExactText("è"))
        var set: Set<ExactText> = [ExactText(composed)]
        #expect(!set.contains(ExactText(decomposed)))
        set.insert(ExactText(decomposed))
        #expect(set.count == 2)
    }
}
