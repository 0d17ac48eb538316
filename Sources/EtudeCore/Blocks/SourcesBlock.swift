/// The ```` ```sources ```` block: "Sources et méthode", generated from `data/`: every
/// source with the figures it gives, every assumption, and how computed values are computed,
/// in the words of the study's language (`SourcesMessage`).
struct SourcesBlock: BlockRenderer {
    let table: FigureTable
    let names = ["sources"]
    /// The id of the section, which marks the page that holds it.
    static let anchor = "id=\"sources-et-methode\""

    /// The id of a source's entry in the list of sources.
    static func sourceID(_ id: String) -> String { "source-" + HTML.escape(id) }

    func render(name: String, content: String, file: String, at location: SourcePosition, context: inout BlockContext) throws -> String {
        guard content.trimmed(.whitespacesAndNewlines).isEmpty else {
            throw Diagnostic(file: file, at: location, message: "the sources block takes no options; leave it empty")
        }
        let text = { (value: String) in HTML.escape(table.language.typeset(value)) }
        let messages = table.language.messages
        // Headings, captions and headers are written as the catalogue has them, untypeset.
        let word = { (key: SourcesMessage) in HTML.escape(messages(key)) }
        let formatter = FigureFormatter(table: table)
        let dataset = table.dataset
        var html = "<div class=\"sources\">\n<h2 \(Self.anchor)>\(word(.heading))</h2>\n"
        html += "<h3 id=\"sources-chiffres\">\(word(.figuresHeading))</h3>\n"
        html += "<p>\(text(messages(SourcesMessage.figuresFiles))) " + messages.html(SourcesMessage.figuresFilesLinks, [
            "csv": "<a href=\"\(context.root)\(FigureExport.csvPath)\">figures.csv</a>",
            "json": "<a href=\"\(context.root)\(FigureExport.jsonPath)\">figures.json</a>",
        ]) + "</p>\n"
        html += "<table>\n<caption>\(word(.tableCaption))</caption>\n<thead><tr>"
            + [SourcesMessage.tableFigure, .tableValue, .tableBase, .tableOrigin, .tableSource].map { "<th scope=\"col\">\(word($0))</th>" }.joined()
            + "</tr></thead>\n"
        html += figureRows(formatter: formatter, text: text)
        html += "</table>\n"
        let assumptions = (dataset.groupOrder.compactMap { dataset.groups[$0] }.compactMap { group in group.assumption.map { (group.label, $0) } }
            + dataset.figureOrder.compactMap { dataset.figures[$0] }.filter { $0.group == nil }.compactMap { figure in figure.assumption.map { (figure.label, $0) } })
        if !assumptions.isEmpty {
            html += "<h3 id=\"sources-hypotheses\">\(word(.assumptionsHeading))</h3>\n<dl>\n"
            var seen = Set<String>()
            for (label, assumption) in assumptions {
                html += "<dt>\(text(label))</dt>\n"
                if seen.insert(assumption).inserted { html += "<dd>\(text(assumption))</dd>\n" } else { html += "<dd>\(word(.assumptionsSame))</dd>\n" }
            }
            html += "</dl>\n"
        }
        html += "<h3 id=\"sources-calculs\">\(word(.methodsHeading))</h3>\n<ul>\n"
        for method in [SourcesMessage.methodsInterval, .methodsRounding, .methodsCounts, .methodsSplitGap, .methodsDifference] {
            html += "<li>\(text(messages(method))) </li>\n"
        }
        html += dataset.methodNotes.map { "<li>\(text($0))</li>\n" }.joined()
        html += "</ul>\n<h3 id=\"sources-documents\">\(word(.listHeading))</h3>\n<ul>\n"
        for id in dataset.sourceOrder {
            html += "<li id=\"\(Self.sourceID(id))\">\(text(dataset.sources[id]!.title))</li>\n"
        }
        return html + "</ul>\n</div>"
    }

    /// The rows of the table: figures outside groups together, then each group in its own
    /// `<tbody>` headed by its label, so that parts with the same label in two groups
    /// (« Manque d’équipement » in three questions) are never confused.
    private func figureRows(formatter: FigureFormatter, text: (String) -> String) -> String {
        let dataset = table.dataset
        func row(_ key: String) -> String {
            // A row reads only its figure and what it links to: kept across rebuilds of `etude serve`.
            TitleMemo.current?.text("sources row \(key)", of: key) { makeRow(key) } ?? makeRow(key)
        }
        func makeRow(_ key: String) -> String {
            guard let resolved = table.resolved(key) else { return "" }
            let value = formatter.standardText(of: resolved.figure)
            let base = resolved.baseCount.map {
                formatter.about(resolved.baseIsEstimate, table.language.respondents($0))
            } ?? "—"
            let source = dataset.sources[resolved.figure.sourceID]?.title ?? resolved.figure.sourceID
            let origin = Provenance(key: key, table: table).origin
            return "<tr><th scope=\"row\">\(text(resolved.figure.label))</th><td>\(FigureMarkup.span(key: key, text: value, table: table))</td><td>\(HTML.escape(base))</td><td>\(text(origin))</td><td>\(text(source))</td></tr>\n"
        }
        var html = ""
        var seen = Set<String>()
        var loose = ""
        for key in dataset.figureOrder {
            guard let groupKey = dataset.figures[key]?.group, let group = dataset.groups[groupKey] else {
                loose += row(key)
                continue
            }
            guard seen.insert(groupKey).inserted else { continue }
            let kind = table.language.messages(group.kind == .split ? SourcesMessage.groupSplit : .groupMultiple)
            let source = dataset.sources[group.sourceID]?.title ?? group.sourceID
            html += "<tbody class=\"sources-group\">\n<tr><th scope=\"rowgroup\" colspan=\"5\">\(text(group.label)) (\(text(kind)))"
                + "<span class=\"sources-group-source\">\(text(table.language.messages(SourcesMessage.groupSource, ["source": source])))</span></th></tr>\n"
            html += group.partKeys.map(row).joined() + "</tbody>\n"
        }
        return (loose.isEmpty ? "" : "<tbody>\n" + loose + "</tbody>\n") + html
    }
}
