import Foundation

/// The attributes a scan (`HTMLText.scanAttributes`) found in a file in the earlier builds
/// of a session, reused for the bytes the file has in common with what it was: a changed
/// file is scanned again only from the last attribute found before its first changed byte
/// to the first place after its last changed byte where the old scan stood too (the scan
/// reads forward and carries nothing but where it stands, so from there on it finds what it
/// found before, shifted). The result is always that of `HTMLText.attributes`.
final class AttributeScanMemo {
    private struct Scan {
        var names: Set<String>
        var bytes: [UInt8]
        var hits: [HTMLText.AttributeHit]
        var values: [String]
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
        guard let old else {
            var scan = Scan(names: names, bytes: bytes, hits: [], values: [])
            HTMLText.scanAttributes(names, in: bytes) { hit in
                scan.hits.append(hit)
                scan.values.append(String(decoding: bytes[hit.value], as: UTF8.self))
            }
            return scan
        }
        let prefix = Self.commonPrefix(old.bytes, bytes)
        if prefix == bytes.count, prefix == old.bytes.count { return old }
        let suffix = Self.commonSuffix(old.bytes, bytes, notBefore: prefix)
        // The attributes found from bytes still the same: found again, and where the scan went on.
        let same = old.hits.prefix { $0.horizon < prefix }.count
        let restart = same > 0 ? old.hits[same - 1].next : 0
        var hits = Array(old.hits[..<same]), values = Array(old.values[..<same])
        let shift = bytes.count - old.bytes.count
        var resume = old.hits.count
        let end = HTMLText.scanAttributes(names, in: bytes, from: restart, horizon: same > 0 ? old.hits[same - 1].horizon : -1,
                                          stopFrom: bytes.count - suffix, stop: { index in
            // In the unchanged end: stop where the old scan stood too (not within an attribute it found).
            let oldIndex = index - shift
            let before = Self.lastHit(in: old.hits, from: oldIndex)
            if let before, old.hits[before].next > oldIndex { return false }
            resume = (before ?? -1) + 1
            return true
        }) { hit in
            hits.append(hit)
            values.append(String(decoding: bytes[hit.value], as: UTF8.self))
        }
        if end.stoppedAt != nil {
            for (hit, value) in zip(old.hits[resume...], old.values[resume...]) {
                hits.append(HTMLText.AttributeHit(name: hit.name, value: (hit.value.lowerBound + shift)..<(hit.value.upperBound + shift),
                                                  from: hit.from + shift, next: hit.next + shift, horizon: max(hit.horizon + shift, end.horizon)))
                values.append(value)
            }
        }
        return Scan(names: names, bytes: bytes, hits: hits, values: values)
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

    /// How many bytes `a` and `b` begin with in common (compared a block at a time).
    static func commonPrefix(_ a: [UInt8], _ b: [UInt8]) -> Int {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                guard let first = a.baseAddress, let second = b.baseAddress else { return 0 }
                let count = min(a.count, b.count)
                var same = 0
                while same < count {
                    let length = min(4096, count - same)
                    if memcmp(first + same, second + same, length) != 0 { break }
                    same += length
                }
                while same < count, a[same] == b[same] { same += 1 }
                return same
            }
        }
    }

    /// How many bytes `a` and `b` end with in common, leaving the first `notBefore` bytes of each out.
    static func commonSuffix(_ a: [UInt8], _ b: [UInt8], notBefore prefix: Int) -> Int {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                guard let first = a.baseAddress, let second = b.baseAddress else { return 0 }
                let count = min(a.count, b.count) - prefix
                var same = 0
                while same < count {
                    let length = min(4096, count - same)
                    if memcmp(first + a.count - same - length, second + b.count - same - length, length) != 0 { break }
                    same += length
                }
                while same < count, a[a.count - same - 1] == b[b.count - same - 1] { same += 1 }
                return same
            }
        }
    }
}
