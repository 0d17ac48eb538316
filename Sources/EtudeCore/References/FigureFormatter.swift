import Foundation

/// Writes a figure of the table in French, in the format a reference asks for.
public struct FigureFormatter {
    public let table: FigureTable
    typealias F = FrenchNumberFormatter

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
        let labels = figures.map { Self.label($0.figure.label, lowercased: lowercased || $0.figure.key != first.figure.key) }
        guard labels.count > 1 else { return .success(labels[0]) }
        return .success(labels.dropLast().joined(separator: ", ") + " et " + labels.last! + " (à égalité)")
    }

    /// A label as prose writes it, with French typography; lowercased, its first letter
    /// only, and not that of an acronym (`DGS`).
    static func label(_ text: String, lowercased: Bool) -> String {
        var label = text
        if lowercased, let first = label.first, first.isUppercase {
            let second = label.dropFirst().first
            if second.map({ !$0.isUppercase && !$0.isNumber }) ?? true { label = first.lowercased() + label.dropFirst() }
        }
        return FrenchTypography.apply(label)
    }

    private func typed(_ resolved: ResolvedFigure, _ format: ReferenceFormat) -> Result<String, FormatProblem> {
        let figure = resolved.figure
        if figure.suppressed, format != .label(lowercased: true), format != .label(lowercased: false) { return .success(AnswerFigureBuilder.withheld) }
        switch format {
        case .standard:
            return .success(standard(figure, decimals: figure.decimals))
        case .decimals(let decimals):
            guard figure.unit != .fraction else { return .failure("'\(figure.key)' is a fraction; 'decimals' applies to numbers") }
            return .success(standard(figure, decimals: decimals))
        case .number:
            return .success(F.number(figure.value, decimals: figure.decimals, groupThousands: figure.unit != .year))
        case .margin:
            guard let interval = resolved.interval else {
                if !figure.isSampled {
                    return .failure("'\(figure.key)' is a share of everyone asked ('margin: false' in data/figures.yaml): it has no margin of error")
                }
                return .failure("'\(figure.key)' has no margin of error: it needs a percentage with a base; add 'base:' to it in data/figures.yaml")
            }
            // The Wilson interval is not symmetric: its bounds, not a « ± », say what it is.
            return .success(standard(figure, decimals: figure.decimals) + " (" + Self.intervalText(interval, decimals: figure.decimals) + ")")
        case .respondents:
            guard let n = resolved.baseCount else {
                if figure.unit == .respondents { return .success(Self.about(figure.isEstimate) + F.count(figure.value, singular: "répondant", plural: "répondants")) }
                return .failure("'\(figure.key)' has no base, so it cannot be written as a number of respondents; add 'base:' to it")
            }
            guard figure.unit == .percent else {
                return .success(Self.about(figure.isEstimate) + F.count(figure.value, singular: "répondant", plural: "répondants"))
            }
            // A share given as a count is exact; one typed as a rounded percentage gives an estimate.
            let count = figure.count ?? figure.value * n / 100
            let estimate = figure.count == nil || resolved.baseIsEstimate
            return .success(Self.about(estimate) + F.count(count, singular: "répondant", plural: "répondants"))
        case .fraction:
            guard let fraction = figure.fraction,
                  let words = F.fractionWords(numerator: fraction.numerator, denominator: fraction.denominator)
            else { return .failure("'\(figure.key)' is not a simple fraction; 'fraction' applies to values such as 2/3") }
            return .success(words)
        case .ordinal:
            return .failure("'\(figure.key)' is not a rank; use '\(figure.key).rank' with 'ordinal'")
        case .label(let lowercased):
            return .success(Self.label(figure.label, lowercased: lowercased))
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
            let written = figure.writtenValue ?? F.rounded(figure.value, decimals: figure.decimals)
            return .success(ShareWords.phrase(for: written, feminine: feminine, noun: noun))
        }
    }

    /// The text for `reference` in running prose: as `text(for:)`, except that a small
    /// count (two to nine things, not respondents) is written in words, as French style
    /// asks (« cinq éléments »); `| number` keeps the digits.
    public func proseText(for reference: FigureReference) -> Result<String, FormatProblem> {
        let result = text(for: reference)
        guard case .standard = reference.format, let value = countValue(reference.key),
              value == value.rounded(), let words = F.smallNumberWords(Int(value)) else { return result }
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
    public static func marginText(_ interval: WilsonInterval) -> String {
        "±" + F.noBreakSpace + pointsText(interval.margin, decimals: 1)
    }

    /// `entre 71 % et 84 %`: the 95 % interval, at the precision of its share.
    static func intervalText(_ interval: WilsonInterval, decimals: Int) -> String {
        "entre " + F.percent(F.rounded(interval.low, decimals: decimals), decimals: decimals)
            + " et " + F.percent(F.rounded(interval.high, decimals: decimals), decimals: decimals)
    }

    /// `de 70,9 % à 83,8 %`: the 95 % interval in a table, to one decimal.
    static func intervalBounds(_ interval: WilsonInterval) -> String {
        "de " + F.percent(interval.low, decimals: 1) + " à " + F.percent(interval.high, decimals: 1)
    }

    /// `6,5 points`, `0,5 point`: French puts the unit in the singular below 2.
    static func pointsText(_ value: Double, decimals: Int) -> String {
        let rounded = F.rounded(value, decimals: decimals)
        return F.number(rounded, decimals: decimals) + F.noBreakSpace + (abs(rounded) < 2 ? "point" : "points")
    }

    /// « environ » before a number that is an estimate.
    static func about(_ estimate: Bool) -> String { estimate ? "environ" + F.noBreakSpace : "" }

    /// A share as written: `41 %`; « moins de 1 % » for a share that is not 0 but rounds
    /// to it, « plus de 99 % » for one that is not 100 but rounds to it.
    static func percentText(_ value: Double, decimals: Int, written: Double? = nil) -> String {
        let step = pow(10, -Double(decimals))
        let rounded = written ?? F.rounded(value, decimals: decimals)
        if value > 0 && rounded <= 0 { return "moins de " + F.percent(step, decimals: decimals) }
        if value < 100 && rounded >= 100 { return "plus de " + F.percent(100 - step, decimals: decimals) }
        return F.percent(rounded, decimals: decimals)
    }

    private func standard(_ figure: Figure, decimals: Int) -> String {
        if figure.suppressed { return AnswerFigureBuilder.withheld }
        let text: String
        switch figure.unit {
        case .percent where figure.kind == .bound: text = F.percent(figure.value, decimals: decimals)
        case .percent:
            text = Self.percentText(figure.value, decimals: decimals, written: decimals == figure.decimals ? figure.writtenValue : nil)
        case .year: text = F.number(figure.value, groupThousands: false)
        case .respondents, .count: text = Self.about(figure.isEstimate) + F.number(figure.value, decimals: decimals)
        case .fraction:
            if let fraction = figure.fraction, let words = F.fractionWords(numerator: fraction.numerator, denominator: fraction.denominator) {
                text = words
            } else {
                text = F.percent(figure.value * 100, decimals: decimals)
            }
        }
        guard figure.kind == .bound, let bound = figure.bound else { return text }
        let startsWithArticle = text.hasPrefix("la ") || text.hasPrefix("le ")
        switch (bound, figure.unit) {
        case (.moreThan, .fraction): return startsWithArticle ? "plus de " + text : "plus des " + text
        case (.lessThan, .fraction): return startsWithArticle ? "moins de " + text : "moins des " + text
        case (.moreThan, _): return "plus de " + text
        case (.lessThan, _): return "moins de " + text
        }
    }

    /// A difference in points with its sign: `+7 points`, `−3 points`, `0 point`.
    static func signedPoints(_ value: Double, decimals: Int) -> String {
        let rounded = F.rounded(value, decimals: decimals)
        let number = (rounded > 0 ? "+" : "") + F.number(rounded, decimals: decimals)
        return number + F.noBreakSpace + (abs(rounded) < 2 ? "point" : "points")
    }

    private func derived(_ value: DerivedValue, _ format: ReferenceFormat) -> Result<String, FormatProblem> {
        if value.unit == .signedPoints { return difference(value, format) }
        if value.unit == .text, value.text == AnswerFigureBuilder.withheld { return .success(AnswerFigureBuilder.withheld) }
        switch (format, value.unit) {
        case (.ordinal(let feminine), .rank):
            return .success(F.ordinal(Int(value.value), feminine: feminine))
        case (.ordinal, _):
            return .failure("'\(value.key)' is not a rank; 'ordinal' applies to keys ending in '.rank'")
        case (.standard, _), (.decimals, _), (.number, _):
            if value.unit == .text { return .success(value.text ?? "") }
            var decimals = value.decimals
            if case .decimals(let wanted) = format { decimals = wanted }
            let number = F.number(value.value, decimals: decimals)
            if case .number = format { return .success(number) }
            switch value.unit {
            case .percent: return .success(F.percent(value.value, decimals: decimals))
            case .points: return .success(Self.pointsText(value.value, decimals: decimals))
            case .count: return .success(Self.about(value.isEstimate) + number)
            case .rank, .text, .signedPoints: return .success(number)
            }
        case (.respondents, .count):
            return .success(Self.about(value.isEstimate) + F.count(value.value, singular: "répondant", plural: "répondants"))
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
