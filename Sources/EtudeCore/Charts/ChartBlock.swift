/// The ```` ```chart ```` block: a numbered `<figure>` holding the SVG, its caption
/// (title, base, "several answers possible", source) and the same data as a table, in the
/// words of the study's language (`ChartMessage`).
struct ChartBlock: BlockRenderer {
    let table: FigureTable
    let names = ["chart"]
    let numbersFigures = true

    func render(name: String, content: String, file: String, at location: SourcePosition, context: inout BlockContext) throws -> String {
        var spec = try ChartSpec.parse(content, file: file, at: location)
        let dataset = table.dataset
        // Several items of one scale: `figure: satisfaction-a, satisfaction-b`.
        let keys = spec.figure.split(separator: ",").map { $0.trimmed(.whitespaces) }
        let items = try scaleItems(keys, file: file, at: location)
        let segments = items.isEmpty ? try multiples(keys, file: file, at: location) : []
        // The key prose cites the chart by, and its downloads' name.
        let chartKey = keys[0]
        if !items.isEmpty { spec.figure = keys[0] }
        if !segments.isEmpty { spec.figure = segments[0].key }
        guard let group = dataset.groups[spec.figure] ?? singleShare(spec.figure) else {
            if let part = table.resolved(spec.figure)?.figure.group {
                throw Diagnostic(file: file, at: location, message: "'\(spec.figure)' is a part of the group '\(part)'; a chart shows a whole group: write 'figure: \(part)'")
            }
            if let entry = table[spec.figure] {
                let kind: String
                if case .typed(let resolved) = entry { kind = "a figure of kind '\(resolved.figure.kind.rawValue)'" } else { kind = "a value Étude computes" }
                let example = dataset.groupOrder.first.map { ", such as '\($0)'" } ?? "; data/figures.yaml has none"
                throw Diagnostic(file: file, at: location, message: "'\(spec.figure)' is \(kind); a chart shows a share, or a group of kind 'split' or 'multiple'\(example)")
            }
            throw Diagnostic(file: file, at: location, message: "unknown chart figure '\(spec.figure)'\(Suggestion.didYouMean(spec.figure, among: dataset.groupOrder)); a chart shows a split or multiple group of data/figures.yaml")
        }
        let formatter = FigureFormatter(table: table)
        let groups = items.isEmpty ? segments : items
        var bars = (groups.isEmpty ? group.partKeys : groups.flatMap(\.partKeys)).compactMap { table.resolved($0) }.map { resolved -> ChartBar in
            let interval = spec.margin ? resolved.interval : nil
            let text = spec.decimals.flatMap { try? formatter.text(for: FigureReference(key: resolved.figure.key, format: .decimals($0), location: location)).get() }
            let item = groups.count > 1 ? groups.first { $0.key == resolved.figure.group }.map { $0.label + " — " } ?? "" : ""
            return ChartBar(key: resolved.figure.key, label: table.language.typeset(item + resolved.figure.label), value: resolved.figure.value,
                            valueText: text ?? formatter.standardText(of: resolved.figure), low: interval?.low, high: interval?.high,
                            marginText: resolved.interval.map(formatter.intervalBounds))
        }
        // Multiple-answer bars are read from the largest down (ties in file order) unless
        // the block asks otherwise; a split keeps its order.
        if !items.isEmpty, spec.order != nil || spec.highlight != nil {
            throw Diagnostic(file: file, at: location, message: "the answers of a scale keep their order and colours: remove 'order' and 'highlight' from this chart")
        }
        var headings: [Int: String] = [:]
        var drawnLabels: [String: String] = [:]
        var pairedNote = false
        if !segments.isEmpty {
            // Small multiples: one answer order for every segment, the first segment's.
            var order = segments[0].partKeys.map { String($0.dropFirst(segments[0].key.count + 1)) }
            let first = { (answer: String) in table.resolved(segments[0].key + "." + answer)?.figure.value ?? 0 }
            switch spec.order ?? .value {
            case .value: order = order.enumerated().sorted { (first($1.element), $0.offset) < (first($0.element), $1.offset) }.map(\.element)
            case .declared: break
            case .reversed: order.reverse()
            }
            var ordered: [ChartBar] = []
            let changes = waveChanges(segments, answers: order)
            if !changes.isEmpty {
                // Two waves: each answer's bars side by side, the later one with its change.
                for answer in order {
                    headings[ordered.count] = table.language.typeset(table.resolved(segments[0].key + "." + answer)?.figure.label ?? answer)
                    for segment in segments {
                        guard var bar = bars.first(where: { $0.key == segment.key + "." + answer }) else { continue }
                        drawnLabels[bar.key] = table.language.typeset(segment.label)
                        if segment.key == segments[1].key, let change = changes[answer] { bar.valueText += " (" + change + ")" }
                        if segment.key == segments[0].key { bar.isMuted = true }
                        ordered.append(bar)
                    }
                }
                pairedNote = changes.values.contains { $0.hasSuffix("*") }
            } else {
                for segment in segments {
                    headings[ordered.count] = table.language.typeset(segment.label)
                    for answer in order {
                        guard let bar = bars.first(where: { $0.key == segment.key + "." + answer }) else { continue }
                        ordered.append(bar)
                    }
                }
            }
            bars = ordered
            spec.order = .declared
        }
        switch spec.order ?? (group.kind == .multiple ? .value : .declared) {
        case .value: bars = bars.enumerated().sorted { ($1.element.value, $0.offset) < ($0.element.value, $1.offset) }.map(\.element)
        case .declared: break
        case .reversed: bars.reverse()
        }
        if let highlight = spec.highlight {
            let key = group.kind == .share ? group.key : "\(group.key).\(highlight)"
            // In small multiples, the answer is highlighted in every segment.
            let wanted = { (bar: ChartBar) in segments.isEmpty ? bar.key == key : bar.key.hasSuffix("." + highlight) }
            guard bars.contains(where: wanted) else {
                let parts = group.partKeys.map { String($0.dropFirst(group.key.count + 1)) }
                throw Diagnostic(file: file, at: location, message: "chart option 'highlight' names no part of '\(group.key)'\(Suggestion.didYouMean(highlight, among: parts)) (parts: \(parts.joined(separator: ", ")))")
            }
            for other in bars.indices where !wanted(bars[other]) { bars[other].isMuted = true }
        }
        if spec.margin && group.kind == .split && bars.contains(where: { $0.marginText == nil }) == false {
            // A split shows its intervals in its legend, in words.
            bars = bars.map { var bar = $0; bar.legendNote = bar.marginText; return bar }
        }
        if spec.margin && bars.contains(where: { $0.marginText == nil && !(table.resolved($0.key)?.figure.suppressed ?? false) }) {
            throw Diagnostic(file: file, at: location, message: "'\(group.key)' has no base, so the chart cannot show margins of error; add 'base:' to it or remove 'margin: true'")
        }
        // A chart shown again keeps its number, and its caption says it is a reminder.
        let earlier = context.figures.filter { $0.key == chartKey }
        let number = earlier.first?.number ?? (context.figures.map(\.number).max() ?? 0) + 1
        let id = earlier.isEmpty ? "figure-\(number)" : "figure-\(number)-\(earlier.count + 1)"
        let title = table.language.typeset(try SettingExpander(formatter: formatter).expand(spec.title, file: file, at: location))
        context.figures.append(NumberedFigure(number: number, anchor: id, title: title, key: chartKey, page: context.page))
        let description = items.isEmpty ? describe(group: group, bars: bars, margin: spec.margin) : describeScale(items, bars: bars)
        func draw(_ layout: ChartLayout, id: String) -> String {
            let svg: String
            if let scale = group.scale, !items.isEmpty {
                let answers = group.partKeys.map { String($0.dropFirst(group.key.count + 1)) }
                let labels = group.partKeys.compactMap { table.resolved($0)?.figure.label }.map { table.language.typeset($0) }
                let rows = items.map { item in
                    DivergingBarRenderer.Item(label: table.language.typeset(item.label), parts: bars.filter { $0.key.hasPrefix(item.key + ".") })
                }
                let renderer = DivergingBarRenderer(layout: layout, numbers: table.language.numbers, answers: answers, labels: labels, scale: scale,
                                                    legendValue: { words(.legendValue, ["label": $0, "value": $1]) }, apartNote: words(.legendApart))
                svg = renderer.svg(items: rows, id: id, title: title, description: description)
            } else if group.kind == .split {
                svg = SplitBarRenderer(layout: layout, numbers: table.language.numbers, legendValue: { words(.legendValue, ["label": $0, "value": $1]) }).svg(parts: bars, id: id, title: title, description: description)
            } else {
                // Under each segment's heading, a bar is named by its answer alone.
                let drawn = headings.isEmpty ? bars : bars.map { bar in
                    var bar = bar
                    bar.label = drawnLabels[bar.key] ?? table.language.typeset(table.resolved(bar.key)?.figure.label ?? bar.label)
                    return bar
                }
                svg = BarChartRenderer(layout: layout, numbers: table.language.numbers, headings: headings).svg(bars: drawn, id: id, title: title, description: description)
            }
            // Bytes: the renderers write this tag, and escape every `<` of the texts they draw.
            return HTMLText.replacing([("<svg class=\"chart-svg\"", "<svg class=\"chart-svg chart-svg--\(layout.name)\"")], in: svg)
        }
        let svg = draw(.wide, id: id)
        let waveNote = pairedNote ? "<p class=\"chart-note\">" + HTML.escape(table.language.typeset(words(.noteWave))) + "</p>\n" : ""
        // The note and the caption's sentences, made once for the page and the download.
        let noteText = try spec.note.map { table.language.typeset(try SettingExpander(formatter: formatter).expand($0, file: file, at: location)) }
        let note = waveNote + (noteText.map { "<p class=\"chart-note\">" + HTML.escape($0) + "</p>\n" } ?? "")
        let notes = captionNotes(group: group, others: groups)
        let downloads = ChartDownloads(key: chartKey, title: words(.caption, ["number": String(number)]) + " " + title, notes: notes + (noteText.map { [$0] } ?? []),
                                       bars: bars, bases: bars.map { table.resolved($0.key)?.baseCount }, header: words(.csvHeader))
        if earlier.isEmpty {
            context.files[downloads.csvPath] = downloads.csv()
            context.files[downloads.svgPath] = downloads.svg(chart: svg)
        }
        return "<figure class=\"chart chart-\(items.isEmpty ? group.kind.rawValue : "scale")\" id=\"\(id)\" data-figure=\"\(HTML.escape(group.key))\">\n"
            + caption(number: number, repeated: !earlier.isEmpty, title: title, notes: notes) + "\n" + svg + "\n"
            + draw(.narrow, id: id + "-etroit") + "\n" + note
            + downloads.links(root: context.root, messages: table.language.messages) + dataTable(id: id, title: title, bars: bars) + "\n</figure>"
    }

    /// A chart word of the study's language, its placeholders filled in.
    func words(_ key: ChartMessage, _ values: [String: String] = [:]) -> String {
        table.language.messages(key, values)
    }

    /// Every value in words, for screen readers: the SVG's `<desc>`.
    private func describe(group: FigureGroup, bars: [ChartBar], margin: Bool) -> String {
        let kind: ChartMessage
        switch group.kind {
        case .split: kind = .describeSplit
        case .share: kind = .describeShare
        default: kind = group.severalAnswers ? .describeBarsSeveral : .describeBars
        }
        let items = bars.map { bar in
            margin ? words(.describeValueInterval, ["label": bar.label, "value": bar.valueText, "interval": bar.marginText ?? ""])
                : words(.describeValue, ["label": bar.label, "value": bar.valueText])
        }
        return table.language.typeset(words(kind) + ". " + items.joined(separator: words(.separator)) + ".")
    }

    private func caption(number: Int, repeated: Bool, title: String, notes: [String]) -> String {
        let details = notes.map { HTML.escape($0) }.joined(separator: ". ")
        let label = words(repeated ? .captionRepeated : .caption, ["number": String(number)])
        return "<figcaption><span class=\"chart-number\">\(HTML.escape(label))</span> \(HTML.escape(title))"
            + "<span class=\"chart-notes\">\(details).</span></figcaption>"
    }

    /// The base, what the data say of the parts, and the sources, each a sentence; `others`
    /// are the other groups of the same chart (segments, waves, items of a scale).
    private func captionNotes(group: FigureGroup, others: [FigureGroup] = []) -> [String] {
        var notes: [String] = []
        var all = group
        all.partKeys += others.filter { $0.key != group.key }.flatMap(\.partKeys)
        if let base = baseText(of: all, bySeries: others.count > 1) {
            notes.append(words(group.assumption != nil ? .noteBaseAssumed : .noteBase, ["base": base]))
        }
        // What the data say: the questionnaire's rule when declared, else what the shares show.
        let total = group.partKeys.compactMap { table.resolved($0)?.figure.value }.reduce(0, +)
        if group.severalAnswers {
            notes.append(words(total > 100 ? .noteSeveralOver : .noteSeveral))
        } else if group.kind == .multiple && total > 100 {
            notes.append(words(.noteOverlap))
        }
        var seen = Set<String>()
        let sources = ([group] + others).compactMap { table.dataset.sources[$0.sourceID] }.filter { seen.insert($0.id).inserted }
        if !sources.isEmpty {
            notes.append(words(sources.count > 1 ? .noteSourceOther : .noteSourceOne, ["sources": sources.map(\.title).joined(separator: words(.separator))]))
        }
        return notes.map { table.language.typeset($0) }
    }

    /// A single share charted alone, as a group of one part.
    private func singleShare(_ key: String) -> FigureGroup? {
        guard let figure = table.resolved(key)?.figure, figure.group == nil, figure.unit == .percent, figure.kind == .share else { return nil }
        return FigureGroup(key: key, label: figure.label, kind: .share, unit: .percent, partKeys: [key], base: figure.base,
                           sourceID: figure.sourceID, assumption: figure.assumption, file: figure.file, location: figure.location)
    }

    /// « 1 012 répondants », « environ 156 répondants », or, where the parts have different
    /// bases, « de 600 à 1 012 répondants selon la réponse » (« selon la série » `bySeries`).
    private func baseText(of group: FigureGroup, bySeries: Bool) -> String? {
        let parts = group.partKeys.compactMap { table.resolved($0) }.filter { $0.baseCount != nil }
        guard let first = parts.first else { return nil }
        let formatter = FigureFormatter(table: table)
        let estimate = parts.contains { $0.baseIsEstimate }
        let counts = parts.map { $0.baseCount! }
        guard let low = counts.min(), let high = counts.max(), low != high else {
            return formatter.about(estimate, table.language.respondents(first.baseCount!))
        }
        return words(bySeries ? .baseRangeSeries : .baseRangeAnswer,
                     ["low": formatter.about(estimate, table.language.numbers.number(low)), "high": table.language.numbers.number(high)])
    }

    private func dataTable(id: String, title: String, bars: [ChartBar]) -> String {
        let bases = bars.map { table.resolved($0.key)?.baseCount }
        let perRow = Set(bases.compactMap { $0 }).count > 1
        let head = { (key: ChartMessage) in "<th scope=\"col\">\(HTML.escape(words(key)))</th>" }
        var html = "<details class=\"chart-data\"><summary>\(HTML.escape(words(.tableSummary)))</summary>\n<table>\n<caption>\(HTML.escape(title))</caption>\n"
        html += "<thead><tr>" + head(.tableAnswer) + head(.tableShare) + head(.tableInterval)
            + (perRow ? head(.tableBase) : "") + "</tr></thead>\n<tbody>\n"
        for (bar, base) in zip(bars, bases) {
            let baseCell = perRow ? "<td>\(base.map { HTML.escape(table.language.numbers.number($0)) } ?? "—")</td>" : ""
            html += "<tr><th scope=\"row\">\(HTML.escape(bar.label))</th><td>\(FigureMarkup.span(key: bar.key, text: bar.valueText, table: table))</td><td>\(HTML.escape(bar.marginText ?? "—"))</td>\(baseCell)</tr>\n"
        }
        return html + "</tbody>\n</table>\n</details>"
    }
}
