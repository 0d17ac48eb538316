/// A 100 % bar for a split (53 / 47): one segment per part, each labelled with its name and
/// value above it, separated by a white gap, so colour is never the only cue.
struct SplitBarRenderer {
    static let fills = ["#2b5fd9", "#b85c00", "#5b6371", "#1b1e23"]

    func svg(parts: [ChartBar], id: String, title: String, description: String) -> String {
        let width = BarChartRenderer.width, left = BarChartRenderer.left
        let plot = width - 2 * left
        let lineHeight = BarChartRenderer.lineHeight
        // Two parts: first label at the left, second at the right, each on half the width.
        let columns = max(1, parts.count)
        let wrap = Int(plot / Double(columns) / (BarChartRenderer.fontSize * 0.52))
        var labels = ""
        var maxLines = 0
        for (index, part) in parts.enumerated() {
            let lines = SVG.wrap(part.label, width: wrap) + [part.valueText]
            maxLines = max(maxLines, lines.count)
            let isLast = index == parts.count - 1 && parts.count > 1
            let x = isLast ? left + plot : left + plot * Double(index) / Double(columns)
            labels += SVG.text(lines, x: x, y: 12 + BarChartRenderer.fontSize, lineHeight: lineHeight,
                               className: "chart-label", anchor: isLast ? "end" : "start")
        }
        let barY = 12 + Double(maxLines) * lineHeight + 8
        var segments = ""
        var x = left
        for (index, part) in parts.enumerated() {
            let length = plot * part.value / 100
            segments += "<rect class=\"chart-segment chart-segment-\(index + 1)\" x=\"\(SVG.number(x))\" y=\"\(SVG.number(barY))\" width=\"\(SVG.number(length))\" height=\"32\" fill=\"\(Self.fills[index % Self.fills.count])\" data-value=\"\(SVG.number(part.value))\"/>"
            if index > 0 {
                segments += "<line class=\"chart-separator\" x1=\"\(SVG.number(x))\" y1=\"\(SVG.number(barY - 4))\" x2=\"\(SVG.number(x))\" y2=\"\(SVG.number(barY + 36))\" stroke=\"#ffffff\" stroke-width=\"3\"/>"
            }
            x += length
        }
        let height = barY + 32 + 28
        var axis = ""
        for tick in [0, 50, 100] {
            let tx = left + plot * Double(tick) / 100
            axis += "<text class=\"chart-tick\" x=\"\(SVG.number(tx))\" y=\"\(SVG.number(barY + 32 + 20))\" text-anchor=\"\(tick == 0 ? "start" : tick == 100 ? "end" : "middle")\">\(SVG.escape(FrenchNumberFormatter.percent(Double(tick))))</text>"
        }
        return ChartSVG.wrap(id: id, title: title, description: description, height: height, body: labels + segments + axis)
    }
}
