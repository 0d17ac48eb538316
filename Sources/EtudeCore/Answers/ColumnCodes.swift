import Foundation

/// The distinct texts of one column of the export, each given a small number the first time
/// it is met: a row's cell is hashed once, however many figures read it. Code 0 is blank.
///
/// Cells are hashed on their UTF-8 bytes in a table of this type's own (eight bytes at a
/// time, open addressing), not with `String`'s `Hashable`: that one normalises each text to
/// NFC before hashing, which cost more than parsing the cell (profiled on
/// `make bench-answers`). Two spellings of one text (composed or decomposed accents)
/// therefore get two codes; what a code means is always decided on its text with `String`
/// equality (`AnswerPlan.extend`), so they still count as the same answer.
struct ColumnCodes {
    /// One place of the hash table: a code with its hash and, for a key of up to 16 bytes,
    /// the key itself as two words, so that finding a cell reads one place of memory.
    private struct Slot {
        var hash: UInt64 = 0
        var words: (UInt64, UInt64) = (0, 0)
        var length: Int32 = 0
        /// 0 when the place is empty (blank cells are never looked up).
        var code: Int32 = 0
    }

    private var slots = [Slot](repeating: Slot(), count: 16)
    /// Per code: where its bytes lie in `bytes` (compared for keys over 16 bytes).
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
            let trimmed = cell.trimmed(.whitespaces)
            if trimmed.isEmpty { return 0 }
            return Array(trimmed.utf8).withUnsafeBufferPointer { lookUp($0, text: trimmed) }
        }
        return lookUp(cellBytes, text: cell)
    }

    @inline(__always)
    private mutating func lookUp(_ key: UnsafeBufferPointer<UInt8>, text: String) -> Int {
        // Up to 16 bytes (nearly every cell), the key is two words and its length, compared
        // as such; a longer one is compared byte by byte.
        let short = key.count <= 16
        let words = short ? Self.words(key) : (0, 0)
        let hash = short ? Self.hash(words, count: key.count) : Self.hash(key)
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index].code != 0 {
            if slots[index].hash == hash && Int(slots[index].length) == key.count
                && (short ? slots[index].words == words : equal(Int(slots[index].code), key)) {
                return Int(slots[index].code)
            }
            index = (index + 1) & mask
        }
        return add(key, text: text, slot: Slot(hash: hash, words: words, length: Int32(truncatingIfNeeded: key.count), code: Int32(texts.count)), at: index)
    }

    /// A key of at most 16 bytes as two words: its first eight bytes and its last eight
    /// (overlapping), or, under eight, its bytes in the first word. With the length, they
    /// tell every key apart.
    @inline(__always)
    private static func words(_ key: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        let count = key.count
        guard count >= 8, let base = key.baseAddress.map(UnsafeRawPointer.init) else {
            var word: UInt64 = 0
            for index in 0..<count { word |= UInt64(key[index]) << (8 * UInt64(index)) }
            return (word, 0)
        }
        return (base.loadUnaligned(as: UInt64.self), base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
    }

    @inline(__always)
    private static func hash(_ words: (UInt64, UInt64), count: Int) -> UInt64 {
        var hash = (UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15 ^ words.0) &* 0xBF58_476D_1CE4_E5B9
        hash = (hash ^ (hash >> 31) ^ words.1) &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 29)
    }

    /// A longer key, eight bytes at a time (the last eight overlapping the previous ones).
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = key.count
        guard let base = key.baseAddress.map(UnsafeRawPointer.init) else { return 0 }
        var hash = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        var offset = 0
        while offset < count {
            let word = base.loadUnaligned(fromByteOffset: min(offset, count - 8), as: UInt64.self)
            hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            offset += 8
        }
        return hash ^ (hash >> 29)
    }

    private func equal(_ code: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[code], count = starts[code + 1] - start
        guard count == key.count else { return false }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, key.baseAddress!, count) == 0 }
    }

    private mutating func add(_ key: UnsafeBufferPointer<UInt8>, text: String, slot: Slot, at index: Int) -> Int {
        let code = texts.count
        slots[index] = slot
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
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.code != 0 {
            var index = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[index].code != 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }
}
