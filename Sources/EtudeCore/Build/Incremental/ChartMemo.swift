import Foundation

/// Charts drawn by the earlier builds of a session, each reused while what it reads is the
/// same: its block, the page and the charts numbered before it, and no change to a figure
/// its block can name (`FigureChanges`, as for a whole page in `PageMemo`). A page that
/// shows a changed figure is rendered again, but of its charts only those that show it are
/// drawn again. Set for the pages' render of a build that has a `BuildCache`.
final class ChartMemo: @unchecked Sendable {
    @TaskLocal static var current: ChartMemo?

    private struct Entry {
        /// Where the block names figures (`PageMemo.namedLines`); nil when every change reaches it.
        var named: String?
        var before: BlockContext
        var html: String
        /// What the drawing added to the context: numbered figures, and files (its downloads).
        var figures: [NumberedFigure]
        var files: [String: Data]
    }

    private let lock = NSLock()
    /// By the page and the block's text, as bytes (see `ExactText`).
    private var entries: [ExactText: Entry] = [:]
    /// Charts drawn, not reused, since the last `begin`.
    private(set) var drawn = 0

    /// Forgets the charts a change may reach (all of them when anything may have changed).
    func begin(_ changes: FigureChanges) {
        lock.withLock {
            drawn = 0
            guard changes.roots != nil else { return entries = [:] }
            entries = entries.filter { entry in entry.value.named.map { !changes.touches($0) } ?? false }
        }
    }

    /// The chart of `content` (the block's name, a line break and its text) from an earlier
    /// build if it was drawn in the same context; else `draw`'s.
    func chart(_ content: String, context: inout BlockContext, draw: (inout BlockContext) throws -> String) rethrows -> String {
        let slot = ExactText(context.page + "\u{0}" + content)
        if let entry = lock.withLock({ entries[slot] }), Self.same(entry.before, context) {
            context.figures += entry.figures
            // The drawing set its downloads whatever was there: so does its copy.
            context.files.merge(entry.files) { _, drawn in drawn }
            return entry.html
        }
        let before = context
        let html = try draw(&context)
        lock.withLock { drawn += 1 }
        // Kept only when the drawing added to the context, as charts do, and took nothing away.
        guard context.figures.starts(with: before.figures), context.root == before.root, context.page == before.page,
              before.files.allSatisfy({ context.files[$0.key] == $0.value }) else { return html }
        let added = context.files.filter { before.files[$0.key] == nil }
        let entry = Entry(named: PageMemo.namedLines(in: content)?.joined(separator: "\n"), before: before, html: html, figures: Array(context.figures[before.figures.count...]), files: added)
        lock.withLock { entries[slot] = entry }
        return html
    }

    private static func same(_ a: BlockContext, _ b: BlockContext) -> Bool {
        a.figures == b.figures && a.root == b.root && a.page == b.page
    }
}
