import Foundation

/// The catalogues parsed so far in this process, by their text (see `MessageCatalogue.parse`).
/// Pages are rendered on several threads: a lock guards the table.
final class ParsedCatalogues: @unchecked Sendable {
    private var byText: [String: [String: String]] = [:]
    private let lock = NSLock()

    func value(for text: String) -> [String: String]? {
        lock.withLock { byText[text] }
    }

    func keep(_ texts: [String: String], for text: String) {
        lock.withLock { byText[text] = texts }
    }
}
