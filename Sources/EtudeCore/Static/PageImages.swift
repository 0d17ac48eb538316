import Foundation

/// Checks and completes the images written in pages' Markdown (`![alt](path)`, the path
/// relative to the page, like a link): each must be a file of `static/` and have alt
/// text (the language's `image.decorative`, `decorative` in English, or the French
/// `décoratif` in any language, marks one that only decorates, published with an empty alt), and
/// gets the `width` and `height` read from its file, so that the page does not jump
/// while it loads.
struct PageImages {
    /// The French alt text that says an image only decorates, accepted whatever the study's
    /// language, since projects were written with it before `language:` existed.
    static let frenchDecorativeMarker = "décoratif"

    /// Files of `static/`, by their path in the output.
    let staticFiles: [String: Data]
    /// The alt text that says an image only decorates, in the study's language: readers of
    /// the page skip the image.
    let decorativeMarker: String
    private var sizes: [String: ImageSize?] = [:]

    init(staticFiles: [String: Data], language: Language) {
        self.staticFiles = staticFiles
        decorativeMarker = language.messages(SourcesMessage.imageDecorative)
    }

    /// `pages` with their images completed, or every problem found in any of them.
    mutating func completing(_ pages: [RenderedPage]) throws -> [RenderedPage] {
        var collector = DiagnosticCollector()
        let result = pages.map { page in
            var page = page
            page.contentHTML = completing(page, collector: &collector)
            return page
        }
        try collector.throwIfAny()
        return result
    }

    /// The page's HTML with each `<img …>` that cmark wrote completed, in the order the
    /// images are written (the order they were noted in, which gives their lines).
    private mutating func completing(_ page: RenderedPage, collector: inout DiagnosticCollector) -> String {
        let html = page.contentHTML
        guard ByteSearch.contains("<img ", in: html) else { return html }  // no bytes, no match: see `ByteSearch`
        let noted = page.links.filter(\.isImage)
        var result = ""
        var rest = html[...]
        var index = 0
        while let open = rest.range(of: "<img "), let close = rest[open.upperBound...].range(of: "/>") {
            result += rest[..<open.lowerBound]
            let tag = String(rest[open.lowerBound..<close.upperBound])
            let location = index < noted.count ? noted[index].location : nil
            result += completed(tag, of: page, at: location, collector: &collector)
            rest = rest[close.upperBound...]
            index += 1
        }
        return result + rest
    }

    private mutating func completed(_ tag: String, of page: RenderedPage, at location: SourcePosition?, collector: inout DiagnosticCollector) -> String {
        let attributes = Dictionary(HTMLText.attributes(["src", "alt"], in: tag), uniquingKeysWith: { first, _ in first })
        let source = attributes["src"] ?? ""
        let shownSource = LinkChecker.entitiesDecoded(source)
        let file = page.page.sourcePath
        let alt = LinkChecker.entitiesDecoded(attributes["alt"] ?? "").trimmed(.whitespacesAndNewlines)
        var tag = tag
        if alt.isEmpty {
            collector.report(Diagnostic(file: file, at: location, message: "the image '\(shownSource)' has no alt text, which readers who cannot see it need; "
                + "describe it between the brackets, as in ![Carte des répondants](\(shownSource)), or write ![\(decorativeMarker)](\(shownSource)) if it only decorates"))
        } else if [decorativeMarker.lowercased(), Self.frenchDecorativeMarker].contains(alt.lowercased()) {
            tag = HTMLText.rewriteAttributes(["alt"], in: tag) { _, _ in "" }
        }
        if SitePath.isExternal(shownSource) {
            collector.report(Diagnostic(file: file, at: location, message: "the image '\(shownSource)' is on another server; download it into static/ "
                + "and link it relative to the page, so that the site and its report do not depend on that server"))
            return tag
        }
        let address = LinkChecker.decoded(SitePath.split(shownSource).address.prefix { $0 != "?" })
        // A missing file is the link check's to report; a file not of static/ has no size to give.
        guard let target = SitePath.resolve(address, from: page.page.outputPath), let data = staticFiles[target] else { return tag }
        if sizes[target] == nil { sizes[target] = ImageSize(of: data) }
        guard let size = sizes[target] ?? nil else {
            collector.report(Diagnostic(file: file, at: location, message: "cannot read the width and height of static/\(target); "
                + "an image must be a PNG, JPEG, GIF or SVG file (an SVG with a width and a height in pixels, or a viewBox)"))
            return tag
        }
        return String(tag.dropLast(2)) + "width=\"\(size.width)\" height=\"\(size.height)\" />"
    }
}
