/// Horizontal bars for shares where several answers were possible, in the given order, each labelled
/// with its French value, on an axis from 0 to 100 %; optional 95 % whiskers.
/// Labels sit above their bar and wrap, so long French labels never shrink or overflow.
struct BarChartRenderer {
    static let width = ChartLayout.wide.width
    static let left = 8.0
    static let fontSize = 15.0
    static let lineHeight = 19.0
    static let barHeight = 24.0
    var layout = ChartLayout.wide
    /// How the axis writes its percentages: the study's language.
    var numbers = NumberStyle.french
    /// Headings drawn before the bar of the same index: the segments of small multiples,
    /// which share the axis and the order of the answers.
    var headings: [Int: String] = [:]

    func svg(bars: [ChartBar], id: String, title: String, description: String) -> String {
        var rows = ""
        var y = 12.0
        for (index, bar) in bars.enumerated() {
            if let heading = headings[index] {
                let lines = SVG.wrap(heading, width: layout.wrapWidth)
                y += index == 0 ? 0 : 8
                rows += SVG.text(lines, x: Self.left, y: y + Self.fontSize, lineHeight: Self.lineHeight, className: "chart-label chart-heading")
                y += Double(lines.count) * Self.lineHeight + 4
            }
            let lines = SVG.wrap(bar.label, width: layout.wrapWidth)
            rows += SVG.text(lines, x: Self.left, y: y + Self.fontSize, lineHeight: Self.lineHeight, className: "chart-label")
            y += Double(lines.count) * Self.lineHeight + 6
            let length = layout.plotWidth * bar.value / 100
            rows += "<rect class=\"chart-bar\(bar.isMuted ? " chart-muted" : "")\" x=\"\(SVG.number(Self.left))\" y=\"\(SVG.number(y))\" width=\"\(SVG.number(length))\" height=\"\(SVG.number(Self.barHeight))\" data-value=\"\(SVG.number(bar.value))\"/>"
            var labelX = Self.left + length + 6
            if let low = bar.low, let high = bar.high {
                let x1 = Self.left + layout.plotWidth * low / 100, x2 = Self.left + layout.plotWidth * high / 100
                let middle = y + Self.barHeight / 2
                rows += "<path class=\"chart-whisker\" d=\"M\(SVG.number(x1)) \(SVG.number(middle))H\(SVG.number(x2))M\(SVG.number(x1)) \(SVG.number(middle - 6))V\(SVG.number(middle + 6))M\(SVG.number(x2)) \(SVG.number(middle - 6))V\(SVG.number(middle + 6))\" stroke-width=\"2\" fill=\"none\"/>"
                labelX = max(labelX, x2 + 6)
            }
            rows += "<text class=\"chart-value\" x=\"\(SVG.number(labelX))\" y=\"\(SVG.number(y + Self.barHeight / 2 + 5))\">\(SVG.escape(bar.valueText))</text>"
            y += Self.barHeight + 16
        }
        let axisY = y
        var axis = ""
        for tick in stride(from: 0, through: 100, by: 25) {
            let x = Self.left + layout.plotWidth * Double(tick) / 100
            axis += "<line class=\"chart-grid\" x1=\"\(SVG.number(x))\" y1=\"4\" x2=\"\(SVG.number(x))\" y2=\"\(SVG.number(axisY))\" stroke-width=\"1\"/>"
            axis += "<text class=\"chart-tick\" x=\"\(SVG.number(x))\" y=\"\(SVG.number(axisY + 18))\" text-anchor=\"\(tick == 0 ? "start" : "middle")\">\(SVG.escape(numbers.percent(Double(tick))))</text>"
        }
        axis += "<line class=\"chart-axis\" x1=\"\(SVG.number(Self.left))\" y1=\"\(SVG.number(axisY))\" x2=\"\(SVG.number(Self.left + layout.plotWidth))\" y2=\"\(SVG.number(axisY))\" stroke-width=\"1\"/>"
        let height = axisY + 28
        return ChartSVG.wrap(id: id, title: title, description: description, width: layout.width, height: height, body: axis + rows)
    }
}

/// The width a chart is drawn for. A phone gets its own layout, drawn for a narrow screen
/// (labels wrapped shorter, same font size), rather than the wide one scaled down until
/// its text is unreadable: 320 units shown on the 280 px column of a 360 px phone keep 15 px text above
/// 12 px.
struct ChartLayout: Equatable, Sendable {
    var width: Double
    /// The `chart-svg--…` class that shows this layout at its screen widths.
    var name: String

    static let wide = ChartLayout(width: 640, name: "wide")
    static let narrow = ChartLayout(width: 320, name: "narrow")

    /// The length of the 0–100 % axis, leaving room for a value after a full bar.
    var plotWidth: Double { width - 2 * BarChartRenderer.left - 84 }
    /// Characters per label line: about 0.52 em per character at 15 px.
    var wrapWidth: Int { Int((width - 2 * BarChartRenderer.left) / (BarChartRenderer.fontSize * 0.52)) }
}

/// The outer `<svg>` shared by every chart: accessible name, description, viewBox only.
enum ChartSVG {
    static func wrap(id: String, title: String, description: String, width: Double, height: Double, body: String) -> String {
        "<svg class=\"chart-svg\" role=\"img\" aria-labelledby=\"\(id)-titre-svg \(id)-desc\" viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(height))\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title id=\"\(id)-titre-svg\">\(SVG.escape(title))</title><desc id=\"\(id)-desc\">\(SVG.escape(description))</desc>"
            + body + "</svg>"
    }
}
