import Foundation

/// The distinct texts of one column of the export, each given a small number the first time
/// it is met: a row's cell is hashed once, however many figures read it. Code 0 is blank.
///
/// Cells are hashed on their UTF-8 bytes in a table of this type's own (FNV-1a, open
/// addressing), not with `String`'s `Hashable`: that one normalises each text to NFC
/// before hashing, which cost more than parsing the cell (profiled on `make bench-answers`).
/// Two spellings of one text (composed or decomposed accents) therefore get two codes;
/// what a code means is always decided on its text with `String` equality (`CodeMap`),
/// so they still count as the same answer.
struct ColumnCodes {
    /// Per slot of the hash table: the code of the text hashed there plus one, 0 if empty.
    private var slots = [Int](repeating: 0, count: 16)
    /// Per code: its hash, and where its bytes lie in `bytes`.
    private var hashes: [UInt64] = [0]
    private var starts: [Int] = [0, 0]
    private var bytes: [UInt8] = []
    private(set) var texts: [String] = [""]
    /// The cell read as a number (`,` or `.` decimals), nil when it is not one.
    private(set) var numbers: [Double?] = [nil]

    /// The code of a cell, without the spaces around it.
    mutating func code(_ cell: String) -> Int {
        if let code = cell.utf8.withContiguousStorageIfAvailable({ code(cell, bytes: $0) }) { return code }
        var copy = cell
        return copy.withUTF8 { code(cell, bytes: $0) }
    }

    private mutating func code(_ cell: String, bytes cellBytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let first = cellBytes.first, let last = cellBytes.last else { return 0 }
        // Spaces around a cell are rare: only then is the text trimmed (as `String`, for
        // the non-breaking and other Unicode spaces).
        if first == 32 || first == 9 || last == 32 || last == 9 || first == 0xC2 {
            let trimmed = cell.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return 0 }
            return Array(trimmed.utf8).withUnsafeBufferPointer { lookUp($0, text: trimmed) }
        }
        return lookUp(cellBytes, text: cell)
    }

    @inline(__always)
    private mutating func lookUp(_ key: UnsafeBufferPointer<UInt8>, text: String) -> Int {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let code = slots[slot] - 1
            if hashes[code] == hash && equal(code, key) { return code }
            slot = (slot + 1) & mask
        }
        return add(key, text: text, hash: hash, slot: slot)
    }

    /// Eight bytes at a time (the last eight overlapping the previous ones), so a cell of a
    /// few words is two or three multiplications rather than one per byte.
    @inline(__always)
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = key.count
        guard let base = key.baseAddress.map(UnsafeRawPointer.init) else { return 0 }
        var hash = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        func mix(_ word: UInt64) {
            hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
        }
        if count < 8 {
            var word: UInt64 = 0
            for index in 0..<count { word |= UInt64(key[index]) << (8 * UInt64(index)) }
            mix(word)
        } else {
            var offset = 0
            while offset + 8 <= count {
                mix(base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            if offset < count { mix(base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) }
        }
        return hash ^ (hash >> 29)
    }

    private func equal(_ code: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[code], count = starts[code + 1] - start
        guard count == key.count else { return false }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, key.baseAddress!, count) == 0 }
    }

    private mutating func add(_ key: UnsafeBufferPointer<UInt8>, text: String, hash: UInt64, slot: Int) -> Int {
        let code = texts.count
        slots[slot] = code + 1
        hashes.append(hash)
        bytes.append(contentsOf: key)
        starts.append(bytes.count)
        // A copy of the text, not a slice of the whole piece's text kept alive.
        let own = String(decoding: key, as: UTF8.self)
        texts.append(own)
        let number = Double(own.contains(",") ? own.replacingOccurrences(of: ",", with: ".") : own)
        numbers.append(number.flatMap { $0.isFinite ? $0 : nil })
        if texts.count * 2 > slots.count { grow() }
        return code
    }

    /// Doubles the table and places every code again.
    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for code in 1..<hashes.count {
            var slot = Int(truncatingIfNeeded: hashes[code]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = code + 1
        }
    }
}
