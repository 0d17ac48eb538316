import Foundation
import Testing
@testable import EtudeCore

/// `PlaceholderTable.html(from:)` puts markup in and drops the paragraph or moves the id in
/// the same pass; the reference is the two passes it replaced (tokens, then the marks
/// they leave replaced in the whole page).
@Suite struct PlaceholderHTMLTests {
    @Test func onePassIsTheTwoPassesItReplaced() {
        var table = PlaceholderTable()
        let tokens = [
            table.add(.inline(html: "<span data-figure=\"a\">53\u{202F}%</span>", plain: "53\u{202F}%")),
            table.add(.block(html: "<figure><svg>…</svg></figure>")),
            table.add(.headingID("resultats")),
            table.add(.block(html: "<p>un</p>")),
            table.add(.inline(html: "<h2>", plain: "")),
            table.add(.headingID("deux")),
        ]
        let pieces = tokens + ["<p>", "</p>", "<h2>", "<h6>", "</h2>", "<li>", "\n", "texte", "é", "\u{301}", "<p", "</p", "\u{E000}", "\u{E000}9\u{E001}", "<h7>"]
        var differ = 0
        for text in RandomTexts.make(seed: 311, count: 8_000, maxPieces: 10, from: pieces) {
            let one = table.html(from: text), two = table.twoPassHTML(from: text)
            #expect(Array(one.utf8) == Array(two.utf8), "\(text.debugDescription)")
            if one != text { differ += 1 }
        }
        #expect(differ > 4_000)
    }

    @Test func markupHoldingATokensCharactersTakesTheTwoPasses() {
        var table = PlaceholderTable()
        let token = table.add(.inline(html: "a\u{E003}</p>b", plain: "ab"))
        let block = table.add(.block(html: "<svg/>"))
        let text = "<p>" + block + "</p>" + token + "</p>"
        #expect(table.html(from: text) == table.twoPassHTML(from: text))
        // The mark inside the markup is taken for a block's end, as it always was.
        #expect(table.html(from: text) == "<svg/>ab</p>")
    }
}
