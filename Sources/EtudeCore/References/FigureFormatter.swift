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
        switch table[reference.key] {
        case nil:
            return .failure("unknown figure '\(reference.key)'\(Suggestion.didYouMean(reference.key, among: table.order))")
        case .typed(let resolved):
            return typed(resolved, reference.format)
        case .derived(let value):
            return derived(value, reference.format)
        }
    }

    private func typed(_ resolved: ResolvedFigure, _ format: ReferenceFormat) -> Result<String, FormatProblem> {
        let figure = resolved.figure
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
                return .failure("'\(figure.key)' has no margin of error: it needs a percentage with a base; add 'base:' to it in data/figures.yaml")
            }
            return .success(standard(figure, decimals: figure.decimals) + " (" + Self.marginText(interval) + ")")
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
        "±" + F.noBreakSpace + F.number(interval.margin, decimals: 1) + F.noBreakSpace + "points"
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

    private func derived(_ value: DerivedValue, _ format: ReferenceFormat) -> Result<String, FormatProblem> {
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
            case .points: return .success(number + F.noBreakSpace + (abs(value.value) < 2 ? "point" : "points"))
            case .count: return .success(Self.about(value.isEstimate) + number)
            case .rank, .text: return .success(number)
            }
        case (.respondents, .count):
            return .success(Self.about(value.isEstimate) + F.count(value.value, singular: "répondant", plural: "répondants"))
        case (.margin, _), (.respondents, _), (.fraction, _):
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
