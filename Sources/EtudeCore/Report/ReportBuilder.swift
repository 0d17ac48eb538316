import Foundation

/// Builds `rapport.html`: the whole publication on one page, made to be printed.
struct ReportBuilder {
    static let outputPath = "rapport.html"
    let site: SiteConfig
    let templates: TemplateLibrary
    /// Cover lines of `data/site.yaml`, references already expanded.
    let coverLines: [String]
    /// `Branding.templateValues`, added to `site` (the logo on the cover).
    var branding: [String: Any] = [:]
    /// The site's language: the theme's words and the page numbers.
    var language = Language.french

    /// The theme's stylesheets the report inlines, in cascade order, so that `rapport.html`
    /// is one self-contained file that can be sent or printed alone.
    static let stylesheets = ["style.css", "report.css", "brand.css"]

    /// A CSS string literal: quotes and backslashes escaped, `<` as an escape so that
    /// no text can close the `<style>` element.
    static func cssString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "<": result += "\\3C "
            case "\n", "\r": result += "\\A "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// Chapters rewritten by earlier builds (`etude serve`).
    var chapterMemo: SlotMemo<ReportAssembler.RewriteInput, String>?
    /// The attributes of the chapters found by earlier builds (`etude serve`).
    var chapterScans: AttributeScanMemo?
    /// Stylesheets as inlined by earlier builds, by their bytes (`etude serve`).
    var styleMemo: SlotMemo<Data, String>?
    /// The report around its chapters' content from earlier builds, and what this build's pages
    /// are laid out in (`etude serve`).
    var skeletons: (memo: SkeletonMemo<Outline>, world: LayoutMemo.World)?

    /// The CSS `content` of « Page {page} sur {pages} »: its words as strings, the
    /// placeholders as Chromium's page counters.
    static func pageNumberContent(_ template: String) -> String {
        var parts: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = rest[rest.index(after: open)..<close]
            guard name == "page" || name == "pages" else { break }
            if open > rest.startIndex { parts.append(cssString(String(rest[..<open]))) }
            parts.append("counter(\(name))")
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(cssString(String(rest))) }
        return parts.joined(separator: " ")
    }

    /// A stylesheet as the report inlines it, named in a comment.
    private static func inlineStyle(_ data: Data, shown: String) throws -> String {
        let css = try TextFileReader.text(of: data, shownAs: shown)
        guard !css.lowercased().contains("</style") else {
            throw Diagnostic(file: shown, message: "the stylesheet contains '</style', which would end the report's inline styles; remove it")
        }
        return "/* \(shown) */\n" + css.trimmed(.newlines)
    }

    /// `assets` holds the built files, the theme's stylesheets among them (`assets/style.css`).
    func render(pages: [RenderedPage], assets: [String: Data]) throws -> String {
        var assembler = ReportAssembler(pages: pages)
        assembler.memo = chapterMemo
        assembler.scans = chapterScans
        let chapters = assembler.chapters()
        let style = try styles(assets)
        let render = renderer(chapters, style: style)
        let contents = chapters.map(\.contentHTML)
        guard let (memo, world) = skeletons else { return try render(contents) }
        let outline = Outline(world: world, coverLines: coverLines, styles: style,
                              chapters: chapters.map { [$0.id, $0.title] + $0.sections.flatMap { [$0.id, $0.title] } })
        switch memo.plan(Self.outputPath, key: outline, values: contents) {
        case .filled(let html):
            return html
        case .make(let placeholders):
            if let html = memo.made(Self.outputPath, key: outline, values: contents, first: try render(placeholders.first),
                                    second: try render(placeholders.second), placeholders: placeholders) {
                return html
            }
            return try render(contents)
        case .render:
            let html = try render(contents)
            memo.rendered(Self.outputPath, key: outline)
            return html
        }
    }

    /// Chapters rewritten and written at a time, on every core, when the report is streamed.
    static let chaptersAtATime = 256

    /// Writes the report into the file at `path` a slice of chapters at a time, so that a
    /// very large site's report is never whole in memory: when the template puts each
    /// chapter's content in as it is, once and in order (`TemplateSkeleton`, checked on two
    /// renders with placeholders). Returns false, leaving no file, when it does not: then
    /// `render` makes it whole. The bytes are those of `render`.
    func write(pages: [RenderedPage], assets: [String: Data], toPath path: String) throws -> Bool {
        let assembler = ReportAssembler(pages: pages)
        let outlines = assembler.outlines()
        let render = renderer(outlines, style: try styles(assets))
        guard let placeholders = TemplateSkeleton.Placeholders(for: pages.map(\.contentHTML)),
              let skeleton = TemplateSkeleton(first: try render(placeholders.first), second: try render(placeholders.second), placeholders: placeholders),
              skeleton.putsEachValueOnceInOrder else { return false }
        let file = try OutputFile.Stream(path)
        var written = false
        defer { if !written { unlink(path) } }
        try file.write(skeleton.piece(0))
        for start in stride(from: 0, to: outlines.count, by: Self.chaptersAtATime) {
            let indices = start..<min(start + Self.chaptersAtATime, outlines.count)
            for (index, content) in zip(indices, assembler.contents(indices, outlines: outlines)) {
                // Rewritten, a chapter ends as its page did, in all but contrived content.
                guard skeleton.fits(content, at: index) else { return false }
                try file.write(content)
                try file.write(skeleton.piece(index + 1))
            }
        }
        try file.close()
        written = true
        return true
    }

    /// The stylesheets the report inlines, then its page rules, as one text.
    private func styles(_ assets: [String: Data]) throws -> String {
        var styles: [String] = []
        for name in Self.stylesheets {
            let shown = "assets/" + name
            guard let data = assets[shown] else { continue }
            let style = { try Self.inlineStyle(data, shown: shown) }
            styles.append(try styleMemo?.value(shown, for: data, make: style) ?? style())
        }
        styles.append("/* Running title: the site title; page numbers in the site's language. */\n@page {\n  @top-center {\n    content: \(Self.cssString(site.title));\n  }\n\n"
            + "  @bottom-center {\n    content: \(Self.pageNumberContent(language.messages(LayoutMessage.pageNumber)));\n  }\n}")
        return styles.joined(separator: "\n\n")
    }

    /// The report's template rendered with `chapters` (their ids, titles and sections) and the given contents.
    private func renderer(_ chapters: [ReportAssembler.Chapter], style: String) -> ([String]) throws -> String {
        { contents in
            try templates.render([
                "site": site.templateValues.merging(branding) { first, _ in first },
                "report": [
                    "title": site.title, "coverLines": coverLines, "styles": style,
                    "canonicalURL": site.baseURL + Self.outputPath,
                ],
                "chapters": zip(chapters, contents).map { chapter, content -> [String: Any] in
                    ["id": chapter.id, "title": chapter.title, "contentHTML": content,
                     "sections": chapter.sections.map { ["id": $0.id, "title": $0.title] }]
                },
                "generator": "Étude",
                "t": language.themeWords,
                "siteURL": "index.html",
            ] as [String: Any], template: "report")
        }
    }

    /// All that the report is made of but its chapters' content: what its skeleton stands for.
    struct Outline: Equatable {
        /// The settings, language, templates and branding, as for the pages.
        var world: LayoutMemo.World
        var coverLines: [String]
        var styles: String
        /// Each chapter's id, title, then its sections' ids and titles.
        var chapters: [[String]]
    }
}
