import Foundation
import Testing
@testable import EtudeCore

/// Each page that cites figures ends with the sources they come from, linked to « Sources et méthode ».
@Suite struct SourcesNoteTests {
    static let figures = """
    sources:
      q1: { title: "Question 1" }
      q2: { title: "Question 2" }
    figures:
      a: { label: A, value: 10, unit: count, kind: count, source: q1 }
      b: { label: B, value: 20, unit: count, kind: count, source: q2 }
      c: { label: C, value: 30, unit: count, kind: count, source: q1 }
    """

    static func build(_ pages: [String: String]) throws -> [String: String] {
        var files = ["data/figures.yaml": figures, "data/site.yaml": TestSupport.minimalSite]
        for (path, body) in pages { files["content/" + path] = body }
        let result = try SiteBuilder(project: Project(directory: try TestSupport.makeProject(files))).render()
        return result.files.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test func sourcesInOrderOfFirstCitationLinkedToTheirEntry() throws {
        let files = try Self.build([
            "index.md": "---\ntitle: Accueil\n---\n{{ b }}, {{ a }} et {{ c }}.\n",
            "dossier/methode.md": "---\ntitle: Méthode\n---\n{{ a }}\n\n```sources\n```\n",
            "dossier/vide.md": "---\ntitle: Sans chiffre\n---\nRien.\n",
        ])
        #expect(files["index.html"]?.contains("<p class=\"page-sources\">Sources des chiffres de cette page\u{202F}: <a href=\"dossier/methode.html#source-q2\">Question 2</a>\u{202F}; <a href=\"dossier/methode.html#source-q1\">Question 1</a>.</p>") == true)
        // The sources table shows every figure: its page names every source.
        #expect(files["dossier/methode.html"]?.contains("<p class=\"page-sources\">Sources des chiffres de cette page\u{202F}: <a href=\"#source-q1\">Question 1</a>\u{202F}; <a href=\"#source-q2\">Question 2</a>.</p>") == true)
        #expect(files["dossier/vide.html"]?.contains("page-sources") == false)
        #expect(files["rapport.html"]?.contains("<a href=\"#chapitre-dossier-methode--source-q2\">Question 2</a>") == true)
    }

    /// Counts of the catalogue come from the slides of their categories; a chart from its group's.
    @Test func catalogueCountsAndChartsNameTheirSources() throws {
        var files = ["data/figures.yaml": Self.figures.replacingOccurrences(of: "figures:\n", with: """
            figures:
              g:
                label: G
                kind: split
                unit: percent
                source: q2
                parts:
                  x: { label: X, value: 60 }
                  y: { label: Y, value: 40 }

            """), "data/site.yaml": TestSupport.minimalSite]
        files["data/examples.yaml"] = """
            families:
              f: { label: F, description: D, source: q1 }
            categories:
              c1: { family: f, label: C1, source: q1 }
              c2: { family: f, label: C2, source: q2 }
            examples:
              - { category: c2, title: T, text: X }
            """
        files["content/index.md"] = "---\ntitle: Accueil\n---\n{{ examples.total }} exemples.\n"
        files["content/graphique.md"] = "---\ntitle: Graphique\n---\n```chart\nfigure: g\ntitle: G\n```\n"
        let result = try SiteBuilder(project: Project(directory: try TestSupport.makeProject(files))).render()
        let html = { (path: String) in String(decoding: result.files[path] ?? Data(), as: UTF8.self) }
        #expect(html("index.html").contains("Sources des chiffres de cette page\u{202F}: Question 1\u{202F}; Question 2.</p>"))
        #expect(html("graphique.html").contains("Source des chiffres de cette page\u{202F}: Question 2.</p>"))
    }

    @Test func withoutASourcesSectionTheSourcesAreNamedUnlinked() throws {
        let files = try Self.build(["index.md": "---\ntitle: Accueil\n---\n{{ a }}\n"])
        #expect(files["index.html"]?.contains("<p class=\"page-sources\">Source des chiffres de cette page\u{202F}: Question 1.</p>") == true)
    }
}
