import Foundation
import Testing
@testable import EtudeCore

/// Every page builds in time roughly linear in its size, whatever it holds: building a
/// body four times larger may take about four times longer, never sixteen (quadratic).
/// Timings are the best of three runs; the bounds are loose (2.5 times the growth of the
/// size), to hold on a busy machine.
@Suite(.serialized) struct LinearTimeTests {
    /// Renders the page and looks for figures typed by hand, as a build does.
    static func build(_ markdown: String) {
        _ = try? PageBody.render(markdown)
        _ = LiteralFigureFinder(table: FigureTable(dataset: Dataset())).warnings(in: [PageBody.page(markdown)])
    }

    static func seconds(_ markdown: String, runs: Int = 3) -> Double {
        (0..<runs).map { _ in
            let start = ContinuousClock.now
            build(markdown)
            let elapsed = ContinuousClock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }.min()!
    }

    /// The time of an ordinary 100 KB page in this run: absolute bounds below grow with it,
    /// so that a loaded machine (where it takes longer too) does not fail them, while a
    /// quadratic cost, seconds to minutes, still does.
    static let reference: Double = seconds(String(repeating: "Un texte ordinaire, sans rien de particulier. ", count: 2_200), runs: 3)

    /// `limit` seconds on an idle machine, more on a loaded one.
    static func bound(_ limit: Double) -> Double { max(limit, 100 * reference) }

    static let cases: [(name: String, n: Int, make: @Sendable (Int) -> String)] = [
        ("identical headings", 1000, { String(repeating: "## A\n", count: $0) }),
        ("headings named like numbered ones", 250, { n in (0..<n).map { "## a-\($0 % 50)\n\n## a\n\n" }.joined() }),
        ("footnotes", 250, { n in (0..<n).map { "Texte[^\($0)].\n\n[^\($0)]: Note.\n\n" }.joined() }),
        ("one footnote called many times", 1000, { String(repeating: "x[^a] ", count: $0) + "\n\n[^a]: Note.\n" }),
        ("link reference definitions", 500, { n in (0..<n).map { "[l\($0)]: https://example.org/\($0)\n" }.joined() + "\n" + (0..<n).map { "[l\($0)] " }.joined() }),
        ("nested block quotes", 2000, { String(repeating: ">", count: $0) + " a\n" }),
        ("nested lists", 60, { n in (0..<n).map { String(repeating: "  ", count: $0) + "- a\n" }.joined() }),
        ("unclosed references on one line", 500, { String(repeating: "{{ 1 ", count: $0) }),
        ("unclosed tags on one line", 500, { String(repeating: "<1 ", count: $0) }),
        ("unclosed link destinations on one line", 500, { String(repeating: "](1 ", count: $0) }),
        ("a long number before a slash", 5000, { String(repeating: "1", count: $0) + " /x" }),
        ("fractions and numbers on one line", 500, { String(repeating: "1/2 3 ", count: $0) }),
        ("many rows of a wide table", 20, { n in "|" + String(repeating: " a |", count: 200) + "\n|" + String(repeating: "-|", count: 200) + "\n" + String(repeating: "| b " + String(repeating: "| c ", count: 199) + "|\n", count: n) }),
        ("many tables", 100, { n in String(repeating: "| a | b |\n|---|---|\n| 1 | 2 |\n\n", count: n) }),
        ("private-use characters like placeholder tokens", 2000, { String(repeating: "\u{E000}", count: $0) + "`" + String(repeating: "\u{E000}1", count: $0) + "\u{E001}`" }),
        ("anchors to many headings", 250, { n in (0..<n).map { "## T\($0)\n\n[a](#t\($0)) [b](exemple.html#t\($0))\n\n" }.joined() }),
        ("paragraphs of quotes", 4, { n in String(repeating: String(repeating: "'a\" ", count: 2000) + "\n\n", count: n) }),
        ("paragraphs of images around links", 4, { n in String(repeating: String(repeating: "![[]()", count: 2000) + "\n\n", count: n) }),
        ("quotes and apostrophes", 3000, { String(repeating: "\"l'a ", count: $0) }),
    ]

    @Test(arguments: cases.indices)
    func buildTimeIsLinear(index: Int) {
        TestSupport.heavyWork.lock()
        defer { TestSupport.heavyWork.unlock() }
        let (name, n, make) = Self.cases[index]
        let (small, large) = (make(n), make(4 * n))
        let (smallTime, largeTime) = (Self.seconds(small), Self.seconds(large))
        let growth = Double(large.utf8.count) / Double(small.utf8.count)
        #expect(largeTime < 2.5 * growth * max(smallTime, 0.03), "\(name): \(smallTime) s for n = \(n), \(largeTime) s for 4n")
        #expect(largeTime < Self.bound(5), "\(name): \(largeTime) s for \(large.utf8.count) bytes")
    }

    /// The cases: 16 000 `## A` (80 KB) took over 30 s; a 4 000-column table over
    /// 4 000 rows (34 KB) ran for minutes, and 2 000 × 2 000 wrote 77 MB.
    @Test func pathologicalPagesFinishQuickly() {
        TestSupport.heavyWork.lock()
        defer { TestSupport.heavyWork.unlock() }
        let headings = String(repeating: "## A\n", count: 16_000)
        #expect(Self.seconds(headings, runs: 1) < Self.bound(5))
        for size in [4000, 2000] {
            let table = "|" + String(repeating: "a|", count: size) + "\n|" + String(repeating: "-|", count: size) + "\n" + String(repeating: "|b\n", count: size)
            #expect(Self.seconds(table, runs: 1) < Self.bound(1))
            #expect(throws: BuildFailure.self) { try PageBody.render(table) }
        }
        // The most lines like delimiter rows accepted, each reading an 80 KB paragraph again.
        let rereads = String(repeating: "a|b\n", count: 20_000) + String(repeating: "a|b\n:-:\n", count: 100)
        let start = ContinuousClock.now
        _ = try? PageBody.render(rereads)
        #expect(ContinuousClock.now - start < .seconds(Self.bound(3)))
        // The most quotes and brackets accepted in one paragraph.
        for paragraph in [String(repeating: "'", count: 20_000), String(repeating: "![[]()", count: 10_000)] {
            let start = ContinuousClock.now
            _ = try? PageBody.render(paragraph)
            #expect(ContinuousClock.now - start < .seconds(Self.bound(3)))
        }
        // A header of 40 000 cells over a delimiter row of one: no table, but cmark splits it.
        #expect(Self.seconds(String(repeating: "a|", count: 40_000) + "\n|-|\n", runs: 1) < Self.bound(1))
    }

    /// The largest tables accepted, written in full, still build quickly.
    @Test func largestAcceptedTablesBuildQuickly() throws {
        for (columns, rows, padded) in [(1000, 99, false), (1000, 99, true), (100, 999, false), (10, 9_999, false)] {
            // A padded table writes one cell a row and lets libcmark-gfm fill in the others.
            let row = "|" + String(repeating: " 1 |", count: columns) + "\n"
            let table = row + "|" + String(repeating: "-|", count: columns) + "\n" + String(repeating: padded ? "| 1 |\n" : row, count: rows)
            let start = ContinuousClock.now
            let html = try PageBody.render(table).contentHTML
            #expect(ContinuousClock.now - start < .seconds(Self.bound(5)), "\(columns) × \(rows + 1), padded: \(padded)")
            #expect(html.contains("<table>"))
        }
    }
}
