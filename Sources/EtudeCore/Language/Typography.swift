/// The typography of a language applied to prose text: French spacing and « » for French
/// (`FrenchTypography`, unchanged), curly quotes of the language's own shape elsewhere
/// (`QuoteTypography`). Never applied to code, URLs or attributes: callers give text nodes.
public enum Typography: Sendable, Equatable {
    case french
    /// Outer and inner quotes: `“”‘’` in English, `„“‚‘` in German.
    case quotes(outerOpen: Character, outerClose: Character, innerOpen: Character, innerClose: Character)
    /// Text as typed: for a page in a language Étude has no catalogue for.
    case none

    public static let english = Typography.quotes(outerOpen: "“", outerClose: "”", innerOpen: "‘", innerClose: "’")

    /// The typography of `tag` for a page in that language: the site's own when the tag is
    /// the site's language, else that of the theme's catalogue for it, else none (text as typed).
    static func of(language tag: String, default site: Language) -> Typography {
        let primary = { (tag: String) in tag.split(separator: "-").first.map { $0.lowercased() } ?? "" }
        if primary(tag) == primary(site.tag) { return site.typography }
        return themeTypographies[primary(tag)] ?? .none
    }

    /// The typography of each catalogue of the theme, by language.
    static let themeTypographies: [String: Typography] = {
        var result: [String: Typography] = [:]
        for (path, text) in BuiltInTheme.files where path.hasPrefix(LanguageLoader.folder + "/") && path.hasSuffix(".yaml") {
            let name = String(path.dropFirst(LanguageLoader.folder.count + 1).dropLast(5))
            let texts = (try? MessageCatalogue.parse(text, shown: path)) ?? [:]
            result[name] = texts[LanguageMessage.typography.rawValue].flatMap(parse)
        }
        return result
    }()

    /// From a catalogue's `language.typography`: `french`, or four quote characters.
    static func parse(_ text: String) -> Typography? {
        if text == "french" { return .french }
        let characters = Array(text)
        guard characters.count == 4 else { return nil }
        return .quotes(outerOpen: characters[0], outerClose: characters[1], innerOpen: characters[2], innerClose: characters[3])
    }

    /// See `FrenchTypography.apply` for the two flags.
    public func apply(_ text: String, insideLink: Bool = false, fromMarkdown: Bool = false) -> String {
        switch self {
        case .french:
            return FrenchTypography.apply(text, insideLink: insideLink, fromMarkdown: fromMarkdown)
        case .none:
            return text
        case .quotes(let outerOpen, let outerClose, let innerOpen, let innerClose):
            return QuoteTypography(outer: (outerOpen, outerClose), inner: (innerOpen, innerClose)).apply(text, fromMarkdown: fromMarkdown)
        }
    }
}
