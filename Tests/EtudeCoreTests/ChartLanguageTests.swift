import Foundation
import Testing
@testable import EtudeCore

/// Charts, « Sources et méthode », tooltips and page notes speak the study's language:
/// an English study gets English words (and English punctuation) and no French word.
@Suite struct ChartLanguageTests {
    static let figures = """
    sources:
      q1: { title: "Question 1" }
      q2: { title: "Question 2" }
    figures:
      respondents: { label: Respondents, value: 1012, unit: respondents, kind: count, source: q1 }
      work:
        label: Where people work
        kind: split
        unit: percent
        base: respondents
        source: q1
        parts:
          home: { label: At home, value: 40 }
          office: { label: At the office, value: 60 }
      obstacles:
        label: Obstacles to working from home
        kind: multiple
        unit: percent
        base: respondents
        several_answers: true
        assumption: "Everyone who responded answered this question."
        source: q2
        parts:
          equipment: { label: Missing equipment, value: 70 }
          network: { label: Slow network, value: 45 }
      tools:
        label: Tools provided
        unit: count
        kind: count
        source: q2
        items:
          - "a laptop"
          - "a headset"
    """

    static let page = """
    ---
    title: Results
    ---
    {{ work.home }} work at home, as {{ figure: work }} shows.

    ```chart
    figure: work
    title: Where people work
    margin: true
    ```

    ```chart
    figure: obstacles
    title: What stands in the way
    ```

    ```chart
    figure: work
    title: Where people work, again
    ```

    ```items
    figure: tools
    ```

    ![décoratif](rule.svg)
    ![decorative](rule.svg)

    ```sources
    ```
    """

    static let rule = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"2\"></svg>"

    /// The built site's text files: pages and chart downloads.
    static func build() throws -> [String: String] {
        let project = try TestSupport.makeProject([
            "data/site.yaml": "title: Working from home\nbase_url: https://example.org/wfh/\nlanguage: en\n",
            "data/figures.yaml": figures,
            "content/index.md": page,
            "static/rule.svg": rule,
        ])
        let result = try SiteBuilder(project: Project(directory: project)).render()
        return result.files.filter { $0.key.hasSuffix(".html") || $0.key.hasSuffix(".svg") }.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test func chartsSpeakEnglish() throws {
        let page = try #require(try Self.build()["index.html"])
        #expect(page.contains("<span class=\"chart-number\">Figure 1:</span> Where people work<span class=\"chart-notes\">Base: 1,012\u{00A0}respondents. Source: Question 1.</span>"))
        #expect(page.contains("<span class=\"chart-notes\">Base: 1,012\u{00A0}respondents (assumed). Several answers possible: the total exceeds 100%. Source: Question 2.</span>"))
        #expect(page.contains("<span class=\"chart-number\">Figure 1 (repeated):</span> Where people work, again"))
        #expect(page.contains("100% stacked bar. At home: 40% (95% confidence interval: "))
        #expect(page.contains("Horizontal bar chart, several answers possible. Missing equipment: 70%; Slow network: 45%."))
        // A split with its intervals has a legend: each part and its value, English colon.
        #expect(page.contains(">At home: 40% ("))
        #expect(page.contains("<summary>Figure data (table)</summary>"))
        #expect(page.contains("<thead><tr><th scope=\"col\">Answer</th><th scope=\"col\">Share</th><th scope=\"col\">95% confidence interval</th></tr></thead>"))
        #expect(page.contains("<p class=\"chart-downloads\">Download: <a href=\"donnees/graphiques/work.csv\" download>the data (CSV)</a>, "
            + "<a href=\"donnees/graphiques/work.svg\" download>the chart (SVG)</a></p>"))
        #expect(page.contains("as <a class=\"figure-ref\" href=\"#figure-1\">Figure\u{00A0}1</a> shows"))
    }

    @Test func sourcesTooltipsAndNotesSpeakEnglish() throws {
        let page = try #require(try Self.build()["index.html"])
        #expect(page.contains("<h2 id=\"sources-et-methode\">Sources and method</h2>"))
        #expect(page.contains("<caption>Each published figure: its value, base, origin and source</caption>"))
        #expect(page.contains("Where people work (breakdown: totals 100%)<span class=\"sources-group-source\">Source: Question 1</span>"))
        #expect(page.contains("<td>given by the source; base assumed</td>"))
        #expect(page.contains("<h3 id=\"sources-hypotheses\">Assumptions</h3>"))
        #expect(page.contains("title=\"Source: Question 1\""))
        #expect(page.contains("<p class=\"page-sources\">Sources of the figures on this page: <a href=\"#source-q1\">Question 1</a>; <a href=\"#source-q2\">Question 2</a>.</p>"))
        #expect(page.contains("<li>a laptop;</li>"))
        // Both the English word and the French one mark an image as decorative.
        #expect(page.components(separatedBy: "alt=\"\"").count == 3)
    }

    @Test func noFrenchWordOfChartsOrSourcesIsLeft() throws {
        let files = try Self.build()
        let french = ["répondants", "Sources et méthode", "Télécharger", "Base :", "Base\u{202F}:", "(rappel)", "hypothèse", "Plusieurs réponses",
                      "Données de la figure", "Réponse", "Intervalle de confiance", "Barre", "Diagramme", "Source :", "Source\u{202F}:", "calculé",
                      "donné par", "Chiffre", "selon la", "des chiffres de cette page", "figure\u{00A0}1", "décoratif", " ;", "\u{202F}:", "\u{202F};"]
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            for word in french {
                #expect(!text.contains(word), "\(path) holds the French « \(word) »")
            }
        }
        #expect(files["donnees/graphiques/work.svg"]?.contains("<title>Figure 1: Where people work</title>") == true)
    }
}
