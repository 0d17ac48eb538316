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

    /// Without cycles, includes can still multiply: a partial that includes the next one twice,
    /// forty times over, renders 2^40 partials. A template that expands to more than
    /// `maximumExpansions` partials is refused, at its first include; only the innermost such
    /// template is named, not every template that includes it.
    static let maximumExpansions = 10_000

    func explosions() -> [Diagnostic] {
        var expansions: [String: Int] = [:]
        // Depth first with an explicit stack, memoized: partial chains can be long.
        func count(_ name: String) -> Int {
            var stack: [(name: String, next: Int)] = [(name, 0)]
            while let top = stack.last {
                let children = includes[top.name] ?? []
                if top.next < children.count {
                    stack[stack.count - 1].next += 1
                    let child = children[top.next].name
                    if expansions[child] == nil, includes[child] != nil, !stack.contains(where: { $0.name == child }) {
                        stack.append((child, 0))
                    }
                    continue
                }
                stack.removeLast()
                let total = children.reduce(1) { total, include in
                    total.addingReportingOverflow(expansions[include.name] ?? 1).partialValue
                }
                expansions[top.name] = min(total, Self.maximumExpansions + 1)
            }
            return expansions[name] ?? 1
        }
        return includes.keys.sorted().compactMap { name in
            guard count(name) > Self.maximumExpansions, let first = includes[name]?.first,
                  includes[name]!.allSatisfy({ count($0.name) <= Self.maximumExpansions }) else { return nil }
            return Diagnostic(file: files[name] ?? "templates/\(name).mustache", line: first.tag.line, column: first.tag.column,
                message: "template '\(name)' includes partials more than \(Self.maximumExpansions) times over, as partials include one another again and again; include each partial fewer times")
        }
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
