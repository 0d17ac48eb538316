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
        a.text.utf8.count == b.text.utf8.count && a.text.utf8.elementsEqual(b.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
