import Foundation

/// The attributes a scan (`HTMLText.scanAttributes`) found in a file in the earlier builds
/// of a session, reused for the bytes the file has in common with what it was. The scan
/// reads forward and carries nothing but where it stands: where the new bytes hold a run
/// of the old ones (`ByteRuns`) and the scan stands where the old one stood, it goes on as
/// the old one did for as long as that one read within the run (to a `Mark`), finding again,
/// shifted, what it found. Elsewhere the bytes are scanned. The result is always that of
/// `HTMLText.attributes`.
final class AttributeScanMemo: @unchecked Sendable {
    /// A place where a scan stood: what it had read by then (`horizon`, the last byte, or
    /// the length of the bytes when it ran into their end) and how many attributes it had found.
    struct Mark {
        var at: Int
        var horizon: Int
        var hits: Int
    }

    private struct Scan {
        var names: Set<String>
        var bytes: [UInt8]
        var hits: [HTMLText.AttributeHit] = []
        var values: [String] = []
        /// After each attribute, and every few hundred bytes between.
        var marks: [Mark] = []

        mutating func add(_ hit: HTMLText.AttributeHit) {
            hits.append(hit)
            values.append(String(decoding: bytes[hit.value], as: UTF8.self))
            marks.append(Mark(at: hit.next, horizon: hit.horizon, hits: hits.count))
        }

        mutating func mark(_ at: Int, _ horizon: Int) {
            // The bytes before `at` were all read.
            marks.append(Mark(at: at, horizon: max(horizon, at - 1), hits: hits.count))
        }
    }

    /// Bytes between two marks: fewer marks to keep, or shorter stretches scanned again.
    let markEvery: Int
    private var kept: [String: Scan] = [:]
    /// Slots are scanned on several threads at once (the chapters of the report), each slot by one.
    private let lock = NSLock()

    init(markEvery: Int = 256) {
        self.markEvery = markEvery
    }

    /// `HTMLText.attributes(names, in: html)`, reusing the last scan kept in `slot`.
    func attributes(_ names: Set<String>, in html: String, slot: String) -> [(name: String, value: String)] {
        found(names, in: Array(html.utf8), slot: slot).map { ($0.name, $0.text) }
    }

    /// `HTMLText.attributes(names, inUTF8: data)`, likewise: the bytes as they are, not
    /// decoded into a text first (the same answer, see `HTMLText.attributes(_:inUTF8:)`).
    func attributes(_ names: Set<String>, inUTF8 data: Data, slot: String) -> [(name: String, value: String)] {
        found(names, in: [UInt8](data), slot: slot).map { ($0.name, $0.text) }
    }

    /// Each attribute of `bytes` with a name in `names`: its name, the bytes of its value and
    /// the value; reusing the last scan kept in `slot`.
    func found(_ names: Set<String>, in bytes: [UInt8], slot: String) -> [(name: String, value: Range<Int>, text: String)] {
        let old = lock.withLock { kept[slot] }
        let scan = rescan(names, bytes, over: old.flatMap { $0.names == names ? $0 : nil })
        lock.withLock { kept[slot] = scan }
        return zip(scan.hits, scan.values).map { ($0.name, $0.value, $1) }
    }

    private func rescan(_ names: Set<String>, _ bytes: [UInt8], over old: Scan?) -> Scan {
        var scan = Scan(names: names, bytes: bytes)
        guard let old else {
            HTMLText.scanAttributes(names, in: bytes, markEvery: markEvery, mark: { scan.mark($0, $1) }) { scan.add($0) }
            return scan
        }
        if old.bytes == bytes { return old }
        let runs = ByteRuns(old: old.bytes, new: bytes).runs
        var index = 0, horizon = -1, run = 0
        while true {
            // Where the old scan stood, in a run, and the mark it went on to within the run (nil: to the end).
            var jump: (from: Int, to: Int?, run: ByteRuns.Run)?
            let end = HTMLText.scanAttributes(names, in: bytes, from: index, horizon: horizon, stopFrom: index, stop: { at in
                while run < runs.count, runs[run].new + runs[run].count <= at { run += 1 }
                guard run < runs.count else { return Int.max }
                let current = runs[run]
                guard at >= current.new else { return current.new }
                let oldAt = at - current.new + current.old
                // Within an attribute the old scan found: it never stood there; ask again where it went on.
                if let before = Self.lastHit(in: old.hits, from: oldAt), old.hits[before].next > oldAt {
                    return old.hits[before].next - current.old + current.new
                }
                if current.endsBoth(oldCount: old.bytes.count, newCount: bytes.count) {
                    jump = (oldAt, nil, current)
                    return nil
                }
                guard let mark = Self.lastMark(in: old.marks, readingBefore: current.old + current.count), old.marks[mark].at > oldAt else {
                    // The old scan read past this run before it stood anywhere else in it: on to the next run.
                    return run + 1 < runs.count ? runs[run + 1].new : Int.max
                }
                jump = (oldAt, mark, current)
                return nil
            }, markEvery: markEvery, mark: { scan.mark($0, $1) }) { scan.add($0) }
            horizon = end.horizon
            guard end.stoppedAt != nil, let jump else { break }
            // What the old scan found and where it stood from `jump.from` to the mark, shifted.
            let shift = jump.run.new - jump.run.old
            let firstHit = (Self.lastHit(in: old.hits, from: jump.from) ?? -1) + 1
            let lastHit = jump.to.map { old.marks[$0].hits } ?? old.hits.count
            let base = scan.hits.count - firstHit
            for (hit, value) in zip(old.hits[firstHit..<lastHit], old.values[firstHit..<lastHit]) {
                scan.hits.append(HTMLText.AttributeHit(name: hit.name, value: (hit.value.lowerBound + shift)..<(hit.value.upperBound + shift),
                                                       from: hit.from + shift, next: hit.next + shift, horizon: max(horizon, hit.horizon + shift)))
                scan.values.append(value)
            }
            let firstMark = Self.firstMark(in: old.marks, after: jump.from)
            for mark in old.marks[firstMark..<(jump.to.map { $0 + 1 } ?? old.marks.count)] {
                scan.marks.append(Mark(at: mark.at + shift, horizon: max(horizon, mark.horizon + shift), hits: mark.hits + base))
            }
            guard let to = jump.to else { break }
            index = old.marks[to].at + shift
            horizon = max(horizon, old.marks[to].horizon + shift)
        }
        return scan
    }

    /// The index of the last hit that the scan met at or before `index`, if any.
    private static func lastHit(in hits: [HTMLText.AttributeHit], from index: Int) -> Int? {
        let after = firstIndex(hits.count) { hits[$0].from > index }
        return after > 0 ? after - 1 : nil
    }

    /// The last mark standing at or before `end` with every byte read before it before `end`.
    private static func lastMark(in marks: [Mark], readingBefore end: Int) -> Int? {
        // Both `at` and `horizon` only grow along the marks.
        let after = firstIndex(marks.count) { marks[$0].at > end || marks[$0].horizon >= end }
        return after > 0 ? after - 1 : nil
    }

    /// The index of the first mark standing after `index`.
    private static func firstMark(in marks: [Mark], after index: Int) -> Int {
        firstIndex(marks.count) { marks[$0].at > index }
    }

    /// The first index below `count` where `isPast` holds, it holding from there on (or `count`).
    private static func firstIndex(_ count: Int, where isPast: (Int) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if isPast(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

extension ByteRuns.Run {
    /// Whether the run ends both files: a scan that ran into the end of one ran into the other's.
    func endsBoth(oldCount: Int, newCount: Int) -> Bool {
        old + count == oldCount && new + count == newCount
    }
}
