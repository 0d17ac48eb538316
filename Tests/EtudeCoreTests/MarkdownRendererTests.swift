import Foundation
import Testing
@testable import EtudeCore

/// A rewriter that changes nothing, to test the wrapper alone.
struct IdentityRewriter: MarkdownRewriter {
    var texts: [(String, SourcePosition)] = []
    mutating func rewriteText(_ text: String, at location: SourcePosition, insideLink: Bool) throws -> String {
        texts.append((text, location))
        return text
    }
    mutating func replaceCodeBlock(info: String, content: String, at location: SourcePosition) throws -> String? { nil }
    mutating func markHeading(level: Int, plainText: String, at location: SourcePosition) throws -> String { "" }
}

@Suite struct MarkdownRendererTests {
    func html(_ markdown: String) throws -> String {
        var rewriter = IdentityRewriter()
        return try MarkdownRenderer.render(markdown, rewriter: &rewriter)
    }

    @Test func tablesAreOn() throws {
        let output = try html("| a | b |\n|---|--:|\n| 1 | 2 |\n")
        #expect(output.contains("<table>"))
        #expect(output.contains("<td style=\"text-align: right\">2</td>"))
    }

    @Test func strikethroughAutolinkAndFootnotesAreOn() throws {
        let output = try html("~~vieux~~ voir https://example.org et une note[^1].\n\n[^1]: La note.\n")
        #expect(output.contains("<del>vieux</del>"))
        #expect(output.contains("<a href=\"https://example.org\">https://example.org</a>"))
        #expect(output.contains("class=\"footnotes\""))
        #expect(output.contains("La note."))
        #expect(output.contains("aria-label=\"Retour au texte\">↩</a>"))
        #expect(!output.contains("Back to content"))
    }

    @Test func tagFilterIsOn() throws {
        // Raw HTML is omitted in safe mode; the tag filter is what escapes <title> inside allowed contexts.
        let output = try html("<title>x</title>\n\ntexte <script>alert(1)</script>\n")
        #expect(!output.contains("<script>"))
        #expect(!output.contains("<title>"))
    }

    @Test func smartPunctuation() throws {
        #expect(try html("l'étude -- \"citée\"...\n").contains("l’étude – “citée”…"))
    }

    @Test func textNodesCarrySourcePositions() throws {
        var rewriter = IdentityRewriter()
        _ = try MarkdownRenderer.render("# Titre\n\nUn *mot* ici.\n", lineOffset: 3, rewriter: &rewriter)
        let located = rewriter.texts.first { $0.0 == " ici." }
        #expect(rewriter.texts.first?.1 == SourcePosition(line: 4, column: 3))
        #expect(located?.1.line == 6)
    }

    @Test func codeBlockCanBeReplaced() throws {
        struct Replacer: MarkdownRewriter {
            mutating func rewriteText(_ text: String, at location: SourcePosition, insideLink: Bool) throws -> String { text }
            mutating func replaceCodeBlock(info: String, content: String, at location: SourcePosition) throws -> String? {
                info == "chart" ? "REPLACED(\(content.trimmingCharacters(in: .newlines)))" : nil
            }
            mutating func markHeading(level: Int, plainText: String, at location: SourcePosition) throws -> String { "" }
        }
        var rewriter = Replacer()
        let output = try MarkdownRenderer.render("```chart\nfigure: x\n```\n\n```swift\nlet a = 1\n```\n", rewriter: &rewriter)
        #expect(output.contains("<p>REPLACED(figure: x)</p>"))
        #expect(output.contains("<pre><code class=\"language-swift\">let a = 1\n</code></pre>"))
    }

    /// Every C allocation is freed: rendering many documents must not grow the process.
    @Test func renderingDoesNotLeak() throws {
        // The process's memory is measured: not while the tests that build large sites run.
        TestSupport.heavyWork.lock()
        defer { TestSupport.heavyWork.unlock() }
        let document = String(repeating: "| a | b |\n|---|---|\n| x | ~~y~~ |\n\nUn paragraphe avec une note[^n].\n\n[^n]: Note.\n\n", count: 20)
        func residentPages() throws -> Int {
            let statm = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8)
            return Int(statm.split(separator: " ")[1])!
        }
        for _ in 0..<200 { _ = try html(document) }
        let before = try residentPages()
        for _ in 0..<10_000 { _ = try html(document) }
        let grownKiB = (try residentPages() - before) * 4
        // Leaking even the rendered HTML alone (about 3 KiB) would add 30 MiB over 10 000 renders,
        // the parse tree far more; other tests running meanwhile account for a few MiB.
        #expect(grownKiB < 24 * 1024, "resident memory grew by \(grownKiB) KiB")
    }
}
