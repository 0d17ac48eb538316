/// Renders pages to HTML in reading order, so figure numbers run across the publication.
public struct PageRenderer {
    let formatter: FigureFormatter
    let blocks: [String: any BlockRenderer]
    /// Names of the blocks that number figures across pages.
    let figureBlockNames: [String]
    /// The references found in the same texts by earlier builds (`etude serve`).
    var references: ReferenceMatchMemo?

    public init(table: FigureTable, blocks: [any BlockRenderer]) {
        formatter = FigureFormatter(table: table)
        var byName: [String: any BlockRenderer] = [:]
        for block in blocks { for name in block.names { byName[name] = block } }
        self.blocks = byName
        figureBlockNames = blocks.filter(\.numbersFigures).flatMap(\.names)
    }

    /// Renders `pages` in the given order, reporting every problem of every page.
    ///
    /// Figure numbers run across pages, so a page with charts needs the figures of every
    /// page before it. Every other page depends on nothing but itself: those are rendered
    /// first on every core, each with a context holding no figures; then, in reading
    /// order, the pages that number figures (or failed, or may contain a chart block) are
    /// rendered one by one with the real context. The result, and the problems reported,
    /// are those of rendering every page in order on one thread.
    public func render(_ pages: [Page]) throws -> [RenderedPage] { try render(pages, memo: nil) }

    /// The same; `memo` (`etude serve`) gives back the pages an earlier build rendered from
    /// the same input. It is not thread-safe and wants every page in reading order: the
    /// pages it no longer holds are rendered ahead on every core in the context they had
    /// last time (`PageMemo.guesses`), and taken in order only where that guess was right.
    func render(_ pages: [Page], memo: PageMemo?) throws -> [RenderedPage] {
        let alone: [Swift.Result<RenderedPage, any Error>?] = memo != nil ? pages.map { _ in nil } : ParallelMap.map(pages) { page in
            guard !mayNumberFigures(page) else { return nil }
            var context = BlockContext()
            return Swift.Result { try render(page, context: &context) }
        }
        let early = memo.map { renderedAhead(pages, guesses: $0.guesses(for: pages)) } ?? pages.map { _ in nil }
        var collector = DiagnosticCollector()
        var context = BlockContext()
        var rendered: [RenderedPage] = []
        for ((page, alone), early) in zip(zip(pages, alone), early) {
            // Only ChartBlock reads the figures so far, and it always adds one: a page
            // that added none, and succeeded, came out as it would in order.
            if case .success(let result)? = alone, result.charts.isEmpty {
                rendered.append(result)
                continue
            }
            context.root = String(repeating: "../", count: page.section.count)
            context.page = page.outputPath
            let result = collector.collect {
                try memo.map { try $0.rendered(page, context: &context, early: early) { try render(page, context: &$0) } } ?? render(page, context: &context)
            }
            if let result { rendered.append(result) }
        }
        try collector.throwIfAny()
        return try ChartReferenceResolver(charts: context.figures, messages: formatter.language.messages).resolving(rendered)
    }

    /// Each page that has a guessed context rendered in it, on every core, with the memos
    /// of the session's build (task-local values, bound again on each thread).
    private func renderedAhead(_ pages: [Page], guesses: [BlockContext?]) -> [PageMemo.Early?] {
        let titles = TitleMemo.current, typography = TypographyMemo.current, charts = ChartMemo.current
        // Longest first (a page's Markdown tells its cost well enough): the cores end together.
        let guessed = zip(pages, guesses).compactMap { page, guess in guess.map { (page, $0) } }
            .sorted { ($0.0.body.utf8.count, $1.0.outputPath) > ($1.0.body.utf8.count, $0.0.outputPath) }
        guard guessed.count > 1 else { return pages.map { _ in nil } }
        let made = ParallelMap.map(guessed) { page, guess in
            TitleMemo.$current.withValue(titles) {
                ChartMemo.$current.withValue(charts) {
                    TypographyMemo.$current.withValue(typography) {
                        var context = guess
                        let result = Swift.Result { try render(page, context: &context) }
                        return (page.outputPath, PageMemo.Early(before: guess, result: result, after: context))
                    }
                }
            }
        }
        let byPath = Dictionary(made, uniquingKeysWith: { first, _ in first })
        return pages.map { byPath[$0.outputPath] }
    }

    /// Whether the page's text names a block that numbers figures (a chart): then it is
    /// rendered in order only. A miss (a name written with an entity) is caught after.
    /// Bytes are compared: Foundation's `contains` took 2 % of a build here.
    private func mayNumberFigures(_ page: Page) -> Bool {
        // A question about bytes; `memmem` answers it far faster than the generic `firstRange`.
        figureBlockNames.contains { name in ByteSearch.bytes(of: name, occurIn: page.body) }
    }

    /// Renders one page; `context` holds the figures so far and gets this page's.
    private func render(_ page: Page, context: inout BlockContext) throws -> RenderedPage {
        context.root = String(repeating: "../", count: page.section.count)
        context.page = page.outputPath
        let chartsBefore = context.figures.count
        var rewriter = PageRewriter(file: page.sourcePath, formatter: formatter, blocks: blocks, context: context)
        rewriter.references = references
        // A page in another language (a quotation) takes that language's quotes and spacing.
        rewriter.typography = page.frontMatter.lang.map { Typography.of(language: $0, default: formatter.language) }
        let title = expandPlain(page.frontMatter.title, typography: rewriter.typography, at: page.frontMatter.titleLocation, file: page.sourcePath, collector: &rewriter.collector)
        let description = page.frontMatter.description.map {
            expandPlain($0, typography: rewriter.typography, at: page.frontMatter.descriptionLocation ?? page.frontMatter.titleLocation, file: page.sourcePath, collector: &rewriter.collector)
        }
        // What libcmark-gfm would take minutes to parse is refused before parsing.
        let oversized = TableSizeLimit.oversizedTables(in: page.body).flatMap(\.problems)
            + InlineSizeLimit.oversizedParagraphs(in: page.body).map { (line: $0.line, message: $0.message) }
        for (_, (line, message)) in oversized.enumerated().sorted(by: { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }) {
            let position = SourcePosition(line: page.bodyLineOffset + line, column: 1)
            rewriter.collector.report(Diagnostic(file: page.sourcePath, at: position, message: message))
        }
        if !oversized.isEmpty { try rewriter.collector.throwIfAny() }
        let body = PlaceholderTable.neutralising(page.body)
        let rendered = try MarkdownRenderer.render(body, lineOffset: page.bodyLineOffset, rewriter: &rewriter)
        try rewriter.collector.throwIfAny()
        try rewriter.placeholders.checkUnforged(rendered, file: page.sourcePath, source: page.body, lineOffset: page.bodyLineOffset)
        context = rewriter.context
        defer { context.files = [:] }
        return RenderedPage(
            page: page, title: title, description: description,
            contentHTML: rewriter.placeholders.html(from: rewriter.placeholders.plainImageAlts(in: rendered)), toc: rewriter.toc,
            figureKeys: rewriter.figureKeys, charts: Array(context.figures[chartsBefore...]), links: rewriter.links,
            chartReferences: rewriter.chartReferences, files: context.files)
    }

    /// Expands references in a line of settings text (the report's cover), as plain text.
    public func expandSetting(_ text: String, at position: SourcePosition, file: String) throws -> String {
        formatter.language.typeset(try SettingExpander(formatter: formatter).expand(text, file: file, at: position))
    }

    /// Expands references in front-matter text, as plain text with the page's typography.
    private func expandPlain(_ text: String, typography: Typography?, at location: SourcePosition, file: String, collector: inout DiagnosticCollector) -> String {
        (typography ?? formatter.language.typography).apply(SettingExpander(formatter: formatter).expand(text, file: file, at: location, collector: &collector))
    }
}
