/// The site's menu: top-level pages and sections (folders), each ordered by `order`, then title,
/// with the links of `menu:` in `data/site.yaml`. A page's `menu:` label stands for its title;
/// a `hidden: true` page is left out (a hidden section index leaves its whole section out).
public struct Navigation: Equatable, Sendable {
    public struct Item: Equatable, Sendable {
        public var title: String
        /// Output path of the page the item opens, relative to the site root.
        public var path: String
        /// For a section: its folder; nil for a page.
        public var folder: String?
        public var children: [Item]
        /// A link of `menu:` in data/site.yaml: `path` is its address as written.
        public var isLink = false
        /// The page's own language (`lang:`), which its label is written in.
        public var lang: String?
    }

    public var items: [Item]

    /// Builds the menu. A folder's `index.md` names and orders its section; a folder
    /// without one is named after the folder and opens its first page.
    public init(pages allPages: [RenderedPage], links: [MenuLink] = [], typography: Typography = .french) {
        let hiddenSections = Set(allPages.filter { $0.page.isSectionIndex && $0.page.frontMatter.hidden }.compactMap(\.page.section.first))
        let pages = allPages.filter { !$0.page.frontMatter.hidden && !hiddenSections.contains($0.page.section.first ?? "") }
        var entries: [(key: (Int, String), item: Item)] = links.map { link in
            ((link.order ?? Int.max, link.title), Item(title: typography.apply(link.title), path: link.url, folder: nil, children: [], isLink: true))
        }
        let topLevel = pages.filter { $0.page.section.isEmpty }
        for page in topLevel {
            entries.append((page.page.sortKey, Item(title: Self.label(of: page, typography: typography), path: page.page.outputPath, folder: nil, children: [], lang: page.page.frontMatter.lang)))
        }
        let folders = Set(pages.compactMap(\.page.section.first)).sorted()
        for folder in folders {
            let inside = pages.filter { $0.page.section.first == folder }
            let index = inside.first { $0.page.isSectionIndex && $0.page.section.count == 1 }
            let children = inside.filter { $0 != index }
                .sorted { $0.page.sortKey < $1.page.sortKey }
                .map { Item(title: Self.label(of: $0, typography: typography), path: $0.page.outputPath, folder: nil, children: [], lang: $0.page.frontMatter.lang) }
            let title = index.map { Self.label(of: $0, typography: typography) } ?? folder.prefix(1).uppercased() + folder.dropFirst().replacingOccurrences(of: "-", with: " ")
            let key = index?.page.sortKey ?? (Int.max, title)
            entries.append((key, Item(title: title, path: index?.page.outputPath ?? children.first?.path ?? "", folder: folder, children: children, lang: index?.page.frontMatter.lang)))
        }
        items = entries.sorted { $0.key < $1.key }.map(\.item)
    }

    /// A page as the menu names it: its `menu:` label, else its title.
    static func label(of page: RenderedPage, typography: Typography) -> String {
        page.page.frontMatter.menu.map { typography.apply($0) } ?? page.title
    }

    /// Pages in menu order: the order of the printable report and of figure numbers.
    public var readingOrder: [String] {
        var seen = Set<String>()
        return items.filter { !$0.isLink }.flatMap { item in [item.path] + item.children.map(\.path) }
            .filter { seen.insert($0).inserted }
    }
}
