import Testing
@testable import EtudeCore

/// `FigureChanges.touches` finds a root's bytes with `memchr`; it must answer as the search
/// over the text's UTF-8 view it replaced (kept here as the reference).
@Suite struct FigureChangesSearchTests {
    static let roots: Set<String> = ["innovation", "a_b", "x", "é"]
    static let pieces = ["innovation", "past_", "_innovation", ".", ".part", "-", "a_b", "a", "_b", "x", "xx", " ", "{{ ", " }}",
                         "é", "e\u{301}", "\u{301}", "9", "Z", "\n", "🇫🇷", "\u{E005}", "innovation.admin", "a_b-"]

    static func reference(_ text: String, roots: Set<String>) -> Bool {
        let utf8 = Array(text.utf8)
        let isKeyByte = { (byte: UInt8, orDot: Bool) in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2D || (orDot && byte == 0x2E)
        }
        return roots.contains { root in
            text.utf8.ranges(of: root.utf8).contains { range in
                let start = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
                let end = text.utf8.distance(from: text.utf8.startIndex, to: range.upperBound)
                return (start == 0 || !isKeyByte(utf8[start - 1], true)) && (end == utf8.count || !isKeyByte(utf8[end], false))
            }
        }
    }

    @Test func answersAsTheSearchItReplaced() {
        var touched = 0
        for (index, text) in RandomTexts.make(seed: 1127, count: 20_000, maxPieces: 8, from: Self.pieces).enumerated() {
            let roots = index % 3 == 0 ? ["x"] : Self.roots
            let expected = Self.reference(text, roots: roots)
            #expect(FigureChanges.testing(roots: roots).touches(text) == expected, "\(text.debugDescription)")
            if expected { touched += 1 }
        }
        #expect(touched > 1_000 && touched < 19_000, "the texts try both answers")
    }

    @Test func aRootIsFoundAfterAnOccurrenceInsideALongerKey() {
        #expect(FigureChanges.testing(roots: ["innovation"]).touches("past_innovation innovation"))
        #expect(!FigureChanges.testing(roots: ["innovation"]).touches("past_innovation innovations"))
        #expect(FigureChanges.testing(roots: ["innovation"]).touches("innovation.admin"))
    }
}

/// A key's root cut at its first dot byte is the part before its first dot character.
@Suite struct FigureRootTests {
    @Test func theRootIsThePartBeforeTheFirstDot() {
        let pieces = ["a", "b1", ".", "..", "_", "-", "é", ".\u{301}", "e\u{301}", "x.y", ""]
        for key in RandomTexts.make(seed: 77, count: 5_000, maxPieces: 6, from: pieces) {
            #expect(FigureChanges.root(of: key) == (key.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? key), "\(key.debugDescription)")
        }
    }
}
