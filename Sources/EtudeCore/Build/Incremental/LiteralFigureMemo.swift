/// The warnings about numbers typed by hand (`LiteralFigureFinder`) of each page, from the
/// earlier builds of a session, reused while the page is the same and every lookup its
/// check made (a number it holds, against the figures of that value) finds the same
/// figures: a change to a figure reaches only the pages typing its old or new value.
/// Everything else the check reads is the `Setting`; a new one forgets every page.
final class LiteralFigureMemo {
    /// What the check of any page reads besides the page and its lookups.
    struct Setting: Equatable {
        var language: Language
        var fractions: [Fraction]

        /// A fraction of data/ as prose writes it in words, and the figure it stands for.
        struct Fraction: Equatable {
            var words: String
            var candidate: LiteralFigureFinder.Candidate
        }
    }

    private struct Entry {
        var page: Page
        var lookups: [LiteralFigureFinder.CandidateKey: [LiteralFigureFinder.Candidate]]
        var warnings: [Diagnostic]
    }

    private var setting: Setting?
    private var entries: [String: Entry] = [:]
    private var patterns: NumberPatterns?

    /// The finder's patterns for `language`, made again only when the language changes.
    func patterns(for language: Language) -> NumberPatterns {
        if let kept = patterns, kept.language == language { return kept }
        let made = NumberPatterns(language: language)
        patterns = made
        return made
    }

    func begin(_ new: Setting) {
        if setting != new { entries = [:] }
        setting = new
    }

    /// The page's warnings from an earlier build, or nil when they must be found again.
    func warnings(of page: Page, finder: LiteralFigureFinder) -> [Diagnostic]? {
        guard let entry = entries[page.sourcePath], entry.page == page,
              entry.lookups.allSatisfy({ finder.byValue[$0.key] ?? [] == $0.value }) else { return nil }
        return entry.warnings
    }

    func keep(_ warnings: [Diagnostic], of page: Page, lookups: [LiteralFigureFinder.CandidateKey: [LiteralFigureFinder.Candidate]]) {
        entries[page.sourcePath] = Entry(page: page, lookups: lookups, warnings: warnings)
    }
}
