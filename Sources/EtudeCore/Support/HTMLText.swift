import Foundation

/// Fast literal edits of generated HTML, on its UTF-8 bytes. Foundation's
/// `replacingOccurrences` and `Regex` cost most of a build's time on Linux; these
/// passes read each byte once.
enum HTMLText {
    /// `text` with every occurrence of each key replaced by its value, left to right;
    /// at one position the first matching pair wins.
    static func replacing(_ pairs: [(String, String)], in text: String) -> String {
        let kept = pairs.filter { !$0.0.isEmpty }
        let patterns = kept.map { Array($0.0.utf8) }
        let replacements = kept.map(\.1)
        guard !patterns.isEmpty else { return text }
        var firstBytes = [Bool](repeating: false, count: 256)
        for pattern in patterns { firstBytes[Int(pattern[0])] = true }
        // One first byte for every pattern (a placeholder's, a tag's `<`): memchr jumps to each.
        let onlyFirst = Set(patterns.map { $0[0] }).count == 1 ? patterns[0][0] : nil
        var scanned = text
        let found = scanned.withUTF8 { bytes -> [Edit] in
            guard let base = bytes.baseAddress else { return [] }
            var found: [Edit] = []
            var index = 0
            scan: while index < bytes.count {
                if let only = onlyFirst {
                    guard let hit = memchr(base + index, Int32(only), bytes.count - index) else { break }
                    index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                } else if !firstBytes[Int(bytes[index])] {
                    index += 1
                    continue
                }
                for (number, pattern) in patterns.enumerated() where matches(pattern, bytes, at: index) {
                    found.append(Edit(bytes: index..<index + pattern.count, replacement: replacements[number]))
                    index += pattern.count
                    continue scan
                }
                index += 1
            }
            return found
        }
        // A match starts at a character's first byte, and ends where a character ends.
        return applying(found, to: text)
    }

    /// Bytes of a text to replace, in order, each starting and ending between two Unicode scalars.
    struct Edit {
        var bytes: Range<Int>
        var replacement: String
    }

    /// `text` with `edits` made; the text as it was, not a copy, without any. The pieces of
    /// `text` between edits are appended as they are, where bytes made into a `String` were
    /// checked again as UTF-8 (a 100 KB page of charts took longer to check than to scan).
    static func applying(_ edits: [Edit], to text: String) -> String {
        guard !edits.isEmpty else { return text }
        let utf8 = text.utf8
        let at = { (offset: Int) in utf8.index(utf8.startIndex, offsetBy: offset) }
        var output = ""
        output.reserveCapacity(utf8.count + edits.reduce(0) { $0 + $1.replacement.utf8.count })
        var copied = 0
        for edit in edits {
            output += text[at(copied)..<at(edit.bytes.lowerBound)]
            output += edit.replacement
            copied = edit.bytes.upperBound
        }
        return output + text[at(copied)...]
    }

    /// Every ` name="value"` (or `'value'`) of `html` whose name is in `names`, in order.
    static func attributes(_ names: Set<String>, in html: String) -> [(name: String, value: String)] {
        var html = html
        return html.withUTF8 { attributes(names, inBytes: $0) }
    }

    /// `attributes(names, in: String(decoding: data, as: UTF8.self))`, read in the bytes
    /// without copying them (a 10,000-page report is 100 MB); the same answer, for
    /// decoding keeps every ASCII byte where it is.
    static func attributes(_ names: Set<String>, inUTF8 data: Data) -> [(name: String, value: String)] {
        data.withUnsafeBytes { attributes(names, inBytes: $0.bindMemory(to: UInt8.self)) }
    }

    private static func attributes(_ names: Set<String>, inBytes bytes: UnsafeBufferPointer<UInt8>) -> [(name: String, value: String)] {
        var found: [(String, String)] = []
        scanAttributes(names, in: bytes) { hit in
            found.append((hit.name, String(decoding: UnsafeBufferPointer(rebasing: bytes[hit.value]), as: UTF8.self)))
        }
        return found
    }

    /// `html` with the value of each ` name="value"` whose name is in `names` replaced by
    /// what `transform` returns (nil keeps it). Values are passed and returned as written.
    /// `scans` (`etude serve`) finds the attributes again only where `html` changed since
    /// it was last given in `slot`.
    static func rewriteAttributes(_ names: Set<String>, in html: String, scans: AttributeScanMemo? = nil, slot: String = "",
                                  _ transform: (String, String) -> String?) -> String {
        let bytes = Array(html.utf8)
        // A value starts and ends next to an ASCII quote (or the end).
        var edits: [Edit] = []
        func rewrite(_ name: String, _ value: Range<Int>, _ text: String) {
            if let replacement = transform(name, text) { edits.append(Edit(bytes: value, replacement: replacement)) }
        }
        if let scans {
            for found in scans.found(names, in: bytes, slot: slot) { rewrite(found.name, found.value, found.text) }
        } else {
            scanAttributes(names, in: bytes) { hit in rewrite(hit.name, hit.value, String(decoding: bytes[hit.value], as: UTF8.self)) }
        }
        return applying(edits, to: html)
    }

    /// One attribute found by `scanAttributes`, with what a later scan of changed bytes
    /// needs to reuse it (see `AttributeScanMemo`).
    struct AttributeHit {
        var name: String
        /// The bytes of the value.
        var value: Range<Int>
        /// Where the scan stood when it met the attribute (just after the space before it),
        /// and where it went on after it (just after the closing quote): it never stood in between.
        var from: Int
        var next: Int
        /// The last byte read (or the length of the bytes, when the scan ran into their
        /// end) until the attribute was found, by this attribute's scan or any before.
        var horizon: Int
    }

    /// Calls `visit` with each ` name="value"` (or `'value'`, after any whitespace) whose
    /// name is in `names`, scanning from `start` (a place where a scan from 0 stands),
    /// with `horizon` the last byte read before. From `stopFrom` on, before a byte, asks
    /// `stop` whether to end there (nil) or from where to ask again; returns where it
    /// ended (nil at the end of the bytes) and the horizon then. Every `markEvery` bytes
    /// or so, tells `mark` where it stands and the horizon there.
    @discardableResult
    static func scanAttributes<Bytes: RandomAccessCollection<UInt8>>(_ names: Set<String>, in bytes: Bytes, from start: Int = 0, horizon: Int = -1,
                               stopFrom: Int = Int.max, stop: (Int) -> Int? = { _ in Int.max },
                               markEvery: Int = Int.max, mark: (Int, Int) -> Void = { _, _ in },
                               _ visit: (AttributeHit) -> Void) -> (stoppedAt: Int?, horizon: Int) where Bytes.Index == Int {
        let lengths = Set(names.map(\.utf8.count))
        var index = start
        var horizon = horizon
        var stopFrom = stopFrom
        var nextMark = markEvery == Int.max ? Int.max : start + markEvery
        while index < bytes.count {
            if index >= stopFrom {
                guard let later = stop(index) else { return (index, horizon) }
                stopFrom = max(later, index + 1)
            }
            if index >= nextMark {
                mark(index, horizon)
                nextMark = index + markEvery
            }
            let byte = bytes[index]
            index += 1
            guard byte == 0x20 || byte == 0x0A || byte == 0x09 else { continue }
            // A name, then `=` and a quote.
            var end = index
            while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
            horizon = max(horizon, end + 1)
            guard lengths.contains(end - index), end + 1 < bytes.count, bytes[end] == UInt8(ascii: "="),
                  bytes[end + 1] == UInt8(ascii: "\"") || bytes[end + 1] == UInt8(ascii: "'") else { continue }
            let name = String(decoding: bytes[index..<end], as: UTF8.self)
            guard names.contains(name) else { continue }
            let quote = bytes[end + 1]
            var close = end + 2
            while close < bytes.count, bytes[close] != quote { close += 1 }
            horizon = max(horizon, close)
            guard close < bytes.count else { continue }
            visit(AttributeHit(name: name, value: (end + 2)..<close, from: index, next: close + 1, horizon: horizon))
            index = close + 1
        }
        return (nil, horizon)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "_")
    }

    private static func matches(_ pattern: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count, let base = bytes.baseAddress else { return false }
        return pattern.withUnsafeBufferPointer { memcmp(base + index, $0.baseAddress!, pattern.count) == 0 }
    }
}
