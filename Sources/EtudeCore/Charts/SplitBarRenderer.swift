/// A 100 % bar for a split (53 / 47): one segment per part, separated by a gap, so colour
/// is never the only cue. Two parts are labelled at the ends of the bar; more parts get a
/// legend that names each part with its value, in bar order, and each segment that is
/// wide enough carries its value, centred over it. Colours come from the theme
/// (`chart-fill-N` classes), never from the SVG.
struct SplitBarRenderer {
    /// Colours of the theme's palette before they repeat.
    static let paletteSize = 8
    static let barHeight = 32.0
    var layout = ChartLayout.wide
    /// How the axis writes its percentages: the study's language.
    var numbers = NumberStyle.french
    /// A part and its value in the legend (« Nur im Büro: 32,5 % »), in the study's words
    /// (`chart.legend.value`), given by the chart block.
    let legendValue: (_ label: String, _ value: String) -> String

    static func fillClass(_ index: Int, _ part: ChartBar) -> String {
        part.isMuted ? "chart-muted" : "chart-fill-\(index % paletteSize + 1)"
    }

    func svg(parts: [ChartBar], id: String, title: String, description: String) -> String {
        let left = BarChartRenderer.left, plot = layout.width - 2 * left
        var body = ""
        var y = 12.0
        let hasLegend = parts.count > 2 || parts.contains { $0.legendNote != nil }
        if !hasLegend {
            body += endLabels(parts, plot: plot, y: &y)
        }
        let barY = y + 8
        var x = left
        var values = ""
        for (index, part) in parts.enumerated() {
            let length = plot * part.value / 100
            body += "<rect class=\"chart-segment chart-segment-\(index + 1) \(Self.fillClass(index, part))\" x=\"\(SVG.number(x))\" y=\"\(SVG.number(barY))\" width=\"\(SVG.number(length))\" height=\"\(SVG.number(Self.barHeight))\" data-value=\"\(SVG.number(part.value))\"/>"
            if index > 0 {
                body += "<line class=\"chart-separator\" x1=\"\(SVG.number(x))\" y1=\"\(SVG.number(barY - 4))\" x2=\"\(SVG.number(x))\" y2=\"\(SVG.number(barY + Self.barHeight + 4))\" stroke-width=\"3\"/>"
            }
            // With a legend, a segment wide enough shows its value just above itself.
            if hasLegend, Self.textWidth(part.valueText) + 6 <= length {
                values += "<text class=\"chart-value\" x=\"\(SVG.number(x + length / 2))\" y=\"\(SVG.number(barY - 8))\" text-anchor=\"middle\">\(SVG.escape(part.valueText))</text>"
            }
            x += length
        }
        body += values
        var bottom = barY + Self.barHeight + 20
        for tick in [0, 50, 100] {
            let tx = left + plot * Double(tick) / 100
            body += "<text class=\"chart-tick\" x=\"\(SVG.number(tx))\" y=\"\(SVG.number(bottom))\" text-anchor=\"\(tick == 0 ? "start" : tick == 100 ? "end" : "middle")\">\(SVG.escape(numbers.percent(Double(tick))))</text>"
        }
        bottom += 8
        if hasLegend {
            body += legend(parts, y: &bottom)
        }
        return ChartSVG.wrap(id: id, title: title, description: description, width: layout.width, height: bottom + 12, body: body)
    }

    /// Two parts: the first named at the left end, the second at the right end.
    private func endLabels(_ parts: [ChartBar], plot: Double, y: inout Double) -> String {
        let left = BarChartRenderer.left, lineHeight = BarChartRenderer.lineHeight
        let wrap = Int(plot / Double(max(1, parts.count)) / (BarChartRenderer.fontSize * 0.52))
        var labels = ""
        var maxLines = 0
        for (index, part) in parts.enumerated() {
            let lines = SVG.wrap(part.label, width: wrap) + [part.valueText]
            maxLines = max(maxLines, lines.count)
            let isLast = index == parts.count - 1 && parts.count > 1
            labels += SVG.text(lines, x: isLast ? left + plot : left, y: y + BarChartRenderer.fontSize, lineHeight: lineHeight,
                               className: "chart-label", anchor: isLast ? "end" : "start")
        }
        y += Double(maxLines) * lineHeight
        return labels
    }

    /// One line per part, in bar order: a swatch of its colour, its label and its value.
    private func legend(_ parts: [ChartBar], y: inout Double) -> String {
        let left = BarChartRenderer.left, lineHeight = BarChartRenderer.lineHeight
        let wrap = Int((layout.width - 2 * left - 24) / (BarChartRenderer.fontSize * 0.52))
        var legend = "<g class=\"chart-legend\">"
        for (index, part) in parts.enumerated() {
            let note = part.legendNote.map { " (" + $0 + ")" } ?? ""
            let lines = SVG.wrap(legendValue(part.label, part.valueText) + note, width: wrap)
            legend += "<rect class=\"chart-swatch \(Self.fillClass(index, part))\" x=\"\(SVG.number(left))\" y=\"\(SVG.number(y + 3))\" width=\"14\" height=\"14\"/>"
            legend += SVG.text(lines, x: left + 22, y: y + BarChartRenderer.fontSize, lineHeight: lineHeight, className: "chart-label")
            y += Double(lines.count) * lineHeight + 4
        }
        return legend + "</g>"
    }

    /// The width a text takes at the chart's font size, about 0.55 em per character.
    static func textWidth(_ text: String) -> Double {
        Double(text.count) * BarChartRenderer.fontSize * 0.55
    }
}
