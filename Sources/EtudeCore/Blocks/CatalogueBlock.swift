/// The ```` ```catalogue ```` block: every example, grouped by family and category,
/// with an index of anchors so a reader can browse without a script.
struct CatalogueBlock: BlockRenderer {
    let catalogue: Catalogue
    let table: FigureTable
    let names = ["catalogue"]

    func render(name: String, content: String, file: String, at location: SourcePosition, context: inout BlockContext) throws -> String {
        guard content.trimmed(.whitespacesAndNewlines).isEmpty else {
            throw Diagnostic(file: file, at: location, message: "the catalogue block takes no options; leave it empty")
        }
        guard !catalogue.examples.isEmpty else {
            throw Diagnostic(file: file, at: location, message: "the catalogue block needs examples in \(Catalogue.path)")
        }
        let text = { (value: String) in HTML.escape(table.language.typeset(value)) }
        var html = "<div class=\"catalogue\">\n<nav class=\"catalogue-index\" aria-label=\"\(HTML.escape(table.language.messages(SourcesMessage.catalogueIndex)))\">\n<ul>\n"
        for family in catalogue.families {
            html += "<li><a href=\"#famille-\(HTML.escape(family.id))\">\(text(family.label))</a>\n<ul>\n"
            for category in catalogue.categories(of: family) {
                let count = catalogue.examples(of: category).count
                html += "<li><a href=\"#categorie-\(HTML.escape(category.id))\">\(text(category.label))</a> (\(FigureMarkup.span(key: "examples.\(category.id)", text: String(count), table: table)))</li>\n"
            }
            html += "</ul>\n</li>\n"
        }
        html += "</ul>\n</nav>\n"
        for family in catalogue.families {
            html += "<section class=\"catalogue-family\" id=\"famille-\(HTML.escape(family.id))\" aria-labelledby=\"famille-\(HTML.escape(family.id))-titre\">\n"
            html += "<h2 id=\"famille-\(HTML.escape(family.id))-titre\">\(text(family.label))</h2>\n<p>\(text(family.description))</p>\n"
            for category in catalogue.categories(of: family) {
                html += "<section class=\"catalogue-category\" id=\"categorie-\(HTML.escape(category.id))\" aria-labelledby=\"categorie-\(HTML.escape(category.id))-titre\">\n"
                html += "<h3 id=\"categorie-\(HTML.escape(category.id))-titre\">\(text(category.label))</h3>\n<ul class=\"example-cards\">\n"
                for example in catalogue.examples(of: category) {
                    html += "<li class=\"example-card\">\n<h4>\(text(example.title))</h4>\n<p>\(text(example.text))</p>\n</li>\n"
                }
                let source = table.dataset.sources[category.sourceID]?.title ?? category.sourceID
                html += "</ul>\n<p class=\"catalogue-source\">\(text(table.language.messages(SourcesMessage.groupSource, ["source": source])))</p>\n</section>\n"
            }
            html += "</section>\n"
        }
        return html + "</div>"
    }
}
