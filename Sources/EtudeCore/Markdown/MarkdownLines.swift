/// The lines of a Markdown page as the scans before parsing read them (`TableSizeLimit`,
/// `InlineSizeLimit`): split where cmark splits lines, without container markers, and
/// marked when they belong to fenced code, which cmark never parses as Markdown.
///
/// The scans must never count less than cmark parses, so only fences that are surely
/// fences count: at the start of the line (not in a list or quote, where the container's
/// end would end the code), with no backtick in a backtick fence's info string, and not
/// inside an HTML block, where a fence is just HTML. A fence closes at the first line
/// that may close it.
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
        var html = HTMLBlockTracker()
        return lines(of: markdown).map { raw in
            let content = stripped(raw)
            if let open = fence {
                if let marker = fenceMarker(content), marker.byte == open.byte, marker.count >= open.count { fence = nil }
                return Line(content: content, isCode: true)
            }
            if !html.isOpen, let marker = fenceMarker(raw), marker.byte == UInt8(ascii: "~") || !raw.dropFirst(marker.count).contains(UInt8(ascii: "`")) {
                fence = marker
                return Line(content: content, isCode: true)
            }
            html.read(content)
            return Line(content: content, isCode: false)
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

/// Whether the lines read so far leave an HTML block open, at most: a block starts at a
/// line beginning with `<` and ends at a blank line, or for `<script`, `<pre`, `<style`,
/// `<textarea`, `<!--`, `<?`, `<!X` and `<![CDATA[` at the line holding its end marker.
struct HTMLBlockTracker {
    private var endMarker: [UInt8]?
    private var untilBlank = false
    var isOpen: Bool { endMarker != nil || untilBlank }

    private static let markers: [(open: String, end: String)] = [
        ("<script", "</script>"), ("<pre", "</pre>"), ("<style", "</style>"), ("<textarea", "</textarea>"),
        ("<!--", "-->"), ("<?", "?>"), ("<![CDATA[", "]]>"), ("<!", ">"),
    ]

    mutating func read(_ line: ArraySlice<UInt8>) {
        if let end = endMarker {
            if Self.contains(line, end) { endMarker = nil }
            return
        }
        if line.isEmpty {
            untilBlank = false
            return
        }
        guard !untilBlank, line.first == UInt8(ascii: "<") else { return }
        let lowered = line.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        if let (_, end) = Self.markers.first(where: { lowered.starts(with: $0.open.utf8) }) {
            // The end marker may be on the opening line, after the opening.
            if !Self.contains(ArraySlice(lowered.dropFirst(2)), Array(end.utf8)) { endMarker = Array(end.utf8) }
        } else {
            untilBlank = true
        }
    }

    private static func contains(_ line: ArraySlice<UInt8>, _ marker: [UInt8]) -> Bool {
        guard line.count >= marker.count else { return false }
        let lowered = line.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        for start in 0...(lowered.count - marker.count) where lowered[start..<(start + marker.count)].elementsEqual(marker) { return true }
        return false
    }
}
