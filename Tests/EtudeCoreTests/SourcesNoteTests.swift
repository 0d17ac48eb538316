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
        #expect(files["dossier/methode.html"]?.contains("<p class=\"page-sources\">Source des chiffres de cette page\u{202F}: <a href=\"#source-q1\">Question 1</a>.</p>") == true)
        #expect(files["dossier/vide.html"]?.contains("page-sources") == false)
        #expect(files["rapport.html"]?.contains("<a href=\"#chapitre-dossier-methode--source-q2\">Question 2</a>") == true)
    }

    @Test func withoutASourcesSectionTheSourcesAreNamedUnlinked() throws {
        let files = try Self.build(["index.md": "---\ntitle: Accueil\n---\n{{ a }}\n"])
        #expect(files["index.html"]?.contains("<p class=\"page-sources\">Source des chiffres de cette page\u{202F}: Question 1.</p>") == true)
    }
}
