/// The note that closes a page whose prose cites figures: the sources they come from,
/// each linked to its entry in « Sources et méthode », so that the provenance of every
/// number is visible on screen and in print, not only in a `title` attribute.
enum PageSourcesNote {
    /// Adds the note to each page that cites figures in its prose.
    /// `shown` keeps, from earlier builds (`etude serve`), the figures each page's HTML shows.
    /// `anchors` keeps whether each page's HTML holds « Sources et méthode »; `scans`, the
    /// figures found in it, found again only where it changed; `notes`, each page's note.
    static func adding(to pages: [RenderedPage], table: FigureTable, shown: SlotMemo<String, [String]>? = nil,
                       anchors: SlotMemo<String, Bool>? = nil, scans: AttributeScanMemo? = nil, notes: SlotMemo<NoteInput, String?>? = nil) -> [RenderedPage] {
        let holdsSources = { (page: RenderedPage) in
            // The bytes of the id the block writes, as an HTML parser reads them (a search by
            // characters, through an NSString, took half of this on the page that holds it).
            let find = { ByteSearch.bytes(of: SourcesBlock.anchor, occurIn: page.contentHTML) }
            return anchors?.value(page.page.outputPath, for: page.contentHTML, make: find) ?? find()
        }
        let sourcesPage = pages.first(where: holdsSources)?.page.outputPath
        // Every figure each page shows, in prose or in a block (chart, table, list), in order:
        // found on every core where not kept (the scans' memo locks its slots).
        let shownKeys = SlotMemo.values(shown, slots: pages.map(\.page.outputPath), inputs: pages.map(\.contentHTML)) { index in
            let page = pages[index]
            return (scans?.attributes(["data-figure"], in: page.contentHTML, slot: page.page.outputPath) ?? HTMLText.attributes(["data-figure"], in: page.contentHTML)).map(\.value)
        }
        return zip(pages, shownKeys).map { page, keys in
            var page = page
            if let note = html(for: page, showing: keys, table: table, sourcesPage: sourcesPage, notes: notes) { page.contentHTML += "\n" + note }
            return page
        }
    }

    /// What a page's note is made of, besides the page's path: its sources, the page that
    /// lists them, the language.
    struct NoteInput: Equatable {
        var sources: [[String]]
        var sourcesPage: String?
        var language: Language
    }

    /// The note of `page`, which shows the figures `keys`; with `notes` (`etude serve`), the
    /// note an earlier build made from the same sources.
    static func html(for page: RenderedPage, showing keys: [String], table: FigureTable, sourcesPage: String?,
                     notes: SlotMemo<NoteInput, String?>? = nil) -> String? {
        var seen = Set<String>()
        let sources = keys.flatMap { table.sources(of: $0) }.filter { seen.insert($0.id).inserted }
        guard !sources.isEmpty else { return nil }
        guard let notes else { return note(for: page, sources: sources, table: table, sourcesPage: sourcesPage) }
        let input = NoteInput(sources: sources.map { [$0.id, $0.title] }, sourcesPage: sourcesPage, language: table.language)
        return notes.value(page.page.outputPath, for: input) { note(for: page, sources: sources, table: table, sourcesPage: sourcesPage) }
    }

    private static func note(for page: RenderedPage, sources: [DataSource], table: FigureTable, sourcesPage: String?) -> String {
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
