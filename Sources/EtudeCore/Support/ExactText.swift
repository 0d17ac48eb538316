import Foundation

/// A text as a key by its bytes. Swift's `String` compares and hashes by canonical
/// equivalence (`é` equals `e` and a combining accent), which a memo of what is made from
/// a text must not: the two texts give different bytes. Hashing the bytes also skips the
/// normalisation `String` hashing does for every text that is not ASCII.
struct ExactText: Hashable, Sendable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    static func == (a: ExactText, b: ExactText) -> Bool {
        guard a.text.utf8.count == b.text.utf8.count else { return false }
        // Native texts hold their bytes in one piece: compared with memcmp, not byte by byte.
        let compared = a.text.utf8.withContiguousStorageIfAvailable { x in
            b.text.utf8.withContiguousStorageIfAvailable { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
        return (compared ?? nil) ?? a.text.utf8.elementsEqual(b.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
