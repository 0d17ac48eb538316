import Foundation

/// Loads every `content/**/*.md` page, sorted by path, reporting all problems at once.
public struct ContentLoader {
    let contentDirectory: URL
    /// Load the pages marked `draft: true` too (otherwise they are left out, unbuilt).
    let includeDrafts: Bool

    public init(contentDirectory: URL, includeDrafts: Bool = false) {
        self.contentDirectory = contentDirectory
        self.includeDrafts = includeDrafts
    }

    public func load() throws -> [Page] {
        try loadSplittingDrafts().pages
    }

    /// The pages to build, and the drafts left out: content path by output path.
    public func loadSplittingDrafts() throws -> (pages: [Page], drafts: [String: String]) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentDirectory.path, isDirectory: &isFolder) else {
            throw Diagnostic(file: "content", message: "no content folder; create content/index.md with a title in its front matter")
        }
        guard isFolder.boolValue else {
            throw Diagnostic(file: "content", message: "this is a file where the content folder is expected; rename it and create content/index.md")
        }
        var collector = DiagnosticCollector()
        var pages: [Page] = []
        var outputs: [String: String] = [:]
        var drafts: [String: String] = [:]
        let files = try markdownFiles()
        // Read and parsed on every core; checked in order, so problems come in file order.
        let loaded = ParallelMap.map(files) { relative in Swift.Result { try loadPage(relative, shownAs: "content/\(relative)") } }
        for (relative, result) in zip(files, loaded) {
            let shown = "content/\(relative)"
            guard let page = collector.collect({ try result.get() }) else { continue }
            if page.frontMatter.draft && !includeDrafts {
                drafts[page.outputPath] = page.sourcePath
                continue
            }
            if let other = outputs[page.outputPath] {
                collector.report(Diagnostic(file: shown, line: 1, column: 1, message: "this page and \(other) would both be written to \(page.outputPath); change a slug"))
                continue
            }
            outputs[page.outputPath] = shown
            pages.append(page)
        }
        try collector.throwIfAny()
        if pages.isEmpty {
            throw Diagnostic(file: "content", message: "no page found; add a Markdown file such as content/index.md")
        }
        return (pages, drafts)
    }

    private func markdownFiles() throws -> [String] {
        let base = contentDirectory.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        return enumerator.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".md") && !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
            .sorted()
    }

    private func loadPage(_ relative: String, shownAs shown: String) throws -> Page {
        let text = try TextFileReader.read(contentDirectory.appendingPathComponent(relative), shownAs: shown, within: contentDirectory.deletingLastPathComponent())
        let (matter, body, offset) = try FrontMatterParser.parse(text, file: shown)
        var components = relative.split(separator: "/").map(String.init)
        let fileName = String(components.removeLast().dropLast(3))
        let isIndex = fileName == "index"
        for folder in components where !URLName.isValid(folder) {
            throw Diagnostic(file: shown, message: "folder name '\(folder)' must be lowercase letters and digits separated by '-', as it becomes part of the URL")
        }
        var name = matter.slug ?? fileName
        if isIndex && matter.slug != nil {
            throw Diagnostic(file: shown, message: "an index page cannot have a slug: it is its folder's page; rename the folder instead")
        }
        if matter.slug == nil && !URLName.isValid(name) {
            name = HeadingIDGenerator.slug(name)
        }
        return Page(sourcePath: shown, outputPath: (components + [name + ".html"]).joined(separator: "/"),
                    section: components, isSectionIndex: isIndex && !components.isEmpty,
                    frontMatter: matter, body: body, bodyLineOffset: offset)
    }
}
