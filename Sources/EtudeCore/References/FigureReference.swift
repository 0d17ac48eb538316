/// A reference to a figure written in prose: `{{ key }}` or `{{ key | format }}`.
public struct FigureReference: Equatable, Sendable {
    public var key: String
    public var format: ReferenceFormat
    /// Where `{{` stands in the source text.
    public var location: SourcePosition
}

/// How a referenced figure is written.
public enum ReferenceFormat: Hashable, Sendable {
    /// The figure's own unit and precision: `78 %`, `311`, `plus des deux tiers`.
    case standard
    /// A given number of decimals: `{{ k | decimals: 1 }}` → `78,0 %`.
    case decimals(Int)
    /// With its 95 % margin: `78 % (± 6,5 points)`.
    case margin
    /// As a number of respondents (share × base): `122 répondants`.
    case respondents
    /// As a fraction in words: `deux tiers`.
    case fraction
    /// A rank as an ordinal: `premier`, or `première` with `ordinal-f`.
    case ordinal(feminine: Bool)
    /// The bare number without its unit.
    case number
    /// The figure's label (`label`), or with a lowercase first letter for the middle of a
    /// sentence (`label-lower`); for `G.rank-k`, the label of the part at that place.
    case label(lowercased: Bool)
    /// A share in words, « près de la moitié »; `words-f` for a feminine noun; after `:`
    /// a plural noun to put in the phrase (`| words: répondants`). See `ShareWords`.
    case words(feminine: Bool, noun: String?)
    /// Text written as is, marked as a deliberate literal: `{{ literal: 41 % }}` publishes
    /// `41 %` and tells `etude check` that the writer means it to stay as typed.
    case literal(String)
    /// A cross-reference to the chart of a figure: `{{ figure: adoption }}` → « figure 2 »,
    /// linked to the chart.
    case chart(String)
    /// A difference as a change: `en hausse de 7 points`, `en baisse de 3 points`, `stable`.
    case change

    static let names = ["decimals", "margin", "respondents", "fraction", "ordinal", "ordinal-f", "number", "label", "label-lower", "change", "words", "words-f"]
}

/// Finds `{{ … }}` references in a text and parses them.
public enum ReferenceParser {
    /// A reference found in text: its range there and what it says, or why it cannot be read.
    public struct Match {
        public var range: Range<String.Index>
        public var result: Result<FigureReference, Diagnostic>
    }

    /// Every `{{ … }}` of `text`; `origin` is where the text starts in `file`.
    public static func matches(in text: String, file: String, origin: SourcePosition) -> [Match] {
        // Most text holds no reference; a regex literal costs a parse each time it runs.
        // (The bytes first: see `ByteSearch` for why their absence answers exactly.)
        guard ByteSearch.contains("{{", in: text) else { return [] }
        let location = { (index: String.Index) in
            SourcePosition(line: origin.line, column: origin.column + text.utf8.distance(from: text.startIndex, to: index))
        }
        var matches = ReferenceScanner.references(in: text).map { found in
            Match(range: found.range, result: parse(String(text[found.inner]), file: file, at: location(found.range.lowerBound)))
        }
        // A `{{` that opens no complete reference would be published as literal braces.
        // Both lists come in text order: one pass over each.
        var unclosed: [Match] = []
        var next = 0
        for open in ReferenceScanner.openings(in: text) {
            while next < matches.count, matches[next].range.upperBound <= open.lowerBound { next += 1 }
            guard next == matches.count || !matches[next].range.overlaps(open) else { continue }
            let message = "'{{' opens a figure reference that is never closed; write {{ key }} on one line, or put literal braces in `code`"
            unclosed.append(Match(range: open, result: .failure(Diagnostic(file: file, at: location(open.lowerBound), message: message))))
        }
        return unclosed.isEmpty ? matches : (matches + unclosed).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    static func parse(_ body: String, file: String, at location: SourcePosition) -> Result<FigureReference, Diagnostic> {
        let trimmed = body.trimmed(.whitespaces)
        if trimmed.hasPrefix("figure:") {
            let key = trimmed.dropFirst("figure:".count).trimmed(.whitespaces)
            guard FigureKey.isValid(key) else {
                return .failure(Diagnostic(file: file, at: location, message: "'{{\(body)}}' names no chart; write {{ figure: key }} with the key of the figure a chart block shows"))
            }
            return .success(FigureReference(key: key, format: .chart(key), location: location))
        }
        if trimmed.hasPrefix("literal:") {
            let text = trimmed.dropFirst("literal:".count).trimmed(.whitespaces)
            guard !text.isEmpty else {
                return .failure(Diagnostic(file: file, at: location, message: "'{{\(body)}}' marks nothing as literal; write {{ literal: 41 % }}"))
            }
            return .success(FigureReference(key: "literal", format: .literal(text), location: location))
        }
        let pieces = body.split(separator: "|", maxSplits: 1).map { $0.trimmed(.whitespaces) }
        let key = pieces.first ?? ""
        guard !key.isEmpty, FigureKey.isValid(key) else {
            return .failure(Diagnostic(file: file, at: location, message: "'{{\(body)}}' does not name a figure; write {{ key }} or {{ key | format }}"))
        }
        guard pieces.count == 2 else { return .success(FigureReference(key: key, format: .standard, location: location)) }
        let formatText = pieces[1]
        let nameAndArgument = formatText.split(separator: ":", maxSplits: 1).map { $0.trimmed(.whitespaces) }
        let format: ReferenceFormat?
        switch nameAndArgument[0] {
        case "decimals":
            format = nameAndArgument.count == 2 ? Int(nameAndArgument[1]).flatMap { (0...3).contains($0) ? .decimals($0) : nil } : nil
            if format == nil {
                return .failure(Diagnostic(file: file, at: location, message: "format 'decimals' needs a number of decimals from 0 to 3, as in {{ \(key) | decimals: 1 }}"))
            }
        case "margin": format = .margin
        case "respondents": format = .respondents
        case "fraction": format = .fraction
        case "ordinal": format = .ordinal(feminine: false)
        case "ordinal-f": format = .ordinal(feminine: true)
        case "number": format = .number
        case "change": format = .change
        case "words", "words-f":
            let noun = nameAndArgument.count == 2 ? nameAndArgument[1] : nil
            if let noun, noun.isEmpty || !noun.allSatisfy({ $0.isLetter || $0 == "-" || $0 == " " || $0 == "’" || $0 == "'" }) {
                return .failure(Diagnostic(file: file, at: location, message: "format '\(nameAndArgument[0])' takes a noun in the plural, such as {{ \(key) | words: répondants }}"))
            }
            format = .words(feminine: nameAndArgument[0] == "words-f", noun: noun)
        case "label": format = .label(lowercased: false)
        case "label-lower": format = .label(lowercased: true)
        default: format = nil
        }
        guard let format else {
            let name = nameAndArgument[0]
            return .failure(Diagnostic(file: file, at: location, message: "unknown format '\(name)'\(Suggestion.didYouMean(name, among: ReferenceFormat.names)) (formats: \(ReferenceFormat.names.joined(separator: ", ")))"))
        }
        return .success(FigureReference(key: key, format: format, location: location))
    }
}
