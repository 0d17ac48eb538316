/// Expands `{{ key }}` references in a line of plain text written outside the pages:
/// front-matter titles, site settings, source titles, labels, chart titles. The result is
/// plain text (no markup), so that it can go into attributes, captions and the export.
struct SettingExpander {
    let formatter: FigureFormatter

    /// `text` with its references written out; problems go to `collector` at their column.
    func expand(_ text: String, file: String, at location: SourcePosition, collector: inout DiagnosticCollector) -> String {
        guard ByteSearch.contains("{{", in: text) else { return text }  // no bytes, no match: see `ByteSearch`
        var result = ""
        var index = text.startIndex
        for match in ReferenceParser.matches(in: text, file: file, origin: location) {
            result += text[index..<match.range.lowerBound]
            index = match.range.upperBound
            switch match.result.flatMap({ reference in
                formatter.text(for: reference).mapError { Diagnostic(file: file, at: reference.location, message: $0.message) }
            }) {
            case .success(let value): result += value
            case .failure(let diagnostic): collector.report(diagnostic)
            }
        }
        return result + text[index...]
    }

    /// The same, throwing every problem at once.
    func expand(_ text: String, file: String, at location: SourcePosition) throws -> String {
        var collector = DiagnosticCollector()
        let result = expand(text, file: file, at: location, collector: &collector)
        try collector.throwIfAny()
        return result
    }
}
