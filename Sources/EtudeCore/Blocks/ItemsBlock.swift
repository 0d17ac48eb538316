/// The ```` ```items ```` block: the list of things a count figure counts (`items:` in
/// `data/figures.yaml`), so that the list on the page and the number in the prose come
/// from the same data and cannot drift apart.
///
///     ```items
///     figure: implementation.helped
///     ```
///
/// Items are punctuated as an enumeration: « ; » after each (`items.separator`, spaced in
/// French), « . » after the last, unless an item already ends with punctuation.
struct ItemsBlock: BlockRenderer {
    let table: FigureTable
    let names = ["items"]
    static let options = ["figure"]

    func render(name: String, content: String, file: String, at location: SourcePosition, context: inout BlockContext) throws -> String {
        let options = try BlockOptions(content, block: "items", allowed: Self.options, file: file, at: location)
        let key = try options.required("figure", "names no figure; add 'figure: <key of a count with items>'")
        guard let figure = table.resolved(key)?.figure else {
            let counts = table.dataset.figureOrder.filter { table.dataset.figures[$0]?.items != nil }
            throw Diagnostic(file: file, at: location, message: "unknown figure '\(key)' in items block\(Suggestion.didYouMean(key, among: counts))")
        }
        guard let items = figure.items else {
            throw Diagnostic(file: file, at: location, message: "'\(key)' has no items to list; give it 'items:' (one '- …' per item) in data/figures.yaml")
        }
        var html = "<ul class=\"items\" data-figure=\"\(HTML.escape(key))\"\(FigureMarkup.sourceTitle(key: key, table: table))>\n"
        let separator = table.language.messages(SourcesMessage.itemsSeparator)
        for (index, item) in items.enumerated() {
            let last = index == items.count - 1
            let punctuated = item.last.map { ".;:!?…".contains($0) } == true ? item : item + (last ? "." : separator)
            html += "<li>\(HTML.escape(table.language.typeset(punctuated)))</li>\n"
        }
        return html + "</ul>"
    }
}
