import Foundation
import Testing
@testable import EtudeCore

/// sitemap.xml, robots.txt, 404.html, canonical addresses and the link to the PDF.
@Suite(.serialized) struct PublishedFilesTests {
    static let publish = Project(directory: TestSupport.fixtures.appendingPathComponent("publish/project"))
    static let schema = TestSupport.fixtures.appendingPathComponent("schemas/sitemap-0.9.xsd")
    static let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/opt/homebrew/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test func canonicalAddressOfAFolderIndexIsItsFolder() {
        let base = "https://example.org/etude/"
        #expect(PublishedFiles.canonicalURL(of: "index.html", base: base) == "https://example.org/etude/")
        #expect(PublishedFiles.canonicalURL(of: "constats/index.html", base: base) == "https://example.org/etude/constats/")
        #expect(PublishedFiles.canonicalURL(of: "constats/processus.html", base: base) == "https://example.org/etude/constats/processus.html")
        #expect(PublishedFiles.canonicalURL(of: "a-propos.html", base: base) == "https://example.org/etude/a-propos.html")
    }

    @Test func sitemapListsEveryBuiltPageByItsCanonicalAddress() throws {
        let files = try SiteBuilder(project: Self.publish).render().files
        let sitemap = String(decoding: try #require(files["sitemap.xml"]), as: UTF8.self)
        #expect(sitemap == """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc>https://essai.example.org/</loc></url>
            <url><loc>https://essai.example.org/guide/</loc></url>
            <url><loc>https://essai.example.org/guide/premiers-pas.html</loc></url>
            <url><loc>https://essai.example.org/guide/themes.html</loc></url>
            <url><loc>https://essai.example.org/guide/annexe.html</loc></url>
            </urlset>

            """)
        let guide = String(decoding: try #require(files["guide/index.html"]), as: UTF8.self)
        #expect(guide.contains("<link rel=\"canonical\" href=\"https://essai.example.org/guide/\">"))
    }

    @Test(.enabled(if: xmllint != nil, "xmllint is not installed"), arguments: ["publish", "default"])
    func sitemapIsValidAgainstTheSitemapSchema(project name: String) throws {
        let project = name == "default" ? TestSupport.repositoryRoot : TestSupport.fixtures.appendingPathComponent("\(name)/project")
        let files = try SiteBuilder(project: Project(directory: project)).render().files
        let sitemap = try TestSupport.temporaryDirectory().appendingPathComponent("sitemap.xml")
        try #require(files["sitemap.xml"]).write(to: sitemap)
        let result = try TestSupport.run(URL(fileURLWithPath: try #require(Self.xmllint)), ["--noout", "--schema", Self.schema.path, sitemap.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasSuffix("validates\n"))
    }

    @Test func robotsPointsToTheSitemapUnlessStaticHasOne() throws {
        let files = try SiteBuilder(project: Self.publish).render().files
        #expect(String(decoding: try #require(files["robots.txt"]), as: UTF8.self)
            == "User-agent: *\nAllow: /\n\nSitemap: https://essai.example.org/sitemap.xml\n")
        let project = try TestSupport.makeProject([
            "data/site.yaml": TestSupport.minimalSite, "data/figures.yaml": "",
            "content/index.md": "---\ntitle: Essai\n---\nTexte.\n", "static/robots.txt": "User-agent: *\nDisallow: /\n",
        ])
        let own = try SiteBuilder(project: Project(directory: project)).render().files
        #expect(own["robots.txt"] == Data("User-agent: *\nDisallow: /\n".utf8))
    }

    /// A server shows 404.html at any depth: its links start from the path of base_url.
    @Test func notFoundPageHasTheSiteLookAndLinksFromTheServerRoot() throws {
        let project = try TestSupport.makeProject([
            "data/site.yaml": TestSupport.minimalSite, "data/figures.yaml": "",
            "content/index.md": "---\ntitle: Essai\n---\nTexte.\n",
        ])
        let files = try SiteBuilder(project: Project(directory: project)).render().files
        let page = String(decoding: try #require(files["404.html"]), as: UTF8.self)
        #expect(page.contains("<style>\n/*\n * Étude — default theme stylesheet"), "the stylesheet is inside the page, so that it has the site's look at any depth")
        #expect(!page.contains("rel=\"stylesheet\""))
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(!page.contains("rel=\"canonical\""))
        #expect(page.contains("<h1 class=\"etude-page__title\">Page introuvable</h1>"))
        #expect(page.contains("href=\"/essai/index.html\""))
        #expect(!String(decoding: try #require(files["sitemap.xml"]), as: UTF8.self).contains("404"))
    }

    @Test func aPageOfTheProjectReplacesTheNotFoundPage() throws {
        let project = try TestSupport.makeProject([
            "data/site.yaml": TestSupport.minimalSite, "data/figures.yaml": "",
            "content/index.md": "---\ntitle: Essai\n---\nTexte.\n", "static/404.html": "<!doctype html><title>Perdu</title>\n",
        ])
        let files = try SiteBuilder(project: Project(directory: project)).render().files
        #expect(files["404.html"] == Data("<!doctype html><title>Perdu</title>\n".utf8))
    }

    @Test func pagesLinkToThePDFOnlyWhenItIsThere() throws {
        let plain = try SiteBuilder(project: Self.publish).render().files
        #expect(!String(decoding: try #require(plain["index.html"]), as: UTF8.self).contains("rapport.pdf"))
        let linked = try SiteBuilder(project: Self.publish).render(linkingPDF: true).files
        for path in ["index.html", "guide/premiers-pas.html"] {
            #expect(String(decoding: try #require(linked[path]), as: UTF8.self).contains("type=\"application/pdf\">Rapport en PDF</a>"), "\(path)")
        }
        #expect(plain["rapport.html"] == linked["rapport.html"], "the report does not change with the link, so a printed PDF stays current")
    }

    /// After `etude pdf`, a build that keeps the PDF (same report) still links to it; one
    /// that removes it as stale does not.
    @Test func rebuildLinksToAPDFItKeeps() throws {
        let project = try TestSupport.makeProject([
            "data/site.yaml": TestSupport.minimalSite, "data/figures.yaml": "",
            "content/index.md": "---\ntitle: Essai\n---\nTexte.\n",
        ])
        let output = project.appendingPathComponent("output")
        let builder = SiteBuilder(project: Project(directory: project))
        try builder.build(into: output, printsReport: true) { staged in
            try Data("%PDF-1.4\n".utf8).write(to: staged.appendingPathComponent("rapport.pdf"))
        }
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8).contains("rapport.pdf"))
        try builder.build(into: output)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("rapport.pdf").path))
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8).contains("rapport.pdf"))
        try Data("---\ntitle: Essai\n---\nAutre texte.\n".utf8).write(to: project.appendingPathComponent("content/index.md"))
        let result = try builder.build(into: output)
        #expect(result.removedStale == ["rapport.pdf"])
        #expect(try !String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8).contains("rapport.pdf"))
    }

    /// `etude pdf` (with a stand-in for Chromium that writes a PDF), then `etude build`:
    /// every page links to the PDF, and still does after the rebuild that keeps it.
    @Test func pdfCommandLinksEveryPageToThePDF() throws {
        let fake = try TestSupport.makeProject(["chromium": """
            #!/bin/sh
            for argument in "$@"; do
              case "$argument" in --print-to-pdf=*) printf '%%PDF-1.4\\n' > "${argument#--print-to-pdf=}";; esac
            done

            """]).appendingPathComponent("chromium")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let output = try TestSupport.temporaryDirectory().appendingPathComponent("out")
        let project = Self.publish.directory.path
        let printed = try TestSupport.runEtude(["pdf", "--project", project, "--output", output.path, "--chromium", fake.path])
        #expect(printed.status == 0, "\(printed.stderr)")
        for path in ["index.html", "guide/index.html", "guide/annexe.html"] {
            let html = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            #expect(html.contains("href=\"\(path.contains("/") ? "../" : "")rapport.pdf\" type=\"application/pdf\">Rapport en PDF</a>"), "\(path)")
        }
        let rebuilt = try TestSupport.runEtude(["build", "--project", project, "--output", output.path])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8).contains("Rapport en PDF"))
    }
}
