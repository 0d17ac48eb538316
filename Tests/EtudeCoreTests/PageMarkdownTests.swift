import Foundation
import Testing
@testable import EtudeCore

/// Markdown stays Markdown: what the writer escaped, the text of autolinks and the
/// footnotes' ids survive Étude's rewriting.
@Suite struct PageMarkdownTests {
    func html(_ markdown: String) throws -> String {
        try PageBody.render(markdown).contentHTML
    }

    func headingIDs(_ html: String) -> [String] {
        html.matches(of: /<h[1-6] id="([^"]*)">/).map { String($0.output.1) }
    }

    @Test(arguments: [
        ("Il a dit \\\"oui\\\".\n", "<p>Il a dit &quot;oui&quot;.</p>"),
        ("Il a dit &quot;oui&quot;.\n", "<p>Il a dit &quot;oui&quot;.</p>"),
        ("Il a dit &#x22;oui&#34;.\n", "<p>Il a dit &quot;oui&quot;.</p>"),
        ("5\\'8\\\" et l&#39;apostrophe droite\n", "<p>5'8&quot; et l'apostrophe droite</p>"),
        ("*\\\"mis en relief\\\"* et `\"code\"`\n", "<p><em>&quot;mis en relief&quot;</em> et <code>&quot;code&quot;</code></p>"),
    ])
    func escapedStraightQuotesStayStraight(markdown: String, expected: String) throws {
        #expect(try html(markdown).contains(expected))
    }

    @Test func typedQuotesStillBecomeFrench() throws {
        let n = "\u{202F}"
        #expect(try html("Un \"mot\" et l'étude ; \\\"brut\\\" !\n")
            == "<p>Un «\(n)mot\(n)» et l’étude\(n); &quot;brut&quot;\(n)!</p>\n")
        // Data text never went through cmark: its straight quotes are typography to do.
        #expect(FrenchTypography.apply("Un \"mot\" et l'étude") == "Un «\(n)mot\(n)» et l’étude")
        #expect(FrenchTypography.apply("Un \"mot\" et l'étude", fromMarkdown: true) == "Un \"mot\" et l'étude")
    }

    @Test(arguments: [
        ("<https://example.org/it's>\n", "<a href=\"https://example.org/it&#x27;s\">https://example.org/it's</a>"),
        ("Voir www.example.org/l'ami ; merci\n", "<a href=\"http://www.example.org/l&#x27;ami\">www.example.org/l'ami</a>"),
        ("Voir https://example.org/a?b=1;c=2!\n", "<a href=\"https://example.org/a?b=1;c=2\">https://example.org/a?b=1;c=2</a>"),
        ("<ami@example.org>\n", "<a href=\"mailto:ami@example.org\">ami@example.org</a>"),
        ("Écrire à ami@example.org ?\n", "<a href=\"mailto:ami@example.org\">ami@example.org</a>"),
        ("<https://example.org/{{x}}>\n", ">https://example.org/{{x}}</a>"),
        ("Voir https://example.org/{{ y }}.\n", ">https://example.org/{{</a>"),
        ("[https://example.org/a;b](https://example.org/a;b)\n", ">https://example.org/a;b</a>"),
    ])
    func autolinkTextIsKeptByteForByte(markdown: String, expected: String) throws {
        #expect(try html(markdown).contains(expected))
    }

    @Test func linkTextThatIsNotItsAddressGetsTypography() throws {
        #expect(try html("[l'étude](https://example.org/)\n").contains(">l’étude</a>"))
    }

    /// Étude carries markup through cmark as private-use tokens (U+E000 to U+E005): typed by
    /// a writer, those characters are no tokens.
    @Test func typedTokenCharactersAreNotTokens() throws {
        let output = try html("\u{E002}Texte\u{E003} et \u{E000}0\u{E001}, `\u{E004}code\u{E005}`\n\n## \u{E004}Titre\n")
        #expect(output == "<p>\u{FFFD}Texte\u{FFFD} et \u{FFFD}0\u{FFFD}, <code>\u{FFFD}code\u{FFFD}</code></p>\n<h2 id=\"titre\">\u{FFFD}Titre</h2>\n")
    }

    @Test func headingsNeverTakeAFootnoteID() throws {
        let output = try html("# fn 1\n\n## fnref 1\n\n## fn\n\n## fn\n\n## Fn-note\n\nUn appel[^1], un autre[^1] et une note[^note].\n\n[^1]: Première.\n[^note]: Seconde.\n")
        let ids = headingIDs(output)
        #expect(ids == ["section-fn-1", "section-fnref-1", "section-fn", "section-fn-2", "section-fn-note"])
        let all = output.matches(of: /\sid="([^"]*)"/).map { String($0.output.1) }
        #expect(all.contains("fn-1") && all.contains("fnref-1-2") && all.contains("fn-note"))
        #expect(Set(all).count == all.count)
    }

    @Test func headingIDsAreUniqueWhateverTheOrder() throws {
        #expect(headingIDs(try html("# a\n\n# a\n\n# a-2\n\n# a\n\n# a-3\n")) == ["a", "a-2", "a-2-2", "a-3", "a-3-2"])
        var generator = HeadingIDGenerator(reserved: ["contenu"])
        #expect(["contenu", "a-2", "a", "a", "a", "A"].map { generator.makeID(for: $0) } == ["contenu-2", "a-2", "a", "a-3", "a-4", "a-5"])
    }
}
