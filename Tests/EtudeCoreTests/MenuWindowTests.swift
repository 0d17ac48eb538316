import Foundation
import Testing
@testable import EtudeCore

/// A page's menu lists the open section only, and at most `MenuWindow.limit` of its pages
/// around the current one, then a link to the section's page (which lists them all).
@Suite struct MenuWindowTests {
    /// The hrefs of the menu's sub-list in `html`.
    static func menuChildren(_ html: String) -> [String] {
        guard let start = html.range(of: "<ul class=\"site-nav__sublist\">"),
              let end = html[start.upperBound...].range(of: "</ul>") else { return [] }
        return html[start.upperBound..<end.lowerBound].matches(of: /href="([^"]*)"/).map { String($0.output.1) }
    }

    @Test func aLargeSectionListsAWindowAroundTheCurrentPageThenTheSectionPage() throws {
        var files = ["data/site.yaml": TestSupport.minimalSite, "data/figures.yaml": "",
                     "content/index.md": "---\ntitle: Accueil\n---\nTexte.\n",
                     "content/autre/index.md": "---\ntitle: Autre\norder: 2\n---\nTexte.\n",
                     "content/autre/a.md": "---\ntitle: A\n---\nTexte.\n",
                     "content/grande/index.md": "---\ntitle: Grande\norder: 1\n---\n```pages\n```\n"]
        for page in 0..<40 { files["content/grande/p\(page).md"] = "---\ntitle: Page \(page)\norder: \(page)\n---\nTexte.\n" }
        let result = try SiteBuilder(project: Project(directory: try TestSupport.makeProject(files))).render()
        let html = { (path: String) in String(decoding: result.files[path] ?? Data(), as: UTF8.self) }
        let more = "../grande/index.html"
        #expect(Self.menuChildren(html("grande/p0.html")) == (0..<25).map { "../grande/p\($0).html" } + [more])
        #expect(Self.menuChildren(html("grande/p20.html")) == (8..<33).map { "../grande/p\($0).html" } + [more])
        #expect(Self.menuChildren(html("grande/p39.html")) == (15..<40).map { "../grande/p\($0).html" } + [more])
        #expect(Self.menuChildren(html("grande/index.html")) == (0..<25).map { "../grande/p\($0).html" } + [more])
        #expect(html("grande/p20.html").contains("Toutes les pages de la rubrique (40)"))
        // The section's page still lists every page, and a closed section lists none.
        #expect(html("grande/index.html").components(separatedBy: "page-list__item").count == 41)
        #expect(!html("grande/p20.html").contains("autre/a.html"))
        #expect(Self.menuChildren(html("autre/a.html")) == ["../autre/a.html"])
    }
}
