/// Writes cross-references to charts once every page is rendered: `{{ figure: adoption }}`
/// becomes « figure 2 » (`chart.reference` in the study's language), linked to the chart where it first appears, whichever page cites
/// it and wherever the chart comes in the publication. A key that no chart shows is an
/// error at the reference.
struct ChartReferenceResolver {
    let charts: [String: NumberedFigure]
    let messages: Messages

    init(charts: [NumberedFigure], messages: Messages) {
        self.messages = messages
        var first: [String: NumberedFigure] = [:]
        for chart in charts where first[chart.key] == nil { first[chart.key] = chart }
        self.charts = first
    }

    /// The markup a reference stands as until it is resolved.
    static func marker(_ key: String) -> String {
        "<a class=\"figure-ref\" data-chart=\"\(HTML.escape(key))\"></a>"
    }

    /// « figure 2 », escaped for the page.
    private func text(_ number: Int) -> String {
        HTML.escape(messages(ChartMessage.reference, ["number": String(number)]))
    }

    func resolving(_ pages: [RenderedPage]) throws -> [RenderedPage] {
        var diagnostics: [Diagnostic] = []
        let resolved = pages.map { page -> RenderedPage in
            var page = page
            var pairs: [(String, String)] = []
            for reference in page.chartReferences {
                guard let chart = charts[reference.key] else {
                    diagnostics.append(Diagnostic(file: page.page.sourcePath, at: reference.location,
                        message: "no chart shows '\(reference.key)'\(Suggestion.didYouMean(reference.key, among: charts.keys)); cite a figure that a chart block shows"))
                    continue
                }
                let path = chart.page == page.page.outputPath ? "" : SitePath.relative(to: chart.page, from: page.page.outputPath)
                pairs.append((Self.marker(reference.key), "<a class=\"figure-ref\" href=\"\(path)#\(chart.anchor)\">\(text(chart.number))</a>"))
            }
            if !pairs.isEmpty { page.contentHTML = HTMLText.replacing(pairs, in: page.contentHTML) }
            return page
        }
        try BuildFailure.throwIfAny(diagnostics)
        return resolved
    }
}
