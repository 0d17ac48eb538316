/// French typographic spacing and quotes for prose text.
///
/// Writers type ordinary spaces; the output gets a narrow no-break space (U+202F)
/// before `; : ! ? %` and inside « », a no-break space between a number and the word
/// after it, and typographic apostrophes and quotes: « » outside, “ ” for a quote
/// within a quote.
///
/// Text from Markdown arrives with its quotes already curled by cmark's smart punctuation,
/// so a straight `"` or `'` left in it was escaped by the writer (`\"`, `&quot;`) and stays
/// as typed. Data text (YAML labels, titles) never went through cmark: there straight
/// quotes become « » and ’.
public enum FrenchTypography {
    static let narrow: Character = "\u{202F}"
    static let noBreak: Character = "\u{00A0}"
    /// The characters `apply` changes or looks at, as single scalars: quotes, spaces,
    /// `; ! ?`, and U+037E, which Swift compares equal to `;` (canonical equivalence).
    static let special: Set<UInt32> = [0x27, 0x22, 0x201C, 0x201D, 0xAB, 0xBB, 0x20, 0xA0, 0x202F, 0x3B, 0x21, 0x3F, 0x37E]

    /// Applies the rules to one text node. Inside a link only spacing that is already
    /// typed is changed, so URLs shown as text stay intact. `fromMarkdown` keeps straight
    /// quotes, which only an escape leaves in Markdown text.
    public static func apply(_ text: String, insideLink: Bool = false, fromMarkdown: Bool = false) -> String {
        // `etude serve` keeps what earlier builds typeset (see `TypographyMemo`).
        guard let memo = TypographyMemo.current else { return typeset(text, insideLink: insideLink, fromMarkdown: fromMarkdown) }
        return memo.typeset(text, insideLink: insideLink, fromMarkdown: fromMarkdown, by: typeset)
    }

    private static func typeset(_ text: String, insideLink: Bool, fromMarkdown: Bool) -> String {
        let characters = Array(text)
        var result: [Character] = []
        result.reserveCapacity(characters.count + 8)
        var depth = 0
        for (index, character) in characters.enumerated() {
            // Most characters are none of the cases below: append them without comparing
            // them with each (a Character comparison normalizes; it dominated this pass).
            let scalars = character.unicodeScalars
            if let scalar = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex, !special.contains(scalar.value) {
                result.append(character)
                continue
            }
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case "'" where fromMarkdown, "\"" where fromMarkdown:
                result.append(character)
            case "'":
                result.append("’")
            case "\"" where result.last.map({ !$0.isWhitespace && !"([«“".contains($0) }) == true,
                 "”", "»":
                // A closing quote, or a straight quote after a word: » at the first level,
                // ” inside « », as French nests quotes.
                depth = max(0, depth - 1)
                dropTrailingSpace(&result)
                if depth > 0 {
                    result.append("”")
                } else {
                    if result.last != narrow { result.append(narrow) }
                    result.append("»")
                }
            case "“", "«", "\"":
                if depth > 0 {
                    result.append("“")
                } else {
                    result.append("«")
                    result.append(narrow)
                }
                depth += 1
            case " ", noBreak, narrow:
                if let next, [";", ":", "!", "?", "%", "»"].contains(next) || (next == "”" && depth <= 1) {
                    result.append(narrow)
                } else if result.last == narrow || result.last == "«" || result.last == "“" {
                    continue  // the space after « is already the narrow one
                } else if let previous = result.last, previous.isNumber, let next, next.isLetter || next.isCurrencySymbol {
                    result.append(noBreak)
                } else {
                    result.append(character)
                }
            case ";", "!", "?":
                if !insideLink, let previous = result.last, previous.isLetter || previous == "»" {
                    result.append(narrow)
                }
                result.append(character)
            default:
                result.append(character)
            }
        }
        return String(result)
    }

    private static func dropTrailingSpace(_ characters: inout [Character]) {
        while let last = characters.last, last == " " || last == noBreak { characters.removeLast() }
    }
}
