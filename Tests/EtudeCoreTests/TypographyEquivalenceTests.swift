import Testing
@testable import EtudeCore

/// The French typography pass gives, character for character, what its first version gave
/// (kept here as the reference), on texts built to reach every rule and its edges:
/// combining marks after spaces and quotes, U+037E, CRLF, nested quotes.
struct TypographyEquivalenceTests {
    static func referenceTypeset(_ text: String, insideLink: Bool, fromMarkdown: Bool) -> String {
        let characters = Array(text)
        var result: [Character] = []
        result.reserveCapacity(characters.count + 8)
        var depth = 0
        for (index, character) in characters.enumerated() {
            // Most characters are none of the cases below: append them without comparing
            // them with each (a Character comparison normalizes; it dominated this pass).
            let scalars = character.unicodeScalars
            if let scalar = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex, !FrenchTypography.special.contains(scalar.value) {
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
                while let last = result.last, last == " " || last == FrenchTypography.noBreak { result.removeLast() }
                if depth > 0 {
                    result.append("”")
                } else {
                    if result.last != FrenchTypography.narrow { result.append(FrenchTypography.narrow) }
                    result.append("»")
                }
            case "“", "«", "\"":
                if depth > 0 {
                    result.append("“")
                } else {
                    result.append("«")
                    result.append(FrenchTypography.narrow)
                }
                depth += 1
            case " ", FrenchTypography.noBreak, FrenchTypography.narrow:
                if let next, [";", ":", "!", "?", "%", "»"].contains(next) || (next == "”" && depth <= 1) {
                    result.append(FrenchTypography.narrow)
                } else if result.last == FrenchTypography.narrow || result.last == "«" || result.last == "“" {
                    continue  // the space after « is already the FrenchTypography.narrow one
                } else if let previous = result.last, previous.isNumber, let next, next.isLetter || next.isCurrencySymbol {
                    result.append(FrenchTypography.noBreak)
                } else {
                    result.append(character)
                }
            case ";", "!", "?":
                if !insideLink, let previous = result.last, previous.isLetter || previous == "»" {
                    result.append(FrenchTypography.narrow)
                }
                result.append(character)
            default:
                result.append(character)
            }
        }
        return String(result)
    }

    static let pieces = ["a", "é", "e\u{301}", " ", "\u{00A0}", "\u{202F}", "'", "\"", "“", "”", "«", "»", ";", "!", "?", ":", "%", "\u{37E}",
                         " \u{301}", "\"\u{301}", "«\u{301}", "1", "€", "\r\n", "\n", "(", "x", "ﬁ", "👍🏽", "\u{301}", "de", "mot", "  "]

    @Test func sameAsTheFirstVersion() {
        var differences: [String] = []
        for text in RandomTexts.make(seed: 20261127, maxPieces: 14, from: Self.pieces) {
            for (insideLink, fromMarkdown) in [(false, false), (true, false), (false, true)] {
                let expected = Self.referenceTypeset(text, insideLink: insideLink, fromMarkdown: fromMarkdown)
                let got = FrenchTypography.apply(text, insideLink: insideLink, fromMarkdown: fromMarkdown)
                if Array(got.unicodeScalars) != Array(expected.unicodeScalars) { differences.append(text) }
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(5).map(\.debugDescription))")
    }
}

