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
    /// The chapter id of each page, by its output path.
    private let chapterIDs: [String: String]
    /// Chapters rewritten by earlier builds (`etude serve`), by what a rewrite reads.
    var memo: SlotMemo<RewriteInput, String>?
    /// The attributes of each chapter found by earlier builds, found again only where it changed.
    var scans: AttributeScanMemo?

    struct RewriteInput: Equatable {
        var html: String
        var path: String
        var known: Set<String>
    }

    init(pages: [RenderedPage]) {
        self.pages = pages
        known = Set(pages.map(\.page.outputPath))
        chapterIDs = Dictionary(pages.map { ($0.page.outputPath, Self.chapterID($0.page.outputPath)) }) { first, _ in first }
    }

    /// The chapter id of a page: `constats/processus.html` → `chapitre-constats-processus`.
    static func chapterID(_ outputPath: String) -> String {
        "chapitre-" + HeadingIDGenerator.slug(String(outputPath.dropLast(".html".count)).replacingOccurrences(of: "/", with: "-"))
    }

    /// The chapters, in order; those not kept in `memo` rewritten on every core.
    func chapters() -> [Chapter] {
        let outlines = outlines()
        let inputs = pages.map { RewriteInput(html: $0.contentHTML, path: $0.page.outputPath, known: known) }
        let contents = SlotMemo.values(memo, slots: outlines.map(\.id), inputs: inputs) { rewrite(pages[$0].contentHTML, of: pages[$0].page, chapter: outlines[$0].id) }
        return zip(outlines, contents).map { outline, content in
            var chapter = outline
            chapter.contentHTML = content
            return chapter
        }
    }

    /// Each chapter without its content: id, title and sections.
    func outlines() -> [Chapter] {
        pages.map { page in
            let id = chapterIDs[page.page.outputPath] ?? Self.chapterID(page.page.outputPath)
            return Chapter(id: id, title: page.title, contentHTML: "",
                           sections: page.toc.filter { $0.level == 2 }.map { (prefixed($0.id, chapter: id), $0.title) })
        }
    }

    /// The content of the chapters of `pages[indices]`, rewritten on every core (no memo).
    func contents(_ indices: Range<Int>, outlines: [Chapter]) -> [String] {
        ParallelMap.map(Array(indices)) { rewrite(pages[$0].contentHTML, of: pages[$0].page, chapter: outlines[$0].id) }
    }

    /// Figure anchors are already unique across the publication and keep their names.
    private func prefixed(_ id: String, chapter: String) -> String {
        id.hasPrefix("figure-") ? id : "\(chapter)--\(id)"
    }

    private func rewrite(_ html: String, of page: Page, chapter: String) -> String {
        let shifted = HTMLText.replacing((2...5).reversed().flatMap { level in
            [("<h\(level)", "<h\(level + 1)"), ("</h\(level)>", "</h\(level + 1)>")]
        }, in: html)
        return HTMLText.rewriteAttributes(["id", "aria-labelledby", "href", "src"], in: shifted, scans: scans, slot: chapter) { name, value in
            switch name {
            case "id": return value.isEmpty ? nil : prefixed(value, chapter: chapter)
            case "aria-labelledby": return value.split(separator: " ").map { prefixed(String($0), chapter: chapter) }.joined(separator: " ")
            default: return rebased(value, of: page, chapter: chapter)
            }
        }
    }

    /// A link of the page as the report needs it: to a page, its chapter's anchor; to
    /// another file of the site, a path from the report's folder.
    private func rebased(_ link: String, of page: Page, chapter: String) -> String? {
        if link.hasPrefix("#") { return link.count > 1 ? "#" + prefixed(String(link.dropFirst()), chapter: chapter) : nil }
        let (address, fragment) = SitePath.split(link)
        guard !address.isEmpty, !SitePath.isExternal(address), let target = SitePath.resolve(address, from: page.outputPath) else {
            return nil
        }
        let folderIndex = SitePath.folderIndex(target)
        guard let linked = known.contains(target) ? target : known.contains(folderIndex) ? folderIndex : nil else {
            // Another file of the site: the same file, seen from the report at the root.
            return (target.isEmpty ? "./" : target) + (fragment.map { "#" + $0 } ?? "")
        }
        let targetChapter = chapterIDs[linked] ?? Self.chapterID(linked)
        return "#" + (fragment.map { prefixed($0, chapter: targetChapter) } ?? targetChapter)
    }
}
