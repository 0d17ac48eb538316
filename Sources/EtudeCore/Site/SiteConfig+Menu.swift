import Foundation
import Yams

/// A link of the menu that leads to no page: another site, or a file of the site.
public struct MenuLink: Equatable, Sendable {
    public var title: String
    /// An absolute `http(s):` or `mailto:` address, or a path from the site root.
    public var url: String
    /// Sorted with the pages: by `order`, then title.
    public var order: Int?
    /// Where `url:` is written in data/site.yaml.
    public var position: SourcePosition?

    /// True when `url` leaves the site; otherwise it is relative to the site root.
    public var isExternal: Bool { SitePath.isExternal(url) }
}

extension SiteConfig {
    /// The `menu:` list of `data/site.yaml`: `- { title: …, url: …, order: … }`.
    static func menuLinks(_ node: Node, reader: YAMLReader) throws -> [MenuLink] {
        let shape = "menu must be a list of links, each with 'title:' and 'url:' (and 'order:' if you wish)"
        guard let items = node.sequence else { throw reader.error(shape, at: node) }
        var collector = DiagnosticCollector()
        var links: [MenuLink] = []
        for item in items {
            collector.collect {
                guard item.mapping != nil else { throw reader.error(shape, at: item) }
                let entries = try reader.entries(of: item, "a menu link")
                try reader.checkKeys(entries, allowed: ["title", "url", "order"], in: "a menu link")
                let value = { (key: String) in entries.first { $0.key == key }?.value }
                guard let titleNode = value("title") else { throw reader.error("this menu link has no 'title:'; give the text the menu shows", at: item) }
                guard let urlNode = value("url") else { throw reader.error("this menu link has no 'url:'; give an address (https://…) or a file of the site (documents/rapport.pdf)", at: item) }
                var link = MenuLink(title: try reader.text(titleNode, "title"), url: try reader.text(urlNode, "url"), position: reader.textLocation(of: urlNode))
                try checkMenuURL(link.url, at: urlNode, reader: reader)
                if let order = value("order") {
                    guard let number = order.int else { throw reader.error("order must be a whole number, such as 'order: 2'", at: order) }
                    link.order = number
                }
                links.append(link)
            }
        }
        try collector.throwIfAny()
        return links
    }

    /// Menu links to files of the site that the build does not write, said once, at
    /// their line, rather than on every page whose menu holds them.
    static func brokenMenuLinks(_ links: [MenuLink], exists: (String) -> Bool) -> [Diagnostic] {
        links.filter { !$0.isExternal }.compactMap { link in
            let path = String(LinkChecker.decoded(SitePath.split(link.url).address.prefix { $0 != "?" }))
            let found = exists(path) || exists(SitePath.folderIndex(path)) || path.isEmpty
            return found ? nil : Diagnostic(file: SiteConfig.path, at: link.position,
                message: "the menu link '\(link.url)' leads to no page or file of the site; write the path of a built page or of a file of static/ from the site's root, such as documents/rapport.pdf")
        }
    }

    /// An address written into every page's menu: absolute http(s) or mailto, or a plain
    /// path inside the site (checked with the links once the site is built).
    private static func checkMenuURL(_ url: String, at node: Node, reader: YAMLReader) throws {
        if let bad = url.unicodeScalars.first(where: { !isURLCharacter($0) }) {
            throw reader.error("the menu link '\(url)' holds the character '\(bad)', which cannot stand in an address written into pages; percent-encode it (a space is %20)", at: node)
        }
        if SitePath.isExternal(url) {
            let scheme = url.prefix { $0 != ":" }.lowercased()
            let hasHost = scheme == "mailto" || URL(string: url)?.host?.isEmpty == false
            guard ["http", "https", "mailto"].contains(scheme), url.count > scheme.count + 1, !url.hasPrefix("//"), hasHost else {
                throw reader.error("the menu link '\(url)' is neither an http(s) or mailto address nor a file of the site; write https://… or a path such as documents/rapport.pdf", at: node)
            }
        } else if url.hasPrefix("/") || url.hasPrefix("#") || url.split(separator: "/").contains("..") {
            throw reader.error("the menu link '\(url)' must be a path from the site's root, with no leading '/' or '#' and no '..', such as documents/rapport.pdf", at: node)
        }
    }
}
