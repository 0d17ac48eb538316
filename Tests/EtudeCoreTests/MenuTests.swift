import Foundation
import Testing
@testable import EtudeCore

/// Menu labels, hidden pages, drafts, links of data/site.yaml and the pages block
/// (the whole output is in the `publish` golden fixture).
@Suite struct MenuTests {
    static let project = Project(directory: TestSupport.fixtures.appendingPathComponent("publish/project"))

    @Test func menuHoldsLabelsAndLinksButNotHiddenPagesOrDrafts() throws {
        let result = try SiteBuilder(project: Self.project).render()
        let navigation = Navigation(pages: result.pages, links: try SiteConfig.load(from: Self.project.directory).menuLinks)
        #expect(navigation.items.map(\.title) == ["Accueil de la publication", "Le guide de la publication", "Le questionnaire (PDF)", "L’organisme d’essai"])
        #expect(navigation.items[1].children.map(\.title) == ["Premiers pas", "Le thème"])
        #expect(navigation.readingOrder == ["index.html", "guide/index.html", "guide/premiers-pas.html", "guide/themes.html"])
        #expect(result.files["guide/annexe.html"] != nil, "a hidden page is still built")
        #expect(result.files["brouillon.html"] == nil, "a draft is not built")
    }

    @Test func draftsAreBuiltWhenAskedFor() throws {
        let files = try SiteBuilder(project: Self.project, includeDrafts: true).render().files
        #expect(files["brouillon.html"] != nil)
    }

    @Test func draftsFlagOnTheCommandLine() throws {
        for (arguments, pages) in [([String](), 5), (["--drafts"], 6)] {
            let result = try TestSupport.runEtude(["check", "--project", Self.project.directory.path] + arguments)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.hasPrefix("Checked \(pages) pages"))
        }
    }

    @Test func hiddenSectionIndexHidesItsSection() throws {
        let project = try TestSupport.makeProject([
            "data/site.yaml": TestSupport.minimalSite, "data/figures.yaml": "",
            "content/index.md": "---\ntitle: Accueil\n---\nVoir l’[archive](archive/index.html).\n",
            "content/archive/index.md": "---\ntitle: Archive\nhidden: true\n---\n```pages\n```\n",
            "content/archive/vieux.md": "---\ntitle: Vieux\ndescription: Une vieille page.\n---\nTexte.\n",
        ])
        let result = try SiteBuilder(project: Project(directory: project)).render()
        #expect(Navigation(pages: result.pages).items.map(\.title) == ["Accueil"])
        let archive = String(decoding: try #require(result.files["archive/index.html"]), as: UTF8.self)
        #expect(!archive.contains("page-list"), "hidden pages are not listed, as in the menu")
    }
}
