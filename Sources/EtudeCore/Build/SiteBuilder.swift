import Foundation

/// The whole pipeline, in the order data flows: load and check everything, then render,
/// then write. Nothing touches the output folder unless every step succeeded.
public struct SiteBuilder {
    public let project: Project
    /// Build the pages marked `draft: true` too (`--drafts`).
    public var includeDrafts = false
    /// What `etude serve` keeps between builds to do again only what a change reaches; none for `etude build`.
    public var cache: BuildCache? = nil

    public init(project: Project, includeDrafts: Bool = false) {
        self.project = project
        self.includeDrafts = includeDrafts
    }

    /// What a build produced, before it is written.
    public struct Result {
        public var pages: [RenderedPage]
        /// Every output file by path relative to the output root; when a build writes the
        /// pages into its staged folder as they come (`build(into:)`), all but the pages'
        /// and the report.
        public var files: [String: Data]
        /// Every figure, typed and computed.
        public var table: FigureTable
        /// Problems that do not stop the build, such as figures typed by hand in prose.
        public var warnings: [Diagnostic]
        /// Files of the previous output removed as stale (the PDF of a report that changed).
        public var removedStale: [String] = []
        /// Which of its own files a rebuild keeps, from `keep:` in data/site.yaml.
        public var keep = OutputKeepRule()
        /// Whether the report was written a slice of chapters at a time (`ReportBuilder.write`).
        var streamedReport = false
    }

    /// Loads, checks and renders the project; throws `BuildFailure` listing every problem.
    /// `linkingPDF`: `rapport.pdf` will be in the output, so every page links to it.
    public func render(linkingPDF: Bool = false) throws -> Result {
        try render(linkingPDF: linkingPDF, writingPagesInto: nil)
    }

    /// `render(linkingPDF:)`; given `staging`, the staged folder of a build, the pages'
    /// files are written there as soon as they are made instead of kept in `Result.files`.
    func render(linkingPDF: Bool, writingPagesInto staging: OutputStaging?) throws -> Result {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: project.directory.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw Diagnostic(file: project.directory.path, message: "no project folder here; give the folder that holds content/ and data/ with --project")
        }
        var collector = DiagnosticCollector()
        let loadedSite = collector.collect {
            try BuildCache.reusingFile(cache, project.directory.appendingPathComponent(SiteConfig.path)) { try SiteConfig.load(from: project.directory) }
        }
        let language = loadedSite.flatMap { site in
            collector.collect {
                try BuildCache.reusing(cache, project.templates, "language", also: site.language) {
                    try LanguageLoader(project: project.directory).load(tag: site.language, at: site.languagePosition)
                }
            }
        }
        let dataset = collector.collect {
            try BuildCache.reusing(cache, project.data, also: language ?? .french) {
                var loader = DatasetLoader(dataDirectory: project.data, language: language ?? .french)
                loader.entries = cache?.memos.yamlEntries
                return try loader.load()
            }
        }
        let loaded = collector.collect {
            try BuildCache.reusing(cache, project.content) { try ContentLoader(contentDirectory: project.content, includeDrafts: includeDrafts).loadSplittingDrafts() }
        }
        let pages = loaded?.pages
        let templates = collector.collect { try BuildCache.reusing(cache, project.templates) { try TemplateLibrary(projectTemplates: project.templates) } }
        let staticFiles = collector.collect {
            try BuildCache.reusing(cache, project.directory.appendingPathComponent(StaticFileLoader.folder)) { try StaticFileLoader(project: project).load() }
        } ?? [:]
        try collector.throwIfAny()
        let loadedCatalogue = try BuildCache.reusingCatalogue(cache, project.data, sources: dataset!.sources) { try CatalogueLoader(dataDirectory: project.data).load(sources: $0) }
        let table = try BuildCache.reusing(cache, project.data, then: "table", also: dataset!.language) {
            try DatasetTextExpander.table(for: dataset!, extraCounts: loadedCatalogue.counts(language: dataset!.language))
        }
        // The export reads only the table (and writes only its own memos): made meanwhile on another core.
        var export = FigureExport(table: table)
        export.lineMemo = cache?.memos.exportLines
        export.jsonMemo = cache?.memos.exportJSON
        export.sourcesMemo = cache?.memos.exportSources
        let exporting = BackgroundWork { [export] in try export.files() }
        defer { _ = try? exporting.value() }
        let expander = SettingExpander(formatter: FigureFormatter(table: table))
        let site = try loadedSite!.expandingReferences(with: expander)
        let catalogue = try loadedCatalogue.expandingReferences(with: expander)
        let blocks: [any BlockRenderer] = [
            CatalogueBlock(catalogue: catalogue, table: table),
            SourcesBlock(table: table),
            ChartBlock(table: table),
            ItemsBlock(table: table),
            PagesBlock(),
        ]
        let ordered = readingOrder(pages!)
        // The hand-typed numbers read only the pages' Markdown and the table (and write only their memo): looked for meanwhile.
        // (The finder too is made there: it reads every figure.)
        let literalFigures = cache?.memos.literalFigures
        let lookingForNumbers = BackgroundWork {
            LiteralFigureFinder(table: table, patterns: literalFigures?.patterns(for: table.language)).warnings(in: ordered, memo: literalFigures)
        }
        defer { _ = try? lookingForNumbers.value() }
        var renderer = PageRenderer(table: table, blocks: blocks)
        renderer.references = cache?.memos.references
        var images = PageImages(staticFiles: staticFiles, language: table.language)
        let world = PageMemo.World(table: table, catalogue: catalogue, site: site)
        var rendered = try images.completing(BuildCache.addingSourcesNotes(cache, to: try BuildCache.renderPages(cache, ordered, with: renderer, world: world), table: table))
        let coverLines = try site.cover.map { try renderer.expandSetting($0.text, at: $0.position, file: SiteConfig.path) }
        let navigation = Navigation(pages: rendered, links: site.menuLinks, typography: table.language.typography)
        rendered = PagesBlock.filling(rendered, navigation: navigation)
        let branding = try Branding(settings: site.branding, staticFiles: staticFiles, themeCSS: templates!.themeStylesheet, backgrounds: cache?.memos.backgrounds)
        let contexts = PageContextBuilder(site: site, navigation: navigation, linksPDF: linkingPDF, branding: branding.templateValues, language: table.language)
        var output = OutputFileSet(writingPagesInto: staging?.folder, shownAs: staging?.shownAs ?? "output")
        let library = templates!
        // A slice at a time: written as they come, the pages' HTML is never all in memory.
        // (`etude serve` keeps its site whole: its memo of layouts spans every page.)
        let sliceSize = cache == nil ? 256 : max(rendered.count, 1)
        // One slice even without pages: a session's memo then knows this build's settings (for 404.html and the report).
        for start in stride(from: 0, to: max(rendered.count, 1), by: sliceSize) {
            let slice = Array(rendered[start..<min(start + sliceSize, rendered.count)])
            let htmls = BuildCache.layouts(cache, slice, project: project, site: site, navigation: navigation, linksPDF: linkingPDF, language: table.language) { pages in
                ParallelMap.map(pages) { page in Swift.Result { try library.render(contexts.context(for: page), template: "layout") } }
            }
            output.add(try zip(slice, htmls).flatMap { page, html in
                [(page.page.outputPath, Data(try html.get().utf8), .page(page.page.sourcePath))]
                    + page.files.sorted { $0.key < $1.key }.map { ($0.key, $0.value, .page(page.page.sourcePath)) }
            })
        }
        for asset in templates!.assets {
            if let data = collector.collect({ try asset.read() }) { output.add("assets/" + asset.path, data, from: .asset(asset.shown)) }
        }
        for (path, data) in staticFiles.sorted(by: { $0.key < $1.key }) {
            output.add(path, data, from: .asset(StaticFileLoader.folder + "/" + path))
        }
        if let css = branding.css { output.add(Branding.cssPath, Data(css.utf8), from: .asset("(built-in) " + Branding.cssPath)) }
        try PublishedFiles(site: site).add(to: &output, pages: rendered, templates: templates!, contexts: contexts, reuse: cache?.notFoundPage)
        try collector.throwIfAny()
        let reportPages = try ReportSelection(sections: site.reportSections).pages(of: rendered)
        var report: ReportBuilder?
        if templates!.has("report") {
            report = ReportBuilder(site: site, templates: templates!, coverLines: coverLines)
            report?.branding = branding.templateValues
            report?.language = table.language
            report?.chapterMemo = cache?.memos.chapters
            report?.chapterScans = cache?.memos.chapterScans
            report?.styleMemo = cache?.memos.styles
            report?.skeletons = cache?.reportSkeletons
        }
        try exporting.value().sorted { $0.key < $1.key }.forEach { output.add($0.key, $0.value, from: .export) }
        var streamedReport = false
        if let report {
            // A build's report is written a slice of chapters at a time (a preview keeps every file whole).
            let assets = output.files
            streamedReport = try cache == nil && output.addWritten(ReportBuilder.outputPath, from: .report) {
                try report.write(pages: reportPages, assets: assets, toPath: $0)
            }
            if !streamedReport { output.add(ReportBuilder.outputPath, text: try report.render(pages: reportPages, assets: assets), from: .report) }
        }
        try BuildFailure.throwIfAny(output.diagnostics)
        let files = output.files
        try BuildFailure.throwIfAny(SiteConfig.brokenMenuLinks(site.menuLinks, exists: output.contains))
        // 404.html links from the server's root, wherever a server shows it.
        var links = LinkChecker(files: output, pages: rendered, copiedAsIs: Set(staticFiles.keys).union([PublishedFiles.notFoundPath]),
                                alsoExisting: linkingPDF ? [ReportPrinter.pdfPath] : [], drafts: loaded?.drafts ?? [:])
        links.scans = cache?.memos.htmlScans
        try BuildFailure.throwIfAny(links.check())
        let warnings = dataset!.notices + (try lookingForNumbers.value())
        return Result(pages: rendered, files: files, table: table, warnings: warnings, keep: OutputKeepRule(patterns: site.keep), streamedReport: streamedReport)
    }

    /// Checks `output` with `OutputGuard`, renders, then swaps the result into `output`,
    /// reporting the problems of both at once. `finish` may add files to the staged output
    /// (the PDF of the report) before the swap. `force` builds into a non-empty folder
    /// Étude did not write. `printsReport`: `finish` prints `rapport.pdf`, which pages link to.
    @discardableResult
    public func build(into output: URL, force: Bool = false, printsReport: Bool = false, finish: (URL) throws -> Void = { _ in }) throws -> Result {
        var collector = DiagnosticCollector()
        let target = collector.collect { try OutputGuard(project: project, force: force).check(output) }
        let staging = target.flatMap { target in collector.collect { try OutputStaging(target: target) } ?? nil }
        var result: Result
        do {
            // `etude serve` keeps every file of its first build: the next compares with them.
            let pagesInto = cache == nil ? staging : nil
            let first = collector.collect { try render(linkingPDF: printsReport, writingPagesInto: pagesInto) }
            try collector.throwIfAny()
            result = first!
            if !printsReport, PDFLink.survives(in: target!, report: result.files[ReportBuilder.outputPath],
                                               stagedReport: staging?.folder.appendingPathComponent(ReportBuilder.outputPath), keep: result.keep) {
                result = try render(linkingPDF: true, writingPagesInto: cache == nil ? try staging?.emptied() : nil)
            }
        } catch {
            staging?.discard()
            throw error
        }
        result.removedStale = try OutputWriter(target: target!, keep: result.keep).write(result.files, into: staging, finish: finish).removedStale
        return result
    }

    /// Pages in the order a reader meets them: the menu's order, which numbers the figures.
    private func readingOrder(_ pages: [Page]) -> [Page] {
        let provisional = pages.map {
            RenderedPage(page: $0, title: $0.frontMatter.title, description: nil, contentHTML: "", toc: [], figureKeys: [], charts: [])
        }
        // Ranks looked up, not searched for: a linear search in the comparator made it quadratic.
        let rank = Dictionary(Navigation(pages: provisional).readingOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: min)
        return pages.sorted { a, b in
            (rank[a.outputPath] ?? Int.max, a.outputPath) < (rank[b.outputPath] ?? Int.max, b.outputPath)
        }
    }
}
