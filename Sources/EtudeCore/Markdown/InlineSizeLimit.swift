/// Refuses a paragraph whose inline parsing takes time growing with the square of its size
/// in the system's libcmark-gfm (0.29.0.gfm.6), checked before parsing.
///
/// With smart punctuation each straight quote (`'`, `"`) left open is a delimiter that every
/// later quote searches back through: 40 000 quotes in one paragraph take 2.6 s, 80 000
/// take 10 s. And each link closed after an image opener walks back over every earlier
/// bracket (`![[]()` repeated: 7 s for 240 KB). Later cmark releases bound both searches.
/// Lines between blank lines, fenced code aside, are counted as one paragraph: cmark
/// parses each paragraph, heading and table cell apart, so this counts more, never less.
enum InlineSizeLimit {
    /// At most this many straight quotes, and as many `[`, between two blank lines.
    static let maximumQuotes = 20_000
    static let maximumBrackets = 20_000

    /// A paragraph over a limit: its first line (1-based in the scanned text) and counts.
    struct Oversized: Equatable {
        var line: Int
        var quotes: Int
        var brackets: Int

        var message: String {
            let (count, what, limit) = quotes > maximumQuotes
                ? (quotes, "straight quotation marks (' or \")", maximumQuotes)
                : (brackets, "opening brackets '['", maximumBrackets)
            return "this paragraph (up to the next blank line) holds \(MarkdownLines.grouped(count)) \(what); "
                + "Étude accepts at most \(MarkdownLines.grouped(limit)) in one paragraph, as libcmark-gfm takes time "
                + "growing with the square of their number: add blank lines, or put code in a fenced block (```)"
        }
    }

    /// Every paragraph of `markdown` over a limit, in reading order.
    static func oversizedParagraphs(in markdown: String) -> [Oversized] {
        var found: [Oversized] = []
        var current: Oversized?
        func close() {
            if let paragraph = current, paragraph.quotes > maximumQuotes || paragraph.brackets > maximumBrackets {
                found.append(paragraph)
            }
            current = nil
        }
        for (index, line) in MarkdownLines.scan(markdown).enumerated() {
            guard !line.isBlank, !line.isCode else {
                close()
                continue
            }
            var paragraph = current ?? Oversized(line: index + 1, quotes: 0, brackets: 0)
            for byte in line.content {
                switch byte {
                case UInt8(ascii: "'"), UInt8(ascii: "\""): paragraph.quotes += 1
                case UInt8(ascii: "["): paragraph.brackets += 1
                default: continue
                }
            }
            current = paragraph
        }
        close()
        return found
    }
}
