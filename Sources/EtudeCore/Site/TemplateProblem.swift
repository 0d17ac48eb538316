import Mustache

/// Template errors in the user's words: where, what is wrong, what to do.
enum TemplateProblem {
    /// A Mustache parse error as a diagnostic at its line and column.
    static func diagnostic(for error: Error, file: String) -> Diagnostic {
        guard let parse = error as? MustacheTemplate.ParserError else {
            return Diagnostic(file: file, message: "invalid Mustache template: \(error)")
        }
        let message: String
        switch parse.error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: message = "this closing tag does not match the section it closes; close {{#name}} with {{/name}}"
        case .expectedSectionEnd?: message = "a section is never closed; add {{/name}} for each {{#name}} or {{^name}}"
        case .unfinishedName?: message = "a tag is not finished; close it with }}"
        case .invalidSetDelimiter?: message = "the set-delimiter tag is malformed; write it as {{=<% %>=}}"
        default: message = "invalid Mustache template (\(parse.error))"
        }
        let line = parse.context.lineNumber, column = parse.context.columnNumber
        return Diagnostic(file: file, line: line, column: max(1, column), message: message)
    }

    /// Every `{{> name}}` of `text` that names no template.
    static func unknownPartials(in text: String, file: String, known: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for match in text.matches(of: /\{\{>\s*([^\s}]+)\s*\}\}/) {
            let name = String(match.output.1)
            guard !known.contains(name) else { continue }
            let before = text[..<match.range.lowerBound]
            let line = before.split(separator: "\n", omittingEmptySubsequences: false).count
            let column = before.utf8.count - (before.lastIndex(of: "\n").map { before.utf8.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
            diagnostics.append(Diagnostic(file: file, line: line, column: column,
                message: "partial '\(name)' does not exist" + (Suggestion.closest(to: name, among: known).map { "; did you mean '\($0)'?" }
                    ?? "; a partial is a file templates/partials/<name>.mustache, included as {{> partials/<name>}}")))
        }
        return diagnostics
    }
}
