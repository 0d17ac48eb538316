/// A key of the message catalogue: each area of Étude lists its keys in an enum of its own
/// (`FormatMessage`, `LayoutMessage`…), all named in `Messages.areas`, which the
/// completeness test walks.
public protocol MessageKey: RawRepresentable, CaseIterable, Sendable where RawValue == String {}

extension MessageKey {
    /// Every key of this area.
    static var keys: [String] { allCases.map(\.rawValue) }
}

/// Every word Étude writes into a page, the report or a chart, in one language: the theme's
/// `messages/<language>.yaml`, key by key overridden by the project's
/// `templates/messages/<language>.yaml`. A text may hold placeholders, `{name}`.
public struct Messages: Sendable, Equatable {
    public let texts: [String: String]

    /// Every area of keys; a key of an area missing from a catalogue is an error.
    static let areas: [any MessageKey.Type] = [LanguageMessage.self, FormatMessage.self, ShareMessage.self, LayoutMessage.self,
                                               ChartMessage.self, SourcesMessage.self, StatisticsMessage.self]

    /// Every key a complete catalogue holds, sorted.
    public static var allKeys: [String] {
        areas.flatMap { $0.keys }.sorted()
    }

    public init(texts: [String: String]) {
        self.texts = texts
    }

    /// The text of `key` with its placeholders filled in, in one pass: a value that holds
    /// braces (a label typed with `{x}`) is never read as a placeholder.
    public func callAsFunction<Key: MessageKey>(_ key: Key, _ values: [String: String] = [:]) -> String {
        let template = texts[key.rawValue] ?? key.rawValue
        guard template.utf8.contains(UInt8(ascii: "{")), !values.isEmpty else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"), let value = values[String(rest[rest.index(after: open)..<close])] else {
                result.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The text of `key` as written in the catalogue, placeholders left in.
    public subscript<Key: MessageKey>(_ key: Key) -> String { texts[key.rawValue] ?? key.rawValue }

    /// The texts under `prefix.` by the rest of their key, for templates (`{{t.skip_link}}`).
    func texts(under prefix: String) -> [String: String] {
        var result: [String: String] = [:]
        for (key, text) in texts where key.hasPrefix(prefix + ".") { result[String(key.dropFirst(prefix.count + 1))] = text }
        return result
    }
}

/// What a catalogue says of its language itself.
public enum LanguageMessage: String, MessageKey {
    /// `below-two` (French: 0 and 1 take the singular) or `one` (only 1 does).
    case plural = "language.plural"
    /// `french` (« » and narrow spaces before ; : ! ?), or four quotes: outer open, outer
    /// close, inner open, inner close (`“”‘’` in English, `„“‚‘` in German).
    case typography = "language.typography"
    /// The words that make a number typed after it a statistic of the survey (« 12 répondants »),
    /// for the hand-typed-number check: alternatives of a regular expression, case ignored.
    case statisticWords = "language.statistic-words"
    /// `yes` when a label inside a sentence loses its capital (French, English: « et la
    /// formation »), `no` where nouns keep theirs (German).
    case lowercaseInSentences = "language.lowercase-in-sentences"
}
