import Foundation

/// What a session of `etude serve` keeps from one build to the next, so that a rebuild
/// only does again what a change can reach: a folder's loaded content while its bytes are
/// the same, each page's render while nothing it reads changed, each page's layout while
/// the page and its context are the same. Every reuse is keyed on all that the result is
/// made from; the result is byte for byte that of a full build. `etude build` uses none.
/// Not for use by two builds at a time.
public final class BuildCache: @unchecked Sendable {
    init() {}

    /// Pages whose Markdown the last build rendered, not reused.
    public var renderedPages: Int { memos.pageMemo.renderedCount }
    /// Pages and report the last build made from a skeleton, without rendering their template.
    var skeletonsFilled: Int { memos.layoutMemo.filled + memos.reportSkeleton.filled }

    /// What this build's layouts read, set by `layouts` before `404.html` is made.
    private var layoutWorld: LayoutMemo.World?
    private var loads: [String: (fingerprint: FolderFingerprint, extra: Any, value: Any)] = [:]
    /// The fingerprint each folder had when the last build read it.
    private(set) var fingerprints: [String: FolderFingerprint?] = [:]

    /// Every memo that tells texts apart as Swift compares them, by canonical equivalence:
    /// all made again after a change that comparison cannot see (`FolderFingerprint.mayHideChanges`).
    private(set) var memos = Memos()

    /// What `load` gives for `folder`: from the last build while the folder's bytes (and
    /// `extra`, anything else the load reads, such as the site's language) are the same,
    /// else loaded again. Without a cache, `load()`. `name` tells loads of one folder apart.
    /// A load `then` comes after the build's first load of the folder, is computed from its
    /// result, and uses the bytes that one read.
    static func reusing<T, Extra: Equatable>(_ cache: BuildCache?, _ folder: URL, _ name: String = "", then later: String? = nil,
                                             also extra: Extra, _ load: () throws -> T) rethrows -> T {
        guard let cache else { return try load() }
        let slot = folder.path + "\n" + name + "\n" + (later ?? "")
        // Read before loading: a file changed meanwhile makes the next build load again.
        let fingerprint = later == nil ? FolderFingerprint(of: folder) : cache.fingerprints[folder.path] ?? nil
        if later == nil, let fingerprint, let old = cache.fingerprints[folder.path] ?? nil, fingerprint.mayHideChanges(since: old) { cache.memos = Memos() }
        cache.fingerprints[folder.path] = fingerprint
        if let fingerprint, let kept = cache.loads[slot], kept.fingerprint == fingerprint,
           let keptExtra = kept.extra as? Extra, keptExtra == extra, let value = kept.value as? T {
            return value
        }
        cache.loads[slot] = nil
        let value = try load()
        if let fingerprint { cache.loads[slot] = (fingerprint, extra, value) }
        return value
    }

    /// The same, for a load that reads nothing but the folder.
    static func reusing<T>(_ cache: BuildCache?, _ folder: URL, _ name: String = "", then later: String? = nil, _ load: () throws -> T) rethrows -> T {
        try reusing(cache, folder, name, then: later, also: true, load)
    }

    /// What `load` makes of one file, from the last build while its bytes are the same and
    /// it and its folder are a plain file and folder (no link can lead elsewhere).
    static func reusingFile<T>(_ cache: BuildCache?, _ file: URL, _ load: () throws -> T) rethrows -> T {
        guard let cache, FileKind.at(file.deletingLastPathComponent().path) == .folder, FileKind.at(file.path) == .file,
              let bytes = FileManager.default.contents(atPath: file.path) else { return try load() }
        if let kept = cache.files.kept(file.path, for: bytes), let value = kept as? T { return value }
        let value = try load()
        cache.files.keep(value, file.path, for: bytes)
        return value
    }

    private let files = SlotMemo<Data, Any>()

    /// The catalogue `load` reads from `data/examples.yaml`: from the last build while that
    /// file's bytes and the sources it names are the same (not only while all of data/ is).
    static func reusingCatalogue(_ cache: BuildCache?, _ data: URL, sources: [String: DataSource],
                                 _ load: ([String: DataSource]) throws -> Catalogue) rethrows -> Catalogue {
        // A folder with a symbolic link has no fingerprint: then the file is always read again.
        guard let cache, cache.fingerprints[data.path] ?? nil != nil else { return try load(sources) }
        let file = data.appendingPathComponent(Catalogue.path.split(separator: "/").last.map(String.init) ?? "examples.yaml")
        let input = CatalogueInput(exists: FileManager.default.fileExists(atPath: file.path), bytes: try? Data(contentsOf: file), sources: sources)
        return try cache.memos.catalogues.value(data.path, for: input) { try load(sources) }
    }

    struct CatalogueInput: Equatable {
        var exists: Bool
        var bytes: Data?
        var sources: [String: DataSource]
    }

    /// Pages rendered by `renderer` in order, each reused from the last build when nothing it reads changed.
    static func renderPages(_ cache: BuildCache?, _ pages: [Page], with renderer: PageRenderer, world: PageMemo.World) throws -> [RenderedPage] {
        guard let cache else { return try renderer.render(pages) }
        let changes = cache.memos.pageMemo.begin(world)
        cache.memos.titleMemo.begin(changes)
        cache.memos.charts.begin(changes)
        cache.memos.references.begin()
        if changes == .everything { cache.memos.typography.forget() }
        return try TitleMemo.$current.withValue(cache.memos.titleMemo) {
            try ChartMemo.$current.withValue(cache.memos.charts) {
                try TypographyMemo.$current.withValue(cache.memos.typography) { try renderer.render(pages, memo: cache.memos.pageMemo) }
            }
        }
    }

    /// `PageSourcesNote.adding`, with the memos of the earlier builds: the figures each page
    /// shows, whether it holds « Sources et méthode », and the typography of the sources' titles.
    static func addingSourcesNotes(_ cache: BuildCache?, to pages: [RenderedPage], table: FigureTable) -> [RenderedPage] {
        guard let cache else { return PageSourcesNote.adding(to: pages, table: table) }
        return TypographyMemo.$current.withValue(cache.memos.typography) {
            PageSourcesNote.adding(to: pages, table: table, shown: cache.memos.shownFigures, anchors: cache.memos.sourcesAnchors, scans: cache.memos.shownScans,
                                    notes: cache.memos.sourcesNotes)
        }
    }

    /// Each page laid out by `layout`, or reused from the last build when its page and context are the same.
    static func layouts(_ cache: BuildCache?, _ pages: [RenderedPage], project: Project, site: SiteConfig, navigation: Navigation, linksPDF: Bool,
                        language: Language, layout: ([RenderedPage]) -> [Swift.Result<String, any Error>]) -> [Swift.Result<String, any Error>] {
        guard let cache else { return layout(pages) }
        let world = LayoutMemo.World(site: site, navigation: navigation, linksPDF: linksPDF, language: language,
                                     templates: cache.fingerprints[project.templates.path] ?? nil,
                                     statics: cache.fingerprints[project.directory.appendingPathComponent(StaticFileLoader.folder).path] ?? nil)
        cache.layoutWorld = world
        cache.memos.reportSkeleton.begin()
        return cache.memos.layoutMemo.html(of: pages, in: world, layout: layout)
    }

    /// The report's skeleton from earlier builds, with the world of this build's layouts (made just before).
    var reportSkeletons: (memo: SkeletonMemo<ReportBuilder.Outline>, world: LayoutMemo.World)? {
        layoutWorld.map { (memos.reportSkeleton, $0) }
    }

    /// `404.html` as the last build made it, while the stylesheets and the context of the
    /// pages (the world of this build's layouts, made just before) are the same.
    func notFoundPage(stylesheets: [Data?], make: () throws -> Data) throws -> Data {
        guard let world = layoutWorld else { return try make() }
        return try memos.notFoundPages.value("404", for: NotFoundInput(world: world, stylesheets: stylesheets), make: make)
    }

    struct NotFoundInput: Equatable {
        var world: LayoutMemo.World
        var stylesheets: [Data?]
    }
}
