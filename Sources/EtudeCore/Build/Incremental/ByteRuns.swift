import Foundation

/// Runs of bytes that a file's new bytes hold unchanged from its old ones, in order in both:
/// what an edit here and there left alone. Found greedily (the common beginning, then,
/// after a difference, a piece of the new bytes looked for a little further in the old),
/// so not always the longest, but each run is bytes that are equal.
struct ByteRuns {
    struct Run {
        var old: Int
        var new: Int
        var count: Int
    }

    private(set) var runs: [Run] = []

    /// Bytes compared to tell that a piece found again is the same place.
    static let anchor = 32

    init(old: [UInt8], new: [UInt8]) {
        old.withUnsafeBufferPointer { a in
            new.withUnsafeBufferPointer { b in
                guard let first = a.baseAddress, let second = b.baseAddress else { return }
                // The common end first, so that the last run ends both files when they end alike.
                let prefix = Self.common(first, second, min(a.count, b.count))
                let suffix = Self.commonEnd(first + a.count, second + b.count, min(a.count, b.count) - prefix)
                let (aEnd, bEnd) = (a.count - suffix, b.count - suffix)
                var i = 0, j = 0
                while i < aEnd, j < bEnd {
                    let same = Self.common(first + i, second + j, min(aEnd - i, bEnd - j))
                    if same > 0 { runs.append(Run(old: i, new: j, count: same)) }
                    i += same
                    j += same
                    guard i < aEnd, j < bEnd, let next = Self.resume(first, aEnd, from: i, second, bEnd, from: j) else { break }
                    (i, j) = next
                }
                if suffix > 0 { runs.append(Run(old: aEnd, new: bEnd, count: suffix)) }
            }
        }
    }

    /// How many bytes `a` and `b` begin with in common, up to `limit`: compared a block at
    /// a time, and the block that differs halved until the difference is near.
    static func common(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ limit: Int) -> Int {
        var same = 0
        while same < limit {
            let length = min(4096, limit - same)
            if memcmp(a + same, b + same, length) == 0 {
                same += length
                continue
            }
            var high = same + length  // a difference lies in same..<high
            while high - same > 16 {
                let middle = (same + high) / 2
                if memcmp(a + same, b + same, middle - same) == 0 { same = middle } else { high = middle }
            }
            while same < high, a[same] == b[same] { same += 1 }
            return same
        }
        return same
    }

    /// How many bytes the bytes before `a` and before `b` end with in common, up to `limit`.
    static func commonEnd(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ limit: Int) -> Int {
        var same = 0
        while same < limit {
            let length = min(4096, limit - same)
            if memcmp(a - same - length, b - same - length, length) == 0 {
                same += length
                continue
            }
            var high = same + length  // the last difference lies in same..<high bytes from the end
            while high - same > 16 {
                let middle = (same + high) / 2
                if memcmp(a - middle, b - middle, middle - same) == 0 { same = middle } else { high = middle }
            }
            while same < high, a[-same - 1] == b[-same - 1] { same += 1 }
            return same
        }
        return same
    }

    /// Where both sides agree again after a difference at `i` (old) and `j` (new): a piece of
    /// the new bytes a little after `j`, found in the old ones after `i`.
    private static func resume(_ a: UnsafePointer<UInt8>, _ aCount: Int, from i: Int, _ b: UnsafePointer<UInt8>, _ bCount: Int, from j: Int) -> (Int, Int)? {
        for skip in [1, 8, 64, 512, 4096] where j + skip + anchor <= bCount {
            let piece = b + j + skip
            var start = i
            let end = min(aCount, i + skip + 16_384)
            while start + anchor <= end, let found = memchr(a + start, Int32(piece[0]), end - anchor + 1 - start) {
                let at = UnsafeRawPointer(a).distance(to: UnsafeRawPointer(found))
                if memcmp(a + at, piece, anchor) == 0 { return (at, j + skip) }
                start = at + 1
            }
        }
        return nil
    }
}
