/// The typography of a language applied to prose text: French spacing and « » for French
/// (`FrenchTypography`, unchanged), curly quotes of the language's own shape elsewhere
/// (`QuoteTypography`). Never applied to code, URLs or attributes: callers give text nodes.
public enum Typography: Sendable, Equatable {
    case french
    /// Outer and inner quotes: `“”‘’` in English, `„“‚‘` in German.
    case quotes(outerOpen: Character, outerClose: Character, innerOpen: Character, innerClose: Character)

    public static let english = Typography.quotes(outerOpen: "“", outerClose: "”", innerOpen: "‘", innerClose: "’")

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
        case .quotes(let outerOpen, let outerClose, let innerOpen, let innerClose):
            return QuoteTypography(outer: (outerOpen, outerClose), inner: (innerOpen, innerClose)).apply(text, fromMarkdown: fromMarkdown)
        }
    }
}
