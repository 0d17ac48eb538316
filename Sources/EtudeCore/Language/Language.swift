import Foundation

/// The language a study is published in (`language:` in data/site.yaml, French by default):
/// how it writes numbers, its typography, and every word Étude generates.
public struct Language: Sendable, Equatable {
    /// The BCP 47 tag as written (`fr`, `en-GB`), for `lang` attributes.
    public var tag: String
    public var numbers: NumberStyle
    public var typography: Typography
    public var messages: Messages

    public init(tag: String, numbers: NumberStyle, typography: Typography, messages: Messages) {
        self.tag = tag
        self.numbers = numbers
        self.typography = typography
        self.messages = messages
    }

    /// French, from the built-in catalogue: what a project without `language:` gets.
    public static let french: Language = {
        let texts = (try? MessageCatalogue.parse(BuiltInTheme.files["messages/fr.yaml"] ?? "", shown: "messages/fr.yaml")) ?? [:]
        return Language(tag: "fr", numbers: .french, typography: .french, messages: Messages(texts: texts))
    }()

    /// The language of the project in `directory`, French when its settings cannot be read.
    public static func ofProject(_ directory: URL) -> Language {
        LanguageLoader.bestEffort(project: directory)
    }

    /// The theme's words for templates (`{{t.skip_link}}`): the catalogue's `layout.*` texts,
    /// with `og_locale` following the tag's region when it has one (`en-US` → `en_US`).
    public var themeWords: [String: String] {
        var words = messages.texts(under: "layout")
        let parts = tag.split(separator: "-")
        if parts.count > 1, let region = parts.dropFirst().first(where: { $0.count == 2 && $0.allSatisfy(\.isLetter) }) {
            words["og_locale"] = parts[0].lowercased() + "_" + region.uppercased()
        }
        return words
    }

    /// Whether a label inside a sentence (after the first of tied answers, after « hypothèse : »)
    /// loses its capital; German nouns keep theirs.
    public var lowercasesInSentences: Bool { messages[LanguageMessage.lowercaseInSentences] != "no" }

    /// `{n} répondants` / `{n} respondents`: a count of respondents, singular as the language wants.
    public func respondents(_ value: Double) -> String {
        let rounded = value.rounded(.toNearestOrAwayFromZero)
        let key: FormatMessage = numbers.isSingular(rounded) ? .respondentsOne : .respondentsOther
        return messages(key, ["n": numbers.number(rounded)])
    }

    /// `6,5 points`, `0,5 point`, `1.5 points`: a number of points, rounded to `decimals`.
    public func points(_ value: Double, decimals: Int) -> String {
        let rounded = NumberStyle.rounded(value, decimals: decimals)
        return points(written: numbers.number(rounded, decimals: decimals), value: rounded)
    }

    /// A number of points already written (`+7`), its unit agreeing with `value`.
    public func points(written: String, value: Double) -> String {
        messages(numbers.isSingular(value) ? FormatMessage.pointsOne : .pointsOther, ["n": written])
    }

    /// Applies the language's typography to a text of data or of Étude (not Markdown).
    public func typeset(_ text: String) -> String {
        typography.apply(text)
    }

    /// `a, b et c` / `a, b and c`.
    public func list(_ items: [String]) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return messages(FormatMessage.listLast, ["list": items.dropLast().joined(separator: messages[FormatMessage.listSeparator]), "last": last])
    }
}
