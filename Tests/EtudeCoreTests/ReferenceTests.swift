import Foundation
import Testing
@testable import EtudeCore

@Suite struct ReferenceTests {
    /// A count or an interval computed from a share says so, with the assumption it rests on.
    @Test func tooltipsSayWhatIsComputedAndOnWhichAssumption() throws {
        let figures = sampleFigures.replacingOccurrences(of: "    base: people\n", with: "    base: people\n    assumption: La base est supposée.\n")
        let page = try TestSupport.renderMarkdown("{{ choice.yes }}, {{ choice.yes | respondents }}, {{ choice.yes | margin }}, {{ choice.yes.count }}.\n", figures: figures)
        let titles = page.contentHTML.matches(of: /title="([^"]*)"/).map { String($0.output.1) }
        let n = "\u{202F}"
        #expect(titles == [
            "Source\(n): Source d’essai\(n); hypothèse\(n): la base est supposée.",
            "Nombre de répondants calculé à partir de «\(n)Oui\(n)»\(n): part × base, arrondi à l’unité (estimation, la part étant arrondie)\(n); source\(n): Source d’essai\(n); hypothèse\(n): la base est supposée.",
            "Intervalle de confiance à 95\(n)% (méthode de Wilson) calculé à partir de «\(n)Oui\(n)» et de sa base\(n); source\(n): Source d’essai\(n); hypothèse\(n): la base est supposée.",
            "Calculé à partir de «\(n)Oui\(n)»\(n): part × base, arrondi à l’unité (estimation\(n): la part est elle-même arrondie)\(n); source\(n): Source d’essai\(n); hypothèse\(n): la base est supposée.",
        ])
    }

    @Test func referenceBecomesFormattedSpanWithProvenance() throws {
        let page = try TestSupport.renderMarkdown("Oui à {{ choice.yes }}.\n", figures: sampleFigures)
        #expect(page.contentHTML.contains("<span class=\"figure\" data-figure=\"choice.yes\" title=\"Source\u{202F}: Source d’essai\">62,5\u{202F}%</span>"))
        #expect(page.figureKeys == ["choice.yes"])
    }

    @Test func unknownKeyIsAnErrorWithPositionAndSuggestion() throws {
        #expect(throws: BuildFailure([Diagnostic(file: "content/index.md", line: 6, column: 10, message: "unknown figure 'choice.yess'; did you mean 'choice.yes'?")])) {
            try TestSupport.renderMarkdown("Intro.\n\nUn texte {{ choice.yess }} ici.\n", figures: sampleFigures)
        }
    }

    @Test func referencesInCodeAreLeftAlone() throws {
        let page = try TestSupport.renderMarkdown("Écrire `{{ nope }}` puis :\n\n```\n{{ nope.either }}\n```\n", figures: sampleFigures)
        #expect(page.contentHTML.contains("<code>{{ nope }}</code>"))
        #expect(page.contentHTML.contains("{{ nope.either }}"))
    }

    @Test func referencesInHeadingsTablesAndTitles() throws {
        let project = try TestSupport.makeProject([
            "data/figures.yaml": sampleFigures, "data/site.yaml": TestSupport.minimalSite,
            "content/index.md": "---\ntitle: \"{{ choice.yes }} de oui\"\ndescription: Sur {{ people }} personnes\n---\n## {{ choice.no }} de non\n\n| Réponse | Part |\n|---|---|\n| Oui | {{ choice.yes }} |\n",
        ])
        let page = try SiteBuilder(project: Project(directory: project)).render().pages[0]
        #expect(page.title == "62,5\u{202F}% de oui")
        #expect(page.description == "Sur 1\u{202F}200\u{00A0}personnes")
        #expect(page.contentHTML.contains("<h2 id=\"37-5-de-non\"><span class=\"figure\" data-figure=\"choice.no\""))
        #expect(page.toc == [TOCEntry(id: "37-5-de-non", title: "37,5\u{202F}% de non", level: 2)])
        #expect(page.contentHTML.contains("<td><span class=\"figure\" data-figure=\"choice.yes\""))
    }

    @Test(arguments: [
        ("{{ people }}", "1\u{202F}200"),
        ("{{ people | respondents }}", "1\u{202F}200\u{00A0}répondants"),
        ("{{ choice.yes | decimals: 0 }}", "63\u{202F}%"),
        // Wilson at 95 % for 70 % of 200: centre 0,696233, half-width 0,063022: 63,3 % to 75,9 %.
        ("{{ reasons.time | margin }}", "70\u{202F}% (entre 63\u{202F}% et 76\u{202F}%)"),
        ("{{ reasons.time.margin }}", "6,3\u{00A0}points"),
        ("{{ reasons.time | respondents }}", "environ\u{00A0}140\u{00A0}répondants"),
        ("{{ reasons.time.rank | ordinal-f }}", "première"),
        ("{{ reasons.price.rank | ordinal }}", "deuxième"),
        ("{{ most }}", "plus des trois quarts"),
        ("{{ most | fraction }}", "trois quarts"),
        ("{{ choice.difference }}", "25,0\u{00A0}points"),
        ("{{ choice.significance }}", "significatif au seuil de 5\u{202F}%"),
    ])
    func formats(reference: String, expected: String) throws {
        let page = try TestSupport.renderMarkdown(reference + "\n", figures: sampleFigures)
        #expect(page.contentHTML.contains(">\(expected)</span>"), "\(page.contentHTML)")
    }

    @Test(arguments: [
        ("{{ people | margin }}", "'people' has no margin of error: it needs a percentage with a base; add 'base:' to it in data/figures.yaml"),
        ("{{ people | marign }}", "unknown format 'marign'; did you mean 'margin'? (formats: decimals, margin, respondents, fraction, ordinal, ordinal-f, number, label, label-lower, change, words, words-f)"),
        ("{{ most.margin }}", "unknown figure 'most.margin'; did you mean 'most'?"),
        ("{{ Choice }}", "'{{ Choice }}' does not name a figure; write {{ key }} or {{ key | format }}"),
    ])
    func formatErrors(reference: String, message: String) throws {
        #expect(throws: BuildFailure([Diagnostic(file: "content/index.md", line: 4, column: 1, message: message)])) {
            try TestSupport.renderMarkdown(reference + "\n", figures: sampleFigures)
        }
    }
}
