import Yams

/// The YAML block at the top of a page, between two `---` lines.
public struct FrontMatter: Equatable, Sendable {
    public static let allowedKeys = ["title", "description", "order", "slug"]

    public var title: String
    public var description: String?
    public var order: Int?
    public var slug: String?
    /// Where the title was written, for errors in references it holds.
    public var titleLocation: SourcePosition
    public var descriptionLocation: SourcePosition?
}

/// Splits a page into front matter and Markdown body, and checks the front matter.
public enum FrontMatterParser {
    /// The parsed front matter, the body, and the number of lines before the body.
    public static func parse(_ text: String, file: String) throws -> (FrontMatter, body: String, bodyLineOffset: Int) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard lines.first.map({ $0.trimmingCharacters(in: .whitespaces) == "---" }) == true else {
            throw Diagnostic(file: file, line: 1, column: 1, message: "missing front matter; start the page with a '---' line, 'title: …', and a closing '---' line")
        }
        guard let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else {
            throw Diagnostic(file: file, line: 1, column: 1, message: "the front matter is not closed; add a '---' line after it")
        }
        let yaml = lines[1..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n") + "\n"
        let reader = YAMLReader(file: file, lineOffset: 1)
        guard let node = try reader.parse(yaml), node.mapping != nil else {
            throw Diagnostic(file: file, line: 2, column: 1, message: "the front matter has no title; add 'title: …'")
        }
        let entries = try reader.entries(of: node, "the front matter")
        try reader.checkKeys(entries, allowed: FrontMatter.allowedKeys, in: "the front matter")
        let entry = { (name: String) in entries.first { $0.key == name } }
        guard let titleEntry = entry("title") else {
            throw Diagnostic(file: file, line: 2, column: 1, message: "the front matter has no title; add 'title: …'")
        }
        var matter = FrontMatter(title: try reader.text(titleEntry.value, "title"),
                                 titleLocation: reader.location(of: titleEntry.value) ?? titleEntry.location)
        if let description = entry("description") {
            matter.description = try reader.text(description.value, "description")
            matter.descriptionLocation = reader.location(of: description.value)
        }
        if let order = entry("order") {
            // Strict digits, not Yams's `.int`, which also reads 0x1F, 0o17, 1_000 and 1:30.
            let raw = order.value.scalar?.string ?? ""
            switch NumberReader.read(raw) {
            case .success(let number) where number.isWhole:
                matter.order = Int(number.value)
            case .success, .failure(.notPlainDecimal):
                throw reader.error("order must be a whole number, such as 'order: 2'", at: order.value)
            case .failure(let problem):
                throw reader.error("order '\(raw)' \(problem.reason)", at: order.value)
            }
        }
        if let slug = entry("slug") {
            let value = try reader.text(slug.value, "slug")
            guard value.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil else {
                throw reader.error("slug '\(value)' must be lowercase letters and digits separated by '-', such as 'a-propos'", at: slug.value)
            }
            matter.slug = value
        }
        return (matter, body, end + 1)
    }
}
