import Foundation

/// The `title` attributes saying where each figure comes from (`FigureMarkup.sourceTitle`),
/// and the rows of « Sources et méthode », made in the earlier builds of a session and
/// reused while the figure's root did not change (see `FigureChanges`): they read only the
/// figure, what it is computed from, its group and its sources. Set for the pages' render
/// of a build that has a `BuildCache`.
final class TitleMemo: @unchecked Sendable {
    @TaskLocal static var current: TitleMemo?

    private let lock = NSLock()
    private var titles: [Slot: (root: String, title: String)] = [:]

    /// A key without its format written out (`"\(format)"` reflects on the value: a
    /// hundredth of a rebuild).
    private enum Slot: Hashable {
        case title(key: String, format: ReferenceFormat)
        case text(String)
    }

    /// Forgets the titles a change may reach.
    func begin(_ changes: FigureChanges) {
        lock.withLock {
            guard let roots = changes.roots else { return titles = [:] }
            if !roots.isEmpty { titles = titles.filter { !roots.contains($0.value.root) } }
        }
    }

    func title(key: String, format: ReferenceFormat, make: () -> String) -> String {
        kept(.title(key: key, format: format), of: key, make: make)
    }

    /// Any text made from the figure `key` alone (and what it links to), such as its row in
    /// « Sources et méthode »; `slot` names it.
    func text(_ slot: String, of key: String, make: () -> String) -> String {
        kept(.text(slot), of: key, make: make)
    }

    private func kept(_ slot: Slot, of key: String, make: () -> String) -> String {
        if let kept = lock.withLock({ titles[slot] }) { return kept.title }
        let title = make()
        lock.withLock { titles[slot] = (FigureChanges.root(of: key), title) }
        return title
    }
}
