/// Pages rendered by the earlier builds of a session, each reused while the function that
/// made it would give the same result: the same page, the same state of the publication
/// before it (charts numbered so far), and no change to a figure it can show (see
/// `FigureChanges`), to the catalogue or to the site's settings.
final class PageMemo {
    /// One page's render: what went in and what came out.
    private struct Entry {
        var page: Page
        var before: BlockContext
        var rendered: RenderedPage
        var after: BlockContext
        /// Where the page names figures (`namedText`), nil when every change reaches it.
        var named: String?
    }

    /// What every page's render reads besides the page itself.
    struct World {
        var table: FigureTable
        var catalogue: Catalogue
        var site: SiteConfig
    }

    private var entries: [String: Entry] = [:]
    /// `named` of each page as last worked out, kept while the page is the same (a change
    /// to a figure forgets the page's render, not where the page names its figures).
    private var namedTexts: [String: (page: Page, named: String?)] = [:]
    private var world: World?
    /// The context each page was last rendered in, kept when a change forgets its render:
    /// the likely context of its next render (see `guesses`).
    private var lastBefore: [String: BlockContext] = [:]
    /// Pages rendered, not reused, since the last `begin`.
    private(set) var renderedCount = 0
    /// Of those, the renders made ahead whose guessed context was right, and wrong.
    private(set) var early = (taken: 0, wasted: 0)

    /// Starts a build in `world`: forgets every page a change may reach; returns the change.
    @discardableResult
    func begin(_ new: World) -> FigureChanges {
        renderedCount = 0
        early = (0, 0)
        defer { world = new }
        guard let old = world, old.catalogue == new.catalogue, old.site == new.site else {
            entries = [:]
            return .everything
        }
        let changes = FigureChanges(from: old.table, to: new.table)
        guard changes != .none else { return changes }
        entries = entries.filter { entry in entry.value.named.map { !changes.touches($0) } ?? false }
        return changes
    }

    /// Where a page can name a figure: its `{{ … }}` references (backslash escapes undone)
    /// in the body and the front matter, and the `name: value` lines of its blocks (but a
    /// chart's free-text `title` and `note`). Nil
    /// when the body holds a character reference (`&#123;`), which could spell a reference
    /// the raw text does not show.
    static func namedText(of page: Page) -> String? {
        guard let body = unescaped(page.body) else { return nil }
        return (namedLines(inUnescaped: body) + references(in: String(reflecting: page.frontMatter)) + blockNames(body).flatMap { blockReads[$0] ?? [] })
            .joined(separator: "\n")
    }

    /// Where a text (a page's body, a block's content) names figures: its references and its
    /// `name: value` lines but `title` and `note`; nil when it holds a character reference.
    static func namedLines(in text: String) -> [String]? {
        unescaped(text).map(namedLines(inUnescaped:))
    }

    /// `text` with its backslash escapes undone; nil when it holds a character reference
    /// (`&#123;`), which could spell a reference the raw text does not show.
    private static func unescaped(_ text: String) -> String? {
        guard !holdsCharacterReference(text) else { return nil }
        // No backslash byte, no backslash to remove (see `ByteSearch`).
        guard text.utf8.contains(UInt8(ascii: "\\")) else { return text }
        return text.replacingOccurrences(of: "\\", with: "")
    }

    /// Whether `text` holds what cmark could read as a character reference: `&`, then 1 to 32
    /// ASCII letters, digits or `#`, then `;`, in its bytes (as cmark reads them: a mark
    /// combining with the `;` does not hide it).
    static func holdsCharacterReference(_ text: String) -> Bool {
        let find = { (bytes: UnsafeBufferPointer<UInt8>) -> Bool in
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "&") else {
                    index += 1
                    continue
                }
                var end = index + 1
                while end < bytes.count, end - index <= 32, Self.isReferenceByte(bytes[end]) { end += 1 }
                if end > index + 1, end - index <= 33, end < bytes.count, bytes[end] == UInt8(ascii: ";") { return true }
                index += 1
            }
            return false
        }
        return text.utf8.withContiguousStorageIfAvailable(find) ?? Array(text.utf8).withUnsafeBufferPointer(find)
    }

    private static func isReferenceByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "#")
    }

    private static func namedLines(inUnescaped body: String) -> [String] {
        var named = references(in: body)
        for line in body.split(separator: "\n") {
            let start = line.drop { $0 == " " || $0 == "\t" || $0 == ">" }
            let name = start.prefix { ("a"..."z").contains($0) || $0 == "_" || $0 == "-" }
            // A chart's title and note are free text, whose references `{{ … }}` are already kept.
            if !name.isEmpty, name != "title", name != "note", start.dropFirst(name.count).drop(while: { $0 == " " || $0 == "\t" }).first == ":" { named.append(String(line)) }
        }
        return named
    }

    /// Every text from a `{{` to the next `}}` (or to the end).
    private static func references(in text: String) -> [String] {
        ReferenceScanner.openings(in: text).map { open in
            let end = text[open.upperBound...].range(of: "}}")?.upperBound ?? text.endIndex
            return String(text[open.lowerBound..<end])
        }
    }

    /// A render made ahead of its turn, on another core, in a guessed context.
    struct Early {
        var before: BlockContext
        var result: Swift.Result<RenderedPage, any Error>
        var after: BlockContext
    }

    /// For each page, the context to render it in ahead of its turn: the one it was last
    /// rendered in, when the memo no longer holds its render; nil for a page it holds (or
    /// never rendered). `rendered` takes an early render only if the guess was right.
    func guesses(for pages: [Page]) -> [BlockContext?] {
        pages.map { page in
            if let entry = entries[page.outputPath], entry.page == page { return nil }
            return lastBefore[page.outputPath]
        }
    }

    /// The page's render from an earlier build if nothing it reads changed; else `early`'s
    /// when it was made in this very context; else `render`'s.
    func rendered(_ page: Page, context: inout BlockContext, early: Early? = nil,
                  by render: (inout BlockContext) throws -> RenderedPage) throws -> RenderedPage {
        if let entry = entries[page.outputPath], entry.page == page, Self.same(entry.before, context) {
            context = entry.after
            return entry.rendered
        }
        renderedCount += 1
        let before = context
        lastBefore[page.outputPath] = before
        let result: RenderedPage
        if let made = early, Self.same(made.before, context) {
            self.early.taken += 1
            result = try made.result.get()
            context = made.after
        } else {
            if early != nil { self.early.wasted += 1 }
            result = try render(&context)
        }
        let named: String?
        if let kept = namedTexts[page.outputPath], kept.page == page {
            named = kept.named
        } else {
            named = Self.showsEveryFigure(page.body) ? nil : Self.namedText(of: page)
            namedTexts[page.outputPath] = (page, named)
        }
        entries[page.outputPath] = Entry(page: page, before: before, rendered: result, after: context, named: named)
        return result
    }

    /// The blocks that name the figures they show in their `name: value` lines, with the
    /// roots they read besides: the catalogue's counts are `examples.…` (the catalogue
    /// itself is part of the `World`).
    static let blockReads: [Substring: [String]] = ["chart": [], "items": [], "pages": [], "catalogue": ["examples"]]

    /// The names of the fenced blocks of a body (any line with a fence, wherever it stands).
    static func blockNames(_ body: String) -> [Substring] {
        body.split(separator: "\n", omittingEmptySubsequences: true).compactMap { line in
            guard let fence = line.range(of: "```") ?? line.range(of: "~~~") else { return nil }
            let info = line[fence.upperBound...].drop { $0 == "`" || $0 == "~" || $0 == " " || $0 == "\t" }
            let name = info.prefix { $0 != " " && $0 != "\t" }
            return name.isEmpty ? nil : name
        }
    }

    /// Any other fenced block (`sources`, or one unknown) may show any figure: such a page
    /// is rendered again after any change to a figure.
    static func showsEveryFigure(_ body: String) -> Bool {
        blockNames(body).contains { blockReads[$0] == nil }
    }

    private static func same(_ a: BlockContext, _ b: BlockContext) -> Bool {
        a.figures == b.figures && a.root == b.root && a.page == b.page && a.files == b.files
    }
}
