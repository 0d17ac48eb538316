import Foundation

/// Text already given French typography by the earlier builds of a session, by the text
/// (its bytes: see `ExactText`) and the two flags: `FrenchTypography.apply` reads nothing else. Emptied whenever
/// `site.yaml` changes, in case the site's settings ever change how text is typeset. Set
/// for the pages' render of a build that has a `BuildCache`.
final class TypographyMemo: @unchecked Sendable {
    @TaskLocal static var current: TypographyMemo?

    private let lock = NSLock()
    private var texts: [Key: String] = [:]

    private struct Key: Hashable {
        var text: ExactText
        var insideLink: Bool
        var fromMarkdown: Bool
    }

    func forget() { lock.withLock { texts = [:] } }

    func typeset(_ text: String, insideLink: Bool, fromMarkdown: Bool, by make: (String, Bool, Bool) -> String) -> String {
        let key = Key(text: ExactText(text), insideLink: insideLink, fromMarkdown: fromMarkdown)
        if let kept = lock.withLock({ texts[key] }) { return kept }
        let result = make(text, insideLink, fromMarkdown)
        lock.withLock { texts[key] = result }
        return result
    }
}
