import Yams

/// The YAML block at the top of a page, between two `---` lines.
public struct FrontMatter: Equatable, Sendable {
    public static let allowedKeys = ["title", "description", "order", "slug", "menu", "hidden", "draft", "lang"]

    public var title: String
    public var description: String?
    public var order: Int?
    public var slug: String?
    /// The page's label in the menu, shorter than its title.
    public var menu: String?
    /// Kept out of the menu (and, for a section's index, the whole section); still built.
    public var hidden = false
    /// Not built at all, unless the build is asked for drafts.
    public var draft = false
    /// The language of this page's content when it is not the site's (a quotation).
    public var lang: String?
    /// Where the title was written, for errors in references it holds.
    public var titleLocation: SourcePosition
    public var descriptionLocation: SourcePosition?
}

/// Splits a page into front matter and Markdown body, and checks the front matter.
public enum FrontMatterParser {
    /// The parsed front matter, the body, and the number of lines before the body.
    public static func parse(_ text: String, file: String) throws -> (FrontMatter, body: String, bodyLineOffset: Int) {
        var lines = LineSplitter.lines(of: text)
        if lines.last == "" { lines.removeLast() }
        guard lines.first.map({ $0.trimmed(.whitespaces) == "---" }) == true else {
            throw Diagnostic(file: file, line: 1, column: 1, message: "missing front matter; start the page with a '---' line, 'title: …', and a closing '---' line")
        }
        guard let end = lines.dropFirst().firstIndex(where: { $0.trimmed(.whitespaces) == "---" }) else {
            throw Diagnostic(file: file, line: 1, column: 1, message: "the front matter is not closed; add a '---' line after it")
        }
        let yaml = lines[1..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n") + "\n"
        let reader = YAMLReader(file: file, lineOffset: 1)
        guard let node = try reader.parse(yaml), node.mapping != nil else {
            throw Diagnostic(file: file, line: 2, column: 1, message: "the front matter has no title; add 'title: …'")
        }
        let entries = try reader.entries(of: node, "the front matter")
        var collector = DiagnosticCollector()
        collector.collect { try reader.checkKeys(entries, allowed: FrontMatter.allowedKeys, in: "the front matter") }
        let entry = { (name: String) in entries.first { $0.key == name } }
        var matter = FrontMatter(title: "", titleLocation: SourcePosition(line: 2, column: 1))
        if let titleEntry = entry("title") {
            collector.collect {
                matter.title = try reader.text(titleEntry.value, "title")
                matter.titleLocation = reader.textLocation(of: titleEntry.value) ?? titleEntry.location
            }
        } else {
            collector.report(Diagnostic(file: file, line: 2, column: 1, message: "the front matter has no title; add 'title: …'"))
        }
        if let description = entry("description") {
            collector.collect {
                matter.description = try reader.text(description.value, "description")
                matter.descriptionLocation = reader.textLocation(of: description.value)
            }
        }
        if let order = entry("order") {
            // Strict digits, not Yams's `.int`, which also reads 0x1F, 0o17, 1_000 and 1:30.
            let raw = order.value.scalar?.string ?? ""
            switch NumberReader.read(raw) {
            case .success(let number) where number.isWhole:
                matter.order = Int(number.value)
            case .success, .failure(.notPlainDecimal):
                collector.report(reader.error("order must be a whole number, such as 'order: 2'", at: order.value))
            case .failure(let problem):
                collector.report(reader.error("order '\(raw)' \(problem.reason)", at: order.value))
            }
        }
        if let slug = entry("slug") {
            collector.collect {
                let value = try reader.text(slug.value, "slug")
                guard URLName.isValid(value) else {
                    throw reader.error("slug '\(value)' must be lowercase letters and digits separated by '-', such as 'a-propos'", at: slug.value)
                }
                matter.slug = value
            }
        }
        if let menu = entry("menu") {
            collector.collect {
                let label = try reader.text(menu.value, "menu")
                // A short label of the menu: a value that changes with the data has no place there.
                guard !label.contains("{{") else {
                    throw reader.error("the menu label holds a reference; write it as plain text, such as 'menu: Résultats'", at: menu.value)
                }
                matter.menu = label
            }
        }
        if let lang = entry("lang") {
            collector.collect { matter.lang = try SiteConfig.languageTag(lang.value, reader: reader, key: "lang") }
        }
        for (key, flag) in [("hidden", \FrontMatter.hidden), ("draft", \FrontMatter.draft)] {
            guard let value = entry(key)?.value else { continue }
            if let bool = value.bool {
                matter[keyPath: flag] = bool
            } else {
                collector.report(reader.error("\(key) must be true or false, such as '\(key): true'", at: value))
            }
        }
        try collector.throwIfAny()
        return (matter, body, end + 1)
    }
}
