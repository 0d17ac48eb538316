import Foundation
import Testing
@testable import EtudeCore

/// `Messages.filling` finds braces in the bytes; the reference is the search of characters
/// it replaced, which a brace joined to a mark (or to a prepended character) escapes.
@Suite struct MessagesFillingTests {
    static func reference(_ template: String, _ values: [String: String]) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"), let value = values[String(rest[rest.index(after: open)..<close])] else {
                result.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    @Test func fillingIsTheCharacterSearchItReplaced() {
        let pieces = ["{", "}", "{n}", "{label}", "n", "label", "é", "e\u{301}", "\u{301}", "\u{0600}", "{\u{301}", "}\u{301}", " ", "«\u{202F}", "{{n}}", "x"]
        let values = ["n": "3", "label": "{n} « x »", "": "vide", "\u{301}": "accent"]
        var filled = 0
        for template in RandomTexts.make(seed: 53, count: 8_000, maxPieces: 10, from: pieces) {
            let expected = Self.reference(template, values)
            #expect(Array(Messages.filling(template, with: values).utf8) == Array(expected.utf8), "\(template.debugDescription)")
            if expected != template { filled += 1 }
        }
        #expect(filled > 4_000)
    }
}
