/// The ```` ```pages ```` block of a section's `index.md`: the list of the section's pages,
/// each with its title (linked) and description, in menu order, so that no one keeps that
/// list by hand. Pages are rendered one by one, so the block leaves a marker that
/// `filling(_:navigation:)` replaces once every title is known.
struct PagesBlock: BlockRenderer {
    let names = ["pages"]

    static func marker(_ folder: String) -> String { "<!--etude-pages:\(folder)-->" }

    func render(name: String, content: String, file: String, at location: SourcePosition, context: inout BlockContext) throws -> String {
        guard content.trimmed(.whitespacesAndNewlines).isEmpty else {
            throw Diagnostic(file: file, at: location, message: "the pages block takes no options; leave it empty: it lists the pages of this page's section")
        }
        let parts = file.split(separator: "/")
        guard parts.count == 3, parts.last == "index.md" else {
            throw Diagnostic(file: file, at: location, message: "the pages block lists the pages of a section, so it belongs in a section's index.md (content/<folder>/index.md)")
        }
        return Self.marker(String(parts[1]))
    }

    /// `pages` with each marker replaced by the list of its section's pages as the menu
    /// orders them (hidden pages are left out, as in the menu).
    static func filling(_ pages: [RenderedPage], navigation: Navigation) -> [RenderedPage] {
        let byPath = Dictionary(pages.map { ($0.page.outputPath, $0) }, uniquingKeysWith: { first, _ in first })
        return pages.map { page in
            guard page.page.isSectionIndex, let folder = page.page.section.first, ByteSearch.stringContains(marker(folder), in: page.contentHTML) else { return page }
            let children = navigation.items.first { $0.folder == folder }?.children ?? []
            var html = ""
            if !children.isEmpty {
                html = "<ul class=\"page-list\">\n"
                for child in children {
                    guard let linked = byPath[child.path] else { continue }
                    let link = SitePath.relative(to: child.path, from: page.page.outputPath)
                    html += "<li class=\"page-list__item\"><a href=\"\(HTML.escape(link))\">\(HTML.escape(linked.title))</a>"
                    if let description = linked.description { html += "<p class=\"page-list__description\">\(HTML.escape(description))</p>" }
                    html += "</li>\n"
                }
                html += "</ul>\n"
            }
            var filled = page
            filled.contentHTML = page.contentHTML.replacingOccurrences(of: marker(folder), with: html)
            return filled
        }
    }
}
