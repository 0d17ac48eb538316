import Foundation

/// Computes what follows from the typed figures: bases, margins of error, ranks,
/// counts of respondents, and whether the parts of a split differ significantly.
public struct StatisticsCalculator {
    public init() {}

    public func compute(_ typed: Dataset, extraCounts: [DerivedValue] = []) throws -> FigureTable {
        var collector = DiagnosticCollector()
        let dataset = computingCounts(of: typed, collector: &collector)
        var table = FigureTable(dataset: dataset)
        var resolved: [String: ResolvedFigure] = [:]
        let resolver = BaseResolver(dataset: dataset)
        for key in dataset.figureOrder {
            let figure = dataset.figures[key]!
            collector.collect {
                let base = try resolver.baseCount(of: figure)
                resolved[key] = ResolvedFigure(figure: figure, baseCount: base?.n, baseIsEstimate: base?.isEstimate ?? false)
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
                    message: "count \(NumberStyle.french.number(figure.figure.value)) of '\(key)' is larger than its base \(NumberStyle.french.number(n))"))
            }
            if figure.figure.unit == .percent, figure.figure.isSampled, !figure.figure.suppressed, let n = figure.baseCount {
                figure.interval = WilsonInterval(share: figure.figure.value, base: figure.figure.effectiveBase ?? n)
                resolved[key] = figure
            }
            table.add(figure)
            derivedValues(of: figure, language: dataset.language).forEach { add($0, to: &table, dataset: dataset, collector: &collector) }
        }
        for group in dataset.groupOrder.compactMap({ dataset.groups[$0] }) where !group.partKeys.contains(where: { dataset.figures[$0]?.suppressed ?? false }) {
            rankReferences(group, resolved: resolved, language: dataset.language).forEach { add($0, to: &table, dataset: dataset, collector: &collector) }
            if group.kind == .split {
                splitComparison(group, resolved: resolved, language: dataset.language).forEach { add($0, to: &table, dataset: dataset, collector: &collector) }
            }
        }
        for declaration in dataset.differences {
            let values = collector.collect { try DifferenceCalculator(dataset: dataset, resolved: resolved).values(of: declaration) } ?? []
            values.forEach { add($0, to: &table, dataset: dataset, collector: &collector) }
        }
        (dataset.computed + extraCounts).forEach { add($0, to: &table, dataset: dataset, collector: &collector) }
        try collector.throwIfAny()
        return table
    }

    /// Adds a computed value; a typed figure of the same key would shadow it, so that is
    /// an error at the typed figure's line.
    private func add(_ value: DerivedValue, to table: inout FigureTable, dataset: Dataset, collector: inout DiagnosticCollector) {
        if let typed = dataset.figures[value.key] {
            collector.report(Diagnostic(file: typed.file, at: typed.location,
                message: "figure '\(value.key)' has the name of a value Étude computes (\(value.label.prefix(1).lowercased() + value.label.dropFirst())); rename it"))
            return
        }
        table.add(value)
    }

    /// Sets the value of each count computed `from` a share: the share of its base, rounded half up.
    private func computingCounts(of typed: Dataset, collector: inout DiagnosticCollector) -> Dataset {
        var dataset = typed
        let resolver = BaseResolver(dataset: typed)
        for key in typed.figureOrder {
            guard let figure = typed.figures[key], figure.computedFrom != nil else { continue }
            if let count = collector.collect({ try resolver.computedCount(of: figure) }) {
                dataset.figures[key]!.value = count.n
                dataset.figures[key]!.isEstimate = count.isEstimate
            }
        }
        return dataset
    }

    private func derivedValues(of resolved: ResolvedFigure, language: Language) -> [DerivedValue] {
        let figure = resolved.figure
        let words = language.messages
        let label = ["label": figure.label]
        var values: [DerivedValue] = []
        func add(_ suffix: String, _ label: String, _ value: Double, _ decimals: Int, _ unit: DerivedValue.Unit, _ method: String, estimate: Bool = false) {
            values.append(DerivedValue(key: "\(figure.key).\(suffix)", label: label, value: value, decimals: decimals,
                                       unit: unit, text: nil, ownerKey: figure.key, method: method, isEstimate: estimate))
        }
        if let n = resolved.baseCount {
            add("base", words(StatisticsMessage.baseLabel, label), n, 0, .count, words(StatisticsMessage.baseMethod), estimate: resolved.baseIsEstimate)
        }
        if figure.suppressed {
            return ["count", "rank"].map { suffix in
                DerivedValue(key: "\(figure.key).\(suffix)", label: words(StatisticsMessage.withheldLabel, label), value: 0, decimals: 0, unit: .text,
                             text: words(StatisticsMessage.withheld), ownerKey: figure.key, method: words(StatisticsMessage.withheldMethod))
            } + values.filter { $0.key.hasSuffix(".base") }
        }
        if let n = resolved.baseCount, figure.unit == .percent {
            if let count = figure.count {
                add("count", words(StatisticsMessage.countLabel, label), count, 0, .count, words(StatisticsMessage.countMethodGiven),
                    estimate: resolved.baseIsEstimate)
            } else {
                add("count", words(StatisticsMessage.countLabel, label), (figure.value * n / 100).rounded(.toNearestOrAwayFromZero), 0, .count,
                    words(StatisticsMessage.countMethodEstimated), estimate: true)
            }
        }
        if let interval = resolved.interval {
            add("margin", words(StatisticsMessage.marginLabel, label), interval.margin, 1, .points, words(StatisticsMessage.marginMethod))
            add("low", words(StatisticsMessage.lowLabel, label), interval.low, 1, .percent, words(StatisticsMessage.intervalMethod))
            add("high", words(StatisticsMessage.highLabel, label), interval.high, 1, .percent, words(StatisticsMessage.intervalMethod))
        }
        if let rank = resolved.rank {
            add("rank", words(StatisticsMessage.rankLabel, label), Double(rank), 0, .rank, words(StatisticsMessage.rankMethod))
        }
        return values
    }

    /// `G.rank-1` … `G.rank-n`: the part at each place, from the largest share down (ties in
    /// file order), with every part tied at that value, so that prose naming « the first »
    /// follows the data and states a tie.
    private func rankReferences(_ group: FigureGroup, resolved: [String: ResolvedFigure], language: Language) -> [DerivedValue] {
        let parts = group.partKeys.compactMap { resolved[$0]?.figure }
        let sorted = parts.enumerated().sorted { a, b in
            a.element.value != b.element.value ? a.element.value > b.element.value : a.offset < b.offset
        }.map(\.element)
        return sorted.enumerated().map { index, part in
            DerivedValue(
                key: "\(group.key).rank-\(index + 1)", label: language.messages(StatisticsMessage.rankedLabel, ["n": "\(index + 1)", "label": group.label]),
                value: part.value, decimals: part.decimals, unit: .percent, text: nil, ownerKey: group.key,
                method: language.messages(StatisticsMessage.rankedMethod, ["n": "\(index + 1)"]),
                parts: sorted.filter { $0.value == part.value }.map(\.key))
        }
    }

    /// For a two-part split: the gap between the parts, and whether it exceeds the margin
    /// of error (the larger part's 95 % Wilson interval excludes 50 %).
    private func splitComparison(_ group: FigureGroup, resolved: [String: ResolvedFigure], language: Language) -> [DerivedValue] {
        let words = language.messages
        let parts = group.partKeys.compactMap { resolved[$0] }
        guard parts.count == 2 else { return [] }
        let sorted = parts.sorted { $0.figure.value > $1.figure.value }
        var values = [DerivedValue(
            key: "\(group.key).difference", label: words(StatisticsMessage.splitDifferenceLabel, ["label": group.label]),
            value: sorted[0].figure.value - sorted[1].figure.value, decimals: sorted[0].figure.decimals,
            unit: .points, text: nil, ownerKey: group.key, method: words(StatisticsMessage.splitDifferenceMethod))]
        if let interval = sorted[0].interval {
            let significant = !interval.contains(50)
            values.append(DerivedValue(
                key: "\(group.key).significance", label: words(StatisticsMessage.splitSignificanceLabel, ["label": group.label]),
                value: significant ? 1 : 0, decimals: 0, unit: .text,
                text: words(significant ? StatisticsMessage.significant : .notSignificant),
                ownerKey: group.key, method: words(StatisticsMessage.splitSignificanceMethod)))
        }
        return values
    }
}
