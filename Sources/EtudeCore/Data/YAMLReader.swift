import Foundation
import Yams

/// Reads YAML with positions, turning every problem into a `Diagnostic` for `file`.
struct YAMLReader {
    /// Path shown in messages, relative to the project.
    let file: String
    /// Lines before the YAML text in its file (front matter starts after `---`).
    var lineOffset = 0
    /// The entries composed by the last build of a session (`etude serve`), used when the text allows.
    var entries: YAMLEntryMemo?

    /// One key of a mapping with its value and where the key was written.
    struct Entry {
        let key: String
        let value: Node
        let location: SourcePosition
    }

    func parse(_ text: String) throws -> Node? {
        if let excess = YAMLDepthGuard.check(text) {
            throw Diagnostic(file: file, line: excess.line + lineOffset, column: excess.column,
                             message: "the YAML is nested \(excess.depth) levels deep; Étude reads at most \(YAMLDepthGuard.maximumDepth) levels of lists and mappings inside each other")
        }
        do {
            if lineOffset == 0, let entries, let node = entries.compose(text) { return node }
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw diagnostic(for: error)
        }
    }

    func location(of node: Node) -> SourcePosition? {
        node.mark.map { SourcePosition(line: $0.line + lineOffset, column: $0.column) }
    }

    /// Where the text of a scalar starts: after its opening quote when it is quoted, so that
    /// the columns of references inside it are right.
    func textLocation(of node: Node) -> SourcePosition? {
        guard var position = location(of: node) else { return nil }
        if let style = node.scalar?.style, style == .singleQuoted || style == .doubleQuoted { position.column += 1 }
        return position
    }

    func error(_ message: String, at node: Node?) -> Diagnostic {
        Diagnostic(file: file, at: node.flatMap(location(of:)), message: message)
    }

    func error(_ message: String, at location: SourcePosition?) -> Diagnostic {
        Diagnostic(file: file, at: location, message: message)
    }

    /// The entries of a mapping in file order; a repeated key is an error.
    func entries(of node: Node, _ what: String) throws -> [Entry] {
        guard let mapping = node.mapping else {
            throw error("\(what) must be a mapping of 'key: value' lines", at: node)
        }
        var seen: [String: SourcePosition?] = [:]
        var result: [Entry] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { throw error("a key in \(what) is not text", at: keyNode) }
            if let first = seen[key] {
                let line = first.map { " (first defined on line \($0.line))" } ?? ""
                throw error("duplicate key '\(key)' in \(what)\(line); keep one of them", at: keyNode)
            }
            seen[key] = location(of: keyNode)
            result.append(Entry(key: key, value: value, location: location(of: keyNode) ?? SourcePosition(line: 1, column: 1)))
        }
        return result
    }

    /// Rejects keys outside `allowed`, suggesting the closest allowed one.
    /// Every unknown key is reported, not only the first.
    func checkKeys(_ entries: [Entry], allowed: [String], in what: String) throws {
        try BuildFailure.throwIfAny(entries.filter { !allowed.contains($0.key) }.map { entry in
            error(
                "unknown key '\(entry.key)' in \(what)\(Suggestion.didYouMean(entry.key, among: allowed))"
                    + " (allowed: \(allowed.joined(separator: ", ")))",
                at: entry.location)
        })
    }

    func text(_ node: Node, _ what: String) throws -> String {
        guard let scalar = node.scalar, node.null == nil || !scalar.string.isEmpty else {
            throw error("\(what) must be text", at: node)
        }
        let value = scalar.string.trimmed(.whitespaces)
        if value.isEmpty { throw error("\(what) is empty; write a value or remove the line", at: node) }
        // A YAML escape such as "\uE005" could forge Étude's placeholders.
        if let reserved = value.unicodeScalars.first(where: Placeholder.isReserved) {
            throw error("\(what): " + Placeholder.reservedMessage(reserved), at: node)
        }
        return value
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // The context marks where the construct began (an unclosed quote, a mapping):
            // that is where the writer has to look, not where the scanner gave up.
            if let context, context.mark.line < mark.line {
                return Diagnostic(file: file, line: context.mark.line + lineOffset, column: context.mark.column,
                                  message: "invalid YAML: \(problem) \(context.text) that starts here (the problem shows on line \(mark.line + lineOffset))")
            }
            return Diagnostic(file: file, line: mark.line + lineOffset, column: mark.column,
                              message: "invalid YAML: \(problem)")
        case .reader(let problem, _, _, _):
            return Diagnostic(file: file, message: "cannot read YAML: \(problem)")
        default:
            return Diagnostic(file: file, message: "invalid YAML: \(error)")
        }
    }
}
