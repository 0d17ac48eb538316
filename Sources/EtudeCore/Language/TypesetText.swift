/// The text `FrenchTypography` writes, with what its rules look back at: the last character
/// written, as the list of characters it used to build would give it (appending to a String
/// may join two characters into one grapheme; this keeps them apart, as before).
struct TypesetText {
    private(set) var text = ""
    /// The last character written that is not a space `dropTrailingSpace` removes.
    private var solid: Character?
    /// The spaces (" " or no-break) written after `solid`.
    private var spaces: [Character] = []

    init(capacity: Int) {
        text.reserveCapacity(capacity)
    }

    var last: Character? { spaces.last ?? solid }

    /// Characters copied as typed, none of them a space; `last` is the last of them (nil: none).
    mutating func appendRun(_ run: Substring, last: Character?) {
        guard let last else { return }
        text += run
        solid = last
        spaces.removeAll(keepingCapacity: true)
    }

    mutating func append(_ character: Character) {
        text.append(character)
        if character == " " || character == FrenchTypography.noBreak {
            spaces.append(character)
        } else {
            solid = character
            spaces.removeAll(keepingCapacity: true)
        }
    }

    /// Removes the spaces written last (by scalars: they were appended whole).
    mutating func dropTrailingSpace() {
        for space in spaces.reversed() { text.unicodeScalars.removeLast(space.unicodeScalars.count) }
        spaces.removeAll(keepingCapacity: true)
    }
}
