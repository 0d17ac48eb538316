/// `text.split(separator: "\n", omittingEmptySubsequences: false)`, found in the bytes.
///
/// Splitting on the character `"\n"` breaks the whole text into graphemes, which cost more
/// than the work done on the lines after it. The character `"\n"` is exactly a byte 0x0A not
/// preceded by 0x0D: a line feed is always a grapheme of its own (Unicode's rules GB4, GB5),
/// except after a carriage return, with which it makes the one character `"\r\n"`, which is
/// not `"\n"` (so a CRLF does not split, as before). `LineSplitterTests` compares both.
enum LineSplitter {
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var previous: UInt8 = 0
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A && previous != 0x0D {
                lines.append(text[start..<index])
                start = utf8.index(after: index)
            }
            previous = byte
            index = utf8.index(after: index)
        }
        lines.append(text[start..<utf8.endIndex])
        return lines
    }
}
