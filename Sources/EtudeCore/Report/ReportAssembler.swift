/// Turns the site's rendered pages into the chapters of the one-page report: headings one
/// level down, ids made unique across the report, links between pages made in-page anchors.
struct ReportAssembler {
    struct Chapter {
        var id: String
        var title: String
        var contentHTML: String
        var sections: [(id: String, title: String)]
    }

    let pages: [RenderedPage]
    /// Output paths of the pages, the only links made into in-page anchors.
    private let known: Set<String>

    init(pages: [RenderedPage]) {
        self.pages = pages
        known = Set(pages.map(\.page.outputPath))
    }

    /// The chapter id of a page: `constats/processus.html` → `chapitre-constats-processus`.
    static func chapterID(_ outputPath: String) -> String {
        "chapitre-" + HeadingIDGenerator.slug(String(outputPath.dropLast(".html".count)).replacingOccurrences(of: "/", with: "-"))
    }

    func chapters() -> [Chapter] {
        pages.map { page in
            let id = Self.chapterID(page.page.outputPath)
            return Chapter(
                id: id, title: page.title, contentHTML: rewrite(page.contentHTML, of: page.page, chapter: id),
                sections: page.toc.filter { $0.level == 2 }.map { (prefixed($0.id, chapter: id), $0.title) })
        }
    }

    /// Figure anchors are already unique across the publication and keep their names.
    private func prefixed(_ id: String, chapter: String) -> String {
        id.hasPrefix("figure-") ? id : "\(chapter)--\(id)"
    }

    private func rewrite(_ html: String, of page: Page, chapter: String) -> String {
        var result = html
        for level in (2...5).reversed() {
            result = result.replacingOccurrences(of: "<h\(level)", with: "<h\(level + 1)")
                .replacingOccurrences(of: "</h\(level)>", with: "</h\(level + 1)>")
        }
        result = result.replacing(/\ id="([^"]+)"/) { " id=\"\(prefixed(String($0.output.1), chapter: chapter))\"" }
        result = result.replacing(/\ aria-labelledby="([^"]+)"/) { match in
            " aria-labelledby=\"" + match.output.1.split(separator: " ").map { prefixed(String($0), chapter: chapter) }.joined(separator: " ") + "\""
        }
        result = result.replacing(/\ href="#([^"]+)"/) { " href=\"#\(prefixed(String($0.output.1), chapter: chapter))\"" }
        return result.replacing(/\ (href|src)="([^"#]+)(?:#([^"]*))?"/) { match in
            let attribute = match.output.1, link = String(match.output.2)
            guard !SitePath.isExternal(link), let target = SitePath.resolve(link, from: page.outputPath) else {
                return String(match.output.0)
            }
            let folderIndex = (target.isEmpty || target.hasSuffix("/") ? target : target + "/") + "index.html"
            guard let page = known.contains(target) ? target : known.contains(folderIndex) ? folderIndex : nil else {
                // Another file of the site: the same file, seen from the report at the root.
                return " \(attribute)=\"\(target.isEmpty ? "./" : target)\(match.output.3.map { "#\($0)" } ?? "")\""
            }
            let targetChapter = Self.chapterID(page)
            let anchor = match.output.3.map { prefixed(String($0), chapter: targetChapter) } ?? targetChapter
            return " \(attribute)=\"#\(anchor)\""
        }
    }
}
