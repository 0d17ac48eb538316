import Foundation

/// Writes a figure of the table in the study's language, in the format a reference asks for.
public struct FigureFormatter {
    public let table: FigureTable
    var language: Language { table.language }
    var numbers: NumberStyle { table.language.numbers }

    public init(table: FigureTable) {
        self.table = table
    }

    /// The text for `reference`, or a message saying why it cannot be written.
    public func text(for reference: FigureReference) -> Result<String, FormatProblem> {
        if case .literal(let text) = reference.format { return .success(text) }
        if case .chart = reference.format { return .success("figure") }
        switch table[reference.key] {
        case nil:
            return .failure("unknown figure '\(reference.key)'\(Suggestion.didYouMean(reference.key, among: table.order))")
        case .typed(let resolved):
            return typed(resolved, reference.format)
        case .derived(let value):
            if let parts = value.parts { return rankReference(value, parts: parts, reference.format) }
            return derived(value, reference.format)
        }
    }

    /// `G.rank-k`: the part at that place, written as the part itself would be; its label
    /// names every part tied there, so that « the first » is never one of several silently.
    private func rankReference(_ value: DerivedValue, parts: [String], _ format: ReferenceFormat) -> Result<String, FormatProblem> {
        let figures = parts.compactMap { table.resolved($0) }
        guard let first = figures.first else { return .failure("'\(value.key)' names no part") }
        guard case .label(let lowercased) = format else { return typed(first, format) }
        let labels = figures.map { label($0.figure.label, lowercased: lowercased || ($0.figure.key != first.figure.key && language.lowercasesInSentences)) }
        guard labels.count > 1 else { return .success(labels[0]) }
        return .success(language.messages(FormatMessage.tied, ["list": language.list(labels)]))
    }

    /// A label as prose writes it, with the language's typography; lowercased, its first
    /// letter only, and not that of an acronym (`DGS`).
    func label(_ text: String, lowercased: Bool) -> String {
        Self.label(text, lowercased: lowercased, language: language)
    }

    static func label(_ text: String, lowercased: Bool, language: Language) -> String {
        var label = text
        if lowercased, let first = label.first, first.isUppercase {
            let second = label.dropFirst().first
            if second.map({ !$0.isUppercase && !$0.isNumber }) ?? true { label = first.lowercased() + label.dropFirst() }
        }
        return language.typeset(label)
    }

    private func typed(_ resolved: ResolvedFigure, _ format: ReferenceFormat) -> Result<String, FormatProblem> {
        let figure = resolved.figure
        if figure.suppressed, format != .label(lowercased: true), format != .label(lowercased: false) { return .success(language.messages(StatisticsMessage.withheld)) }
        switch format {
        case .standard:
            return .success(standard(figure, decimals: figure.decimals))
        case .decimals(let decimals):
            guard figure.unit != .fraction else { return .failure("'\(figure.key)' is a fraction; 'decimals' applies to numbers") }
            return .success(standard(figure, decimals: decimals))
        case .number:
            return .success(numbers.number(figure.value, decimals: figure.decimals, groupThousands: figure.unit != .year))
        case .margin:
            guard let interval = resolved.interval else {
                if !figure.isSampled {
                    return .failure("'\(figure.key)' is a share of everyone asked ('margin: false' in data/figures.yaml): it has no margin of error")
                }
                return .failure("'\(figure.key)' has no margin of error: it needs a percentage with a base; add 'base:' to it in data/figures.yaml")
            }
            // The Wilson interval is not symmetric: its bounds, not a « ± », say what it is.
            return .success(standard(figure, decimals: figure.decimals) + " (" + intervalText(interval, decimals: figure.decimals) + ")")
        case .respondents:
            guard let n = resolved.baseCount else {
                if figure.unit == .respondents { return .success(about(figure.isEstimate, language.respondents(figure.value))) }
                return .failure("'\(figure.key)' has no base, so it cannot be written as a number of respondents; add 'base:' to it")
            }
            guard figure.unit == .percent else {
                return .success(about(figure.isEstimate, language.respondents(figure.value)))
            }
            // A share given as a count is exact; one typed as a rounded percentage gives an estimate.
            let count = figure.count ?? figure.value * n / 100
            let estimate = figure.count == nil || resolved.baseIsEstimate
            return .success(about(estimate, language.respondents(count)))
        case .fraction:
            guard let fraction = figure.fraction,
                  let words = language.fractionWords(numerator: fraction.numerator, denominator: fraction.denominator)
            else { return .failure("'\(figure.key)' is not a simple fraction; 'fraction' applies to values such as 2/3") }
            return .success(words)
        case .ordinal:
            return .failure("'\(figure.key)' is not a rank; use '\(figure.key).rank' with 'ordinal'")
        case .label(let lowercased):
            return .success(label(figure.label, lowercased: lowercased))
        case .change:
            return .failure("'\(figure.key)' is not a difference; 'change' applies to a figure of kind 'difference'")
        case .literal(let text):
            return .success(text)
        case .chart:
            return .success("figure")
        case .words(let feminine, let noun):
            guard figure.unit == .percent, figure.kind != .bound else {
                return .failure("'\(figure.key)' is not a share; 'words' applies to percentages")
            }
            let written = figure.writtenValue ?? NumberStyle.rounded(figure.value, decimals: figure.decimals)
            return .success(ShareWords(language: language).phrase(for: written, feminine: feminine, noun: noun))
        }
    }

    /// The text for `reference` in running prose: as `text(for:)`, except that a small
    /// count (two to nine things, not respondents) is written in words, as French style
    /// asks (« cinq éléments »); `| number` keeps the digits.
    public func proseText(for reference: FigureReference) -> Result<String, FormatProblem> {
        let result = text(for: reference)
        guard case .standard = reference.format, let value = countValue(reference.key),
              value == value.rounded(), let words = language.smallNumberWords(Int(value)) else { return result }
        return result.map { _ in words }
    }

    /// The value of a count of things (not of respondents, not an estimate), if the key is one.
    private func countValue(_ key: String) -> Double? {
        switch table[key] {
        case .typed(let resolved) where resolved.figure.unit == .count && resolved.figure.kind == .count && !resolved.figure.isEstimate
            && resolved.figure.decimals == 0:
            return resolved.figure.value
        case .derived(let value) where value.unit == .count && !value.isEstimate && value.key.hasPrefix("examples."):
            return value.value
        default:
            return nil
        }
    }

    /// A typed figure in its own unit and precision, as `{{ key }}` writes it.
    public func standardText(of figure: Figure) -> String {
        standard(figure, decimals: figure.decimals)
    }

    /// A computed value as `{{ key }}` writes it.
    public func standardText(of value: DerivedValue) -> String {
        (try? derived(value, .standard).get()) ?? ""
    }

    /// The "±" of a 95 % interval: `± 6,5 points`.
    public func marginText(_ interval: WilsonInterval) -> String {
        language.messages(FormatMessage.margin, ["points": pointsText(interval.margin, decimals: 1)])
    }

    /// `entre 71 % et 84 %`: the 95 % interval, at the precision of its share.
    func intervalText(_ interval: WilsonInterval, decimals: Int) -> String {
        language.messages(FormatMessage.interval, [
            "low": numbers.percent(NumberStyle.rounded(interval.low, decimals: decimals), decimals: decimals),
            "high": numbers.percent(NumberStyle.rounded(interval.high, decimals: decimals), decimals: decimals),
        ])
    }

    /// `de 70,9 % à 83,8 %`: the 95 % interval in a table, to one decimal.
    func intervalBounds(_ interval: WilsonInterval) -> String {
        language.messages(FormatMessage.intervalTable, ["low": numbers.percent(interval.low, decimals: 1), "high": numbers.percent(interval.high, decimals: 1)])
    }

    /// `6,5 points`, `0,5 point`: French puts the unit in the singular below 2.
    func pointsText(_ value: Double, decimals: Int) -> String {
        language.points(value, decimals: decimals)
    }

    /// « environ » before a number that is an estimate.
    func about(_ estimate: Bool, _ text: String) -> String {
        estimate ? language.messages(FormatMessage.about, ["n": text]) : text
    }

    /// A share as written: `41 %`; « moins de 1 % » for a share that is not 0 but rounds
    /// to it, « plus de 99 % » for one that is not 100 but rounds to it.
    func percentText(_ value: Double, decimals: Int, written: Double? = nil) -> String {
        let step = pow(10, -Double(decimals))
        let rounded = written ?? NumberStyle.rounded(value, decimals: decimals)
        if value > 0 && rounded <= 0 { return language.messages(FormatMessage.lessThan, ["n": numbers.percent(step, decimals: decimals)]) }
        if value < 100 && rounded >= 100 { return language.messages(FormatMessage.moreThan, ["n": numbers.percent(100 - step, decimals: decimals)]) }
        return numbers.percent(rounded, decimals: decimals)
    }

    private func standard(_ figure: Figure, decimals: Int) -> String {
        if figure.suppressed { return language.messages(StatisticsMessage.withheld) }
        let text: String
        switch figure.unit {
        case .percent where figure.kind == .bound: text = numbers.percent(figure.value, decimals: decimals)
        case .percent:
            text = percentText(figure.value, decimals: decimals, written: decimals == figure.decimals ? figure.writtenValue : nil)
        case .year: text = numbers.number(figure.value, groupThousands: false)
        case .respondents, .count: text = about(figure.isEstimate, numbers.number(figure.value, decimals: decimals))
        case .fraction:
            if let fraction = figure.fraction, let words = language.fractionWords(numerator: fraction.numerator, denominator: fraction.denominator) {
                guard figure.kind == .bound, let bound = figure.bound else { return words }
                // French agrees the words with what follows: « plus de la moitié », « plus des deux tiers ».
                return language.fractionWords(numerator: fraction.numerator, denominator: fraction.denominator,
                                              form: bound == .moreThan ? .more : .less) ?? words
            }
            text = numbers.percent(figure.value * 100, decimals: decimals)
        }
        guard figure.kind == .bound, let bound = figure.bound else { return text }
        return language.messages(bound == .moreThan ? FormatMessage.moreThan : .lessThan, ["n": text])
    }

    /// A difference in points with its sign: `+7 points`, `−3 points`, `0 point`.
    func signedPoints(_ value: Double, decimals: Int) -> String {
        let rounded = NumberStyle.rounded(value, decimals: decimals)
        return language.points(written: (rounded > 0 ? "+" : "") + numbers.number(rounded, decimals: decimals), value: rounded)
    }

    private func derived(_ value: DerivedValue, _ format: ReferenceFormat) -> Result<String, FormatProblem> {
        if value.unit == .signedPoints { return difference(value, format) }
        let withheld = language.messages(StatisticsMessage.withheld)
        if value.unit == .text, value.text == withheld { return .success(withheld) }
        switch (format, value.unit) {
        case (.ordinal(let feminine), .rank):
            return .success(language.ordinal(Int(value.value), feminine: feminine))
        case (.ordinal, _):
            return .failure("'\(value.key)' is not a rank; 'ordinal' applies to keys ending in '.rank'")
        case (.standard, _), (.decimals, _), (.number, _):
            if value.unit == .text { return .success(value.text ?? "") }
            var decimals = value.decimals
            if case .decimals(let wanted) = format { decimals = wanted }
            let number = numbers.number(value.value, decimals: decimals)
            if case .number = format { return .success(number) }
            switch value.unit {
            case .percent: return .success(numbers.percent(value.value, decimals: decimals))
            case .points: return .success(pointsText(value.value, decimals: decimals))
            case .count: return .success(about(value.isEstimate, number))
            case .rank, .text, .signedPoints: return .success(number)
            }
        case (.respondents, .count):
            return .success(about(value.isEstimate, language.respondents(value.value)))
        case (.label, _):
            return .failure("'\(value.key)' is computed and has no label of its own; 'label' applies to figures of data/ and to ranks such as 'group.rank-1'")
        case (.literal(let text), _):
            return .success(text)
        case (.chart, _):
            return .success("figure")
        case (.margin, _), (.respondents, _), (.fraction, _), (.change, _), (.words, _):
            return .failure("'\(value.key)' is computed; only the formats decimals and number apply to it (ordinal for a rank, respondents for a count)")
        }
    }
}

/// Why a reference cannot be written; it becomes a diagnostic once its position is known.
public struct FormatProblem: Error, Equatable, ExpressibleByStringInterpolation {
    public var message: String

    public init(stringLiteral value: String) {
        message = value
    }

    public init(stringInterpolation: DefaultStringInterpolation) {
        message = String(stringInterpolation: stringInterpolation)
    }
}
