import Foundation
import Yams

/// The YAML of a data file composed again after an edit, parsing only the entries that
/// changed (`etude serve`): a value changed in `data/figures.yaml` had Yams read the
/// whole file, the largest fixed cost of a rebuild.
///
/// A file is cut at its lines: a top-level key starts a part, and a top-level key written
/// alone (`figures:`) has each key of its block mapping (`  innovation:` and the lines
/// under it) as a part. Each part is composed alone, after as many empty lines as precede
/// it, so every mark (line and column) is the one of the whole file, and every line of the
/// file is in one part (a comment with a control character fails as in the whole); a part whose bytes and
/// first line are those of the last build's file is not parsed again. The tree is assembled from
/// the parts with the tags, styles and marks Yams gives them.
///
/// Only YAML where that is exact is cut: no anchor or alias (`&`, `*`), tag directive,
/// document marker, tab, BOM or line break other than `\n`, and every part must be one
/// key. Otherwise, or when a part fails to parse, `compose` answers nil and the caller
/// composes the whole file, so its errors are Yams's own. `YAMLEntryMemoTests` compares
/// the trees with Yams's on seeded files.
final class YAMLEntryMemo: @unchecked Sendable {
    private let lock = NSLock()
    /// The last file's bytes, and its parts by first line.
    private var keptBytes: [UInt8] = []
    private var kept: [Int: (bytes: Range<Int>, pair: Pair)] = [:]
    /// Parts composed by the last call (not found in the memo).
    private(set) var composed = 0

    private struct Pair {
        var key: Node
        var value: Node
        /// The part's own mapping: its tag and style are those of every block mapping.
        var mapping: Node.Mapping
    }

    /// A line of the file: its bytes (without `\n`), and its indentation when it holds more than a comment.
    private struct Line {
        var range: Range<Int>
        var indent: Int?
        /// Starts with `-`: an item of a list written at its key's indentation.
        var startsItem: Bool
    }

    func compose(_ text: String) -> Node? {
        var text = text
        return text.withUTF8 { bytes in lock.withLock { compose(bytes) } }
    }

    private func compose(_ bytes: UnsafeBufferPointer<UInt8>) -> Node? {
        guard Self.isCuttable(bytes) else { return nil }
        let lines = Self.lines(bytes)
        var found: [Int: (bytes: Range<Int>, pair: Pair)] = [:]
        composed = 0
        let part = { (range: Range<Int>) -> Pair? in
            // With the last line's `\n` when the file has one: a block scalar keeps it.
            let text = lines[range.lowerBound].range.lowerBound..<min(lines[range.upperBound - 1].range.upperBound + 1, bytes.count)
            if let old = self.kept[range.lowerBound], old.bytes.count == text.count,
               self.keptBytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + old.bytes.lowerBound, bytes.baseAddress! + text.lowerBound, text.count) == 0 }) {
                found[range.lowerBound] = (text, old.pair)
                return old.pair
            }
            self.composed += 1
            let padded = String(repeating: "\n", count: range.lowerBound) + String(decoding: UnsafeBufferPointer(rebasing: bytes[text]), as: UTF8.self)
            // One key of a block mapping: a flow mapping (`{a: 1}`) starts at its brace, before its first key.
            guard let root = try? Yams.compose(yaml: padded), let mapping = root.mapping, mapping.count == 1,
                  let (first, value) = mapping.first, let start = mapping.mark, let keyStart = first.mark,
                  start.line == keyStart.line, start.column == keyStart.column else { return nil }
            let pair = Pair(key: first, value: value, mapping: mapping)
            found[range.lowerBound] = (text, pair)
            return pair
        }
        var top: [Pair] = []
        // Every line is in one part, comments included: Yams refuses a control character
        // even in a comment, so no byte of the file goes unread.
        for (number, range) in Self.blocks(lines, in: 0..<lines.count, indent: 0).enumerated() {
            let first = number == 0 ? 0 : range.lowerBound
            // `name:` alone: its block mapping, a part per key.
            let children = (range.lowerBound + 1..<range.upperBound).first { lines[$0].indent != nil }
            if Self.isKeyAlone(lines[range.lowerBound], bytes), let firstChild = children, let indent = lines[firstChild].indent, indent > 0 {
                guard let header = part(first..<firstChild) else { return nil }
                var pairs: [(Node, Node)] = []
                var shape: Node.Mapping?
                for child in Self.blocks(lines, in: firstChild..<range.upperBound, indent: indent) {
                    guard let pair = part(child) else { return nil }
                    pairs.append((pair.key, pair.value))
                    shape = shape ?? pair.mapping
                }
                guard let shape else { return nil }
                let value = Node.mapping(Node.Mapping(pairs, shape.tag, shape.style, pairs.first?.0.mark))
                top.append(Pair(key: header.key, value: value, mapping: header.mapping))
            } else {
                guard let pair = part(first..<range.upperBound) else { return nil }
                top.append(pair)
            }
        }
        guard let shape = top.first?.mapping else { return nil }
        kept = found
        keptBytes = Array(bytes)
        return Node.mapping(Node.Mapping(top.map { ($0.key, $0.value) }, shape.tag, shape.style, top.first?.key.mark))
    }

    /// The runs of lines that each start at a line of `indent` (a key, not a `-` item of an
    /// indentless list), up to the next such line; none when a line of content is indented
    /// less, or the first is not at `indent`.
    private static func blocks(_ lines: [Line], in range: Range<Int>, indent: Int) -> [Range<Int>] {
        var starts: [Int] = []
        for index in range {
            guard let own = lines[index].indent else { continue }
            if own == indent, !lines[index].startsItem {
                starts.append(index)
            } else if own < indent || starts.isEmpty {
                return []
            }
        }
        return starts.enumerated().map { offset, start in start..<(offset + 1 < starts.count ? starts[offset + 1] : range.upperBound) }
    }

    /// Whether the parts of `bytes` compose as the whole does (see the type's comment).
    private static func isCuttable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        for byte in "\t\r&*".utf8 where memchr(base, Int32(byte), bytes.count) != nil { return false }
        // NEL, LS and PS break lines in YAML 1.1; a BOM.
        for sequence: [UInt8] in [[0xC2, 0x85], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9], [0xEF, 0xBB, 0xBF]] {
            if sequence.withUnsafeBufferPointer({ ByteSearch.occurs($0, in: bytes) { _ in true } }) { return false }
        }
        // Directives and document markers, at the start of a line.
        var start = 0
        while start < bytes.count {
            switch bytes[start] {
            case UInt8(ascii: "%"): return false
            case UInt8(ascii: "-"), UInt8(ascii: "."):
                if start + 2 < bytes.count, bytes[start + 1] == bytes[start], bytes[start + 2] == bytes[start] { return false }
            default: break
            }
            guard let next = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) else { break }
            start = base.distance(to: next.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return true
    }

    /// `name:` alone on its line (a comment may follow), `name` plain letters, digits, `_`, `.` or `-`.
    private static func isKeyAlone(_ line: Line, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let text = bytes[line.range]
        guard let colon = text.firstIndex(of: UInt8(ascii: ":")), colon > text.startIndex,
              text[..<colon].allSatisfy({ $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }),
              text.first != UInt8(ascii: "-"), text.first != UInt8(ascii: ".") else { return false }
        let rest = text[(colon + 1)...]
        guard let mark = rest.firstIndex(where: { $0 != UInt8(ascii: " ") }) else { return true }
        return bytes[mark] == UInt8(ascii: "#") && mark > rest.startIndex
    }

    private static func lines(_ bytes: UnsafeBufferPointer<UInt8>) -> [Line] {
        var lines: [Line] = []
        var start = 0
        while start <= bytes.count {
            let end = memchr(bytes.baseAddress! + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
                .map { bytes.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? bytes.count
            let indent = bytes[start..<end].firstIndex { $0 != UInt8(ascii: " ") }
            let holdsContent = indent.map { bytes[$0] != UInt8(ascii: "#") } ?? false
            lines.append(Line(range: start..<end, indent: holdsContent ? indent! - start : nil, startsItem: holdsContent && bytes[indent!] == UInt8(ascii: "-")))
            start = end + 1
        }
        return lines
    }
}
