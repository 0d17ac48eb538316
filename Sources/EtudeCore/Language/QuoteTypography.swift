/// Quotes and apostrophes for languages without French spacing. Text from Markdown
/// arrives with cmark's smart punctuation (“ ” ‘ ’, English shapes): its double quotes are
/// turned into the language's (German „ “), its single quotes only when they pair up, since
/// ’ is also the apostrophe. Data text (YAML labels) gets its straight quotes curled: an
/// opening one after a space, a bracket or the start, a closing one elsewhere; a straight
/// `'` inside a word is an apostrophe. Straight quotes left in Markdown text were escaped
/// by the writer and stay as typed.
struct QuoteTypography {
    let outer: (open: Character, close: Character)
    let inner: (open: Character, close: Character)

    init(outer: (Character, Character), inner: (Character, Character)) {
        self.outer = (outer.0, outer.1)
        self.inner = (inner.0, inner.1)
    }

    func apply(_ text: String, fromMarkdown: Bool) -> String {
        guard text.contains(where: { "\"'“”‘’".contains($0) }) else { return text }
        let characters = Array(text)
        var result = ""
        var depth = 0
        var openSingles = 0
        for (index, character) in characters.enumerated() {
            let previous = index > 0 ? characters[index - 1] : nil
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            let opens = previous.map { $0.isWhitespace || "([{“‘«—–-".contains($0) } ?? true
            switch character {
            case "\"" where fromMarkdown, "'" where fromMarkdown:
                result.append(character)
            case "\"":
                if opens && depth == 0 || opens && next.map({ !$0.isWhitespace }) == true {
                    result.append(depth > 0 ? inner.open : outer.open)
                    depth += 1
                } else {
                    depth = max(0, depth - 1)
                    result.append(depth > 0 ? inner.close : outer.close)
                }
            case outer.open where outer.open != "“":
                // The language's own opening quotes typed as such (German „ and ‚).
                result.append(depth > 0 ? inner.open : outer.open)
                depth += 1
            case inner.open where inner.open != "‘":
                result.append(inner.open)
                openSingles += 1
            case "“" where outer.close == "“" && depth > 0:
                // German closes with “: once a quote is open, “ is its end.
                depth -= 1
                result.append(depth > 0 ? inner.close : outer.close)
            case "“":
                result.append(depth > 0 ? inner.open : outer.open)
                depth += 1
            case "”":
                depth = max(0, depth - 1)
                result.append(depth > 0 ? inner.close : outer.close)
            case "‘" where inner.close == "‘" && openSingles > 0:
                openSingles -= 1
                result.append(inner.close)
            case "'" where opens && next.map({ !$0.isWhitespace }) == true, "‘":
                result.append(inner.open)
                openSingles += 1
            case "'", "’":
                // Closing a single quote that opened, or an apostrophe (don’t, l’étude).
                let closes = openSingles > 0 && !(next?.isLetter ?? false)
                if closes { openSingles -= 1 }
                result.append(closes ? inner.close : "’")
            default:
                result.append(character)
            }
        }
        return result
    }
}
