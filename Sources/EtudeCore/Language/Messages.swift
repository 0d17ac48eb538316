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
        return Self.filling(template, with: values)
    }

    /// `template` with each `{name}` that `values` names replaced by its value, left to
    /// right; a brace is one when it is a character of its own, as a search of characters
    /// finds it, but found in the bytes (walking the characters of every label and message
    /// was two fifths of computing the statistics).
    static func filling(_ template: String, with values: [String: String]) -> String {
        let utf8 = template.utf8
        func brace(_ byte: UInt8, from start: String.Index) -> String.Index? {
            var position = start
            while let hit = utf8[position...].firstIndex(of: byte) {
                if let character = hit.samePosition(in: template), template[character] == Character(Unicode.Scalar(byte)) { return character }
                position = utf8.index(after: hit)
            }
            return nil
        }
        var result = ""
        var rest = template.startIndex
        while let open = brace(UInt8(ascii: "{"), from: rest) {
            result += template[rest..<open]
            let name = template.index(after: open)
            guard let close = brace(UInt8(ascii: "}"), from: name), let value = values[String(template[name..<close])] else {
                result.append("{")
                rest = name
                continue
            }
            result += value
            rest = template.index(after: close)
        }
        return result + template[rest...]
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
