import Foundation

/// Finds the language of `language:` in data/site.yaml: its catalogue in the theme
/// (`messages/en.yaml` for `en-GB` too), each text overridable by the project's
/// `templates/messages/<language>.yaml`; a language the theme lacks needs a complete
/// catalogue of its own there.
struct LanguageLoader {
    let project: URL
    var theme: [String: String] = BuiltInTheme.files

    static let folder = "messages"

    /// The language of the project in `directory` as far as it can be read, French when its
    /// settings cannot: for messages shown while the project does not build (the preview).
    static func bestEffort(project directory: URL) -> Language {
        guard let site = try? SiteConfig.load(from: directory) else { return .french }
        return (try? LanguageLoader(project: directory).load(tag: site.language, at: nil)) ?? .french
    }

    func load(tag: String, at position: SourcePosition?) throws -> Language {
        let primary = String(tag.split(separator: "-").first ?? "").lowercased()
        let names = Array(Set([tag.lowercased(), primary])).sorted { $0.count > $1.count }.map { Self.folder + "/" + $0 + ".yaml" }
        var texts: [String: String] = [:]
        var found = false
        for name in names.reversed() {
            if let builtIn = theme[name] {
                try MessageCatalogue.parse(builtIn, shown: BuiltInTheme.shownPrefix + name).forEach { texts[$0.key] = $0.value }
                found = true
            }
        }
        for name in names.reversed() {
            let url = project.appendingPathComponent("templates/" + name)
            guard ProjectFileReader.exists(url) else { continue }
            let shown = "templates/" + name
            let entries = try MessageCatalogue.entries(try TextFileReader.read(url, shownAs: shown, within: project), shown: shown)
            try Self.checkKeys(entries, shown: shown)
            entries.forEach { texts[$0.key] = $0.text }
            found = true
        }
        guard found else {
            let known = theme.keys.filter { $0.hasPrefix(Self.folder + "/") }.map { String($0.dropFirst(Self.folder.count + 1).dropLast(5)) }.sorted()
            throw Diagnostic(file: SiteConfig.path, at: position, message: "Étude has no words for the language '\(tag)' (it has \(known.joined(separator: ", "))); "
                + "write its catalogue in templates/\(names.last!), starting from a copy of the English one (see Languages in the README)")
        }
        let missing = Messages.allKeys.filter { texts[$0] == nil }
        guard missing.isEmpty else {
            let shown = "templates/" + names.last!
            throw Diagnostic(file: shown, message: "the catalogue lacks \(missing.count) of its \(Messages.allKeys.count) texts, such as '\(missing.prefix(3).joined(separator: "', '"))'; add them (copy them from the English catalogue and translate them)")
        }
        let messages = Messages(texts: texts)
        // Checked with the keys of a project's catalogue; the theme's are tested.
        let typography = Typography.parse(messages[LanguageMessage.typography]) ?? .english
        let belowTwo = messages[LanguageMessage.plural] == "below-two"
        let numbers = primary == "fr" && typography == .french ? NumberStyle.french : NumberStyle(locale: tag, singularBelowTwo: belowTwo)
        return Language(tag: tag, numbers: numbers, typography: typography, messages: messages)
    }

    /// A key the catalogue does not know is a typing error: it would be ignored silently.
    static func checkKeys(_ entries: [(key: String, text: String, location: SourcePosition)], shown: String) throws {
        let known = Set(Messages.allKeys)
        try BuildFailure.throwIfAny(entries.filter { !known.contains($0.key) }.map {
            let suggestion = Suggestion.didYouMean($0.key, among: Messages.allKeys)
            return Diagnostic(file: shown, at: $0.location, message: "unknown text '\($0.key)'" + (suggestion.isEmpty ? "; a catalogue holds only the keys of the theme's (copy them from it)" : suggestion))
        })
        if let plural = entries.first(where: { $0.key == LanguageMessage.plural.rawValue }), !["below-two", "one"].contains(plural.text) {
            throw Diagnostic(file: shown, at: plural.location, message: "language.plural is '\(plural.text)'; write 'one' (only 1 takes the singular) or 'below-two' (0 and 1 do, as in French)")
        }
        if let words = entries.first(where: { $0.key == LanguageMessage.statisticWords.rawValue }), (try? Regex("(?:" + words.text + ")")) == nil {
            throw Diagnostic(file: shown, at: words.location, message: "language.statistic-words is not a valid list of alternatives; write words separated by '|', such as 'respondents?|responses?'")
        }
        if let typography = entries.first(where: { $0.key == LanguageMessage.typography.rawValue }), Typography.parse(typography.text) == nil {
            throw Diagnostic(file: shown, at: typography.location, message: "language.typography is '\(typography.text)'; write 'french' or the four quotes of the language, outer then inner, such as '“”‘’'")
        }
    }
}
