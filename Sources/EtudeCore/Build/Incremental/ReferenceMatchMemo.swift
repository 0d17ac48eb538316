import Foundation

/// The figure references found in the text of a page by the last two builds of a session
/// (`etude serve`), by the text's bytes (see `ExactText`: the ranges are byte offsets),
/// its file and where it starts, all `ReferenceParser.matches` reads. A page rendered
/// again because a figure it shows changed has the same texts: a tenth of its render was
/// finding their references again.
final class ReferenceMatchMemo: @unchecked Sendable {
    private let lock = NSLock()
    /// Found or used by this build, and by the one before.
    private var used: [Key: [ReferenceParser.Match]] = [:]
    private var previous: [Key: [ReferenceParser.Match]] = [:]

    private struct Key: Hashable {
        var text: ExactText
        var file: String
        var origin: SourcePosition
    }

    /// Starts a build: what the build before last used is forgotten.
    func begin() {
        lock.withLock {
            previous = used
            used = [:]
        }
    }

    func matches(in text: String, file: String, origin: SourcePosition) -> [ReferenceParser.Match] {
        // Most texts hold none: answered without hashing them (see `ByteSearch`).
        guard ByteSearch.contains("{{", in: text) else { return [] }
        let key = Key(text: ExactText(text), file: file, origin: origin)
        let kept = lock.withLock {
            let kept = used[key] ?? previous[key]
            if let kept { used[key] = kept }
            return kept
        }
        if let kept { return kept }
        let found = ReferenceParser.matches(in: text, file: file, origin: origin)
        lock.withLock { used[key] = found }
        return found
    }
}
