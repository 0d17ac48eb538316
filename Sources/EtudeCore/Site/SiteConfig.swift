import Foundation

/// The site's settings, from `data/site.yaml`.
public struct SiteConfig: Equatable, Sendable {
    public static let path = "data/site.yaml"
    static let keys = ["title", "subtitle", "description", "base_url", "publisher", "language", "cover", "keep", "menu", "report"] + brandingKeys

    public var title: String
    public var subtitle: String?
    public var description: String?
    /// Absolute URL the site is published at, ending with `/`.
    public var baseURL: String
    public var publisher: String?
    /// The BCP 47 tag of `language:`, French by default.
    public var language = "fr"
    /// Lines of the report's cover (references allowed).
    public var cover: [CoverLine] = []
    /// Output files Étude once wrote that a rebuild keeps (`OutputKeepRule` patterns).
    public var keep: [String] = []
    /// Links added to the menu, to other sites or files of this one.
    public var menuLinks: [MenuLink] = []
    /// The sections the printable report holds (`report: { sections: [...] }`); nil: all.
    public var reportSections: [ReportSection]?
    /// Logo, accent colours and extra stylesheet, as written.
    public var branding = BrandingSettings()
    /// Where each text setting was written, for errors in the references it holds.
    public var positions: [String: SourcePosition] = [:]

    /// A line of the report's cover and where it was written.
    public struct CoverLine: Equatable, Sendable {
        public var text: String
        public var position: SourcePosition
    }

    /// The `site` values every template sees.
    var templateValues: [String: Any] {
        ["title": title, "subtitle": subtitle ?? "", "description": description ?? "",
         "publisher": publisher ?? "", "language": language]
    }

    /// The characters an address may hold as written (RFC 3986), without any that HTML,
    /// CSS or XML would read as markup or quoting.
    static func isURLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII, scalar.value > 0x20, scalar.value < 0x7F else { return false }
        return !"\"'<>\\^`{|}".unicodeScalars.contains(scalar)
    }

    public static func load(from projectDirectory: URL) throws -> SiteConfig {
        let url = projectDirectory.appendingPathComponent(path)
        guard ProjectFileReader.exists(url) else {
            throw Diagnostic(file: path, message: "missing site settings; create \(path) with at least 'title:' and 'base_url:'")
        }
        let reader = YAMLReader(file: path)
        guard let root = try reader.parse(try TextFileReader.read(url, shownAs: path, within: projectDirectory)) else {
            throw Diagnostic(file: path, line: 1, message: "the file is empty; add 'title:' and 'base_url:'")
        }
        let entries = try reader.entries(of: root, path)
        try reader.checkKeys(entries, allowed: keys, in: path)
        let text = { (name: String) throws -> String? in
            try entries.first { $0.key == name }.map { try reader.text($0.value, name) }
        }
        guard let title = try text("title") else { throw reader.error("missing 'title:'", at: root) }
        guard var baseURL = try text("base_url") else { throw reader.error("missing 'base_url:', the address the site is published at (https://…/)", at: root) }
        let baseNode = entries.first { $0.key == "base_url" }!.value
        if let bad = baseURL.unicodeScalars.first(where: { !Self.isURLCharacter($0) }) {
            throw reader.error("base_url holds the character '\(bad)', which cannot stand in an address written into pages; percent-encode it (a space is %20)", at: baseNode)
        }
        guard let parsed = URL(string: baseURL), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host?.isEmpty == false else {
            throw reader.error("base_url '\(baseURL)' is not an absolute http(s) address", at: baseNode)
        }
        if !baseURL.hasSuffix("/") { baseURL += "/" }
        var config = SiteConfig(title: title, subtitle: try text("subtitle"), description: try text("description"),
                                baseURL: baseURL, publisher: try text("publisher"))
        if let language = entries.first(where: { $0.key == "language" })?.value {
            config.language = try languageTag(language, reader: reader)
        }
        if let cover = entries.first(where: { $0.key == "cover" })?.value {
            guard let lines = cover.sequence else { throw reader.error("cover must be a list of lines ('- …')", at: cover) }
            config.cover = try lines.map {
                CoverLine(text: try reader.text($0, "a cover line"), position: reader.textLocation(of: $0) ?? SourcePosition(line: 1, column: 1))
            }
        }
        if let keep = entries.first(where: { $0.key == "keep" })?.value {
            config.keep = try keepPatterns(keep, reader: reader)
        }
        config.branding = try branding(entries, reader: reader)
        if let menu = entries.first(where: { $0.key == "menu" })?.value {
            config.menuLinks = try menuLinks(menu, reader: reader)
        }
        if let report = entries.first(where: { $0.key == "report" })?.value {
            config.reportSections = try reportSections(report, reader: reader)
        }
        for entry in entries { config.positions[entry.key] = reader.textLocation(of: entry.value) }
        return config
    }
}
