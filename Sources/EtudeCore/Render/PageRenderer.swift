/// Renders pages to HTML in reading order, so figure numbers run across the publication.
public struct PageRenderer {
    let formatter: FigureFormatter
    let blocks: [String: any BlockRenderer]

    public init(table: FigureTable, blocks: [any BlockRenderer]) {
        formatter = FigureFormatter(table: table)
        var byName: [String: any BlockRenderer] = [:]
        for block in blocks { for name in block.names { byName[name] = block } }
        self.blocks = byName
    }

    /// Renders `pages` in the given order, reporting every problem of every page.
    public func render(_ pages: [Page]) throws -> [RenderedPage] { try render(pages, memo: nil) }

    /// The same; `memo` (`etude serve`) gives back the pages an earlier build rendered from the same input.
    func render(_ pages: [Page], memo: PageMemo?) throws -> [RenderedPage] {
        var collector = DiagnosticCollector()
        var context = BlockContext()
        var rendered: [RenderedPage] = []
        for page in pages {
            context.root = String(repeating: "../", count: page.section.count)
            context.page = page.outputPath
            let result = collector.collect {
                try memo.map { try $0.rendered(page, context: &context) { try render(page, context: &$0) } } ?? render(page, context: &context)
            }
            if let result { rendered.append(result) }
        }
        try collector.throwIfAny()
        return try ChartReferenceResolver(charts: context.figures, messages: formatter.language.messages).resolving(rendered)
    }

    private func render(_ page: Page, context: inout BlockContext) throws -> RenderedPage {
        let chartsBefore = context.figures.count
        var rewriter = PageRewriter(file: page.sourcePath, formatter: formatter, blocks: blocks, context: context)
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
