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
    /// Each page's layout around its content, while all but the content is the same.
    private let skeletons = SkeletonMemo<RenderedPage>()
    /// Pages of the last build laid out from a skeleton.
    var filled: Int { skeletons.filled }

    /// The HTML of every page, in order: reused ones from earlier builds, the others from
    /// `layout`, called with the pages to lay out (at most twice, the second time only for
    /// pages whose skeleton could not be made).
    func html(of rendered: [RenderedPage], in world: World,
              layout: ([RenderedPage]) -> [Swift.Result<String, any Error>]) -> [Swift.Result<String, any Error>] {
        if self.world != world {
            pages = [:]
            skeletons.forget()
        }
        self.world = world
        skeletons.begin()
        let missing = rendered.filter { pages[$0.page.outputPath]?.page != $0 }
        var made: [String: Swift.Result<String, any Error>] = [:]
        var plain: [(page: RenderedPage, outline: RenderedPage)] = []
        var making: [(page: RenderedPage, outline: RenderedPage, placeholders: TemplateSkeleton.Placeholders)] = []
        for page in missing {
            let outline = Self.page(page, content: "")
            switch skeletons.plan(page.page.outputPath, key: outline, values: [page.contentHTML]) {
            case .filled(let html): made[page.page.outputPath] = .success(html)
            case .make(let placeholders): making.append((page, outline, placeholders))
            case .render: plain.append((page, outline))
            }
        }
        let outputs = layout(plain.map(\.page) + making.flatMap { page, _, placeholders in
            [placeholders.first, placeholders.second].map { Self.page(page, content: $0[0]) }
        })
        for ((page, outline), html) in zip(plain, outputs) {
            made[page.page.outputPath] = html
            if case .success = html { skeletons.rendered(page.page.outputPath, key: outline) }
        }
        var again: [RenderedPage] = []
        for (index, (page, outline, placeholders)) in making.enumerated() {
            let (first, second) = (outputs[plain.count + 2 * index], outputs[plain.count + 2 * index + 1])
            if case .success(let first) = first, case .success(let second) = second,
               let html = skeletons.made(page.page.outputPath, key: outline, values: [page.contentHTML],
                                         first: first, second: second, placeholders: placeholders) {
                made[page.page.outputPath] = .success(html)
            } else {
                again.append(page)
            }
        }
        for (page, html) in zip(again, again.isEmpty ? [] : layout(again)) { made[page.page.outputPath] = html }
        for page in missing {
            if case .success(let text) = made[page.page.outputPath] { pages[page.page.outputPath] = (page, text) } else { pages[page.page.outputPath] = nil }
        }
        return rendered.map { made[$0.page.outputPath] ?? .success(pages[$0.page.outputPath]!.html) }
    }

    /// `page` with `content`, and without the files beside it (a chart's downloads), which no
    /// layout reads: with no content, all that its layout reads but its content (its skeleton's key).
    private static func page(_ page: RenderedPage, content: String) -> RenderedPage {
        var copy = page
        copy.contentHTML = content
        copy.files = [:]
        return copy
    }
}
