/// Finds a character reference (`&#xE000;`, `&#57344;`) to one of the private-use
/// characters U+E000–U+E005 that Étude uses as placeholders: cmark decodes references, so
/// such a reference would reach the HTML as a placeholder and corrupt (or crash) the page.
enum ReservedCharacterReference {
    struct Found {
        var line: Int
        var column: Int
        var message: String
    }

    static func first(in text: String) -> Found? {
        guard ByteSearch.contains("&#", in: text) else { return nil }  // no bytes, no match: see `ByteSearch`
        guard let match = text.firstMatch(of: /&#(?:[xX]0*[eE]00([0-5])|0*5734([4-9]));/) else { return nil }
        let offset = match.output.1.map { Int(String($0))! } ?? (Int(String(match.output.2!))! - 4)
        let before = text[..<match.range.lowerBound]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        let column = before[lineStart...].utf8.count + 1
        let code = "E00\(offset)"
        return Found(line: line, column: column,
                     message: "the character reference '\(match.output.0)' stands for the private-use character U+\(code), which Étude reserves; remove it")
    }
}
