import Foundation
import Testing
@testable import EtudeCore

@Suite struct ReportTests {
    func report() throws -> String {
        let project = try TestSupport.makeProject([
            "data/site.yaml": TestSupport.minimalSite + "cover:\n  - \"{{ people | respondents }}\"\n",
            "data/figures.yaml": ChartTests.figures(40, 70) + "\n  people: { label: Personnes, value: 200, unit: respondents, kind: count, source: s1 }\n",
            "content/index.md": "---\ntitle: Accueil\norder: 1\n---\n## Début\n\nVoir [la suite](guide/a.html#detail) et une note[^n].\n\n```chart\nfigure: choice\ntitle: Un\n```\n\n[^n]: Note.\n",
            "content/guide/a.md": "---\ntitle: Suite\norder: 2\n---\n## Détail\n\nRetour à [l’accueil](../index.html), une note[^n].\n\n```chart\nfigure: reasons\ntitle: Deux\n```\n\n[^n]: Autre note.\n",
        ])
        let files = try SiteBuilder(project: Project(directory: project)).render().files
        return String(decoding: try #require(files["rapport.html"]), as: UTF8.self)
    }

    /// `report: { sections: [...] }`: the pages at the root of content/ and those of the
    /// sections listed, sub-folders included; a link to a page left out leads to the site.
    @Test func theReportHoldsOnlyTheSectionsChosen() throws {
        let page = { (title: String, order: Int, body: String) in "---\ntitle: \(title)\norder: \(order)\n---\n\(body)\n" }
        let project = try TestSupport.makeProject([
            "data/site.yaml": TestSupport.minimalSite + "report:\n  sections: [constats, annexes/2018/]\n",
            "data/figures.yaml": "figures: {}\n",
            "content/index.md": page("Accueil", 1, "Voir [la méthode](methode/index.html)."),
            "content/methode/index.md": page("Méthode", 2, "La méthode."),
            "content/constats/index.md": page("Constats", 3, "Les constats."),
            "content/constats/detail/a.md": page("Détail", 4, "Un détail."),
            "content/annexes/2017.md": page("Annexe 2017", 5, "Ancienne."),
            "content/annexes/2018/b.md": page("Annexe 2018", 6, "Récente."),
        ])
        let files = try SiteBuilder(project: Project(directory: project)).render().files
        let html = String(decoding: try #require(files["rapport.html"]), as: UTF8.self)
        let chapters = html.matches(of: /id="(chapitre-[a-z0-9-]+)"/).map { String($0.output.1) }.filter { !$0.hasSuffix("-titre") }
        #expect(chapters == ["chapitre-index", "chapitre-constats-index", "chapitre-constats-detail-a", "chapitre-annexes-2018-b"])
        #expect(html.contains("href=\"methode/index.html\""))
        #expect(files["methode/index.html"] != nil && files["annexes/2017.html"] != nil, "the site keeps every page")
    }

    @Test func chaptersInMenuOrderWithUniqueIdsAndInPageLinks() throws {
        let html = try report()
        #expect(html.contains("<p>200\u{00A0}répondants</p>"))
        let accueil = try #require(html.range(of: "id=\"chapitre-index\""))
        let suite = try #require(html.range(of: "id=\"chapitre-guide-a\""))
        #expect(accueil.lowerBound < suite.lowerBound)
        #expect(html.contains("<h3 id=\"chapitre-index--debut\">"))
        #expect(html.contains("href=\"#chapitre-guide-a--detail\""))
        #expect(html.contains("href=\"#chapitre-index\""))
        let ids = html.matches(of: /\sid="([^"]+)"/).map { String($0.output.1) }
        #expect(ids.count == Set(ids).count, "duplicate ids: \(ids)")
        // Figure numbers are the site's.
        #expect(html.contains("id=\"figure-1\"") && html.contains("Figure 2\u{202F}:</span> Deux"))
    }

    /// One file that stands alone: the theme's styles inlined, no script, nothing external to load.
    @Test func selfContainedWithInlineStylesAndNoScript() throws {
        let html = try report()
        #expect(!html.contains("<link rel=\"stylesheet\""))
        #expect(!html.contains("<script"))
        #expect(html.contains("<style>\n/* assets/style.css */"))
        #expect(html.contains("/* assets/report.css */"))
        #expect(html.contains("@page"))
        #expect(html.matches(of: /\ssrc="/).isEmpty)
    }

    @Test func aStylesheetThatWouldCloseTheStyleElementIsAnError() throws {
        let project = try TestSupport.makeProject([
            "data/site.yaml": TestSupport.minimalSite,
            "content/index.md": "---\ntitle: Accueil\n---\nBonjour.\n",
            "templates/assets/report.css": "body { color: red } </style><script>x</script>\n",
        ])
        let error = #expect(throws: Diagnostic.self) { try SiteBuilder(project: Project(directory: project)).render() }
        #expect(error?.description == "assets/report.css: error: the stylesheet contains '</style', which would end the report's inline styles; remove it")
    }

    /// The running title printed atop each page is the project's title, not the theme's.
    @Test func runningTitleIsTheSiteTitle() throws {
        let html = try report()
        #expect(html.contains("/* Running title: the site title; page numbers in the site's language. */\n@page {\n  @top-center {\n    content: \"Site d’essai\";\n  }\n\n"
            + "  @bottom-center {\n    content: \"Page \" counter(page) \" sur \" counter(pages);\n  }\n}\n</style>"))
        #expect(ReportBuilder.pageNumberContent("Page {page} of {pages}") == "\"Page \" counter(page) \" of \" counter(pages)")
        #expect(ReportBuilder.pageNumberContent("{page} / {pages}") == "counter(page) \" / \" counter(pages)")
        #expect(ReportBuilder.cssString("Un \"titre\" \\ </style>") == "\"Un \\\"titre\\\" \\\\ \\3C /style>\"")
    }
}
