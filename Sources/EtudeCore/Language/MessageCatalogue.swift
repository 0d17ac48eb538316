import Foundation

/// Reads a message catalogue, `messages/<language>.yaml`: one `key: text` per line. Texts
/// are kept exactly as written, spaces included (`" des {noun}"`).
enum MessageCatalogue {
    /// The texts by key, with where each key was written.
    static func entries(_ text: String, shown: String) throws -> [(key: String, text: String, location: SourcePosition)] {
        let reader = YAMLReader(file: shown)
        guard let root = try reader.parse(text) else { return [] }
        return try reader.entries(of: root, shown).map { entry in
            guard let scalar = entry.value.scalar, !scalar.string.isEmpty else {
                throw reader.error("the text of '\(entry.key)' must be a line of text; quote it if it starts with a special character", at: entry.value)
            }
            if let reserved = scalar.string.unicodeScalars.first(where: Placeholder.isReserved) {
                throw reader.error("the text of '\(entry.key)': " + Placeholder.reservedMessage(reserved), at: entry.value)
            }
            return (entry.key, scalar.string, entry.location)
        }
    }

    /// The built-in catalogues go through here: French is read for `Language.french` and
    /// again when a build loads its language. A parse depends on the text alone (`shown` only
    /// names the file in an error, and errors are not kept), so each text is parsed once.
    static func parse(_ text: String, shown: String) throws -> [String: String] {
        if let known = parsed.value(for: text) { return known }
        let texts = Dictionary(try entries(text, shown: shown).map { ($0.key, $0.text) }, uniquingKeysWith: { first, _ in first })
        parsed.keep(texts, for: text)
        return texts
    }

    private static let parsed = ParsedCatalogues()
}
