/// The scans of a line of prose that regexes would make in quadratic time on a long line:
/// `\{\{[^}]*\}\}` tries every `{{` up to the end of a line without `}`, and `(\d+)\s?/`
/// every digit of a long number. These read each character a bounded number of times.
enum ProseMask {
    /// `line` with figure references `{{…}}`, code spans, link destinations `](…)` and HTML
    /// tags replaced by as many spaces as they have UTF-8 bytes, so columns stay right.
    static func blankingNonProse(_ line: String) -> String {
        guard line.utf8.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "`") || $0 == UInt8(ascii: "]") || $0 == UInt8(ascii: "<") })
        else { return line }
        var bytes = Array(line.utf8)
        blank(&bytes, open: Array("{{".utf8), close: UInt8(ascii: "}"), doubled: true)
        blank(&bytes, open: Array("`".utf8), close: UInt8(ascii: "`"), doubled: false)
        blank(&bytes, open: Array("](".utf8), close: UInt8(ascii: ")"), doubled: false)
        blank(&bytes, open: Array("<".utf8), close: UInt8(ascii: ">"), doubled: false)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Blanks each `open`, text without `close`, then `close` (twice if `doubled`), left to
    /// right. The first `close` after a position is searched forward only, once in all.
    private static func blank(_ bytes: inout [UInt8], open: [UInt8], close: UInt8, doubled: Bool) {
        var index = 0
        var nextClose = 0
        while index + open.count <= bytes.count {
            guard bytes[index] == open[0], open.count == 1 || bytes[index + 1] == open[1] else {
                index += 1
                continue
            }
            let body = index + open.count
            if nextClose < body {
                nextClose = body
                while nextClose < bytes.count, bytes[nextClose] != close { nextClose += 1 }
            }
            guard nextClose < bytes.count, !doubled || (nextClose + 1 < bytes.count && bytes[nextClose + 1] == close) else {
                index += 1
                continue
            }
            let end = nextClose + (doubled ? 2 : 1)
            for position in index..<end { bytes[position] = 0x20 }
            index = end
        }
    }

    /// A fraction typed as digits: `2/3`, `2 / 3`.
    struct Fraction {
        var range: Range<String.Index>
        var numerator: Int
        var denominator: Int
    }

    /// The fractions of `text` as `(\d+)\s?/\s?(\d+)` finds them, left to right.
    static func fractions(in text: String) -> [Fraction] {
        guard text.contains("/") else { return [] }
        let characters = Array(text)
        let indices = Array(text.indices) + [text.endIndex]
        let isDigit = { (index: Int) in index >= 0 && index < characters.count && characters[index].isASCII && characters[index].isNumber }
        let isSpace = { (index: Int) in index >= 0 && index < characters.count && characters[index].isWhitespace }
        var found: [Fraction] = []
        var previousEnd = 0
        for slash in characters.indices where characters[slash] == "/" {
            var start = isSpace(slash - 1) ? slash - 2 : slash - 1
            guard isDigit(start) else { continue }
            let numeratorEnd = start + 1
            while isDigit(start - 1) { start -= 1 }
            var end = isSpace(slash + 1) ? slash + 2 : slash + 1
            let denominatorStart = end
            guard start >= previousEnd, isDigit(end) else { continue }
            while isDigit(end) { end += 1 }
            found.append(Fraction(
                range: indices[start]..<indices[end],
                numerator: Int(String(characters[start..<numeratorEnd])) ?? 0,
                denominator: Int(String(characters[denominatorStart..<end])) ?? 0))
            previousEnd = end
        }
        return found
    }
}
