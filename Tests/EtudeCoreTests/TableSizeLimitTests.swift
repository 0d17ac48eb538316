import Foundation
import Testing
@testable import EtudeCore

/// A table may not expand far beyond what was written (see `TableSizeLimit`).
@Suite struct TableSizeLimitTests {
    func table(columns: Int, rows: Int, prefix: String = "") -> String {
        prefix + "|" + String(repeating: "a|", count: columns) + "\n" + prefix + "|" + String(repeating: "-|", count: columns) + "\n"
            + String(repeating: prefix + "|b\n", count: rows)
    }

    @Test func tableOverTheCellLimitIsAnErrorAtItsFirstLine() {
        let body = "Intro.\n\n" + table(columns: 500, rows: 400) + "\nFin.\n"
        #expect(throws: BuildFailure([Diagnostic(file: "content/exemple.md", line: 6, column: 1, message:
            "this table would have 200 500 cells (500 columns × 401 rows, counting the header and every line up to the next blank line); "
            + "Étude accepts at most 100 000 cells per table: split it into smaller tables, or end it with a blank line")])) {
            try PageBody.render(body)
        }
    }

    /// The case: 4 000 columns over 4 000 rows, both limits passed, both reported.
    @Test func wideAndLongTableGetsBothErrors() {
        #expect(throws: BuildFailure([
            Diagnostic(file: "content/exemple.md", line: 4, column: 1, message:
                "this table row has 4 000 cells; Étude accepts at most 1 000 columns per table: split it into narrower tables"),
            Diagnostic(file: "content/exemple.md", line: 4, column: 1, message:
                "this table would have 16 004 000 cells (4 000 columns × 4 001 rows, counting the header and every line up to the next blank line); "
                + "Étude accepts at most 100 000 cells per table: split it into smaller tables, or end it with a blank line"),
        ])) {
            try PageBody.render(table(columns: 4000, rows: 4000))
        }
    }

    @Test func rowOverTheColumnLimitIsAnErrorAtThatRow() {
        let body = "| a | b |\n|---|---|\n| 1 | 2 |\n|" + String(repeating: "x|", count: 1500) + "\n"
        #expect(throws: BuildFailure([Diagnostic(file: "content/exemple.md", line: 7, column: 1, message:
            "this table row has 1 500 cells; Étude accepts at most 1 000 columns per table: split it into narrower tables")])) {
            try PageBody.render(body)
        }
    }

    @Test func oneColumnTableWithoutPipesCounts() {
        // `:-:` alone is a delimiter row: libcmark-gfm would split the wide row below.
        let found = TableSizeLimit.oversizedTables(in: "Titre\n:-:\n|" + String(repeating: "x|", count: 1500) + "\n")
        #expect(found.flatMap(\.problems).map(\.line) == [3])
        #expect(TableSizeLimit.oversizedTables(in: "Titre\n---\n|" + String(repeating: "x|", count: 1500) + "\n").isEmpty)
    }

    @Test func manyDelimiterRowsUnderAParagraphAreAnError() throws {
        let body = String(repeating: "a|b\n:-:\n", count: 150)
        #expect(throws: BuildFailure([Diagnostic(file: "content/exemple.md", line: 205, column: 1, message:
            "too many lines like a table's delimiter row (such as '|---|' or ':-:') since the last blank line: "
            + "this one is over the 100 Étude accepts, as each makes libcmark-gfm read the paragraph above again; "
            + "add blank lines, or write a backslash before the line's first character")])) {
            try PageBody.render(body)
        }
        // With blank lines between them, or escaped, they cost nothing.
        #expect(TableSizeLimit.oversizedTables(in: String(repeating: "a|b\n:-:\n\n", count: 150)).isEmpty)
        #expect(TableSizeLimit.oversizedTables(in: String(repeating: "a|b\n\\:-:\n", count: 150)).isEmpty)
        #expect(try PageBody.render(String(repeating: "a|b\n:-:\n", count: 100)).contentHTML.hasPrefix("<p>a|b\n:-:"))
    }

    @Test func aLaterDelimiterRowOfTheBlockCounts() {
        // `a|b` does not fit `:-:`, so the paragraph goes on and the wide table starts later.
        let body = "a|b\n:-:\n" + table(columns: 1000, rows: 4000)
        #expect(TableSizeLimit.oversizedTables(in: body).map(\.cells) == [1000 * 4003])
    }

    @Test func everyLineEndingCounts() {
        // cmark ends a line at \n, \r\n or a lone \r.
        for ending in ["\r", "\r\n"] {
            let body = table(columns: 500, rows: 400).replacingOccurrences(of: "\n", with: ending)
            #expect(TableSizeLimit.oversizedTables(in: "Intro." + ending + ending + body).flatMap(\.problems).map(\.line) == [3])
        }
    }

    @Test func everyOversizedTableIsReported() {
        let body = table(columns: 400, rows: 300) + "\n" + table(columns: 2000, rows: 1) + "\n> " + table(columns: 300, rows: 400, prefix: "> ")
        let found = TableSizeLimit.oversizedTables(in: body)
        #expect(found.flatMap(\.problems).map(\.line) == [1, 304, 308])
        #expect(found.flatMap(\.problems).map { $0.message.prefix(15) } == ["this table woul", "this table row ", "this table woul"])
    }

    @Test func tablesUnderTheLimitsAndLookAlikesPass() {
        // At the limit exactly; fenced code; a blank line ending the table; a thematic break.
        let atLimit = table(columns: 1000, rows: 99)
        let fenced = "```\n" + table(columns: 2000, rows: 2000) + "```\n"
        let ended = table(columns: 900, rows: 10) + "\n" + String(repeating: "|b\n", count: 5000)
        let breaks = String(repeating: "a\n---\n", count: 1000)
        for body in [atLimit, fenced, ended, breaks] {
            #expect(TableSizeLimit.oversizedTables(in: body).isEmpty)
        }
    }

    @Test func numbersAreGrouped() {
        #expect(MarkdownLines.grouped(16_000_000) == "16 000 000")
        #expect(MarkdownLines.grouped(999) == "999")
        #expect(MarkdownLines.grouped(1000) == "1 000")
    }
}
