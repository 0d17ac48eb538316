import Mustache

/// Template errors in the user's words: where, what is wrong, what to do.
enum TemplateProblem {
    /// A Mustache parse error as a diagnostic at its line and column; a section never
    /// closed is reported at its opening tag, where the reader can see which one it is.
    static func diagnostic(for error: Error, in text: String, file: String) -> Diagnostic {
        guard let parse = error as? MustacheTemplate.ParserError else {
            return Diagnostic(file: file, message: "invalid Mustache template: \(error)")
        }
        let message: String
        switch parse.error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: message = "this closing tag does not match the section it closes; close {{#name}} with {{/name}}"
        case .expectedSectionEnd?:
            if let (name, position) = unclosedSection(in: text) {
                return Diagnostic(file: file, line: position.line, column: position.column,
                                  message: "section '\(name)' opened here is never closed; add {{/\(name)}} where it ends")
            }
            message = "a section is never closed; add {{/name}} for each {{#name}} or {{^name}}"
        case .unfinishedName?: message = "a tag is not finished; close it with }}"
        case .invalidSetDelimiter?: message = "the set-delimiter tag is malformed; write it as {{=<% %>=}}"
        default: message = "invalid Mustache template (\(parse.error))"
        }
        let line = parse.context.lineNumber, column = parse.context.columnNumber
        return Diagnostic(file: file, line: line, column: max(1, column), message: message)
    }

    /// The innermost section left open at the end of `text`, with where it opens; nil when
    /// delimiters are changed (`{{=…=}}`), which this scan does not follow.
    static func unclosedSection(in text: String) -> (String, SourcePosition)? {
        guard !text.contains("{{=") else { return nil }
        var open: [(String, String.Index)] = []
        for match in text.matches(of: /\{\{([#^$<\/])\s*([^}]*?)\s*\}\}/) {
            let name = String(match.output.2)
            if match.output.1 == "/" {
                if let last = open.lastIndex(where: { $0.0 == name }) { open.removeSubrange(last...) }
            } else {
                open.append((name, match.range.lowerBound))
            }
        }
        return open.last.map { ($0.0, position(of: $0.1, in: text)) }
    }

    /// The 1-based line and column (in bytes) of `index`.
    static func position(of index: String.Index, in text: String) -> SourcePosition {
        let before = text[..<index]
        let line = before.utf8.reduce(1) { $1 == 10 ? $0 + 1 : $0 }
        let lineStart = before.utf8.lastIndex(of: 10).map { before.utf8.index(after: $0) } ?? before.startIndex
        return SourcePosition(line: line, column: before.utf8.distance(from: lineStart, to: index) + 1)
    }

    /// swift-mustache's parser measures the rest of the text at each tag, so its time grows
    /// with the square of a template's size (700 KB took a minute); larger templates are refused.
    static let maximumBytes = 100_000

    static func tooLarge(_ text: String, file: String) -> Diagnostic? {
        let bytes = text.utf8.count
        guard bytes > maximumBytes else { return nil }
        return Diagnostic(file: file, message: "the template is \((bytes + 999) / 1000) KB; Étude reads templates of at most \(maximumBytes / 1000) KB, so move parts of it into partials")
    }

    /// Sections nested deeper than this are refused before swift-mustache, whose parser
    /// recurses once per level, reads them.
    static let maximumSectionDepth = 64

    /// Every `{{> name}}` or `{{< name}}` of `tags` that names no template, and every
    /// dynamic partial (`{{>*name}}`), whose name would come from the data.
    static func unknownPartials(in tags: [MustacheTag], file: String, known: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for tag in tags where tag.sigil == ">" || tag.sigil == "<" {
            let name = tag.name
            if name.hasPrefix("*") {
                diagnostics.append(Diagnostic(file: file, line: tag.line, column: tag.column,
                    message: "dynamic partial '{{\(tag.sigil!)\(name)}}' is not supported; name the partial, such as {{> partials/footer}}"))
                continue
            }
            guard !known.contains(name) else { continue }
            diagnostics.append(Diagnostic(file: file, line: tag.line, column: tag.column,
                message: "partial '\(name)' does not exist" + (Suggestion.closest(to: name, among: known).map { "; did you mean '\($0)'?" }
                    ?? "; a partial is a file templates/partials/<name>.mustache, included as {{> partials/<name>}}")))
        }
        return diagnostics
    }

    /// Sections (`{{#…}}`, `{{^…}}`, `{{$…}}`, `{{<…}}`) nested beyond `maximumSectionDepth`.
    static func tooDeep(_ tags: [MustacheTag], file: String) -> Diagnostic? {
        MustacheTagScanner.sectionDepth(of: tags, limit: maximumSectionDepth).map { excess in
            Diagnostic(file: file, line: excess.tag.line, column: excess.tag.column,
                       message: "sections are nested \(excess.depth) levels deep; Étude reads at most \(maximumSectionDepth) levels, so close some sections with {{/name}} sooner")
        }
    }
}
