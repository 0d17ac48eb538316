/// The note that closes a page whose prose cites figures: the sources they come from,
/// each linked to its entry in « Sources et méthode », so that the provenance of every
/// number is visible on screen and in print, not only in a `title` attribute.
enum PageSourcesNote {
    /// Adds the note to each page that cites figures in its prose.
    /// `shown` keeps, from earlier builds (`etude serve`), the figures each page's HTML shows.
    /// `anchors` keeps whether each page's HTML holds « Sources et méthode »; `scans`, the
    /// figures found in it, found again only where it changed.
    static func adding(to pages: [RenderedPage], table: FigureTable, shown: SlotMemo<String, [String]>? = nil,
                       anchors: SlotMemo<String, Bool>? = nil, scans: AttributeScanMemo? = nil) -> [RenderedPage] {
        let holdsSources = { (page: RenderedPage) in
            // The bytes of the id the block writes, as an HTML parser reads them (a search by
            // characters, through an NSString, took half of this on the page that holds it).
            let find = { ByteSearch.bytes(of: SourcesBlock.anchor, occurIn: page.contentHTML) }
            return anchors?.value(page.page.outputPath, for: page.contentHTML, make: find) ?? find()
        }
        let sourcesPage = pages.first(where: holdsSources)?.page.outputPath
        // Every figure each page shows, in prose or in a block (chart, table, list), in order:
        // found on every core where not kept (the scans' memo locks its slots).
        var shownKeys = pages.map { shown?.kept($0.page.outputPath, for: $0.contentHTML) }
        let missing = shownKeys.indices.filter { shownKeys[$0] == nil }
        for (index, keys) in zip(missing, ParallelMap.map(missing) { index in
            let page = pages[index]
            return (scans?.attributes(["data-figure"], in: page.contentHTML, slot: page.page.outputPath) ?? HTMLText.attributes(["data-figure"], in: page.contentHTML)).map(\.value)
        }) {
            shownKeys[index] = keys
            shown?.keep(keys, pages[index].page.outputPath, for: pages[index].contentHTML)
        }
        return zip(pages, shownKeys).map { page, keys in
            var page = page
            if let note = html(for: page, showing: keys ?? [], table: table, sourcesPage: sourcesPage) { page.contentHTML += "\n" + note }
            return page
        }
    }

    /// The note of `page`, which shows the figures `keys`.
    static func html(for page: RenderedPage, showing keys: [String], table: FigureTable, sourcesPage: String?) -> String? {
        var seen = Set<String>()
        let sources = keys.flatMap { table.sources(of: $0) }.filter { seen.insert($0.id).inserted }
        guard !sources.isEmpty else { return nil }
        let items = sources.map { source -> String in
            let title = HTML.escape(table.language.typeset(source.title))
            guard let sourcesPage else { return title }
            let path = sourcesPage == page.page.outputPath ? "" : SitePath.relative(to: sourcesPage, from: page.page.outputPath)
            return "<a href=\"\(path)#\(SourcesBlock.sourceID(source.id))\">\(title)</a>"
        }
        let messages = table.language.messages
        let list = items.joined(separator: HTML.escape(messages(SourcesMessage.pageSeparator)))
        return "<p class=\"page-sources\">" + messages.html(sources.count == 1 ? SourcesMessage.pageOne : .pageOther, ["sources": list]) + "</p>"
    }
}
