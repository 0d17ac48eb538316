/// Carries HTML through cmark as private-use tokens and puts it back after rendering.
///
/// cmark escapes text, so anything that must become markup (a figure's `<span>`, a chart,
/// a heading id) goes in as a token `U+E000 n U+E001` and is substituted in the HTML.
enum Placeholder {
    /// The private-use characters that carry markup through cmark (U+E000–U+E005).
    static func isReserved(_ scalar: Unicode.Scalar) -> Bool { (0xE000...0xE005).contains(scalar.value) }

    static func containsReserved(_ text: some StringProtocol) -> Bool { text.unicodeScalars.contains(where: isReserved) }

    static func reservedMessage(_ scalar: Unicode.Scalar) -> String {
        String(format: "the text holds the private-use character U+%04X (typed, or written as an escape or entity), which Étude reserves for its own markup; remove it", scalar.value)
    }
}

/// The tokens of one page and the markup each stands for.
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

    /// Checks that the rendered HTML holds exactly the tokens this table gave out, once
    /// each: a reserved character decoded from an entity elsewhere (a link title, say)
    /// would otherwise be taken for a token and break out of its attribute. `source` is
    /// the Markdown, searched for the entity to report its line.
    func checkUnforged(_ rendered: String, file: String, source: String, lineOffset: Int) throws {
        var opened = 0
        var forged: Unicode.Scalar?
        for scalar in rendered.unicodeScalars where Placeholder.isReserved(scalar) {
            if scalar.value > 0xE001 { forged = scalar; break }
            if scalar == "\u{E000}" { opened += 1 }
        }
        if forged == nil && opened > entries.count { forged = "\u{E000}" }
        guard let forged else { return }
        let location = Self.reservedEntity(in: source).map { SourcePosition(line: $0.line + lineOffset, column: $0.column) }
        throw Diagnostic(file: file, at: location, message: Placeholder.reservedMessage(forged))
    }

    /// Where `source` first writes a reserved character as a numeric entity (`&#xE005;`, `&#57349;`).
    static func reservedEntity(in source: String) -> SourcePosition? {
        guard ByteSearch.contains("&#", in: source) else { return nil }  // no bytes, no match: see `ByteSearch`
        for (offset, line) in LineSplitter.lines(of: source).enumerated() where line.contains("&#") {
            for match in line.matches(of: /&#(?:[xX]0*([eE]00[0-5])|0*(5734[4-9]));/) {
                return SourcePosition(line: offset + 1, column: line.utf8.distance(from: line.startIndex, to: match.range.lowerBound) + 1)
            }
        }
        return nil
    }

    /// The text with inline tokens replaced by what a reader sees; other tokens removed.
    func plainText(_ text: String) -> String {
        substitute(in: text) { entry, result, _ in
            if case .inline(_, let plain) = entry { result += plain }
            return 0
        }
    }

    /// The rendered HTML with every token replaced by its markup. A block token sits alone
    /// in a paragraph: the paragraph around it is dropped. A heading marker opens the
    /// heading's text: it becomes the tag's id.
    func html(from rendered: String) -> String {
        // Markup holding a token's characters would meet the edits below as a token does.
        guard !entries.contains(where: Self.holdsReserved) else { return twoPassHTML(from: rendered) }
        return substitute(in: rendered) { entry, result, after in
            switch entry {
            case .inline(let html, _):
                result += html
            case .block(let html):
                if result.utf8.reversed().starts(with: "<p>".utf8.reversed()) { result.removeLast(3) }
                result += html
                if after.utf8.starts(with: "</p>".utf8) { return 4 }
            case .headingID(let id):
                if let level = (1...6).first(where: { result.utf8.reversed().starts(with: "<h\($0)>".utf8.reversed()) }) {
                    result.removeLast(4)
                    result += "<h\(level) id=\""
                } else {
                    result += "\u{E004}"
                }
                result += id + "\">"
            }
            return 0
        }
    }

    /// `html(from:)` as tokens, then each mark they leave, replaced in the whole page: the
    /// same result when no markup holds a token's characters, a pass over the page longer.
    func twoPassHTML(from rendered: String) -> String {
        let result = substitute(in: rendered) { entry, result, _ in
            switch entry {
            case .inline(let html, _): result += html
            case .block(let html): result += "\u{E002}" + html + "\u{E003}"
            case .headingID(let id): result += "\u{E004}" + id + "\u{E005}"
            }
            return 0
        }
        let pairs = [("<p>\u{E002}", ""), ("\u{E003}</p>", "")]
            + (1...6).map { ("<h\($0)>\u{E004}", "<h\($0) id=\"") }
            + [("\u{E005}", "\">"), ("\u{E002}", ""), ("\u{E003}", "")]
        return HTMLText.replacing(pairs, in: result)
    }

    private static func holdsReserved(_ entry: Entry) -> Bool {
        switch entry {
        case .inline(let html, _), .block(let html), .headingID(let html): Placeholder.containsReserved(html)
        }
    }

    /// Characters the tokens are made of (U+E000 to U+E005).
    static let reserved: ClosedRange<Unicode.Scalar> = "\u{E000}"..."\u{E005}"

    /// `text` with every character tokens are made of replaced by U+FFFD (as many UTF-8
    /// bytes, so columns stay right): typed by a writer, they would pass for tokens.
    static func neutralising(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { reserved.contains($0) }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(reserved.contains(scalar) ? "\u{FFFD}" : scalar) }
        return String(scalars)
    }

    /// `text` with each token's entry given to `replacement`, which appends to the result
    /// and answers how many bytes of the text after the token it stands for too.
    private func substitute(in text: String, _ replacement: (Entry, inout String, Substring) -> Int) -> String {
        guard var start = Self.nextOpening(in: text, from: text.startIndex) else { return text }
        var result = ""
        var index = text.startIndex
        while true {
            result += text[index..<start]
            // Only digits may follow an opening: each is read once.
            let digits = text.index(after: start)
            let end = text[digits...].firstIndex { !$0.isASCII || !$0.isNumber } ?? text.endIndex
            guard end < text.endIndex, text[end] == Self.close,
                  let number = Int(text[digits..<end]), entries.indices.contains(number)
            else {
                result.append(Self.open)
                index = text.index(after: start)
                guard let next = Self.nextOpening(in: text, from: index) else { break }
                start = next
                continue
            }
            index = text.index(after: end)
            let skipped = replacement(entries[number], &result, text[index...])
            index = text.utf8.index(index, offsetBy: skipped)
            guard let next = Self.nextOpening(in: text, from: index) else { break }
            start = next
        }
        result += text[index...]
        return result
    }

    /// `text[index...].firstIndex(of: open)` found in the bytes: the first U+E000 that is a
    /// character of its own (not joined to a mark after it or a prepended one before it).
    /// The character search walked every character of every page.
    static func nextOpening(in text: String, from index: String.Index) -> String.Index? {
        let utf8 = text.utf8
        var position = index
        while let hit = utf8[position...].firstIndex(of: 0xEE) {
            if utf8[hit...].starts(with: [0xEE, 0x80, 0x80]), let character = hit.samePosition(in: text), text[character] == open {
                return character
            }
            position = utf8.index(after: hit)
        }
        return nil
    }
}
