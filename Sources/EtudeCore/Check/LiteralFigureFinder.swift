import Foundation

/// Finds numbers typed by hand in prose that equal a figure of `data/`: they would not
/// change with the data, so each is reported as a warning naming the key to write instead.
public struct LiteralFigureFinder {
    /// A number the prose may hold, and the figures it would stand for.
    struct Candidate: Sendable, Equatable {
        enum Shape: Sendable, Equatable { case percent, number, fraction(Int, Int) }
        var shape: Shape
        var value: Double
        var key: String
    }

    let candidates: [Candidate]
    /// The candidates by what prose must type to match them, in table order: a number is
    /// looked up, not compared with every figure (a large site has thousands).
    let byValue: [CandidateKey: [Candidate]]
    /// A list marker: not prose. References, code, link destinations and HTML tags are
    /// blanked by `ProseMask`, in linear time. Built once per finder: a regex literal is
    /// compiled each time it is evaluated.
    let listMarker = /^\s*\d+[.)]\s/
    let fenceMarker = /```+|~~~+/
    /// A number as the study's language writes it: grouped thousands (`1 248`, `1,248`,
    /// `1.248`) with its decimals, or plain digits with a point or a comma.
    let number: Regex<AnyRegexOutput>
    /// The grouped form alone: a match of `number` that is whole in it has grouped thousands.
    let grouped: Regex<AnyRegexOutput>
    /// The separators of `number`, to read its value.
    let grouping: Set<Character>
    let decimal: Character
    /// Words after a number that make it a statistic of the survey: points, respondents
    /// (the catalogue's `language.statistic-words`).
    let statisticWord: Regex<AnyRegexOutput>
    /// Fractions of data/ as prose writes them in words (`deux tiers`), with their matcher.
    let fractionPhrases: [(words: String, regex: Regex<Substring>, candidate: Candidate)]

    /// The study's language: how numbers, statistic words and fractions are written.
    let language: Language

    public init(table: FigureTable) { self.init(table: table, patterns: nil) }

    /// `patterns` (`etude serve`) are those of `table.language`, made by an earlier build.
    init(table: FigureTable, patterns: NumberPatterns?) {
        language = table.language
        let patterns = patterns ?? NumberPatterns(language: table.language)
        (grouping, decimal, grouped, number, statisticWord) = (patterns.grouping, patterns.decimal, patterns.grouped, patterns.number, patterns.statisticWord)
        var candidates: [Candidate] = []
        for key in table.order {
            switch table[key] {
            case .typed(let resolved):
                let figure = resolved.figure
                switch figure.unit {
                case .percent: candidates.append(Candidate(shape: .percent, value: Self.rounded(figure.value, figure.decimals), key: key))
                case .fraction:
                    if let fraction = figure.fraction {
                        candidates.append(Candidate(shape: .fraction(fraction.numerator, fraction.denominator), value: figure.value, key: key))
                    }
                case .respondents, .count, .year:
                    candidates.append(Candidate(shape: .number, value: Self.rounded(figure.value, figure.decimals), key: key))
                }
            case .derived(let value) where value.unit == .count && !key.hasSuffix(".base"):
                candidates.append(Candidate(shape: .number, value: value.value, key: key))
            default:
                continue
            }
        }
        self.candidates = candidates
        byValue = Dictionary(grouping: candidates, by: CandidateKey.init)
        fractionPhrases = candidates.compactMap { candidate in
            guard case .fraction(let n, let d) = candidate.shape,
                  let words = table.language.fractionWords(numerator: n, denominator: d) else { return nil }
            return (words, Regex<Substring>(verbatim: words).ignoresCase(), candidate)
        }
    }

    /// One warning per number typed by hand, at its line and column, in page order.
    public func warnings(in pages: [Page]) -> [Diagnostic] {
        ParallelMap.map(pages) { warnings(of: $0, log: nil) }.flatMap { $0 }
    }

    /// The same; `memo` (`etude serve`) gives back a page's warnings from an earlier build
    /// when the page and every figure it was matched against are the same.
    func warnings(in pages: [Page], memo: LiteralFigureMemo?) -> [Diagnostic] {
        guard let memo else { return warnings(in: pages) }
        memo.begin(LiteralFigureMemo.Setting(language: language, fractions: fractionPhrases.map { .init(words: $0.words, candidate: $0.candidate) }))
        let kept = pages.map { memo.warnings(of: $0, finder: self) }
        let made = ParallelMap.map(Array(zip(pages, kept))) { page, kept -> (warnings: [Diagnostic], log: LookupLog)? in
            guard kept == nil else { return nil }
            let log = LookupLog()
            return (warnings(of: page, log: log), log)
        }
        return zip(pages, zip(kept, made)).flatMap { page, result -> [Diagnostic] in
            if let kept = result.0 { return kept }
            guard let made = result.1 else { return [] }
            memo.keep(made.warnings, of: page, lookups: made.log.seen)
            return made.warnings
        }
    }

    /// The candidates a number typed as `key` matches, noted in `log`.
    func matching(_ key: CandidateKey, log: LookupLog?) -> [Candidate] {
        let found = byValue[key] ?? []
        log?.seen[key] = found
        return found
    }

    /// The lookups of `byValue` made while a page was checked, with what they found: the
    /// warnings of the page are the same for any finder whose lookups find the same.
    final class LookupLog: @unchecked Sendable {
        var seen: [CandidateKey: [Candidate]] = [:]
    }

    /// The warnings of one page; `log` notes the lookups made.
    private func warnings(of page: Page, log: LookupLog?) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        let title = page.frontMatter
        for (text, location) in [(title.title, title.titleLocation), (title.description ?? "", title.descriptionLocation ?? title.titleLocation)] {
            for found in findings(in: text, log: log) {
                warnings.append(.warning(file: page.sourcePath, at: location, found.message))
            }
        }
        var fence: String?
        for (offset, line) in LineSplitter.lines(of: page.body).enumerated() {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            // Only a line starting with a character equal to ` or ~ can open a fence:
            // running the regex on every line cost more than the finding itself.
            if let first = trimmed.first, first == "`" || first == "~", let marker = trimmed.prefixMatch(of: fenceMarker) {
                fence = String(marker.output)
                continue
            }
            for found in findings(in: String(line), log: log) {
                let position = SourcePosition(line: page.bodyLineOffset + offset + 1, column: found.column)
                warnings.append(.warning(file: page.sourcePath, at: position, found.message))
            }
        }
        return warnings
    }

    /// What a candidate matches: a percentage or a number of this value, or this fraction.
    enum CandidateKey: Hashable {
        case percent(Double), number(Double), fraction(Int, Int)

        init(_ candidate: Candidate) {
            switch candidate.shape {
            case .percent: self = .percent(candidate.value)
            case .number: self = .number(candidate.value)
            case .fraction(let n, let d): self = .fraction(n, d)
            }
        }
    }

    struct Finding {
        var column: Int
        var message: String
    }

    /// The numbers of one line of prose that equal figures; references, code, link
    /// destinations, HTML tags and list markers are not prose.
    func findings(in line: String, log: LookupLog? = nil) -> [Finding] {
        // Most lines hold no digit and no fraction in words: nothing to look for.
        guard Self.holdsDigit(line) || fractionPhrases.contains(where: { line.localizedCaseInsensitiveContains($0.words) }) else { return [] }
        let prose = ProseMask.blankingNonProse(line)
            .replacing(listMarker) { String(repeating: " ", count: $0.output.utf8.count) }
        var findings: [Finding] = []
        var fractionRanges: [Range<String.Index>] = []
        for match in ProseMask.fractions(in: prose) where isolated(match.range, in: prose) {
            fractionRanges.append(match.range)
            let (n, d) = (match.numerator, match.denominator)
            report(String(prose[match.range]), at: match.range, in: prose, matching: matching(.fraction(n, d), log: log), into: &findings)
        }
        var fraction = 0  // both come in order: the first fraction that may still overlap
        for match in prose.matches(of: number) where isolated(match.range, in: prose) {
            while fraction < fractionRanges.count, fractionRanges[fraction].upperBound <= match.range.lowerBound { fraction += 1 }
            guard fraction == fractionRanges.count || !fractionRanges[fraction].overlaps(match.range) else { continue }
            guard let value = value(of: prose[match.range]) else { continue }
            let rest = prose[match.range.upperBound...]
            let isPercent = Self.startsWithPercent(rest)
            let matching = self.matching(isPercent ? .percent(value) : .number(value), log: log)
            var end = isPercent ? prose[match.range.upperBound...].firstIndex(of: "%").map { prose.index(after: $0) } ?? match.range.upperBound : match.range.upperBound
            if matching.isEmpty, !isPercent, let unit = rest.prefixMatch(of: statisticWord) { end = unit.range.upperBound }
            let typed = String(prose[match.range.lowerBound..<end])
            if !matching.isEmpty {
                report(typed, at: match.range, in: prose, matching: matching, into: &findings)
            } else if end != match.range.upperBound {
                // A statistic whatever its value: it would go stale when data/ changes.
                let column = prose.utf8.distance(from: prose.startIndex, to: match.range.lowerBound) + 1
                let shown = typed.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
                findings.append(Finding(column: column, message: "'\(shown)' is a statistic typed by hand; write it as a reference to a figure of data/, or mark it as deliberate with {{ literal: \(shown) }}"))
            }
        }
        for (_, regex, candidate) in fractionPhrases {
            for match in prose.ranges(of: regex) {
                let column = prose.utf8.distance(from: prose.startIndex, to: match.lowerBound) + 1
                findings.append(Finding(column: column, message: message(for: String(prose[match]), matching: [candidate])))
            }
        }
        return findings.sorted { $0.column < $1.column }
    }

    /// `text.contains(where: \.isNumber)` (a character is a number when its first scalar is),
    /// answered on the scalars without finding the characters: an ASCII digit after an ASCII
    /// scalar starts a character of its own; a text with no numeric scalar holds no number;
    /// only a digit after another script's scalar (which may join it) needs the characters.
    static func holdsDigit(_ text: String) -> Bool {
        var unsure = false, previousIsASCII = true
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                if scalar.value >= 0x30 && scalar.value <= 0x39 {
                    if previousIsASCII { return true }
                    unsure = true
                }
                previousIsASCII = true
            } else {
                if scalar.properties.numericType != nil { unsure = true }
                previousIsASCII = false
            }
        }
        return unsure && text.contains(where: \.isNumber)
    }

    /// Whether `rest` starts with `%`, after at most one space (plain, no-break or narrow
    /// no-break): `rest.prefixMatch(of: /[ \u{00A0}\u{202F}]?%/) != nil`, without a regex.
    static func startsWithPercent(_ rest: Substring) -> Bool {
        guard let first = rest.first else { return false }
        if first == "%" { return true }
        guard first == " " || first == "\u{00A0}" || first == "\u{202F}" else { return false }
        return rest.dropFirst().first == "%"
    }

    private func report(_ text: String, at range: Range<String.Index>, in prose: String, matching: [Candidate], into findings: inout [Finding]) {
        guard !matching.isEmpty else { return }
        let column = prose.utf8.distance(from: prose.startIndex, to: range.lowerBound) + 1
        findings.append(Finding(column: column, message: message(for: text, matching: matching)))
    }

    private func message(for text: String, matching: [Candidate]) -> String {
        let typed = text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
        let first = matching[0]
        var message = "'\(typed)' is typed by hand and equals the figure '\(first.key)'"
        if matching.count > 1 {
            message += " (and " + matching.dropFirst().prefix(2).map { "'\($0.key)'" }.joined(separator: ", ")
                + (matching.count > 3 ? ", …" : "") + ")"
        }
        return message + "; write {{ \(first.key) }} so that it follows data/"
    }

    /// The value of a number as prose typed it: grouped digits in the language's way, or
    /// plain digits whose point or comma is the decimal one.
    func value(of typed: Substring) -> Double? {
        let isGrouped = (try? grouped.wholeMatch(in: typed)) != nil
        var digits = ""
        for character in typed {
            if character.isNumber { digits.append(character) }
            else if isGrouped && grouping.contains(character) { continue }
            else if character == "." || character == "," || character == decimal { digits.append(".") }
        }
        return Double(digits)
    }

    /// The catalogue's words of statistics as a regex after a number; checked when a
    /// project's catalogue is read, so the fallback only guards the theme's own.
    static func statisticWords(_ words: String) -> Regex<AnyRegexOutput> {
        ((try? Regex("[ \\u{00A0}\\u{202F}]+(?:" + words + ")(?![\\p{L}])")) ?? (try! Regex("(?!)"))).ignoresCase()
    }

    /// A number standing alone: not part of a word, a version or a longer number.
    private func isolated(_ range: Range<String.Index>, in text: String) -> Bool {
        if range.lowerBound > text.startIndex {
            let before = text[text.index(before: range.lowerBound)]
            if before.isLetter || before.isNumber || before == "." || before == "," || before == "/" || before == "_" { return false }
        }
        if range.upperBound < text.endIndex {
            let after = text[range.upperBound]
            if after.isLetter || after.isNumber || after == "/" || after == "_" { return false }
        }
        return true
    }

    private static func rounded(_ value: Double, _ decimals: Int) -> Double {
        let scale = pow(10, Double(decimals))
        return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    }
}

/// How the finder reads numbers and statistic words: made from the language alone, its
/// regexes compiled once per build (once per session by `etude serve`).
struct NumberPatterns {
    let language: Language
    let grouping: Set<Character>
    let decimal: Character
    let grouped: Regex<AnyRegexOutput>
    let number: Regex<AnyRegexOutput>
    let statisticWord: Regex<AnyRegexOutput>

    init(language: Language) {
        self.language = language
        let numbers = language.numbers
        // Spaces group thousands too wherever the language groups with one (French, Swiss…).
        let groupingCharacters = Set(numbers.groupingSeparator + (numbers.groupingSeparator.allSatisfy(\.isWhitespace) ? " \u{00A0}\u{202F}" : ""))
        grouping = groupingCharacters
        decimal = numbers.decimalSeparator.first ?? "."
        let group = "[" + groupingCharacters.sorted().map { NSRegularExpression.escapedPattern(for: String($0)) }.joined() + "]"
        let point = NSRegularExpression.escapedPattern(for: numbers.decimalSeparator)
        grouped = (try? Regex("\\d{1,3}(?:\(group)\\d{3})+(?:\(point)\\d+)?")) ?? (try! Regex("(?!)"))
        number = (try? Regex("\\d{1,3}(?:\(group)\\d{3})+(?:\(point)\\d+)?(?!\\d)|\\d+(?:[.,]\\d+)?")) ?? (try! Regex("\\d+"))
        statisticWord = LiteralFigureFinder.statisticWords(language.messages[LanguageMessage.statisticWords])
    }
}
