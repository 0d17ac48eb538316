import Foundation
import Testing
@testable import EtudeCore

/// Numbers typed by hand in prose that equal a figure of data/ are reported with the key to use.
@Suite struct LiteralFigureTests {
    static func makeFinder() -> LiteralFigureFinder {
        let figures = sampleFigures + """

          launched:
            label: Année de lancement
            value: 2017
            unit: year
            kind: count
            source: s1
        """
        let project = try! TestSupport.makeProject(["data/figures.yaml": figures])
        let dataset = try! DatasetLoader(dataDirectory: project.appendingPathComponent("data")).load()
        return LiteralFigureFinder(table: try! StatisticsCalculator().compute(dataset))
    }

    let finder = makeFinder()

    func found(_ line: String) -> [String] {
        finder.findings(in: line).map { "\($0.column): \($0.message)" }
    }

    /// Columns count bytes, as every diagnostic does: "Déjà " is 7 bytes long.
    @Test func percentageOfDataIsReported() {
        #expect(found("Déjà 62,5 % disent oui.") == [
            "8: '62,5 %' is typed by hand and equals the figure 'choice.yes'; write {{ choice.yes }} so that it follows data/"])
        #expect(found("Déjà 62,5\u{202F}% et 70% et 40 %.").count == 3)
        #expect(found("Soit 62.5 %.").count == 1)
    }

    /// Every statistic typed in prose is reported whatever its value, so that changing a
    /// figure of data/ cannot leave a stale one behind; plain numbers are not statistics.
    @Test func everyTypedStatisticIsReported() {
        #expect(found("Déjà 62 % disent oui, 62,5 points d’écart, 62,5 fois, 12 répondants, 3 réponses.") == [
            "8: '62 %' is a statistic typed by hand; write it as a reference to a figure of data/, or mark it as deliberate with {{ literal: 62 % }}",
            "25: '62,5 points' is a statistic typed by hand; write it as a reference to a figure of data/, or mark it as deliberate with {{ literal: 62,5 points }}",
            "60: '12 répondants' is a statistic typed by hand; write it as a reference to a figure of data/, or mark it as deliberate with {{ literal: 12 répondants }}",
            "76: '3 réponses' is a statistic typed by hand; write it as a reference to a figure of data/, or mark it as deliberate with {{ literal: 3 réponses }}"])
        #expect(found("En 1998, 62,5 fois, 12 pointures, 4 participations, page 3.").isEmpty)
        #expect(found("Voir {{ literal: 41 % }} dans l’ancien rapport.").isEmpty)
    }

    @Test func countsWithOrWithoutThousandsSeparator() {
        #expect(found("Sur 1 200 personnes.") == [
            "5: '1 200' is typed by hand and equals the figure 'people'; write {{ people }} so that it follows data/"])
        #expect(found("Sur 1\u{202F}200 ou 1200 personnes.").count == 2)
        #expect(found("Sur 1200 % des cas.").first?.contains("is a statistic typed by hand") == true)
    }

    @Test func computedCountsAndYearsAreFigures() {
        // choice.yes.count = 62,5 % × 1 200 = 750, computed and never typed.
        #expect(found("Soit 750 personnes.").first?.contains("'choice.yes.count'") == true)
        #expect(found("Lancée en 2017.").first?.contains("'launched'") == true)
    }

    @Test func fractionsAsDigitsOrWords() {
        #expect(found("Plus des 3/4 des cas.") == [
            "10: '3/4' is typed by hand and equals the figure 'most'; write {{ most }} so that it follows data/"])
        #expect(found("Plus des trois quarts des cas, Trois quarts.").count == 2)
        #expect(found("Un quart des cas, 2/3 des cas.").isEmpty)
    }

    @Test func referencesCodeLinksTagsAndListMarkersAreNotProse() {
        #expect(found("{{ choice.yes }} et `62,5 %` et [page](p1200.html) et <img width=\"1200\">").isEmpty)
        #expect(found("1200. premier point").isEmpty)
        #expect(found("A1200, 1200b, 3.1200, v2017").isEmpty)
    }

    @Test func warningsCarryFileLineAndColumnAndSkipFences() throws {
        let page = try TestSupport.renderMarkdown("", figures: sampleFigures).page
        var withBody = page
        withBody.body = "Intro.\n\n```chart\ntitle: 1200\n```\n\nSur 1200 personnes.\n"
        let warnings = finder.warnings(in: [withBody])
        #expect(warnings.map(\.description) == [
            "content/index.md:\(page.bodyLineOffset + 7):5: warning: '1200' is typed by hand and equals the figure 'people'; write {{ people }} so that it follows data/"])
    }
}
