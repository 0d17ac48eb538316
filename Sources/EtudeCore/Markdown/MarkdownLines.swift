/// The lines of a Markdown page as the scans before parsing read them (`TableSizeLimit`,
/// `InlineSizeLimit`): split where cmark splits lines, without container markers, and
/// marked when they belong to fenced code, which cmark never parses as Markdown.
enum MarkdownLines {
    struct Line {
        /// The line without indentation, `>` markers and trailing spaces.
        var content: ArraySlice<UInt8>
        /// A fence line or a line between fences.
        var isCode: Bool
        var isBlank: Bool { !isCode && content.isEmpty }
    }

    static func scan(_ markdown: String) -> [Line] {
        var fence: (byte: UInt8, count: Int)?
        return lines(of: markdown).map { raw in
            let content = stripped(raw)
            guard let marker = fenceMarker(content) else { return Line(content: content, isCode: fence != nil) }
            if let open = fence {
                if marker.byte == open.byte && marker.count >= open.count { fence = nil }
            } else {
                fence = marker
            }
            return Line(content: content, isCode: true)
        }
    }

    /// The lines of `markdown` as cmark splits them: at `\n`, `\r\n` or a lone `\r`.
    private static func lines(of markdown: String) -> [ArraySlice<UInt8>] {
        let bytes = Array(markdown.utf8)
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x0A || byte == 0x0D else {
                index += 1
                continue
            }
            lines.append(bytes[start..<index])
            index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
            start = index
        }
        lines.append(bytes[start...])
        return lines
    }

    private static func stripped(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var bytes = line
        while let first = bytes.first, isSpace(first) || first == UInt8(ascii: ">") { bytes.removeFirst() }
        while let last = bytes.last, isSpace(last) { bytes.removeLast() }
        return bytes
    }

    /// Space, tab, vertical tab and form feed: cmark's spaces within a delimiter row.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C
    }

    /// The fence character and length of a line opening or closing a fenced code block.
    private static func fenceMarker(_ line: ArraySlice<UInt8>) -> (byte: UInt8, count: Int)? {
        guard let first = line.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else { return nil }
        let count = line.prefix { $0 == first }.count
        return count >= 3 ? (first, count) : nil
    }

    /// `16000000` as `16 000 000`, for messages.
    static func grouped(_ number: Int) -> String {
        var digits = Array(String(number))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(" ", at: index)
            index -= 3
        }
        return String(digits)
    }
}
