/// The alt text of an image is an attribute, where markup cannot go: a reference written
/// in `![…](…)` gives its plain value there, not the `<span>` it gives in prose.
extension PlaceholderTable {
    /// `rendered` (cmark's HTML, tokens still in it) with every token of an `<img>`'s alt
    /// replaced by the plain text of its entry, escaped.
    func plainImageAlts(in rendered: String) -> String {
        guard ByteSearch.contains("<img ", in: rendered) else { return rendered }  // no bytes, no match: see `ByteSearch`
        var result = ""
        var rest = rendered[...]
        while let open = rest.range(of: "<img "), let close = rest[open.upperBound...].range(of: "/>") {
            result += rest[..<open.lowerBound]
            let tag = String(rest[open.lowerBound..<close.upperBound])
            result += HTMLText.rewriteAttributes(["alt"], in: tag) { _, value in value.contains(Self.open) ? attributeText(value) : nil }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// `text` with each inline token `U+E000 n U+E001` replaced by its plain text.
    private func attributeText(_ text: String) -> String {
        var result = ""
        var index = text.startIndex
        while let start = text[index...].firstIndex(of: Self.open) {
            result += text[index..<start]
            let digits = text.index(after: start)
            guard let end = text[digits...].firstIndex(of: Self.close), let number = Int(text[digits..<end]),
                  number >= 0, number < entries.count else {
                result.append(Self.open)
                index = digits
                continue
            }
            if case .inline(_, let plain) = entries[number] { result += HTML.escape(plain) }
            index = text.index(after: end)
        }
        return result + text[index...]
    }
}
