/// Rewrites a page's Markdown tree: figure references become formatted values in a
/// `<span data-figure>`, known fenced blocks become their HTML, headings get ids, and
/// prose gets French typography.
struct PageRewriter: MarkdownRewriter {
    let file: String
    let formatter: FigureFormatter
    let blocks: [String: any BlockRenderer]
    var context: BlockContext
    var placeholders = PlaceholderTable()
    var ids = HeadingIDGenerator(reserved: PageRewriter.layoutIDs)
    var toc: [TOCEntry] = []
    var figureKeys: [String] = []
    var links: [ContentLink] = []
    var chartReferences: [ChartReference] = []
    /// Tooltips by key and format: a page citing a figure a thousand times builds it once.
    var titles: [TitleKey: String] = [:]

    struct TitleKey: Hashable {
        var key: String
        var format: ReferenceFormat
    }

    var collector = DiagnosticCollector()
    /// The references found in the same texts by earlier builds (`etude serve`).
    var references: ReferenceMatchMemo?
    /// The typography of the page's own language (`lang:`), when it is not the site's.
    var typography: Typography?

    /// Ids the layout itself uses, never given to a heading.
    static let layoutIDs: Set<String> = ["contenu", "navigation", "sommaire"]

    mutating func rewriteText(_ text: String, at location: SourcePosition, insideLink: Bool) throws -> String {
        // cmark has decoded entities (`&#xE005;`): a reserved character here could forge a placeholder.
        if let reserved = text.unicodeScalars.first(where: Placeholder.isReserved) {
            collector.report(Diagnostic(file: file, at: location, message: Placeholder.reservedMessage(reserved)))
            return ""
        }
        var result = ""
        var index = text.startIndex
        for match in references?.matches(in: text, file: file, origin: location) ?? ReferenceParser.matches(in: text, file: file, origin: location) {
            result += (typography ?? formatter.language.typography).apply(String(text[index..<match.range.lowerBound]), insideLink: insideLink, fromMarkdown: true)
            index = match.range.upperBound
            switch match.result {
            case .failure(let diagnostic):
                collector.report(diagnostic)
            case .success(let reference):
                if case .literal(let text) = reference.format {
                    result += (typography ?? formatter.language.typography).apply(text, insideLink: insideLink)
                    continue
                }
                if case .chart(let key) = reference.format {
                    chartReferences.append(ChartReference(key: key, location: reference.location))
                    result += placeholders.add(.inline(html: ChartReferenceResolver.marker(key), plain: "figure"))
                    continue
                }
                switch formatter.proseText(for: reference) {
                case .failure(let problem):
                    collector.report(Diagnostic(file: file, at: reference.location, message: problem.message))
                case .success(let value):
                    figureKeys.append(reference.key)
                    let cacheKey = TitleKey(key: reference.key, format: reference.format)
                    let title = titles[cacheKey] ?? FigureMarkup.sourceTitle(key: reference.key, table: formatter.table, format: reference.format)
                    titles[cacheKey] = title
                    result += placeholders.add(.inline(html: FigureMarkup.span(key: reference.key, text: value, title: title), plain: value))
                }
            }
        }
        result += (typography ?? formatter.language.typography).apply(String(text[index...]), insideLink: insideLink, fromMarkdown: true)
        return result
    }

    mutating func replaceCodeBlock(info: String, content: String, at location: SourcePosition) throws -> String? {
        let name = info.split(separator: " ").first.map(String.init) ?? ""
        guard let renderer = blocks[name] else { return nil }
        do {
            let file = self.file
            let render = { (context: inout BlockContext) in try renderer.render(name: name, content: content, file: file, at: location, context: &context) }
            // Charts are drawn again only where a change reaches them (`etude serve`).
            let memo = renderer.numbersFigures ? ChartMemo.current : nil
            let html = try memo.map { try $0.chart(name + "\n" + content, context: &context, draw: render) } ?? render(&context)
            return placeholders.add(.block(html: html))
        } catch let diagnostic as Diagnostic {
            collector.report(diagnostic)
        } catch let failure as BuildFailure {
            failure.diagnostics.forEach { collector.report($0) }
        }
        return nil
    }

    mutating func markHeading(level: Int, plainText: String, at location: SourcePosition) throws -> String {
        let title = placeholders.plainText(plainText)
        let id = ids.makeID(for: title)
        if level == 2 || level == 3 { toc.append(TOCEntry(id: id, title: title, level: level)) }
        return placeholders.add(.headingID(id))
    }

    mutating func noteLink(_ destination: String, at location: SourcePosition) {
        links.append(ContentLink(destination: destination, location: location))
    }

    mutating func noteImage(_ destination: String, at location: SourcePosition) {
        links.append(ContentLink(destination: destination, location: location, isImage: true))
    }
}

/// The markup of a published figure: its value, with its key and source kept in the HTML.
enum FigureMarkup {
    /// `format` is how the reference writes the figure: a count of respondents or an
    /// interval computed from a share says so in its tooltip.
    static func span(key: String, text: String, table: FigureTable, format: ReferenceFormat = .standard) -> String {
        span(key: key, text: text, title: sourceTitle(key: key, table: table, format: format))
    }

    /// The same with its ` title="…"` attribute already made.
    static func span(key: String, text: String, title: String) -> String {
        "<span class=\"figure\" data-figure=\"\(HTML.escape(key))\"\(title)>\(HTML.escape(text))</span>"
    }

    /// ` title="…"` saying where the figure comes from (see `Provenance`), or nothing.
    static func sourceTitle(key: String, table: FigureTable, format: ReferenceFormat = .standard) -> String {
        guard let memo = TitleMemo.current else { return makeSourceTitle(key: key, table: table, format: format) }
        return memo.title(key: key, format: format) { makeSourceTitle(key: key, table: table, format: format) }
    }

    private static func makeSourceTitle(key: String, table: FigureTable, format: ReferenceFormat) -> String {
        Provenance(key: key, table: table, format: format).tooltip.map { " title=\"\(HTML.escape(table.language.typeset($0)))\"" } ?? ""
    }
}

/// Escaping for text and attribute values.
public enum HTML {
    public static func escape(_ text: String) -> String {
        // Nothing to escape without one of these bytes (a character equal to one of the five
        // is that very ASCII scalar): most labels and tooltips are returned as they are.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
