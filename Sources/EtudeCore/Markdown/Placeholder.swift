/// Carries HTML through cmark as private-use tokens and puts it back after rendering.
///
/// cmark escapes text, so anything that must become markup (a figure's `<span>`, a chart,
/// a heading id) goes in as a token `U+E000 n U+E001` and is substituted in the HTML.
struct PlaceholderTable {
    enum Entry {
        /// Inline markup; `plain` is what a reader sees (used for heading ids and the TOC).
        case inline(html: String, plain: String)
        /// A block that replaces the paragraph holding the token.
        case block(html: String)
        /// An id for the heading whose text starts with the token.
        case headingID(String)
    }

    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"
    private(set) var entries: [Entry] = []

    mutating func add(_ entry: Entry) -> String {
        entries.append(entry)
        return "\(Self.open)\(entries.count - 1)\(Self.close)"
    }

    /// The text with inline tokens replaced by what a reader sees; other tokens removed.
    func plainText(_ text: String) -> String {
        substitute(in: text) { entry, _ in
            if case .inline(_, let plain) = entry { return plain }
            return ""
        }
    }

    /// The rendered HTML with every token replaced by its markup.
    func html(from rendered: String) -> String {
        let result = substitute(in: rendered) { entry, _ in
            switch entry {
            case .inline(let html, _): return html
            case .block(let html): return "\u{E002}" + html + "\u{E003}"
            case .headingID(let id): return "\u{E004}" + id + "\u{E005}"
            }
        }
        // A block token sits alone in a paragraph: drop the paragraph around it.
        // A heading marker opens the heading's text: move it into the tag as an id.
        let pairs = [("<p>\u{E002}", ""), ("\u{E003}</p>", "")]
            + (1...6).map { ("<h\($0)>\u{E004}", "<h\($0) id=\"") }
            + [("\u{E005}", "\">"), ("\u{E002}", ""), ("\u{E003}", "")]
        return HTMLText.replacing(pairs, in: result)
    }

    private func substitute(in text: String, _ replacement: (Entry, Int) -> String) -> String {
        guard text.contains(Self.open) else { return text }
        var result = ""
        var index = text.startIndex
        while let start = text[index...].firstIndex(of: Self.open) {
            result += text[index..<start]
            guard let end = text[start...].firstIndex(of: Self.close),
                  let number = Int(text[text.index(after: start)..<end]), entries.indices.contains(number)
            else {
                result.append(Self.open)
                index = text.index(after: start)
                continue
            }
            result += replacement(entries[number], number)
            index = text.index(after: end)
        }
        result += text[index...]
        return result
    }
}
