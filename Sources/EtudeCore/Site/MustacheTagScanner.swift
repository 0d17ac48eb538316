import Foundation

/// One `{{…}}` tag of a template, with where it starts (column in UTF-8 bytes).
struct MustacheTag: Equatable {
    /// The sigil after the opening delimiter (`#`, `^`, `/`, `>`, `<`, `$`, `!`, `=`, `{`, `&`),
    /// or nil for a plain variable.
    var sigil: Character?
    /// The name after the sigil, trimmed (`partials/footer` for `{{> partials/footer}}`).
    var name: String
    var line: Int
    var column: Int
}

/// Finds the tags of a Mustache template the way swift-mustache reads them, following
/// set-delimiter tags (`{{=<% %>=}}`), in one pass and without recursion, so that the
/// partials a template includes and how deeply its sections nest can be checked before
/// the library parses (recursively) and renders it.
enum MustacheTagScanner {
    static func tags(in text: String) -> [MustacheTag] {
        let bytes = Array(text.utf8)
        var open = Array("{{".utf8), close = Array("}}".utf8)
        var tags: [MustacheTag] = []
        var index = 0, line = 1, lineStart = 0, counted = 0
        while let start = find(open, in: bytes, from: index) {
            for position in counted..<start where bytes[position] == UInt8(ascii: "\n") {
                line += 1
                lineStart = position + 1
            }
            counted = start
            var contentStart = start + open.count
            let triple = open == Array("{{".utf8) && contentStart < bytes.count && bytes[contentStart] == UInt8(ascii: "{")
            let closing = triple ? [UInt8(ascii: "}")] + close : close
            guard let end = find(closing, in: bytes, from: contentStart) else { break }
            var sigil: Character?
            if contentStart < end, "#^/><$!={&".utf8.contains(bytes[contentStart]) {
                sigil = Character(Unicode.Scalar(bytes[contentStart]))
                contentStart += 1
            }
            let content = String(decoding: bytes[contentStart..<end], as: UTF8.self)
            let name = content.trimmed(.whitespacesAndNewlines)
            let column = start - lineStart + 1
            tags.append(MustacheTag(sigil: sigil, name: name, line: line, column: column))
            index = end + closing.count
            if sigil == "=" {
                // `{{=<% %>=}}`: the new opening and closing delimiters, separated by spaces.
                let parts = name.dropLast(name.hasSuffix("=") ? 1 : 0).split(whereSeparator: \.isWhitespace)
                guard parts.count == 2 else { break }
                open = Array(parts[0].utf8)
                close = Array(parts[1].utf8)
            }
        }
        return tags
    }

    /// The deepest nesting of sections, and the tag where it first went beyond `limit`.
    static func sectionDepth(of tags: [MustacheTag], limit: Int) -> (depth: Int, tag: MustacheTag)? {
        var depth = 0
        var excess: (depth: Int, tag: MustacheTag)?
        for tag in tags {
            switch tag.sigil {
            case "#", "^", "$", "<":
                depth += 1
                if depth > limit {
                    excess = (max(excess?.depth ?? 0, depth), excess?.tag ?? tag)
                }
            case "/":
                depth = max(0, depth - 1)
            default:
                break
            }
        }
        return excess
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == first && bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
