import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import EtudeCore

@Suite struct ChartTests {
    static func figures(_ a: Int, _ b: Int, label: String = "Le prix") -> String {
        """
        sources:
          s1: { title: "Source d’essai" }
        figures:
          reasons:
            label: Raisons
            kind: multiple
            unit: percent
            base: 200
            source: s1
            parts:
              price: { label: "\(label)", value: \(a) }
              time: { label: "Le temps, une raison dont le libellé est assez long pour passer à la ligne dans le graphique", value: \(b) }
          choice:
            label: Choix
            kind: split
            unit: percent
            base: 400
            source: s1
            parts:
              yes: { label: Oui, value: 53 }
              no: { label: Non, value: 47 }
        """
    }

    func chartHTML(_ figures: String, _ block: String) throws -> String {
        try TestSupport.renderMarkdown("Avant.\n\n```chart\n\(block)\n```\n", figures: figures).contentHTML
    }

    func svg(in html: String) -> String {
        String(html[html.range(of: "<svg")!.lowerBound..<html.range(of: "</svg>")!.upperBound])
    }

    /// (data-value, width) of every bar or segment.
    func bars(in svg: String) -> [(value: Double, width: Double)] {
        svg.matches(of: /<rect class="chart-(?:bar|segment[^"]*)"[^>]*width="([0-9.]+)"[^>]*data-value="([0-9.]+)"/).map {
            (Double($0.output.2)!, Double($0.output.1)!)
        }
    }

    @Test(arguments: [("bars", "figure: reasons\ntitle: Les raisons\nmargin: true"), ("split", "figure: choice\ntitle: Le choix")])
    func goldenSVG(name: String, block: String) throws {
        let actual = svg(in: try chartHTML(Self.figures(40, 70), block))
        let url = TestSupport.fixtures.appendingPathComponent("charts/\(name).svg")
        if GoldenTests.record { try Data(actual.utf8).write(to: url) }
        #expect(actual == (try String(contentsOf: url, encoding: .utf8)))
    }

    @Test func barsAreSortedAndProportional() throws {
        let found = bars(in: svg(in: try chartHTML(Self.figures(40, 70), "figure: reasons\ntitle: T")))
        #expect(found.map(\.value) == [70, 40])
        for bar in found { #expect(abs(bar.width - ChartLayout.wide.plotWidth * bar.value / 100) < 0.05) }
        let split = bars(in: svg(in: try chartHTML(Self.figures(40, 70), "figure: choice\ntitle: T")))
        #expect(split.map(\.value) == [53, 47])
        #expect(abs(split[0].width / split[1].width - 53.0 / 47.0) < 0.001)
    }

    @Test func dataChangeMovesBarsAndLabels() throws {
        let before = try chartHTML(Self.figures(40, 70), "figure: reasons\ntitle: T")
        let after = try chartHTML(Self.figures(55, 70), "figure: reasons\ntitle: T")
        #expect(bars(in: svg(in: before)).map(\.width) == [378, 216])
        #expect(bars(in: svg(in: after)).map(\.width) == [378, 297])
        #expect(before.contains(">40\u{202F}%</text>") && !after.contains(">40\u{202F}%</text>"))
        #expect(after.contains(">55\u{202F}%</text>"))
    }

    @Test func svgIsWellFormedXMLAndEscapesLabels() throws {
        let html = try chartHTML(Self.figures(40, 70, label: "Prix < 5 € & \\\"qualité\\\""), "figure: reasons\ntitle: A & B <c>")
        let svgText = svg(in: html)
        // Straight quotes in a data label become French quotes; < and & are escaped.
        #expect(svgText.contains("Prix &lt; 5\u{00A0}€ &amp; «\u{202F}qualité\u{202F}»"))
        #expect(SVG.escape("a\"b'c<d>&") == "a&quot;b&#39;c&lt;d&gt;&amp;")
        #expect(svgText.contains("<title id=\"figure-1-titre-svg\">A &amp; B &lt;c&gt;</title>"))
        let parser = XMLParser(data: Data(svgText.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    }

    @Test func figureIsAccessibleNumberedAndCaptioned() throws {
        let html = try chartHTML(Self.figures(40, 70), "figure: reasons\ntitle: Les raisons\nmargin: true")
        #expect(html.contains("<figure class=\"chart chart-multiple\" id=\"figure-1\" data-figure=\"reasons\">"))
        #expect(html.contains("role=\"img\" aria-labelledby=\"figure-1-titre-svg figure-1-desc\""))
        // Wilson at 95 % of 200: 70 % → 63,3–75,9 % (see ReferenceTests); 40 % → 33,5–46,9 %.
        #expect(html.contains("<desc id=\"figure-1-desc\">Diagramme en barres horizontales. Le temps, une raison dont le libellé est assez long pour passer à la ligne dans le graphique\u{202F}: 70\u{202F}% (intervalle de confiance à 95\u{202F}%\u{202F}: de 63,3\u{202F}% à 75,9\u{202F}%)\u{202F}; Le prix\u{202F}: 40\u{202F}% (intervalle de confiance à 95\u{202F}%\u{202F}: de 33,5\u{202F}% à 46,9\u{202F}%).</desc>"))
        #expect(html.contains("Figure 1\u{202F}:</span> Les raisons"))
        #expect(html.contains("Base\u{202F}: 200\u{00A0}répondants"))
        #expect(html.contains("Les parts ne s’excluent pas\u{202F}: leur total dépasse 100\u{202F}%"))
        #expect(!html.contains("Plusieurs réponses possibles"))
        #expect(html.contains("<th scope=\"row\">Le prix</th>"))
        #expect(!html.contains("width=\"100%\"") && html.contains("viewBox=\"0 0 640 "))
    }

    @Test func longLabelsWrapIntoLines() throws {
        let svgText = svg(in: try chartHTML(Self.figures(40, 70), "figure: reasons\ntitle: T"))
        let label = svgText.firstMatch(of: /<text class="chart-label"[^>]*>(.*?)<\/text>/)!.output.1
        #expect(label.matches(of: /<tspan/).count >= 2)
    }

    @Test func figuresAreNumberedAcrossPagesInMenuOrder() throws {
        let project = try TestSupport.makeProject([
            "data/site.yaml": TestSupport.minimalSite, "data/figures.yaml": Self.figures(40, 70),
            "content/index.md": "---\ntitle: Accueil\norder: 1\n---\n```chart\nfigure: choice\ntitle: Un\n```\n",
            "content/a.md": "---\ntitle: Suite\norder: 2\n---\n```chart\nfigure: reasons\ntitle: Deux\n```\n",
        ])
        let pages = try SiteBuilder(project: Project(directory: project)).render().pages
        #expect(pages.map(\.page.outputPath) == ["index.html", "a.html"])
        #expect(pages.flatMap(\.charts).map { "\($0.number) \($0.anchor) \($0.title)" } == ["1 figure-1 Un", "2 figure-2 Deux"])
    }

    /// Pages without charts are rendered first on every core; those with charts, in
    /// reading order. A chart block named with an entity (`c&#104;art`) escapes the quick
    /// look at the text, and is still numbered in order.
    @Test func figuresAreNumberedInReadingOrderWhenPagesRenderOnSeveralThreads() throws {
        var files = [
            "data/site.yaml": TestSupport.minimalSite, "data/figures.yaml": Self.figures(40, 70),
            "content/index.md": "---\ntitle: Accueil\norder: 1\n---\n```chart\nfigure: choice\ntitle: Un\n```\n",
            "content/b.md": "---\ntitle: Deux\norder: 3\n---\n```c&#104;art\nfigure: reasons\ntitle: Deux\n```\n",
            "content/d.md": "---\ntitle: Rappel\norder: 5\n---\nVoir {{ figure: reasons }}.\n\n```chart\nfigure: choice\ntitle: Un\n```\n",
        ]
        for order in [2, 4, 6, 7, 8, 9] {
            files["content/p\(order).md"] = "---\ntitle: Page \(order)\norder: \(order)\n---\nTexte ~~barré~~ \(order), www.example.org.\n"
        }
        let pages = try SiteBuilder(project: Project(directory: try TestSupport.makeProject(files))).render().pages
        #expect(pages.map(\.page.outputPath) == ["index.html", "p2.html", "b.html", "p4.html", "d.html", "p6.html", "p7.html", "p8.html", "p9.html"])
        #expect(pages.flatMap(\.charts).map { "\($0.number) \($0.anchor) \($0.page)" } == ["1 figure-1 index.html", "2 figure-2 b.html", "1 figure-1-2 d.html"])
        #expect(pages[4].contentHTML.contains("href=\"b.html#figure-2\""))
        #expect(pages[1].contentHTML.contains("<del>barré</del>"))
    }

    /// More than two parts: a legend names every part with its value, in bar order, each
    /// value shown over a segment sits over its own one, and no colour is written into
    /// the SVG (the theme's palette gives them, light and dark).
    @Test func splitOfManyPartsHasALegendAndValuesOverTheirSegments() throws {
        let figures = """
            sources:
              s1: { title: Essai }
            figures:
              days:
                label: Jours
                kind: split
                unit: percent
                base: 400
                source: s1
                parts:
                  a: { label: Aucun, value: 7 }
                  b: { label: Un jour, value: 46 }
                  c: { label: Deux jours, value: 28 }
                  d: { label: Trois jours ou plus, value: 19 }
            """
        let svgText = svg(in: try chartHTML(figures, "figure: days\ntitle: Jours"))
        #expect(!svgText.contains("fill=\"#") && !svgText.contains("stroke=\"#"))
        let legend = try #require(svgText.firstRange(of: "<g class=\"chart-legend\">"))
        let entries = svgText[legend.upperBound...].matches(of: /<tspan[^>]*>([^<]*)<\/tspan>/).map { String($0.output.1) }
        #expect(entries == ["Aucun\u{202F}: 7\u{202F}%", "Un jour\u{202F}: 46\u{202F}%", "Deux jours\u{202F}: 28\u{202F}%", "Trois jours ou plus\u{202F}: 19\u{202F}%"])
        // Each segment spans [x, x + width]; a value drawn over the bar is centred on its own.
        let segments = svgText.matches(of: /<rect class="chart-segment chart-segment-(\d) chart-fill-\d" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/)
            .map { (Int($0.output.1)!, Double($0.output.2)!, Double($0.output.3)!) }
        #expect(segments.count == 4)
        let values = svgText.matches(of: /<text class="chart-value" x="([\d.]+)"[^>]*>([^<]*)<\/text>/).map { (Double($0.output.1)!, String($0.output.2)) }
        #expect(values.map(\.1) == ["7\u{202F}%", "46\u{202F}%", "28\u{202F}%", "19\u{202F}%"])
        for ((_, x, width), (centre, _)) in zip(segments, values) {
            #expect(abs(centre - (x + width / 2)) < 0.1)
        }
    }

    /// A chart shown twice keeps its number, the second says it is a reminder; prose cites a
    /// chart by its figure's key, before or after it, from any page.
    @Test func repeatedChartsKeepTheirNumberAndProseCitesThem() throws {
        let project = try TestSupport.makeProject([
            "data/site.yaml": TestSupport.minimalSite,
            "data/figures.yaml": sampleFigures,
            "content/index.md": "---\ntitle: Accueil\norder: 1\n---\n\nVoir la {{ figure: reasons }}.\n\n```chart\nfigure: choice\ntitle: Le choix\n```\n",
            "content/suite.md": "---\ntitle: Suite\norder: 2\n---\n\n```chart\nfigure: reasons\ntitle: Les raisons\n```\n\n```chart\nfigure: choice\ntitle: Le choix\n```\n\nComme la {{ figure: choice }}.\n",
        ])
        let files = try SiteBuilder(project: Project(directory: project)).render().files
        let index = String(decoding: try #require(files["index.html"]), as: UTF8.self)
        let suite = String(decoding: try #require(files["suite.html"]), as: UTF8.self)
        #expect(index.contains("Voir la <a class=\"figure-ref\" href=\"suite.html#figure-2\">figure\u{00A0}2</a>."))
        #expect(index.contains("id=\"figure-1\""))
        #expect(suite.contains("<span class=\"chart-number\">Figure 2\u{202F}:</span> Les raisons"))
        #expect(suite.contains("id=\"figure-1-2\""))
        #expect(suite.contains("<span class=\"chart-number\">Figure 1 (rappel)\u{202F}:</span> Le choix"))
        #expect(suite.contains("Comme la <a class=\"figure-ref\" href=\"index.html#figure-1\">figure\u{00A0}1</a>."))
        let report = String(decoding: try #require(files["rapport.html"]), as: UTF8.self)
        #expect(report.contains("<a class=\"figure-ref\" href=\"#figure-2\">figure\u{00A0}2</a>"))
    }

    @Test func aChartReferenceToNoChartIsAnError() throws {
        let project = try TestSupport.makeProject([
            "data/site.yaml": TestSupport.minimalSite,
            "data/figures.yaml": sampleFigures,
            "content/index.md": "---\ntitle: Accueil\n---\n\nVoir la {{ figure: choix }}.\n\n```chart\nfigure: choice\ntitle: Le choix\n```\n",
        ])
        let error = #expect(throws: BuildFailure.self) { try SiteBuilder(project: Project(directory: project)).render() }
        #expect(error?.description == "content/index.md:5:9: error: no chart shows 'choix'; did you mean 'choice'?; cite a figure that a chart block shows")
    }

    /// `order`, `highlight`, `decimals` and `note`, and whiskers asked of a split.
    @Test func chartOptions() throws {
        let declared = svg(in: try chartHTML(sampleFigures, "figure: reasons\ntitle: T\norder: declared"))
        #expect(declared.firstRange(of: "Le prix")!.lowerBound < declared.firstRange(of: "Le temps")!.lowerBound)
        let byValue = svg(in: try chartHTML(sampleFigures, "figure: reasons\ntitle: T"))
        #expect(byValue.firstRange(of: "Le temps")!.lowerBound < byValue.firstRange(of: "Le prix")!.lowerBound)
        let highlighted = try chartHTML(sampleFigures, "figure: reasons\ntitle: T\nhighlight: price")
        #expect(svg(in: highlighted).matches(of: /class="chart-bar chart-muted"/).count == 1)
        let decimals = try chartHTML(sampleFigures, "figure: reasons\ntitle: T\ndecimals: 1")
        #expect(decimals.contains(">40,0\u{202F}%<"))
        let note = try chartHTML(sampleFigures, "figure: reasons\ntitle: T\nnote: Enquête de {{ people }} personnes")
        #expect(note.contains("<p class=\"chart-note\">Enquête de 1\u{202F}200\u{00A0}personnes</p>"))
        let split = svg(in: try chartHTML(sampleFigures, "figure: choice\ntitle: T\nmargin: true"))
        #expect(split.contains("<g class=\"chart-legend\">"))
        #expect(split.contains("(de "))
        #expect(throws: BuildFailure.self) { try chartHTML(sampleFigures, "figure: reasons\ntitle: T\nhighlight: prize") }
        #expect(throws: BuildFailure.self) { try chartHTML(sampleFigures, "figure: reasons\ntitle: T\norder: size") }
    }

    /// Under each chart, its data as CSV and the chart as a standalone SVG, once per chart.
    @Test func chartDataAndPictureCanBeDownloaded() throws {
        let project = try TestSupport.makeProject([
            "data/site.yaml": TestSupport.minimalSite,
            "data/figures.yaml": sampleFigures,
            "content/dossier/index.md": "---\ntitle: Dossier\n---\n\n```chart\nfigure: reasons\ntitle: Les raisons\nmargin: true\nnote: Note d’essai\n```\n\n```chart\nfigure: reasons\ntitle: Les raisons\n```\n",
            "content/index.md": "---\ntitle: Accueil\n---\n\nTexte.\n",
        ])
        let files = try SiteBuilder(project: Project(directory: project)).render().files
        let page = String(decoding: try #require(files["dossier/index.html"]), as: UTF8.self)
        #expect(page.components(separatedBy: "<a href=\"../donnees/graphiques/reasons.csv\" download>les données (CSV)</a>").count == 3)
        let csv = String(decoding: try #require(files["donnees/graphiques/reasons.csv"]), as: UTF8.self)
        // Wilson at 95 % for 70 % of 200: 63,32 % to 75,93 % (see ReferenceTests).
        #expect(csv.hasPrefix("reponse,part,texte,base,intervalle_bas,intervalle_haut\r\nLe temps,70,70\u{202F}%,200,63.32093162728"))
        let svg = try #require(files["donnees/graphiques/reasons.svg"])
        let parser = XMLParser(data: svg)
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("Figure 1\u{202F}: Les raisons"))
        #expect(text.contains("Source\u{202F}: Source d’essai") && text.contains("Note d’essai"))
        #expect(text.contains(".chart-fill-2{fill:#b85c00}"))
    }

    /// An ordered scale: diverging bars whose centre line falls in the middle of the neutral
    /// answer, the answers apart drawn after a gap with their values; items of one scale
    /// share a chart, and items of different scales cannot.
    @Test func orderedScaleIsCentredOnItsNeutralAnswer() throws {
        let item = { (key: String, values: [Int]) in """
              \(key):
                label: Item \(key)
                kind: split
                unit: percent
                base: 500
                source: s1
                scale: { neutral: mid, apart: [dk] }
                parts:
                  high: { label: Haut, value: \(values[0]) }
                  mid: { label: Milieu, value: \(values[1]) }
                  low: { label: Bas, value: \(values[2]) }
                  dk: { label: Ne sait pas, value: \(values[3]) }

            """ }
        let figures = "sources:\n  s1: { title: Essai }\nfigures:\n" + item("a", [40, 20, 30, 10]) + item("b", [10, 30, 50, 10])
        let html = try chartHTML(figures, "figure: a, b\ntitle: Échelle")
        let svgText = svg(in: html)
        #expect(html.contains("<figure class=\"chart chart-scale\""))
        let axis = try #require(svgText.firstMatch(of: /<line class="chart-axis" x1="([\d.]+)"/)).output.1
        let segments = svgText.matches(of: /<rect class="chart-segment (chart-scale-[a-z0-9-]+)" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/)
            .map { (String($0.output.1), Double($0.output.2)!, Double($0.output.3)!) }
        #expect(segments.map(\.0) == ["chart-scale-left-1", "chart-scale-neutral", "chart-scale-right-1", "chart-scale-apart",
                                     "chart-scale-left-1", "chart-scale-neutral", "chart-scale-right-1", "chart-scale-apart"])
        for neutral in [segments[1], segments[5]] {
            #expect(abs(neutral.1 + neutral.2 / 2 - Double(axis)!) < 0.11)
        }
        #expect(svgText.contains(">10\u{202F}%</text>"))
        #expect(svgText.contains("Ne sait pas (hors échelle)"))
        let mismatched = "sources:\n  s1: { title: Essai }\nfigures:\n" + item("a", [40, 20, 30, 10])
            + "  c: { label: C, kind: split, unit: percent, source: s1, scale: ordered, parts: { x: { label: X, value: 50 }, y: { label: Y, value: 50 } } }\n"
        let error = #expect(throws: BuildFailure.self) { try chartHTML(mismatched, "figure: a, c\ntitle: T") }
        #expect(error?.description.contains("'c' and 'a' do not have the same answers and scale") == true)
    }

    /// The same question by segment: one chart, one axis, and one order of the answers for
    /// every segment (the first segment's, largest first), each segment under its heading.
    @Test func smallMultiplesShareTheirScaleAndAnswerOrder() throws {
        let segment = { (key: String, label: String, values: [Int]) in """
              by.\(key):
                label: \(label)
                kind: multiple
                unit: percent
                base: 300
                source: s1
                parts:
                  a: { label: Réponse A, value: \(values[0]) }
                  b: { label: Réponse B, value: \(values[1]) }
                  c: { label: Réponse C, value: \(values[2]) }

            """ }
        let figures = "sources:\n  s1: { title: Essai }\nfigures:\n" + segment("x", "Communes", [20, 60, 40]) + segment("y", "Régions", [70, 10, 30])
        let svgText = svg(in: try chartHTML(figures, "figure: by\ntitle: Par structure"))
        let texts = svgText.matches(of: /<tspan[^>]*>([^<]*)<\/tspan>/).map { String($0.output.1) }
        #expect(texts == ["Communes", "Réponse B", "Réponse C", "Réponse A", "Régions", "Réponse B", "Réponse C", "Réponse A"])
        #expect(svgText.matches(of: /class="chart-grid"/).count == 5)
        let table = try chartHTML(figures, "figure: by\ntitle: Par structure")
        #expect(table.contains("<th scope=\"row\">Régions — Réponse A</th>"))
        let mixed = figures + "  by.z: { label: Z, kind: multiple, unit: percent, source: s1, parts: { q: { label: Q, value: 5 } } }\n"
        #expect(throws: BuildFailure.self) { try chartHTML(mixed, "figure: by\ntitle: T") }
    }

    /// Two waves of one question, with the change of each answer declared: each answer's
    /// bars side by side, the earlier one muted, the later one with its change in points,
    /// marked « * » when significant. 61 % of 1 012 against 52 % of 900: pooled p =
    /// (617,32 + 468)/1 912 = 0,56763, SE = √(0,56763 × 0,43237 × (1/1 012 + 1/900)) = 0,022695,
    /// z = 0,09/0,022695 = 3,97: significant; 40 % against 38 %: z = 0,90, not.
    @Test func twoWavesArePairedWithTheirChange() throws {
        let figures = """
            sources:
              s1: { title: Essai }
            figures:
              r.a:
                label: Vague 1
                kind: multiple
                unit: percent
                base: 900
                source: s1
                parts: { t: { label: Temps, value: 52 }, c: { label: Calme, value: 38 } }
              r.b:
                label: Vague 2
                kind: multiple
                unit: percent
                base: 1012
                source: s1
                parts: { t: { label: Temps, value: 61 }, c: { label: Calme, value: 40 } }
              d.t: { label: Temps, kind: difference, of: [r.b.t, r.a.t] }
              d.c: { label: Calme, kind: difference, of: [r.b.c, r.a.c] }
            """
        let html = try chartHTML(figures, "figure: r\ntitle: Deux vagues\norder: declared")
        let svgText = svg(in: html)
        let texts = svgText.matches(of: /<tspan[^>]*>([^<]*)<\/tspan>/).map { String($0.output.1) }
        #expect(texts == ["Temps", "Vague 1", "Vague 2", "Calme", "Vague 1", "Vague 2"])
        let values = svgText.matches(of: /<text class="chart-value"[^>]*>([^<]*)<\/text>/).map { String($0.output.1) }
        #expect(values == ["52\u{202F}%", "61\u{202F}% (+9\u{00A0}points*)", "38\u{202F}%", "40\u{202F}% (+2\u{00A0}points)"])
        #expect(svgText.matches(of: /class="chart-bar chart-muted"/).count == 2)
        #expect(html.contains("* : évolution significative au seuil de 5\u{202F}% (test de deux proportions).".replacingOccurrences(of: " :", with: "\u{202F}:")))
        #expect(html.contains("de 900\u{00A0}à 1\u{202F}012\u{00A0}répondants selon la série"))
    }
}
