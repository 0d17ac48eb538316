/// Finds the `{{ … }}` of a text as the regex `\{\{([^{}]*)\}\}` does over characters,
/// without compiling that regex for each text node (a regex literal is compiled again each
/// time it runs; that was a third of the reference parser's cost).
///
/// The regex, leftmost first and without overlaps: two `{` characters, then as many
/// characters as possible that are neither `{` nor `}`, then two `}`. As the run stops at
/// the first brace, a shorter run never helps: a start matches exactly when the run is
/// followed by `}}`. Characters are compared as the regex compares them: a brace followed
/// by a combining mark is one character that is not a brace. `ReferenceScannerTests`
/// compares both on generated texts.
enum ReferenceScanner {
    struct Found {
        /// From the first `{` to the last `}`.
        var range: Range<String.Index>
        /// Between the braces.
        var inner: Range<String.Index>
    }

    static func references(in text: String) -> [Found] {
        var found: [Found] = []
        var start = text.startIndex
        while start < text.endIndex {
            guard text[start] == "{" else {
                start = text.index(after: start)
                continue
            }
            let second = text.index(after: start)
            guard second < text.endIndex, text[second] == "{" else {
                start = second
                continue
            }
            let innerStart = text.index(after: second)
            var end = innerStart
            while end < text.endIndex, text[end] != "{", text[end] != "}" { end = text.index(after: end) }
            if end < text.endIndex, text[end] == "}" {
                let last = text.index(after: end)
                if last < text.endIndex, text[last] == "}" {
                    let after = text.index(after: last)
                    found.append(Found(range: start..<after, inner: innerStart..<end))
                    start = after
                    continue
                }
            }
            start = second
        }
        return found
    }
}
