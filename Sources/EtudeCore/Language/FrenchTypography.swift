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
        var result = TypesetText(capacity: text.utf8.count + 8)
        var depth = 0
        // The characters since `runStart` are copied as typed, in one piece: any character
        // but a single special scalar (a Character of several scalars equals none of the
        // cases below, which are single scalars without a decomposition). Copying them one
        // at a time, and comparing them with each case, dominated this pass.
        var runStart = text.startIndex
        var runLast: String.Index?
        var index = text.startIndex
        var current: Character? = index < text.endIndex ? text[index] : nil
        while let character = current {
            let nextIndex = text.utf8.index(index, offsetBy: character.utf8.count)
            let next: Character? = nextIndex < text.endIndex ? text[nextIndex] : nil
            defer { index = nextIndex; current = next }
            let scalars = character.unicodeScalars
            guard let scalar = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex, isSpecial(scalar.value) else {
                runLast = index
                continue
            }
            result.appendRun(text[runStart..<index], last: runLast.map { text[$0] })
            (runStart, runLast) = (nextIndex, nil)
            // On the scalar, which is the whole character: a single scalar equals a case's
            // character exactly when it is that scalar, or U+037E for `;`.
            switch scalar.value {
            case 0x27 where fromMarkdown, 0x22 where fromMarkdown:  // ' "
                result.append(character)
            case 0x27:
                result.append("’")
            case 0x22 where result.last.map({ !$0.isWhitespace && !"([«“".contains($0) }) == true,
                 0x201D, 0xBB:  // ” »
                // A closing quote, or a straight quote after a word: » at the first level,
                // ” inside « », as French nests quotes.
                depth = max(0, depth - 1)
                result.dropTrailingSpace()
                if depth > 0 {
                    result.append("”")
                } else {
                    if soleScalar(of: result.last) != 0x202F { result.append(narrow) }
                    result.append("»")
                }
            case 0x201C, 0xAB, 0x22:  // “ « "
                if depth > 0 {
                    result.append("“")
                } else {
                    result.append("«")
                    result.append(narrow)
                }
                depth += 1
            case 0x20, 0xA0, 0x202F:  // space, no-break, narrow no-break
                let following = soleScalar(of: next)
                if let following, [0x3B, 0x37E, 0x3A, 0x21, 0x3F, 0x25, 0xBB].contains(following) || (following == 0x201D && depth <= 1) {  // ; : ! ? % » ”
                    result.append(narrow)
                } else if let last = soleScalar(of: result.last), [0x202F, 0xAB, 0x201C].contains(last) {  // narrow « “
                    continue  // the space after « is already the narrow one
                } else if let previous = result.last, previous.isNumber, let next, next.isLetter || next.isCurrencySymbol {
                    result.append(noBreak)
                } else {
                    result.append(character)
                }
            case 0x3B, 0x37E, 0x21, 0x3F:  // ; ! ?
                if !insideLink, let previous = result.last, previous.isLetter || soleScalar(of: previous) == 0xBB {
                    result.append(narrow)
                }
                result.append(character)
            default:
                result.append(character)
            }
        }
        result.appendRun(text[runStart...], last: runLast.map { text[$0] })
        return result.text
    }

    /// The value of `character`'s scalar when it has only one (no other character equals
    /// one of the single scalars compared with it here, but `;`, written as both cases).
    private static func soleScalar(of character: Character?) -> UInt32? {
        guard let scalars = character?.unicodeScalars, let first = scalars.first,
              scalars.index(after: scalars.startIndex) == scalars.endIndex else { return nil }
        return first.value
    }

    /// Whether `apply` changes or looks at this scalar (see `special`), without hashing it.
    private static func isSpecial(_ value: UInt32) -> Bool {
        switch value {
        case 0x27, 0x22, 0x201C, 0x201D, 0xAB, 0xBB, 0x20, 0xA0, 0x202F, 0x3B, 0x21, 0x3F, 0x37E: return true
        default: return false
        }
    }

}
