import Foundation

/// Computes what follows from the typed figures: bases, margins of error, ranks,
/// counts of respondents, and whether the parts of a split differ significantly.
public struct StatisticsCalculator {
    public init() {}

    public func compute(_ typed: Dataset, extraCounts: [DerivedValue] = []) throws -> FigureTable {
        var collector = DiagnosticCollector()
        let dataset = try computingCounts(of: typed)
        var table = FigureTable(dataset: dataset)
        var resolved: [String: ResolvedFigure] = [:]
        for key in dataset.figureOrder {
            let figure = dataset.figures[key]!
            collector.collect {
                resolved[key] = ResolvedFigure(
                    figure: figure, baseCount: try figure.base.map { try baseCount($0, for: figure, in: dataset, depth: 0) })
            }
        }
        try collector.throwIfAny()
        for group in dataset.groupOrder.compactMap({ dataset.groups[$0] }) {
            let values = group.partKeys.compactMap { resolved[$0]?.figure.value }
            for key in group.partKeys {
                guard let value = resolved[key]?.figure.value else { continue }
                resolved[key]?.rank = 1 + values.filter { $0 > value }.count
            }
        }
        for key in dataset.figureOrder {
            var figure = resolved[key]!
            if figure.figure.unit != .percent, let n = figure.baseCount, figure.figure.value > n {
                collector.report(Diagnostic(file: figure.figure.file, at: figure.figure.location,
                    message: "count \(FrenchNumberFormatter.number(figure.figure.value)) of '\(key)' is larger than its base \(FrenchNumberFormatter.number(n))"))
            }
            if figure.figure.unit == .percent, let n = figure.baseCount {
                figure.interval = WilsonInterval(share: figure.figure.value, base: n)
                resolved[key] = figure
            }
            table.add(figure)
            derivedValues(of: figure).forEach { table.add($0) }
        }
        try collector.throwIfAny()
        for group in dataset.groupOrder.compactMap({ dataset.groups[$0] }) where group.kind == .split {
            splitComparison(group, resolved: resolved).forEach { table.add($0) }
        }
        extraCounts.forEach { table.add($0) }
        return table
    }

    /// Sets the value of each count computed `from` a share: the share of its base, rounded half up.
    private func computingCounts(of typed: Dataset) throws -> Dataset {
        var dataset = typed
        for key in typed.figureOrder {
            guard let figure = typed.figures[key], let from = figure.computedFrom else { continue }
            guard let share = typed.figures[from], share.unit == .percent, let base = share.base else {
                throw Diagnostic(file: figure.file, at: figure.location, message: "'\(key)' is computed from '\(from)', which is not a percentage with a base\(typed.figures[from] == nil ? Suggestion.didYouMean(from, among: typed.figures.keys) : "")")
            }
            let n = try baseCount(base, for: share, in: typed, depth: 0)
            dataset.figures[key]!.value = (share.value * n / 100).rounded(.toNearestOrAwayFromZero)
        }
        return dataset
    }

    /// Follows a base to a number of respondents: a number, a count figure, or a share
    /// of another base (50 % of 311 respondents → 156, rounded half up).
    private func baseCount(_ base: FigureBase, for figure: Figure, in dataset: Dataset, depth: Int) throws -> Double {
        switch base {
        case .number(let n):
            return n
        case .key(let key):
            guard depth < 8 else {
                throw Diagnostic(file: figure.file, at: figure.location, message: "the base of '\(figure.key)' refers back to itself; give one figure a numeric base")
            }
            guard let target = dataset.figures[key] else {
                throw Diagnostic(file: figure.file, at: figure.location,
                                 message: "unknown base '\(key)' for '\(figure.key)'\(Suggestion.didYouMean(key, among: dataset.figures.keys))")
            }
            switch target.unit {
            case .respondents, .count:
                return target.value
            case .percent:
                guard let targetBase = target.base else {
                    throw Diagnostic(file: figure.file, at: figure.location, message: "base '\(key)' of '\(figure.key)' is a share without a base of its own; give '\(key)' a base")
                }
                let n = try baseCount(targetBase, for: target, in: dataset, depth: depth + 1)
                return (target.value * n / 100).rounded(.toNearestOrAwayFromZero)
            case .year, .fraction:
                throw Diagnostic(file: figure.file, at: figure.location, message: "base '\(key)' of '\(figure.key)' is a \(target.unit.rawValue), not a number of respondents")
            }
        }
    }

    private func derivedValues(of resolved: ResolvedFigure) -> [DerivedValue] {
        let figure = resolved.figure
        var values: [DerivedValue] = []
        func add(_ suffix: String, _ label: String, _ value: Double, _ decimals: Int, _ unit: DerivedValue.Unit, _ method: String) {
            values.append(DerivedValue(key: "\(figure.key).\(suffix)", label: label, value: value, decimals: decimals,
                                       unit: unit, text: nil, ownerKey: figure.key, method: method))
        }
        if let n = resolved.baseCount {
            add("base", "Base de « \(figure.label) »", n, 0, .count, "base déclarée dans les données")
        }
        if let n = resolved.baseCount, let interval = resolved.interval {
            add("count", "Répondants correspondant à « \(figure.label) »", (figure.value * n / 100).rounded(.toNearestOrAwayFromZero), 0, .count,
                "part × base, arrondi à l’unité")
            add("margin", "Marge d’erreur à 95 % de « \(figure.label) »", interval.margin, 1, .points,
                "demi-largeur de l’intervalle de Wilson à 95 %")
            add("low", "Borne basse de l’intervalle à 95 % de « \(figure.label) »", interval.low, 1, .percent, "intervalle de Wilson à 95 %")
            add("high", "Borne haute de l’intervalle à 95 % de « \(figure.label) »", interval.high, 1, .percent, "intervalle de Wilson à 95 %")
        }
        if let rank = resolved.rank {
            add("rank", "Rang de « \(figure.label) »", Double(rank), 0, .rank, "rang dans son groupe, de la plus grande part à la plus petite")
        }
        return values
    }

    /// For a two-part split: the gap between the parts, and whether it exceeds the margin
    /// of error (the larger part's 95 % Wilson interval excludes 50 %).
    private func splitComparison(_ group: FigureGroup, resolved: [String: ResolvedFigure]) -> [DerivedValue] {
        let parts = group.partKeys.compactMap { resolved[$0] }
        guard parts.count == 2 else { return [] }
        let sorted = parts.sorted { $0.figure.value > $1.figure.value }
        var values = [DerivedValue(
            key: "\(group.key).difference", label: "Écart entre les deux parts de « \(group.label) »",
            value: sorted[0].figure.value - sorted[1].figure.value, decimals: sorted[0].figure.decimals,
            unit: .points, text: nil, ownerKey: group.key, method: "différence des deux parts")]
        if let interval = sorted[0].interval {
            let significant = !interval.contains(50)
            values.append(DerivedValue(
                key: "\(group.key).significance", label: "Significativité de l’écart de « \(group.label) »",
                value: significant ? 1 : 0, decimals: 0, unit: .text,
                text: significant ? "significatif au seuil de 5\u{202F}%" : "non significatif au seuil de 5\u{202F}%",
                ownerKey: group.key,
                method: "l’écart est significatif si l’intervalle de Wilson à 95 % de la plus grande part exclut 50 %"))
        }
        return values
    }
}
