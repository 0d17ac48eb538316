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
        while let open = nextBrace(in: text, from: start, closing: false) {
            let second = text.index(after: open)
            guard second < text.endIndex, text[second] == "{" else {
                start = second
                continue
            }
            let innerStart = text.index(after: second)
            // The run stops at the first character that is a brace of either kind.
            let end = nextBrace(in: text, from: innerStart, closing: true) ?? text.endIndex
            if end < text.endIndex, text[end] == "}" {
                let last = text.index(after: end)
                if last < text.endIndex, text[last] == "}" {
                    let after = text.index(after: last)
                    found.append(Found(range: open..<after, inner: innerStart..<end))
                    start = after
                    continue
                }
            }
            start = second
        }
        return found
    }

    /// `text.ranges(of: "{{")`: two `{` characters, leftmost first, without overlaps.
    static func openings(in text: String) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        var start = text.startIndex
        while let open = nextBrace(in: text, from: start, closing: false) {
            let second = text.index(after: open)
            if second < text.endIndex, text[second] == "{" {
                found.append(open..<text.index(after: second))
                start = text.index(after: second)
            } else {
                start = second
            }
        }
        return found
    }

    /// The first character at or after `index` (a character boundary) that is `{` (or, with
    /// `closing`, `{` or `}`) alone, found in the bytes: a brace byte counts only where a
    /// character starts and that character is the brace itself (no mark after it, no
    /// prepended scalar before it). Walking every character of every text node was most
    /// of the scanner's cost.
    private static func nextBrace(in text: String, from index: String.Index, closing: Bool) -> String.Index? {
        let utf8 = text.utf8
        var position = index
        while let hit = utf8[position...].firstIndex(where: { $0 == 0x7B || (closing && $0 == 0x7D) }) {
            if let character = hit.samePosition(in: text), text[character] == "{" || (closing && text[character] == "}") {
                return character
            }
            position = utf8.index(after: hit)
        }
        return nil
    }
}
