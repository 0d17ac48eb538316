/// Which templates include which (`{{> name}}`, `{{< name}}`), to refuse a template that
/// includes itself, directly or through others: rendering it would never end.
struct TemplateIncludeGraph {
    /// A template's includes, in file order, with the tag that makes each.
    private var includes: [String: [(name: String, tag: MustacheTag)]] = [:]
    /// The file each template name is shown as.
    private var files: [String: String] = [:]

    mutating func add(_ template: String, file: String, tags: [MustacheTag]) {
        files[template] = file
        includes[template] = tags.filter { ($0.sigil == ">" || $0.sigil == "<") && !$0.name.hasPrefix("*") }
            .map { ($0.name, $0) }
    }

    /// One diagnostic per cycle, at the include that closes it, in the cycle's first template
    /// by name: `partials/a → partials/b → partials/a`.
    func cycles() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var reported = Set<String>()
        for start in includes.keys.sorted() where !reported.contains(start) {
            guard let path = pathBack(to: start) else { continue }
            let chain = [start] + path.map(\.name)
            reported.formUnion(chain)
            let tag = path[0].tag
            diagnostics.append(Diagnostic(file: files[start] ?? "templates/\(start).mustache", line: tag.line, column: tag.column,
                message: "template '\(start)' includes itself: \(chain.joined(separator: " → ")); a partial cannot include itself, directly or through another, so remove one of these includes"))
        }
        return diagnostics
    }

    /// The shortest chain of includes from `start` back to itself (breadth first, no recursion).
    private func pathBack(to start: String) -> [(name: String, tag: MustacheTag)]? {
        var previous: [String: (from: String, tag: MustacheTag)] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let current = queue[head]
            head += 1
            for include in includes[current] ?? [] {
                if include.name == start {
                    var path = [(name: start, tag: include.tag)]
                    var node = current
                    while node != start, let step = previous[node] {
                        path.insert((node, step.tag), at: 0)
                        node = step.from
                    }
                    // Each step's tag is the include made by the template before it.
                    return path
                }
                guard previous[include.name] == nil, includes[include.name] != nil else { continue }
                previous[include.name] = (current, include.tag)
                queue.append(include.name)
            }
        }
        return nil
    }
}
