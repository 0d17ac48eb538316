/// Expands the references written in the texts of `data/` (source titles, labels of
/// figures, groups and differences, listed items), so that a label such as « Vague
/// {{ wave.year }} » follows the data like prose does. A text may cite values, not other
/// labels: what is left unexpanded is an error at its line.
struct DatasetTextExpander {
    let expander: SettingExpander

    init(table: FigureTable) {
        expander = SettingExpander(formatter: FigureFormatter(table: table))
    }

    /// The figure table of `dataset`, its texts' references expanded: a first table gives
    /// the values the texts cite, then the table is computed again from the expanded texts
    /// (computed values carry the labels of their figures).
    static func table(for dataset: Dataset, extraCounts: [DerivedValue]) throws -> FigureTable {
        let table = try StatisticsCalculator().compute(dataset, extraCounts: extraCounts)
        guard hasReferences(dataset) else { return table }
        return try StatisticsCalculator().compute(try DatasetTextExpander(table: table).expand(dataset), extraCounts: extraCounts)
    }

    /// True when some text of `dataset` holds a reference (Foundation is asked only where the
    /// bytes `{{` are, see ByteSearch).
    static func hasReferences(_ dataset: Dataset) -> Bool {
        dataset.sources.values.contains { cites($0.title) }
            || dataset.figures.values.contains {
                cites($0.label) || ($0.items ?? []).contains { cites($0) } || cites($0.assumption ?? "")
            }
            || dataset.groups.values.contains { cites($0.label) || cites($0.assumption ?? "") }
            || dataset.differences.contains { cites($0.label) }
    }

    private static func cites(_ text: String) -> Bool { ByteSearch.stringContains("{{", in: text) }

    func expand(_ dataset: Dataset) throws -> Dataset {
        var result = dataset
        var collector = DiagnosticCollector()
        let file = "data/figures.yaml"
        func expand(_ text: String, _ file: String, _ location: SourcePosition) -> String {
            let expanded = expander.expand(text, file: file, at: location, collector: &collector)
            if expanded.contains("{{") {
                collector.report(Diagnostic(file: file, at: location, message: "this text cites a label ('| label'), which is not expanded in data/; cite a value instead"))
            }
            return expanded
        }
        for id in dataset.sourceOrder {
            let source = dataset.sources[id]!
            result.sources[id]!.title = expand(source.title, file, source.location ?? SourcePosition(line: 1, column: 1))
        }
        for key in dataset.figureOrder {
            let figure = dataset.figures[key]!
            result.figures[key]!.label = expand(figure.label, figure.file, figure.location)
            result.figures[key]!.items = figure.items?.map { expand($0, figure.file, figure.location) }
            result.figures[key]!.assumption = figure.assumption.map { expand($0, figure.file, figure.location) }
        }
        for key in dataset.groupOrder {
            let group = dataset.groups[key]!
            result.groups[key]!.label = expand(group.label, group.file, group.location)
            result.groups[key]!.assumption = group.assumption.map { expand($0, group.file, group.location) }
        }
        for index in dataset.differences.indices {
            let difference = dataset.differences[index]
            result.differences[index].label = expand(difference.label, difference.file, difference.location)
        }
        try collector.throwIfAny()
        return result
    }
}
