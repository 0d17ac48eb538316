/// Builds the values a page's templates see (names documented in README.md).
struct PageContextBuilder {
    let site: SiteConfig
    let navigation: Navigation

    func context(for page: RenderedPage) -> [String: Any] {
        let path = page.page.outputPath
        let root = String(repeating: "../", count: path.split(separator: "/").count - 1)
        let nav: [[String: Any]] = navigation.items.map { item in
            if item.isLink {
                return ["title": item.title, "url": item.path.contains(":") ? item.path : root + item.path,
                        "isCurrent": false, "isSection": false, "isOpen": false, "isLink": true, "children": [] as [Any]]
            }
            // A hidden page of a section opens its section too, though it is not listed.
            let isOpen = item.path == path || item.children.contains { $0.path == path } || (item.folder != nil && item.folder == page.page.section.first)
            return [
                "title": item.title, "url": root + item.path, "isCurrent": item.path == path,
                "isSection": item.folder != nil, "isOpen": isOpen,
                "children": item.children.map { child -> [String: Any] in
                    ["title": child.title, "url": root + child.path, "isCurrent": child.path == path]
                },
            ]
        }
        return [
            "site": site.templateValues,
            "page": [
                "title": page.title,
                "description": page.description ?? site.description ?? "",
                "canonicalURL": site.baseURL + (path == "index.html" ? "" : path),
                "path": path,
                "contentHTML": page.contentHTML,
                "isHome": path == "index.html",
                "hasTOC": page.toc.count >= 2,
                "toc": page.toc.map { ["id": $0.id, "title": $0.title, "level": $0.level, "isSub": $0.level == 3] as [String: Any] },
            ],
            "root": root,
            "nav": nav,
            "report": ["url": root + "rapport.html"],
            "generator": "Étude",
        ]
    }
}
