import Foundation

/// What a published site has besides its pages: `sitemap.xml`, `robots.txt` pointing to
/// it, and the page a server shows for a missing address, `404.html`.
struct PublishedFiles {
    static let sitemapPath = "sitemap.xml"
    static let robotsPath = "robots.txt"
    static let notFoundPath = "404.html"

    let site: SiteConfig

    /// The one rule for a page's public address: a folder's `index.html` is the folder
    /// itself (`https://…/` for the home page, `https://…/constats/` for a section), as a
    /// server gives it; any other page is its file. Links inside the site keep the file
    /// name, so that the site also works from a folder or `file://`.
    static func canonicalURL(of path: String, base: String) -> String {
        if path == "index.html" { return base }
        if path.hasSuffix("/index.html") { return base + path.dropLast("index.html".count) }
        return base + path
    }

    /// Every built page's canonical address, in reading order. No dates: the same input
    /// gives the same file, and a date the build cannot know would be a guess.
    func sitemap(pages: [RenderedPage]) -> Data {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages {
            xml += "<url><loc>\(HTML.escape(Self.canonicalURL(of: page.page.outputPath, base: site.baseURL)))</loc></url>\n"
        }
        return Data((xml + "</urlset>\n").utf8)
    }

    /// Every crawler welcome, and where the sitemap is. (Crawlers read `robots.txt` only
    /// at the root of a host; under a sub-folder it is harmless.)
    func robots() -> Data {
        Data("User-agent: *\nAllow: /\n\nSitemap: \(site.baseURL)\(Self.sitemapPath)\n".utf8)
    }

    /// The path of `base_url` on its server (`/etude/`): a server shows `404.html` at any
    /// depth, so its links start from there rather than from the page's own folder.
    var serverRoot: String {
        guard let path = URL(string: site.baseURL)?.path, !path.isEmpty else { return "/" }
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// Adds `404.html`, `sitemap.xml` and `robots.txt` to `output` (after the pages, the
    /// assets and the files of `static/`): `404.html` and `robots.txt` only where no page
    /// or file of `static/` is already written.
    /// `reuse` (`etude serve`) gives back `404.html` as an earlier build made it from the same stylesheets, if the pages' context is the same.
    func add(to output: inout OutputFileSet, pages: [RenderedPage], templates: TemplateLibrary, contexts: PageContextBuilder,
             reuse: ((_ stylesheets: [Data?], _ make: () throws -> Data) throws -> Data)? = nil) throws {
        if !output.contains(Self.notFoundPath) {
            let stylesheets = [output.data(at: "assets/style.css"), output.data(at: Branding.cssPath)]
            let make = {
                let styles = inlineStyles(stylesheets[0], then: stylesheets[1])
                let context = contexts.context(for: Self.notFoundPage(language: contexts.language), root: serverRoot, inlineStyles: styles)
                return Data(try templates.render(context, template: "layout").utf8)
            }
            output.add(Self.notFoundPath, try reuse?(stylesheets, make) ?? make(), from: .asset("(built-in) 404.html"))
        }
        output.add(Self.sitemapPath, sitemap(pages: pages), from: .asset("(built-in) sitemap.xml"))
        if !output.contains(Self.robotsPath) {
            output.add(Self.robotsPath, robots(), from: .asset("(built-in) robots.txt"))
        }
    }

    /// The site's stylesheet, to put inside `404.html`; nil (then it is linked) when it
    /// could end the `<style>` element or is not UTF-8.
    func inlineStyles(_ css: Data?, then brand: Data? = nil) -> String? {
        let files = [css, brand].compactMap { $0 }
        let texts = files.compactMap { String(data: $0, encoding: .utf8) }
        guard css != nil, texts.count == files.count, !texts.contains(where: { $0.lowercased().contains("</style") }) else { return nil }
        return texts.map { $0.trimmed(.newlines) }.joined(separator: "\n\n")
    }

    /// The page of `404.html`, rendered with the site's layout like any page.
    static func notFoundPage(language: Language) -> RenderedPage {
        let matter = FrontMatter(title: language.messages(LayoutMessage.notFoundTitle), titleLocation: SourcePosition(line: 1, column: 1))
        let page = Page(sourcePath: "(built-in) 404.html", outputPath: notFoundPath, section: [], isSectionIndex: false,
                        frontMatter: matter, body: "", bodyLineOffset: 0)
        let text = language.typeset(language.messages(LayoutMessage.notFoundText))
        return RenderedPage(page: page, title: matter.title, description: nil, contentHTML: "<p>\(HTML.escape(text))</p>\n",
                            toc: [], figureKeys: [], charts: [])
    }
}
