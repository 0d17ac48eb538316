import Foundation
import Testing
@testable import EtudeCore

/// Numbers, typography and the catalogue per language; the expected strings are written
/// from each language's rules (CLDR, style guides), not read from the code.
@Suite struct LanguageTests {
    static func language(_ tag: String) throws -> Language {
        let project = try TestSupport.makeProject(["data/site.yaml": TestSupport.minimalSite])
        return try LanguageLoader(project: project).load(tag: tag, at: nil)
    }

    @Test(arguments: [
        ("fr", 1248.0, 0, "1\u{202F}248"), ("fr", 21.5, 1, "21,5"), ("fr", 1_000_000, 0, "1\u{202F}000\u{202F}000"),
        ("en", 1248, 0, "1,248"), ("en", 21.5, 1, "21.5"), ("en", 1_000_000, 0, "1,000,000"), ("en-GB", -3.25, 1, "−3.3"),
        ("de", 1248, 0, "1.248"), ("de", 21.5, 1, "21,5"), ("de-CH", 1248.5, 1, "1’248.5"),
        // Spanish groups from five digits (CLDR minimumGroupingDigits = 2).
        ("es", 1248, 0, "1248"), ("es", 12480, 0, "12.480"),
    ] as [(String, Double, Int, String)])
    func numbersFollowTheLocale(tag: String, value: Double, decimals: Int, expected: String) throws {
        let style = tag.hasPrefix("fr") ? NumberStyle.french : NumberStyle(locale: tag, singularBelowTwo: false)
        #expect(style.number(value, decimals: decimals) == expected)
    }

    @Test func percentSignSpacing() throws {
        #expect(NumberStyle.french.percent(78) == "78\u{202F}%")
        #expect(NumberStyle(locale: "en", singularBelowTwo: false).percent(78) == "78%")
        #expect(NumberStyle(locale: "de", singularBelowTwo: false).percent(21.5, decimals: 1) == "21,5\u{00A0}%")
        #expect(NumberStyle(locale: "tr", singularBelowTwo: false).percent(78) == "%78")
    }

    @Test func countsAgreeAsEachLanguageWants() throws {
        let english = try Self.language("en")
        #expect(english.respondents(1) == "1\u{00A0}respondent")
        #expect(english.respondents(0) == "0\u{00A0}respondents")
        #expect(english.respondents(1248) == "1,248\u{00A0}respondents")
        #expect(english.points(1.5, decimals: 1) == "1.5\u{00A0}points")
        #expect(english.points(1, decimals: 0) == "1\u{00A0}point")
        let french = try Self.language("fr")
        #expect(french.respondents(0) == "0\u{00A0}répondant")
        #expect(french.points(1.5, decimals: 1) == "1,5\u{00A0}point")
    }

    @Test func wordsForNumbers() throws {
        let english = try Self.language("en")
        #expect(english.ordinal(1, feminine: true) == "first")
        #expect(english.ordinal(3, feminine: false) == "third")
        #expect(english.ordinal(21, feminine: false) == "21st")
        #expect(english.smallNumberWords(7) == "seven")
        #expect(english.fractionWords(numerator: 2, denominator: 3, form: .more) == "more than two thirds")
        #expect(english.list(["a", "b", "c"]) == "a, b and c")
        let french = try Self.language("fr")
        #expect(french.ordinal(11, feminine: false) == "11e")
        #expect(french.fractionWords(numerator: 1, denominator: 3, form: .more) == "plus d’un tiers")
        #expect(try Self.language("de").ordinal(12, feminine: false) == "12.")
    }

    @Test func shareWordsInEnglish() throws {
        let words = ShareWords(language: try Self.language("en"))
        #expect(words.phrase(for: 50, feminine: false, noun: nil) == "half")
        #expect(words.phrase(for: 48, feminine: false, noun: "respondents") == "nearly half of respondents")
        #expect(words.phrase(for: 40, feminine: false, noun: "libraries") == "about four in ten libraries")
        #expect(words.phrase(for: 10, feminine: true, noun: "libraries") == "one in ten libraries")
        #expect(words.phrase(for: 0, feminine: false, noun: "libraries") == "no libraries")
        #expect(words.phrase(for: 100, feminine: false, noun: "libraries") == "all libraries")
        #expect(words.phrase(for: 76, feminine: false, noun: nil) == "more than three quarters")
    }

    @Test func englishTypography() {
        let english = Typography.english
        // Data text: straight quotes curled, no space added before ; : ! ?
        #expect(english.apply("Note: the \"main\" obstacle is equipment; is that surprising? Yes!")
            == "Note: the “main” obstacle is equipment; is that surprising? Yes!")
        #expect(english.apply("the 'lab' isn't \"the 'real' thing\"") == "the ‘lab’ isn’t “the ‘real’ thing”")
        // Markdown text arrives curled by cmark: left as it is; escaped straight quotes stay.
        #expect(english.apply("“quoted” don’t", fromMarkdown: true) == "“quoted” don’t")
        #expect(english.apply("a \"b\"", fromMarkdown: true) == "a \"b\"")
    }

    @Test func germanTypography() throws {
        let german = try Self.language("de").typography
        #expect(german.apply("Sie sagte \"Wann kommst du wieder?\"; ich weiß es nicht.")
            == "Sie sagte „Wann kommst du wieder?“; ich weiß es nicht.")
        #expect(german.apply("“außen ‘innen’ außen”", fromMarkdown: true) == "„außen ‚innen‘ außen“")
        #expect(german.apply("geht’s", fromMarkdown: true) == "geht’s")
        // German quotes typed as such in data text stay German, and close where they should.
        #expect(german.apply("Basis von „Führung“ und ‚Kultur‘") == "Basis von „Führung“ und ‚Kultur‘")
        #expect(german.apply("„außen ‚innen‘ außen“ danach") == "„außen ‚innen‘ außen“ danach")
    }

    @Test func frenchTypographyOnlyForFrench() throws {
        let french = try Self.language("fr").typography
        #expect(french.apply("Note : « x » ; vraiment ?") == "Note\u{202F}: «\u{202F}x\u{202F}»\u{202F}; vraiment\u{202F}?")
        #expect(try Self.language("en").typography.apply("Note : x") == "Note : x")
    }

    /// Every key of every area is in each built-in catalogue, and no catalogue holds a key
    /// Étude does not use (it would be a typing error, silently ignored).
    @Test(arguments: ["fr", "en", "de"])
    func catalogueIsComplete(language: String) throws {
        let text = try #require(BuiltInTheme.files["messages/\(language).yaml"])
        let keys = Set(try MessageCatalogue.parse(text, shown: language).keys)
        let wanted = Set(Messages.allKeys)
        #expect(wanted.subtracting(keys).sorted() == [], "missing from \(language).yaml")
        #expect(keys.subtracting(wanted).sorted() == [], "unknown in \(language).yaml")
    }

    /// The three catalogues list their keys in the same order, so that they read side by side.
    @Test func cataloguesInTheSameOrder() throws {
        let orders = try ["fr", "en", "de"].map { name in
            try MessageCatalogue.entries(try #require(BuiltInTheme.files["messages/\(name).yaml"]), shown: name).map(\.key)
        }
        #expect(orders[0] == orders[1])
        #expect(orders[0] == orders[2])
    }

    /// og:locale follows the tag's region, else the catalogue's.
    @Test func openGraphLocale() throws {
        #expect(try Self.language("en-US").themeWords["og_locale"] == "en_US")
        #expect(try Self.language("en").themeWords["og_locale"] == "en_GB")
        #expect(try Self.language("de-CH").themeWords["og_locale"] == "de_CH")
        #expect(try Self.language("fr").themeWords["og_locale"] == "fr_FR")
    }

    @Test func placeholdersAreFilledOnce() {
        let messages = Messages(texts: ["format.about": "about {n} ({m})"])
        #expect(messages(FormatMessage.about, ["n": "{m}", "m": "x"]) == "about {m} (x)")
    }

    /// A project overrides one text of the theme's catalogue.
    @Test func projectOverridesOneText() throws {
        let project = try TestSupport.makeProject([
            "data/site.yaml": TestSupport.minimalSite + "language: en-GB\n",
            "templates/messages/en.yaml": "layout.skip_link: Jump to the text\n",
            "content/index.md": "---\ntitle: Home\n---\nHello.\n",
        ])
        let result = try SiteBuilder(project: Project(directory: project)).render()
        let html = String(decoding: try #require(result.files["index.html"]), as: UTF8.self)
        #expect(html.contains("<html lang=\"en-GB\">"))
        #expect(html.contains("<meta property=\"og:locale\" content=\"en_GB\">"))
        #expect(html.contains(">Jump to the text</a>"))
        #expect(html.contains(">Printable version (report)</a>"))
    }

    /// German nouns keep their capital inside a sentence: the second of tied answers too.
    @Test func germanLabelsKeepTheirCapitals() throws {
        let figures = """
            sources:
              f1:
                title: Umfrage
            figures:
              obstacles:
                label: Hindernisse
                kind: multiple
                unit: percent
                several_answers: true
                source: f1
                assumption: Fragebögen ohne Antwort zählen nicht.
                base: 400
                parts:
                  equipment: { label: Fehlende Ausstattung, value: 38 }
                  culture: { label: Führungskultur, value: 38 }
            """
        let project = try TestSupport.makeProject([
            "data/site.yaml": TestSupport.minimalSite + "language: de\n", "data/figures.yaml": figures,
            "content/index.md": "---\ntitle: Start\n---\nAm häufigsten: {{ obstacles.rank-1 | label }}; {{ obstacles.equipment }}.\n",
        ])
        let html = String(decoding: try #require(try SiteBuilder(project: Project(directory: project)).render().files["index.html"]), as: UTF8.self)
        #expect(html.contains(">Fehlende Ausstattung und Führungskultur (gleichauf)</span>; "))
        #expect(html.contains("; Annahme: Fragebögen ohne Antwort zählen nicht.\">"))
    }

    /// A page in another language than the site's says so.
    @Test func pageLanguage() throws {
        let project = try TestSupport.makeProject([
            "data/site.yaml": TestSupport.minimalSite + "language: en\n",
            "content/index.md": "---\ntitle: Home\n---\nHello.\n",
            "content/citation.md": "---\ntitle: Citation\nlang: fr\n---\n\"Pourquoi pas ?\" dit-elle.\n",
            "content/zitat.md": "---\ntitle: Zitat\nlang: de-AT\n---\n\"Warum nicht?\" sagte sie.\n",
            "content/citazione.md": "---\ntitle: Citazione\nlang: it\n---\n\"Perché no?\" disse.\n",
        ])
        let result = try SiteBuilder(project: Project(directory: project)).render()
        let page = { (path: String) in String(decoding: result.files[path] ?? Data(), as: UTF8.self) }
        #expect(page("citation.html").contains("<html lang=\"fr\">"))
        #expect(page("index.html").contains("<html lang=\"en\">"))
        // Its prose takes its own language's quotes and spacing; one Étude has no catalogue for keeps what cmark made.
        #expect(page("citation.html").contains("<p>«\u{202F}Pourquoi pas\u{202F}?\u{202F}» dit-elle.</p>"))
        #expect(page("zitat.html").contains("<p>„Warum nicht?“ sagte sie.</p>"))
        #expect(page("citazione.html").contains("<p>“Perché no?” disse.</p>"))
        // Its menu entry, on every page, says which language its label is in.
        #expect(page("index.html").contains("href=\"citation.html\" lang=\"fr\">Citation</a>"))
        #expect(page("index.html").contains("href=\"index.html\" aria-current=\"page\">Home</a>"))
    }
}
