import Yams

extension SiteConfig {
    /// A well-formed BCP 47 tag (`fr`, `en-GB`, `de-CH`, `sr-Latn`): a language of 2 or 3
    /// letters, then subtags of 2 to 8 letters or digits. Checked because it goes into every
    /// page's `lang` attribute and chooses the catalogue.
    static func languageTag(_ node: Node, reader: YAMLReader, key: String = "language") throws -> String {
        let tag = try reader.text(node, key)
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        let isLetters = { (part: Substring) in part.allSatisfy { $0.isASCII && $0.isLetter } }
        let wellFormed = (2...3).contains(parts[0].count) && isLetters(parts[0])
            && parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
        guard wellFormed else {
            throw reader.error("\(key) '\(tag)' is not a language tag; write a BCP 47 tag such as fr, en, en-GB or de", at: node)
        }
        return tag
    }

    /// Where `language:` was written, for an error about its catalogue.
    var languagePosition: SourcePosition? { positions["language"] }
}
