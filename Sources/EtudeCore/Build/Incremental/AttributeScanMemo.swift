import Foundation

/// The attributes a scan (`HTMLText.scanAttributes`) found in a file in the earlier builds
/// of a session, reused for the bytes the file has in common with what it was. The scan
/// reads forward and carries nothing but where it stands: where the new bytes hold a run
/// of the old ones (`ByteRuns`) and the scan stands where the old one stood, it finds
/// again what the old one found whose reading stayed within the run, shifted. Elsewhere
/// the bytes are scanned. The result is always that of `HTMLText.attributes`.
final class AttributeScanMemo {
    private struct Scan {
        var names: Set<String>
        var bytes: [UInt8]
        var hits: [HTMLText.AttributeHit]
        var values: [String]

        mutating func add(_ hit: HTMLText.AttributeHit) {
            hits.append(hit)
            values.append(String(decoding: bytes[hit.value], as: UTF8.self))
        }
    }

    private var kept: [String: Scan] = [:]

    /// `HTMLText.attributes(names, in: html)`, reusing the last scan kept in `slot`.
    func attributes(_ names: Set<String>, in html: String, slot: String) -> [(name: String, value: String)] {
        let bytes = Array(html.utf8)
        let scan = rescan(names, bytes, over: kept[slot].flatMap { $0.names == names ? $0 : nil })
        kept[slot] = scan
        return zip(scan.hits, scan.values).map { ($0.name, $1) }
    }

    private func rescan(_ names: Set<String>, _ bytes: [UInt8], over old: Scan?) -> Scan {
        var scan = Scan(names: names, bytes: bytes, hits: [], values: [])
        guard let old else {
            HTMLText.scanAttributes(names, in: bytes) { scan.add($0) }
            return scan
        }
        if old.bytes == bytes { return old }
        let runs = ByteRuns(old: old.bytes, new: bytes).runs
        var index = 0, horizon = -1, run = 0
        while true {
            var reuse: (first: Int, run: ByteRuns.Run)?
            let end = HTMLText.scanAttributes(names, in: bytes, from: index, horizon: horizon, stopFrom: index, stop: { at in
                while run < runs.count, runs[run].new + runs[run].count <= at { run += 1 }
                guard run < runs.count else { return Int.max }
                let current = runs[run]
                guard at >= current.new else { return current.new }
                let oldAt = at - current.new + current.old
                let before = Self.lastHit(in: old.hits, from: oldAt)
                // Within an attribute the old scan found: it never stood there; ask again where it went on.
                if let before, old.hits[before].next > oldAt { return old.hits[before].next - current.old + current.new }
                let first = (before ?? -1) + 1
                guard first < old.hits.count, current.holds(old.hits[first], oldCount: old.bytes.count, newCount: bytes.count) else {
                    // Nothing found again in this run: on to the next one.
                    return run + 1 < runs.count ? runs[run + 1].new : Int.max
                }
                reuse = (first, current)
                return nil
            }) { scan.add($0) }
            horizon = end.horizon
            guard end.stoppedAt != nil, let (first, current) = reuse else { break }
            let shift = current.new - current.old
            var next = first
            while next < old.hits.count, current.holds(old.hits[next], oldCount: old.bytes.count, newCount: bytes.count) {
                let hit = old.hits[next]
                horizon = max(horizon, hit.horizon + shift)
                scan.hits.append(HTMLText.AttributeHit(name: hit.name, value: (hit.value.lowerBound + shift)..<(hit.value.upperBound + shift),
                                                       from: hit.from + shift, next: hit.next + shift, horizon: horizon))
                scan.values.append(old.values[next])
                next += 1
            }
            index = old.hits[next - 1].next + shift
        }
        return scan
    }

    /// The index of the last hit that the scan met at or before `index`, if any.
    private static func lastHit(in hits: [HTMLText.AttributeHit], from index: Int) -> Int? {
        var low = 0, high = hits.count  // hits[..<low] met at or before index; hits[high...] after
        while low < high {
            let middle = (low + high) / 2
            if hits[middle].from <= index { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? low - 1 : nil
    }
}

extension ByteRuns.Run {
    /// Whether everything the old scan read until it found `hit` lies in this run (or, for
    /// a run that ends both files, up to their ends, which the scan may have run into).
    func holds(_ hit: HTMLText.AttributeHit, oldCount: Int, newCount: Int) -> Bool {
        hit.horizon < old + count || (old + count == oldCount && new + count == newCount && hit.horizon <= oldCount)
    }
}
