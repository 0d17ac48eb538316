import Foundation
import Testing
@testable import EtudeCore

/// One example of the GFM spec files: Markdown and where it is written.
struct ConformanceExample {
    var name: String
    var markdown: String

    /// The examples of a spec file: the blocks `example` … `.` … between fences of 32
    /// backticks; `→` stands for a tab.
    static func examples(in file: String) throws -> [ConformanceExample] {
        let url = TestSupport.fixtures.appendingPathComponent("conformance/\(file)")
        let fence = String(repeating: "`", count: 32)
        var examples: [ConformanceExample] = []
        var markdown: [Substring]?
        var inHTML = false
        var start = 0
        for (number, line) in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if markdown == nil {
                if line.hasPrefix(fence + " example") { (markdown, inHTML, start) = ([], false, number + 1) }
            } else if line == fence {
                let text = markdown!.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t")
                examples.append(ConformanceExample(name: "\(file):\(start)", markdown: text))
                markdown = nil
            } else if line == "." && !inHTML {
                inHTML = true
            } else if !inHTML {
                markdown!.append(line)
            }
        }
        return examples
    }
}

/// A rewriter that changes nothing: libcmark-gfm's own output under Étude's options.
struct PlainRewriter: MarkdownRewriter {
    mutating func rewriteText(_ text: String, at location: SourcePosition, insideLink: Bool) throws -> String { text }
    mutating func replaceCodeBlock(info: String, content: String, at location: SourcePosition) throws -> String? { nil }
    mutating func markHeading(level: Int, plainText: String, at location: SourcePosition) throws -> String { "" }
}

/// Builds Markdown as the body of an Étude page, with no figures and no blocks, and
/// without writing a project to disk.
enum PageBody {
    static var renderer: PageRenderer { PageRenderer(table: FigureTable(dataset: Dataset()), blocks: []) }

    /// `content/exemple.md`, whose body starts after three lines of front matter.
    static func page(_ markdown: String) -> Page {
        Page(
            sourcePath: "content/exemple.md", outputPath: "exemple.html", section: [], isSectionIndex: false,
            frontMatter: FrontMatter(title: "Exemple", titleLocation: SourcePosition(line: 2, column: 8)),
            body: markdown, bodyLineOffset: 3)
    }

    static func render(_ markdown: String) throws -> RenderedPage {
        try renderer.render([page(markdown)])[0]
    }
}

/// Every difference Étude makes on purpose to libcmark-gfm's HTML, in one place.
enum ConformanceNormalisation {
    /// Examples whose difference is intended and not covered by `normalised`, with why.
    static let knownDifferences: [String: String] = [:]

    /// HTML with Étude's deliberate changes undone, applied to both outputs:
    /// - headings get an `id` (Étude's anchors for the table of contents);
    /// - French quotes « » stand for “ ” (and “ ” nest inside « »);
    /// - a narrow no-break space (U+202F) goes before `; : ! ? %` and `»`, after `«`, and a
    ///   no-break space (U+00A0) between a number and the word after it, where the writer
    ///   typed a space or none: spaces next to those marks are not compared.
    /// Straight quotes, apostrophes and the text of autolinks are compared as they are.
    static func normalised(_ html: String) -> String {
        var text = html.replacing(/<h([1-6]) id="[^"]*">/) { "<h\($0.output.1)>" }
        text = text.replacingOccurrences(of: "«", with: "“").replacingOccurrences(of: "»", with: "”")
            .replacingOccurrences(of: "\u{202F}", with: "").replacingOccurrences(of: "\u{00A0}", with: " ")
        return text.replacing(/\ +([;:!?%”])/) { String($0.output.1) }.replacing(/“ +/) { _ in "“" }
    }
}

/// The GFM spec's examples, each built as an Étude page body, give libcmark-gfm's own HTML
/// under the same options, once the typography Étude adds is set aside.
@Suite struct ConformanceTests {
    static let files = ["spec.txt", "extensions.txt", "regression.txt", "smart_punct.txt"]

    @Test func everyExampleMatchesLibcmarkGFM() throws {
        var run = 0
        var mismatches: [String] = []
        for file in Self.files {
            for example in try ConformanceExample.examples(in: file) {
                run += 1
                var plain = PlainRewriter()
                let expected = try MarkdownRenderer.render(example.markdown, rewriter: &plain)
                let actual: String
                do {
                    actual = try PageBody.render(example.markdown).contentHTML
                } catch {
                    actual = "build failed: \(error)"
                }
                let matches = ConformanceNormalisation.normalised(actual) == ConformanceNormalisation.normalised(expected)
                if matches == (ConformanceNormalisation.knownDifferences[example.name] != nil) {
                    mismatches.append("\(example.name)\n\(example.markdown)--- libcmark-gfm\n\(expected)--- Étude\n\(actual)")
                }
            }
        }
        #expect(run == 736)
        #expect(mismatches.isEmpty, "\(mismatches.count) examples differ:\n\n\(mismatches.joined(separator: "\n\n"))")
    }
}
