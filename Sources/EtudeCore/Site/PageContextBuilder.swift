/// Builds the values a page's templates see (names documented in README.md).
struct PageContextBuilder {
    let site: SiteConfig
    let navigation: Navigation
    /// The report was printed to `rapport.pdf`: every page links to it.
    var linksPDF = false
    /// `Branding.templateValues`, added to `site`.
    var branding: [String: Any] = [:]
    /// The site's language: its words for the theme (`t`).
    var language = Language.french

    /// A menu entry labelled in another language than the site's says which (`lang`).
    private func language(of item: Navigation.Item, _ values: [String: Any]) -> [String: Any] {
        guard let lang = item.lang, lang != site.language else { return values }
        return values.merging(["lang": lang]) { first, _ in first }
    }

    /// `root` replaces the relative prefix to the site root (`404.html` uses the server path);
    /// `inlineStyles`, the stylesheet to put in the page instead of linking to it.
    func context(for page: RenderedPage, root: String? = nil, inlineStyles: String? = nil) -> [String: Any] {
        let path = page.page.outputPath
        let root = root ?? String(repeating: "../", count: path.split(separator: "/").count - 1)
        let nav: [[String: Any]] = navigation.items.map { item in
            if item.isLink {
                return ["title": item.title, "url": item.path.contains(":") ? item.path : root + item.path,
                        "isCurrent": false, "isSection": false, "isOpen": false, "isLink": true, "children": [] as [Any]]
            }
            // A hidden page of a section opens its section too, though it is not listed.
            let isOpen = item.path == path || item.children.contains { $0.path == path } || (item.folder != nil && item.folder == page.page.section.first)
            // Only the open section lists its pages (the theme shows no other), at most
            // `MenuWindow.limit` of them and then a link to the section's page.
            var children: [[String: Any]] = []
            if isOpen {
                children = MenuWindow.shown(item.children, current: path).map { child -> [String: Any] in
                    language(of: child, ["title": child.title, "url": root + child.path, "isCurrent": child.path == path])
                }
                if item.children.count > MenuWindow.limit {
                    children.append(["title": MenuWindow.moreLabel(total: item.children.count, language: language), "url": root + item.path, "isCurrent": false])
                }
            }
            return language(of: item, [
                "title": item.title, "url": root + item.path, "isCurrent": item.path == path,
                "isSection": item.folder != nil, "isOpen": isOpen, "children": children,
            ])
        }
        var values: [String: Any] = [
            "title": page.title,
            "description": page.description ?? site.description ?? "",
            "canonicalURL": PublishedFiles.canonicalURL(of: path, base: site.baseURL),
            "noindex": path == PublishedFiles.notFoundPath,
            "path": path,
            "language": page.page.frontMatter.lang ?? site.language,
            "contentHTML": page.contentHTML,
            "isHome": path == "index.html",
            "hasTOC": page.toc.count >= 2,
            "toc": page.toc.map { ["id": $0.id, "title": $0.title, "level": $0.level, "isSub": $0.level == 3] as [String: Any] },
        ]
        if let inlineStyles { values["inlineStyles"] = inlineStyles }
        return [
            "site": site.templateValues.merging(branding) { first, _ in first },
            "page": values,
            "root": root,
            "nav": nav,
            "report": linksPDF ? ["url": root + ReportBuilder.outputPath, "pdf": root + ReportPrinter.pdfPath]
                : ["url": root + ReportBuilder.outputPath],
            "generator": "Étude",
            "t": language.themeWords,
        ]
    }
}
