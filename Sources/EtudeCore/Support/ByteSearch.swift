import Foundation

/// Searches for an ASCII needle in the UTF-8 bytes of a text with `memchr` and `memcmp`, where Foundation's
/// `contains`/`range(of:)` (Unicode-aware, through an NSString) dominated the cost of a large
/// build while almost always answering "no".
///
/// Why a byte search can stand in front of those calls: Foundation's non-literal search, and
/// the standard library's search over `Character`s, match text that is canonically equivalent
/// to the needle. For a needle made only of ASCII characters other than `K`, `;` and `` ` ``
/// (the only ASCII characters that other scalars are canonically equivalent to: U+212A KELVIN
/// SIGN, U+037E GREEK QUESTION MARK, U+1FEF GREEK VARIA), and none of which has a
/// decomposition, the only text equivalent to the needle is the needle itself. So every match
/// either of them finds is also a match of the bytes: no bytes, no match. The converse does not
/// hold (a match of the bytes may end inside a grapheme, before a combining mark), so where
/// the bytes are found, callers still ask the exact search, unless the bytes are what they mean.
enum ByteSearch {
    /// Whether `needle`'s UTF-8 bytes occur in `text`'s: false whenever a Unicode-aware search
    /// for an ASCII needle (see above) would be false.
    static func contains(_ needle: String, in text: some StringProtocol) -> Bool {
        assert(isPlainASCII(needle), "ByteSearch needs an ASCII needle without K ; `")
        return bytes(of: needle, occurIn: text)
    }

    /// `text.contains(needle)`, the Unicode-aware search, asked only when the bytes are there.
    static func stringContains(_ needle: String, in text: String) -> Bool {
        contains(needle, in: text) && text.contains(needle)
    }

    /// Whether `needle`'s UTF-8 bytes occur in `text`'s: a question about bytes, any needle.
    static func bytes(of needle: String, occurIn text: some StringProtocol) -> Bool {
        var needle = needle
        return needle.withUTF8 { pattern in
            if let found = text.utf8.withContiguousStorageIfAvailable({ occurs(pattern, in: $0) }) { return found }
            return Array(text.utf8).withUnsafeBufferPointer { occurs(pattern, in: $0) }
        }
    }

    /// Whether every character of `needle` is ASCII with no other canonically equivalent text.
    static func isPlainASCII(_ needle: String) -> Bool {
        needle.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "K") && $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: "`") }
    }

    private static func occurs(_ pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        pattern.isEmpty || firstOffset(of: pattern, in: bytes, from: 0) != nil
    }

    /// Whether `pattern` occurs in `bytes` at an offset `accept` takes: each occurrence, in
    /// order, overlapping ones included, until one is accepted.
    static func occurs(_ pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, where accept: (Int) -> Bool) -> Bool {
        guard !pattern.isEmpty else { return accept(0) }
        var offset = 0
        while let start = firstOffset(of: pattern, in: bytes, from: offset) {
            if accept(start) { return true }
            offset = start + 1
        }
        return false
    }

    /// The first offset at or after `from` where a non-empty `pattern` occurs in `bytes`.
    private static func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard bytes.count >= pattern.count, let base = bytes.baseAddress, let needle = pattern.baseAddress else { return nil }
        // `memchr` finds each candidate first byte, `memcmp` checks the rest (Glibc's `memmem`
        // is not visible to Swift without _GNU_SOURCE).
        let last = bytes.count - pattern.count
        var offset = from
        while offset <= last {
            guard let found = memchr(base + offset, Int32(needle.pointee), last - offset + 1) else { return nil }
            let start = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + start, needle, pattern.count) == 0 { return start }
            offset = start + 1
        }
        return nil
    }
}
