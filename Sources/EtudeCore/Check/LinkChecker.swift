import Foundation

/// Checks that every link between the built files leads somewhere: a file of the site,
/// and, after `#`, an element with that id. A broken link written in Markdown is reported
/// at its line; one from a template or raw HTML, on the page it appears in.
struct LinkChecker {
    /// Every built file; pages written to the staged folder are read back one at a time.
    let files: OutputFileSet
    let pages: [RenderedPage]
    /// Files published as they are (from `static/`): their links are not Étude's to check.
    let copiedAsIs: Set<String>
    /// Files written after the check (the PDF of the report), which links may lead to.
    let alsoExisting: Set<String>
    /// Pages left out as drafts, content path by output path, named when a link leads to one.
    let drafts: [String: String]
    private var idCache: [String: Set<String>] = [:]
    /// Links and ids read in earlier builds (`etude serve`), reused while a file is the same;
    /// the memo is not thread-safe, so a check with it runs on one thread.
    var scans: HTMLScanMemo?
    /// The answers of this check about links that lead to another file, by the folder of
    /// the file they are written in and the link: the same for every page of that folder
    /// (the menu's links, above all).
    private let answers = LinkAnswers()

    init(files: OutputFileSet, pages: [RenderedPage], copiedAsIs: Set<String> = [], alsoExisting: Set<String> = [], drafts: [String: String] = [:]) {
        self.files = files
        self.pages = pages
        self.copiedAsIs = copiedAsIs
        self.alsoExisting = alsoExisting
        self.drafts = drafts
    }

    mutating func check() -> [Diagnostic] {
        let pagePaths = Set(pages.map(\.page.outputPath))
        // The pages' ids found once, then each page checked, on every core; the problems
        // come back in page order.
        var diagnostics: [Diagnostic] = []
        if let scans {
            scans.begin(.init(files: Set(files.paths), alsoExisting: alsoExisting, drafts: drafts))
            scans.read(files.paths.sorted().filter { $0.hasSuffix(".html") && !copiedAsIs.contains($0) }.compactMap { path in files.data(at: path).map { (path, $0) } })
            for page in pages { diagnostics += problems(of: page) }
        } else {
            // Only the ids are kept: the links of every page at once would hold the whole site's menus.
            let pageIDs = ParallelMap.map(pages) { Self.scanned(files.data(at: $0.page.outputPath)).ids }
            for (page, ids) in zip(pages, pageIDs) { idCache[page.page.outputPath] = ids }
            let checker = self
            diagnostics = ParallelMap.map(pages) { page in
                var own = checker
                return own.problems(of: page)
            }.flatMap { $0 }
        }
        // Other HTML files (the report) repeat the pages' links: checked once those are right.
        guard diagnostics.isEmpty else { return diagnostics }
        for path in files.paths.sorted() where path.hasSuffix(".html") && !pagePaths.contains(path) && !copiedAsIs.contains(path) {
            for link in linksReadingIDs(in: path) {
                if let problem = problem(with: link, in: path) {
                    diagnostics.append(Diagnostic(file: path, message: "in this built file, \(problem); fix its template in templates/"))
                }
            }
        }
        return diagnostics
    }

    /// The broken links of a page: written in its Markdown, or in its HTML.
    private mutating func problems(of page: RenderedPage) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let path = page.page.outputPath
        var written = Set<String>()
        for link in page.links {
            written.insert(Self.decoded(link.destination))
            if var problem = problem(with: link.destination, in: path) {
                if problem.hasSuffix("of the site") {
                    problem += "; each page content/<name>.md is published as <name>.html, linked relative to the linking page"
                }
                diagnostics.append(Diagnostic(file: page.page.sourcePath, at: link.location, message: problem))
            }
        }
        for link in links(in: path) where !written.contains(Self.decoded(link)) {
            if let problem = problem(with: link, in: path) {
                diagnostics.append(Diagnostic(file: page.page.sourcePath,
                    message: "in \(path), built from this page with its template, \(problem); fix the template in templates/ or the HTML written in this page"))
            }
        }
        return diagnostics
    }

    /// Why `link`, written in the file at `path`, leads nowhere; nil when it is fine.
    /// With `scans`, the answer of an earlier build while what it read is the same.
    private mutating func problem(with link: String, in path: String) -> String? {
        guard !link.isEmpty, !SitePath.isExternal(link) else { return nil }
        guard let scans else {
            // A link to another file means the same from every page of a folder.
            guard !SitePath.split(link).address.prefix(while: { $0 != "?" }).isEmpty else { return find(link, in: path).answer }
            let key = (path.lastIndex(of: "/").map { String(path[...$0]) } ?? "") + "\u{0}" + link
            return answers.answer(key) { find(link, in: path) }.answer
        }
        return scans.problem(link, in: path, currentIDs: { _ = self.ids(of: $0) }, find: { self.find(link, in: path) })
    }

    /// `problem(with:in:)` worked out, with the file whose ids it read, if any.
    private mutating func find(_ link: String, in path: String) -> (answer: String?, idsOf: String?) {
        let parts = SitePath.split(link)
        // The file a link leads to, without its query.
        let address = Self.decoded(parts.address.prefix { $0 != "?" }), fragment = parts.fragment.map(Self.decoded) ?? ""
        var target = path
        if !address.isEmpty {
            guard let resolved = SitePath.resolve(address, from: path) else {
                return ("link to '\(link)' leads outside the site", nil)
            }
            target = resolved
            if !files.contains(target), files.contains(SitePath.folderIndex(target)) { target = SitePath.folderIndex(target) }
            if !files.contains(target), let draft = drafts[target] ?? drafts[SitePath.folderIndex(target)] {
                return ("link to '\(link)' leads to a draft (\(draft) has 'draft: true'), which is built only with --drafts; remove the link, or publish the page", nil)
            }
            guard files.contains(target) || alsoExisting.contains(target) else {
                return ("link to '\(link)' leads to no page or file of the site\(suggestion(for: address, from: path))", nil)
            }
        }
        guard !fragment.isEmpty, target.hasSuffix(".html") else { return (nil, nil) }
        let ids = ids(of: target)
        guard !ids.contains(fragment) else { return (nil, target) }
        return ("link to '\(link)' leads to no element with id '\(fragment)' in \(target)\(Suggestion.didYouMean(fragment, among: ids))", target)
    }

    /// The page whose link, without `.html`, is closest to the one written.
    private func suggestion(for address: String, from path: String) -> String {
        func stem(_ link: String) -> String { link.hasSuffix(".html") ? String(link.dropLast(5)) : link }
        let links = files.paths.filter { $0.hasSuffix(".html") }.map { SitePath.relative(to: $0, from: path) }
        let name = address.split(separator: "/").last.map(String.init) ?? address
        if let sameName = links.filter({ $0.split(separator: "/").last.map(String.init) == name }).min(by: { ($0.count, $0) < ($1.count, $1) }) {
            return "; did you mean '\(sameName)'?"
        }
        let stems = Dictionary(links.map { (stem($0), $0) }, uniquingKeysWith: min)
        return Suggestion.closest(to: stem(address), among: stems.keys).map { "; did you mean '\(stems[$0]!)'?" } ?? ""
    }

    private mutating func ids(of path: String) -> Set<String> {
        if let cached = idCache[path] { return cached }
        let data = files.data(at: path)
        let ids = scans?.ids(of: path, in: data) ?? Self.scanned(data).ids
        idCache[path] = ids
        return ids
    }

    /// `links(in:)`, keeping the file's ids too; a file of the staged folder (the report)
    /// is read through a mapping, never whole in memory (`MappedAttributeScan`).
    private mutating func linksReadingIDs(in path: String) -> [String] {
        guard scans == nil, let staged = files.stagedPath(of: path) else { return links(in: path) }
        var ids = Set<String>(), found: [String] = []
        guard MappedAttributeScan.attributes(Self.scannedNames, inFileAt: staged, { name, value in
            Self.sort(name, value, into: &ids, &found)
        }) else { return links(in: path) }
        idCache[path] = ids
        return found
    }

    private func links(in path: String) -> [String] {
        let data = files.data(at: path)
        return scans?.links(of: path, in: data) ?? Self.scanned(data).links
    }

    static let idNames: Set<String> = ["id"], linkNames: Set<String> = ["href", "src"]
    /// The attributes the check reads, found in one scan: the value of one is never read
    /// for others (an ` id="…"` inside a quoted `href` is not an id, as for a browser).
    static let scannedNames = idNames.union(linkNames)

    /// The `id` values and the links (`href`, `src`) of an HTML file, entities decoded.
    static func scanned(_ data: Data?) -> (ids: Set<String>, links: [String]) {
        guard let data else { return ([], []) }
        return split(HTMLText.attributes(scannedNames, inUTF8: data))
    }

    /// Attributes of `scannedNames` as ids and links, entities decoded.
    static func split(_ attributes: [(name: String, value: String)]) -> (ids: Set<String>, links: [String]) {
        var ids = Set<String>(), links: [String] = []
        for attribute in attributes { sort(attribute.name, attribute.value, into: &ids, &links) }
        return (ids, links)
    }

    /// An attribute of `scannedNames` put with the ids or the links, entities decoded.
    private static func sort(_ name: String, _ value: String, into ids: inout Set<String>, _ links: inout [String]) {
        if idNames.contains(name) { ids.insert(entitiesDecoded(value)) } else { links.append(entitiesDecoded(value)) }
    }

    static func entitiesDecoded(_ value: String) -> String {
        // The byte first: most values have none, and Foundation's search is asked only where it is.
        guard value.utf8.contains(UInt8(ascii: "&")), value.contains("&") else { return value }
        return value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// A link as the browser reads it: percent-escapes decoded (`caf%C3%A9` → `café`).
    static func decoded(_ text: some StringProtocol) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")), text.contains("%") else { return String(text) }
        return String(text).removingPercentEncoding ?? String(text)
    }
}

/// What a link check answered about a link, shared by the copies of the checker that check
/// pages on each core.
private final class LinkAnswers: @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [String: (answer: String?, idsOf: String?)] = [:]

    func answer(_ key: String, find: () -> (answer: String?, idsOf: String?)) -> (answer: String?, idsOf: String?) {
        if let known = lock.withLock({ answers[key] }) { return known }
        let found = find()
        lock.withLock { answers[key] = found }
        return found
    }
}
