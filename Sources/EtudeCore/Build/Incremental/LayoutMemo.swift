import Foundation

/// Pages laid out by the earlier builds of a session: a page's HTML is reused while the
/// rendered page and everything its template context is made of (settings, menu, the
/// templates and `static/` files that make the branding, the PDF link) are unchanged.
final class LayoutMemo {
    /// What every page's layout reads besides the page. Nil fingerprints (a folder with a
    /// symbolic link) make a world equal to no other.
    struct World: Equatable {
        var site: SiteConfig
        var navigation: Navigation
        var linksPDF: Bool
        var language: Language
        var templates: FolderFingerprint?
        var statics: FolderFingerprint?

        static func == (a: World, b: World) -> Bool {
            guard a.templates != nil, a.statics != nil else { return false }
            return a.site == b.site && a.navigation == b.navigation && a.linksPDF == b.linksPDF && a.language == b.language
                && a.templates == b.templates && a.statics == b.statics
        }
    }

    private var world: World?
    private var pages: [String: (page: RenderedPage, html: String)] = [:]

    /// The HTML of every page, in order: reused ones from earlier builds, the others from
    /// `layout`, called once with the pages to lay out.
    func html(of rendered: [RenderedPage], in world: World,
              layout: ([RenderedPage]) -> [Swift.Result<String, any Error>]) -> [Swift.Result<String, any Error>] {
        if self.world != world { pages = [:] }
        self.world = world
        let missing = rendered.filter { pages[$0.page.outputPath]?.page != $0 }
        var made: [String: Swift.Result<String, any Error>] = [:]
        for (page, html) in zip(missing, layout(missing)) {
            made[page.page.outputPath] = html
            if case .success(let text) = html { pages[page.page.outputPath] = (page, text) } else { pages[page.page.outputPath] = nil }
        }
        return rendered.map { made[$0.page.outputPath] ?? .success(pages[$0.page.outputPath]!.html) }
    }
}
