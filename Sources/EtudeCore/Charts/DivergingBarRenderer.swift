/// Ordered answers (a Likert-type scale) as diverging bars centred on the neutral answer:
/// the answers before it extend to the left of the centre line, those after it to the
/// right, the neutral one straddles it, and answers apart from the scale (« Ne sait pas »)
/// are drawn on their own, after a gap. Several items of the same scale share the axis,
/// one bar each. A legend names every answer in scale order; a segment wide enough has its
/// value written just above it. Colours come from the theme's scale palette.
struct DivergingBarRenderer {
    /// One bar: the item's label and its parts in scale order.
    struct Item {
        var label: String
        var parts: [ChartBar]
    }

    var layout = ChartLayout.wide
    /// How the axis writes its percentages: the study's language.
    var numbers = NumberStyle.french
    /// Part keys, without their group's, in scale order; the neutral one; those apart.
    let answers: [String]
    let labels: [String]
    let scale: AnswerScale
    /// The words of the legend in the study's language (`ChartMessage`), given by the chart
    /// block: an answer and its value (« Plutôt d’accord : 45 % »), the note after an answer apart.
    let legendValue: (_ label: String, _ value: String) -> String
    let apartNote: String

    static let barHeight = 26.0

    /// The side and distance from the centre of each answer on the scale, as a colour class.
    func fillClass(_ answer: String) -> String {
        if scale.apart.contains(answer) { return "chart-scale-apart" }
        if answer == scale.neutral { return "chart-scale-neutral" }
        let onScale = answers.filter { !scale.apart.contains($0) }
        let centre = scale.neutral.flatMap { onScale.firstIndex(of: $0) }
        let index = onScale.firstIndex(of: answer)!
        let leftCount = centre ?? onScale.count / 2
        if index < leftCount { return "chart-scale-left-\(min(3, leftCount - index))" }
        let distance = index - (centre.map { $0 + 1 } ?? leftCount) + 1
        return "chart-scale-right-\(min(3, distance))"
    }

    func svg(items: [Item], id: String, title: String, description: String) -> String {
        let left = BarChartRenderer.left, lineHeight = BarChartRenderer.lineHeight
        let onScale = answers.filter { !scale.apart.contains($0) }
        let apartWidth = scale.apart.isEmpty ? 0.0 : min(140, layout.width * 0.22)
        let plot = layout.width - 2 * left - (apartWidth > 0 ? apartWidth + 16 : 0)
        let centreX = left + plot / 2
        func share(_ item: Item, _ answer: String) -> Double {
            item.parts.first { $0.key.hasSuffix("." + answer) }?.value ?? 0
        }
        let centreIndex = scale.neutral.flatMap { onScale.firstIndex(of: $0) }
        let leftAnswers = Array(onScale.prefix(centreIndex ?? onScale.count / 2))
        let rightAnswers = Array(onScale.suffix(onScale.count - leftAnswers.count - (centreIndex == nil ? 0 : 1)))
        let half = { (item: Item) in scale.neutral.map { share(item, $0) / 2 } ?? 0 }
        let widest = items.map { item in
            max(leftAnswers.reduce(half(item)) { $0 + share(item, $1) }, rightAnswers.reduce(half(item)) { $0 + share(item, $1) })
        }.max() ?? 50
        let maximum = [25.0, 50, 75, 100].first { $0 >= widest - 1e-9 } ?? 100
        let unit = plot / 2 / maximum
        var body = ""
        var y = 8.0
        for item in items {
            let lines = SVG.wrap(item.label, width: layout.wrapWidth)
            body += SVG.text(lines, x: left, y: y + BarChartRenderer.fontSize, lineHeight: lineHeight, className: "chart-label")
            // A row for the values, written above their segments in the text colour.
            y += Double(lines.count) * lineHeight + 22
            var x = centreX - (leftAnswers.reduce(half(item)) { $0 + share(item, $1) }) * unit
            for answer in onScale {
                body += segment(item, answer, x: &x, y: y, unit: unit, share: share(item, answer))
            }
            var apartX = left + plot + 16
            for answer in scale.apart {
                body += segment(item, answer, x: &apartX, y: y, unit: unit, share: share(item, answer), valueAfter: true)
                apartX += 4
            }
            y += Self.barHeight + 14
        }
        body += "<line class=\"chart-axis\" x1=\"\(SVG.number(centreX))\" y1=\"4\" x2=\"\(SVG.number(centreX))\" y2=\"\(SVG.number(y - 8))\" stroke-width=\"1\"/>"
        // Ticks every 25 points, or farther apart where they would crowd a narrow chart.
        var step = maximum <= 25 ? 12.5 : 25
        while step * unit < 48 { step *= 2 }
        let first = (maximum / step).rounded(.down) * step
        for tick in stride(from: -first, through: first, by: step) {
            let tx = centreX + tick * unit
            let anchor = tick == -maximum ? "start" : tick == maximum ? "end" : "middle"
            body += "<text class=\"chart-tick\" x=\"\(SVG.number(tx))\" y=\"\(SVG.number(y + 8))\" text-anchor=\"\(anchor)\">\(SVG.escape(numbers.percent(abs(tick))))</text>"
        }
        y += 24
        var legend = "<g class=\"chart-legend\">"
        let wrap = Int((layout.width - 2 * left - 24) / (BarChartRenderer.fontSize * 0.52))
        for (answer, label) in zip(answers, labels) {
            let value = items.first?.parts.first { $0.key.hasSuffix("." + answer) }?.valueText ?? ""
            let text = items.count == 1 ? legendValue(label, value) : label
            let lines = SVG.wrap(text + (scale.apart.contains(answer) ? apartNote : ""), width: wrap)
            legend += "<rect class=\"chart-swatch \(fillClass(answer))\" x=\"\(SVG.number(left))\" y=\"\(SVG.number(y + 3))\" width=\"14\" height=\"14\"/>"
            legend += SVG.text(lines, x: left + 22, y: y + BarChartRenderer.fontSize, lineHeight: lineHeight, className: "chart-label")
            y += Double(lines.count) * lineHeight + 4
        }
        body += legend + "</g>"
        return ChartSVG.wrap(id: id, title: title, description: description, width: layout.width, height: y + 8, body: body)
    }

    /// A segment at `x`, moving `x` past it; its value over it when it fits.
    private func segment(_ item: Item, _ answer: String, x: inout Double, y: Double, unit: Double, share: Double, valueAfter: Bool = false) -> String {
        let length = share * unit
        var svg = "<rect class=\"chart-segment \(fillClass(answer))\" x=\"\(SVG.number(x))\" y=\"\(SVG.number(y))\" width=\"\(SVG.number(length))\" height=\"\(SVG.number(Self.barHeight))\" data-value=\"\(SVG.number(share))\"/>"
        svg += "<line class=\"chart-separator\" x1=\"\(SVG.number(x))\" y1=\"\(SVG.number(y - 2))\" x2=\"\(SVG.number(x))\" y2=\"\(SVG.number(y + Self.barHeight + 2))\" stroke-width=\"2\"/>"
        let text = item.parts.first(where: { $0.key.hasSuffix("." + answer) })?.valueText
        if valueAfter, let text {
            // An answer apart has room after its bar: its value is written there.
            svg += "<text class=\"chart-value\" x=\"\(SVG.number(x + length + 4))\" y=\"\(SVG.number(y + Self.barHeight / 2 + 5))\">\(SVG.escape(text))</text>"
            x += length + SplitBarRenderer.textWidth(text) + 4
            return svg
        }
        if let text, SplitBarRenderer.textWidth(text) + 6 <= length {
            svg += "<text class=\"chart-value\" x=\"\(SVG.number(x + length / 2))\" y=\"\(SVG.number(y - 6))\" text-anchor=\"middle\">\(SVG.escape(text))</text>"
        }
        x += length
        return svg
    }
}
