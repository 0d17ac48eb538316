import Foundation
import Testing
@testable import EtudeCore

/// A paragraph may not hold so many quotes or brackets that libcmark-gfm would take
/// quadratic time over it (see `InlineSizeLimit`).
@Suite struct InlineSizeLimitTests {
    @Test func tooManyQuotesInAParagraphIsAnErrorAtItsFirstLine() {
        let body = "Intro.\n\n" + String(repeating: "l'a \"b\" ", count: 7000) + "\nsuite '\n\nFin.\n"
        #expect(throws: BuildFailure([Diagnostic(file: "content/exemple.md", line: 6, column: 1, message:
            "this paragraph (up to the next blank line) holds 21 001 straight quotation marks (' or \"); "
            + "Étude accepts at most 20 000 in one paragraph, as libcmark-gfm takes time growing with the square "
            + "of their number: add blank lines, or put code in a fenced block (```)")])) {
            try PageBody.render(body)
        }
    }

    @Test func tooManyBracketsIsAnError() {
        let body = String(repeating: "![[]()", count: 20_001)
        #expect(throws: BuildFailure([Diagnostic(file: "content/exemple.md", line: 4, column: 1, message:
            "this paragraph (up to the next blank line) holds 40 002 opening brackets '['; "
            + "Étude accepts at most 20 000 in one paragraph, as libcmark-gfm takes time growing with the square "
            + "of their number: add blank lines, or put code in a fenced block (```)")])) {
            try PageBody.render(body)
        }
    }

    @Test func quotesInCodeOrSpreadOverParagraphsPass() {
        let fenced = "```json\n" + String(repeating: "{\"a\": \"b\"}\n", count: 6000) + "```\n"
        let paragraphs = String(repeating: String(repeating: "\"a\" ", count: 1000) + "\n\n", count: 30)
        #expect(InlineSizeLimit.oversizedParagraphs(in: fenced + paragraphs).isEmpty)
    }

    /// Only what cmark surely takes for a fenced code block is left out of the count.
    @Test(arguments: [
        "```a`b\n",                      // a backtick fence's info string holds no backtick
        "> ```\n",                       // the quote ends at the next line, and its code with it
        "- ```\n",                       // so does the list item
        "    ```\n",                     // indented code, not a fence
        "<div>\n```\n\n",              // a fence inside an HTML block is HTML
        "<!--\n\n```\n-->\n\n",      // even across blank lines, up to the comment's end
    ])
    func quotesAfterWhatIsNoFenceCount(opening: String) {
        let found = InlineSizeLimit.oversizedParagraphs(in: opening + String(repeating: "'", count: 20_001) + "\n")
        #expect(found.map(\.quotes) == [20_001])
        #expect(TableSizeLimit.oversizedTables(in: opening + "|a|b|\n|-|-|\n" + String(repeating: "|" + String(repeating: "c|", count: 1001) + "\n", count: 2)).count == 1)
    }

    @Test func fencedCodeIsLeftOut() {
        for opening in ["```json\n", "~~~\n", "~~~~~ `x` ~\n", "<div>\n\n```\n", "<!-- a -->\n```\n"] {
            let body = opening + String(repeating: "'", count: 20_001) + "\n" + String(repeating: opening.first!, count: 5) + "\n"
            #expect(InlineSizeLimit.oversizedParagraphs(in: body).isEmpty, "\(opening)")
        }
    }
}
