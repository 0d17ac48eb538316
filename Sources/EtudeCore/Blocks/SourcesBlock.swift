/// The ```` ```sources ```` block: "Sources et méthode", generated from `data/`: every
/// source with the figures it gives, every assumption, and how computed values are computed.
struct SourcesBlock: BlockRenderer {
    let table: FigureTable
    let names = ["sources"]
    /// The id of the section, which marks the page that holds it.
    static let anchor = "id=\"sources-et-methode\""

    /// The id of a source's entry in the list of sources.
    static func sourceID(_ id: String) -> String { "source-" + HTML.escape(id) }

    func render(name: String, content: String, file: String, at location: SourcePosition, context: inout BlockContext) throws -> String {
        guard content.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw Diagnostic(file: file, at: location, message: "the sources block takes no options; leave it empty")
        }
        let text = { (value: String) in HTML.escape(table.language.typeset(value)) }
        let formatter = FigureFormatter(table: table)
        let dataset = table.dataset
        var html = "<div class=\"sources\">\n<h2 \(Self.anchor)>Sources et méthode</h2>\n"
        html += "<h3 id=\"sources-chiffres\">Chiffres publiés et leur source</h3>\n"
        html += "<p>\(text("Ces chiffres et toutes les valeurs calculées à partir d’eux sont aussi publiés en fichiers de données :")) "
            + "<a href=\"\(context.root)\(FigureExport.csvPath)\">figures.csv</a> (pour un tableur) et "
            + "<a href=\"\(context.root)\(FigureExport.jsonPath)\">figures.json</a>.</p>\n"
        html += "<table>\n<caption>Chaque chiffre publié : sa valeur, sa base, son origine et sa source</caption>\n"
        html += "<thead><tr><th scope=\"col\">Chiffre</th><th scope=\"col\">Valeur</th><th scope=\"col\">Base</th><th scope=\"col\">Origine</th><th scope=\"col\">Source</th></tr></thead>\n"
        html += figureRows(formatter: formatter, text: text)
        html += "</table>\n"
        let assumptions = (dataset.groupOrder.compactMap { dataset.groups[$0] }.compactMap { group in group.assumption.map { (group.label, $0) } }
            + dataset.figureOrder.compactMap { dataset.figures[$0] }.filter { $0.group == nil }.compactMap { figure in figure.assumption.map { (figure.label, $0) } })
        if !assumptions.isEmpty {
            html += "<h3 id=\"sources-hypotheses\">Hypothèses</h3>\n<dl>\n"
            var seen = Set<String>()
            for (label, assumption) in assumptions {
                html += "<dt>\(text(label))</dt>\n"
                if seen.insert(assumption).inserted { html += "<dd>\(text(assumption))</dd>\n" } else { html += "<dd>Même hypothèse que ci-dessus.</dd>\n" }
            }
            html += "</dl>\n"
        }
        html += "<h3 id=\"sources-calculs\">Valeurs calculées</h3>\n<ul>\n"
        html += "<li>\(text("Intervalle de confiance à 95 % : intervalle de Wilson (z = 1,96), calculé pour la base indiquée et publié par ses deux bornes ; la marge d’erreur en est la demi-largeur. Il suppose un échantillon aléatoire et n’est qu’un ordre de grandeur ; une part de tous les répondants, qui n’est pas une estimation, n’en a pas.")) </li>\n"
        html += "<li>\(text("Parts calculées à partir d’effectifs : arrondies à l’unité par la méthode du plus fort reste, pour que les parts d’une répartition totalisent 100 %.")) </li>\n"
        html += "<li>\(text("Effectifs calculés à partir d’une part : part × base, arrondi à l’unité la plus proche (une moitié d’unité est arrondie à l’unité supérieure) ; lorsque la part est une valeur arrondie, l’effectif n’est qu’approché et il est écrit « environ ».")) </li>\n"
        html += "<li>\(text("Écart entre deux parts d’une répartition : significatif au seuil de 5 % lorsque l’intervalle de Wilson de la plus grande part exclut 50 %.")) </li>\n"
        html += "<li>\(text("Différence entre deux parts : en points, avec sa marge d’erreur à 95 % et un test au seuil de 5 % ; test de comparaison de deux proportions lorsque les parts portent sur des répondants différents, et, lorsqu’elles portent sur les mêmes répondants, test prudent fondé sur la plus grande variance que ces deux parts permettent.")) </li>\n"
        html += dataset.methodNotes.map { "<li>\(text($0))</li>\n" }.joined()
        html += "</ul>\n<h3 id=\"sources-documents\">Sources</h3>\n<ul>\n"
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
            let kind = group.kind == .split ? "répartition : total de 100 %" : "parts non exclusives"
            let source = dataset.sources[group.sourceID]?.title ?? group.sourceID
            html += "<tbody class=\"sources-group\">\n<tr><th scope=\"rowgroup\" colspan=\"5\">\(text(group.label)) (\(text(kind)))"
                + "<span class=\"sources-group-source\">\(text("Source : " + source))</span></th></tr>\n"
            html += group.partKeys.map(row).joined() + "</tbody>\n"
        }
        return (loose.isEmpty ? "" : "<tbody>\n" + loose + "</tbody>\n") + html
    }
}
