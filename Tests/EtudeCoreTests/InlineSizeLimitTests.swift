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
}
