/// Bounds how deeply YAML nests before the text reaches Yams, whose composer recurses
/// once per level without limit (10 KB of `[` overflows the stack).
///
/// One linear pass counts flow collections (`[`, `{`) opened where a value can start or
/// inside another flow collection, skipping quoted scalars, comments and block scalars
/// (`|`, `>`); and block nesting, as the stack of indentation columns, one more for each
/// `- ` or `? ` that opens a nested entry on the same line. This follows YAML's own rules
/// closely enough that legitimate files, whose brackets sit in text, are not counted.
enum YAMLDepthGuard {
    static let maximumDepth = 64

    /// Where the nesting first went beyond the limit, and the deepest level reached.
    struct Excess: Equatable {
        var line: Int
        var column: Int
        var depth: Int
    }

    static func check(_ text: String) -> Excess? {
        var scanner = Scanner()
        var text = text
        // Lines as `LineSplitter` cuts them (at a line feed not after a carriage return), read
        // in the text's own bytes rather than copied one by one.
        text.withUTF8 { bytes in
            var lineNumber = 0, start = 0, previous: UInt8 = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                if byte == 0x0A && previous != 0x0D {
                    lineNumber += 1
                    scanner.scan(UnsafeBufferPointer(rebasing: bytes[start..<index]), lineNumber: lineNumber)
                    start = index + 1
                }
                previous = byte
            }
            scanner.scan(UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]), lineNumber: lineNumber + 1)
        }
        return scanner.excess
    }

    struct Scanner {
        var excess: Excess?
        var blockColumns: [Int] = []
        var flowDepth = 0
        /// Inside a quoted scalar that goes on past the end of a line: its closing quote.
        var openQuote: UInt8?
        /// Inside a block scalar: lines indented more than this column belong to it.
        var blockScalarIndent: Int?
        var flowValueCanStart = true

        mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, lineNumber: Int) {
            let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
            let indent = bytes.prefix { $0 == space || $0 == tab }.count
            let blank = indent == bytes.count || bytes[indent] == UInt8(ascii: "\r")
            if let scalarIndent = blockScalarIndent {
                if blank || indent > scalarIndent { return }
                blockScalarIndent = nil
            }
            var index = 0
            if openQuote == nil && flowDepth == 0 {
                if blank || bytes[indent] == UInt8(ascii: "#") { return }
                index = indent
                while blockColumns.last.map({ $0 >= indent }) == true { blockColumns.removeLast() }
                push(indent, line: lineNumber)
                // `- - x` and `? - x` nest one more level per indicator on the same line.
                while index + 1 < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "?"),
                      bytes[index + 1] == space || bytes[index + 1] == tab {
                    index += 2
                    while index < bytes.count, bytes[index] == space || bytes[index] == tab { index += 1 }
                    if index < bytes.count { push(index, line: lineNumber) }
                }
            }
            // In a flow collection, a line goes on from where the previous one stopped.
            var valueCanStart = openQuote == nil && (flowDepth == 0 || flowValueCanStart)
            defer { flowValueCanStart = valueCanStart }
            while index < bytes.count {
                let byte = bytes[index]
                if let quote = openQuote {
                    if quote == UInt8(ascii: "\"") && byte == UInt8(ascii: "\\") {
                        index += 2
                        continue
                    }
                    if byte == quote {
                        if quote == UInt8(ascii: "'") && index + 1 < bytes.count && bytes[index + 1] == quote {
                            index += 2
                            continue
                        }
                        openQuote = nil
                    }
                    index += 1
                    continue
                }
                switch byte {
                case space, tab:
                    break
                case UInt8(ascii: "#") where index == 0 || bytes[index - 1] == space || bytes[index - 1] == tab:
                    return
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    if valueCanStart { openQuote = byte }
                    valueCanStart = false
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    if valueCanStart || flowDepth > 0 {
                        flowDepth += 1
                        record(flowDepth + blockColumns.count, line: lineNumber, column: index + 1)
                        valueCanStart = true
                    }
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    if flowDepth > 0 { flowDepth -= 1 }
                    valueCanStart = false
                case UInt8(ascii: ","):
                    valueCanStart = flowDepth > 0
                case UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "?"):
                    // An indicator followed by a space (or ending the line) lets a value start.
                    let next = index + 1 < bytes.count ? bytes[index + 1] : space
                    valueCanStart = next == space || next == tab || next == UInt8(ascii: "\r")
                case UInt8(ascii: "|"), UInt8(ascii: ">"):
                    if valueCanStart && flowDepth == 0 {
                        // Its lines are those indented more than the entry it is the value of.
                        let entry = blockColumns.last ?? 0
                        blockScalarIndent = index == entry ? (blockColumns.dropLast().last ?? -1) : entry
                        return
                    }
                    valueCanStart = false
                case UInt8(ascii: "&"), UInt8(ascii: "!"):
                    // An anchor or a tag comes before the value: skip its name.
                    while index + 1 < bytes.count, bytes[index + 1] != space, bytes[index + 1] != tab { index += 1 }
                default:
                    valueCanStart = false
                }
                index += 1
            }
        }

        private mutating func push(_ column: Int, line: Int) {
            blockColumns.append(column)
            record(blockColumns.count + flowDepth, line: line, column: column + 1)
        }

        private mutating func record(_ depth: Int, line: Int, column: Int) {
            guard depth > YAMLDepthGuard.maximumDepth else { return }
            if excess == nil { excess = Excess(line: line, column: column, depth: depth) }
            excess!.depth = max(excess!.depth, depth)
        }
    }
}
