import Foundation
import Testing
@testable import EtudeCore

/// A count with `items:` is computed from its list, and the ```items block shows that list.
@Suite struct ItemsTests {
    static let figures = """
    sources:
      s1: { title: "Source d’essai" }
    figures:
      steps:
        label: Étapes
        unit: count
        kind: count
        source: s1
        items:
          - "préparer le « terrain »"
          - "agir vite !"
          - "évaluer"
      people: { label: Personnes, value: 12, unit: count, kind: count, source: s1 }
    """

    @Test func theCountIsTheNumberOfItems() throws {
        let page = try TestSupport.renderMarkdown("Les {{ steps }} étapes.\n", figures: Self.figures)
        // Two to nine things are written in words in prose, as French style asks.
        #expect(page.contentHTML.contains(">trois</span> étapes"))
    }

    @Test func theBlockListsTheItemsAsAFrenchEnumeration() throws {
        let page = try TestSupport.renderMarkdown("```items\nfigure: steps\n```\n", figures: Self.figures)
        let n = "\u{202F}"
        #expect(page.contentHTML == """
            <ul class="items" data-figure="steps" title="Source\u{202F}: Source d’essai">
            <li>préparer le «\(n)terrain\(n)»\(n);</li>
            <li>agir vite\(n)!</li>
            <li>évaluer.</li>
            </ul>

            <p class="page-sources">Source des chiffres de cette page\(n): Source d’essai.</p>
            """)
    }

    @Test(arguments: [
        ("```items\n```\n", "content/index.md:4:1: error: the items names no figure; add 'figure: <key of a count with items>'"),
        ("```items\nfigure: people\n```\n", "content/index.md:4:1: error: 'people' has no items to list; give it 'items:' (one '- …' per item) in data/figures.yaml"),
        ("```items\nfigure: steps\nfigures: x\n```\n", "content/index.md:6:1: error: unknown items option 'figures'; did you mean 'figure'? (options: figure)"),
    ])
    func blockErrors(markdown: String, message: String) throws {
        let error = #expect(throws: BuildFailure.self) { try TestSupport.renderMarkdown(markdown, figures: Self.figures) }
        #expect(error?.description == message)
    }

    @Test func itemsMustBeCountsOfCounts() throws {
        let figures = Self.figures.replacingOccurrences(of: "    unit: count\n    kind: count\n    source: s1\n    items:", with: "    unit: percent\n    kind: share\n    source: s1\n    items:")
        let error = #expect(throws: BuildFailure.self) { try TestSupport.renderMarkdown("", figures: figures) }
        #expect(error?.description == "data/figures.yaml:9:5: error: figure 'steps' has 'items': its unit and kind must be 'count'")
    }

    @Test func exportsListTheItems() throws {
        let files = try ExportTests.build(figures: Self.figures)
        #expect(try ExportTests.jsonFigures(files)["steps"]?["items"] as? [String] == ["préparer le « terrain »", "agir vite !", "évaluer"])
        let csv = String(decoding: try #require(files[FigureExport.csvPath]), as: UTF8.self)
        #expect(csv.contains(",préparer le « terrain » ; agir vite ! ; évaluer,"))
    }
}
