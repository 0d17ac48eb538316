import Testing
@testable import EtudeCore

/// The downloadable SVG's quick reads of the chart give what the patterns they replace gave.
struct ChartDownloadsEquivalenceTests {
    static let pieces = [" ", "\n", "\r\n", "\t", "\u{A0}", "role=\"img\" aria-labelledby=\"", "role=\"img\"", "\"", "a", "\u{301}", ">",
                         "viewBox=\"0 0 ", "12", ".", "3", "<svg ", "figure-1 figure-1-desc", "👍🏽",
                         "viewBox=\"0 0 640 149\"", "\u{663}", "\u{600}", "1.2.3", "viewBox=\"0 0 1 2\"\u{301}"]

    @Test func sameAsThePatterns() {
        var differences: [String] = []
        for text in RandomTexts.make(seed: 7, count: 5_000, maxPieces: 10, from: Self.pieces) {
            let height = text.firstMatch(of: /viewBox="0 0 [\d.]+ ([\d.]+)"/).flatMap { Double($0.output.1) }
            let stripped = text.replacing(/\s+role="img" aria-labelledby="[^"]*"/, with: "")
            if ChartDownloads.viewBoxHeight(of: text) != height || ChartDownloads.withoutARIA(text) != stripped { differences.append(text) }
        }
        #expect(differences.isEmpty, "\(differences.prefix(5).map(\.debugDescription))")
    }

    @Test func aChartOfThisSite() {
        let chart = "<svg class=\"chart-svg\" role=\"img\" aria-labelledby=\"figure-1-titre-svg figure-1-desc\" viewBox=\"0 0 640 149\" xmlns=\"http://www.w3.org/2000/svg\"><title>x</title></svg>"
        #expect(ChartDownloads.viewBoxHeight(of: chart) == 149)
        #expect(ChartDownloads.withoutARIA(chart) == "<svg class=\"chart-svg\" viewBox=\"0 0 640 149\" xmlns=\"http://www.w3.org/2000/svg\"><title>x</title></svg>")
    }
}
