import Foundation

/// What a reader can take away from a chart, as Datawrapper offers: its data as CSV and
/// the chart as a standalone SVG file holding its title, source and note, with the
/// theme's light colours written into it (a file alone has no stylesheet).
struct ChartDownloads {
    static let folder = "donnees/graphiques/"

    let key: String
    let title: String
    let notes: [String]
    let bars: [ChartBar]
    let bases: [Double?]
    /// The CSV's header row, in the study's language (`chart.csv.header`).
    let header: String

    var csvPath: String { Self.folder + key + ".csv" }
    var svgPath: String { Self.folder + key + ".svg" }

    /// RFC 4180, like `figures.csv`: one row per part, values as machines read them.
    func csv() -> Data {
        var lines = [header]
        for (bar, base) in zip(bars, bases) {
            lines.append([CSVField.text(bar.label), FigureExport.number(bar.value), CSVField.text(bar.valueText),
                          base.map(FigureExport.number) ?? "", bar.low.map(FigureExport.number) ?? "",
                          bar.high.map(FigureExport.number) ?? ""].joined(separator: ","))
        }
        return Data(lines.map { $0 + "\r\n" }.joined().utf8)
    }

    /// The page's SVG inside a picture of its own: the title above, the notes below.
    func svg(chart: String) -> Data {
        let width = BarChartRenderer.width
        let height = Self.viewBoxHeight(of: chart) ?? 200
        let titleLines = SVG.wrap(title, width: 60)
        let top = 24 + Double(titleLines.count) * 22
        let noteLines = notes.flatMap { SVG.wrap($0, width: 90) }
        let total = top + height + 12 + Double(noteLines.count) * 18
        var svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVG.number(width))\" height=\"\(SVG.number(total))\" viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(total))\">\n"
        svg += "<title>\(SVG.escape(title))</title>\n<style>\(Self.style)</style>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        svg += SVG.text(titleLines, x: 8, y: 26, lineHeight: 22, className: "chart-title") + "\n"
        // SVG 1.1, which a file alone follows, has no ARIA: the outer title names the picture.
        let inner = Self.withoutARIA(HTMLText.replacing([("<svg class=\"chart-svg chart-svg--wide\"", "<svg class=\"chart-svg\" x=\"0\" y=\"\(SVG.number(top))\" width=\"\(SVG.number(width))\" height=\"\(SVG.number(height))\"")], in: chart))
        svg += inner + "\n"
        svg += SVG.text(noteLines, x: 8, y: top + height + 20, lineHeight: 18, className: "chart-note") + "\n</svg>\n"
        return Data(svg.utf8)
    }

    /// The height of the chart's `viewBox="0 0 w h"`: the first match of that pattern, looked
    /// for in the opening tag first (where it is; a match cannot span a `>`), then everywhere.
    static func viewBoxHeight(of svg: String) -> Double? {
        if let answer = asciiViewBoxHeight(of: svg) { return answer }
        let pattern = /viewBox="0 0 [\d.]+ ([\d.]+)"/
        let openingTag = svg.prefix { $0 != ">" }
        return (openingTag.firstMatch(of: pattern)?.output.1 ?? svg.firstMatch(of: pattern)?.output.1).flatMap { Double($0) }
    }

    /// The same, read in the bytes where the opening tag is ASCII and holds the pattern
    /// with ASCII numbers (every chart Étude draws): there the first match of the pattern is
    /// the first occurrence of `viewBox="0 0 `, each ASCII byte being a character of its own
    /// (none of those the pattern reads joins a mark: the byte after the closing quote is
    /// ASCII). Nil where it cannot tell (`.some(nil)`: the pattern's text is no number).
    /// Compiling the pattern for each chart was 2 % of a rebuild.
    private static func asciiViewBoxHeight(of svg: String) -> Double?? {
        var svg = svg
        return svg.withUTF8 { bytes -> Double?? in
            guard let end = bytes.firstIndex(of: UInt8(ascii: ">")), bytes[..<end].allSatisfy({ $0 < 0x80 }) else { return nil }
            let literal = Array("viewBox=\"0 0 ".utf8)
            guard let start = (0...max(0, end - literal.count)).first(where: { bytes[$0..<min(end, $0 + literal.count)].elementsEqual(literal) }) else { return nil }
            let isNumberByte = { (byte: UInt8) in (byte >= 0x30 && byte <= 0x39) || byte == 0x2E }
            var index = start + literal.count
            let width = index
            while index < end, isNumberByte(bytes[index]) { index += 1 }
            guard index > width, index < end, bytes[index] == 0x20 else { return nil }
            index += 1
            let height = index
            while index < end, isNumberByte(bytes[index]) { index += 1 }
            guard index > height, index < end, bytes[index] == 0x22, bytes[index + 1] < 0x80 else { return nil }
            return .some(Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[height..<index]), as: UTF8.self)))
        }
    }

    /// `svg` without its ` role="img" aria-labelledby="…"` attributes (with the spaces before
    /// them), as `replacing(/\s+role="img" aria-labelledby="[^"]*"/, with: "")` made it,
    /// without running the pattern over the whole chart.
    static func withoutARIA(_ svg: String) -> String {
        let attribute = "role=\"img\" aria-labelledby=\""
        guard ByteSearch.contains(attribute, in: svg) else { return svg }  // no bytes, no match: see `ByteSearch`
        var result = "", copied = svg.startIndex, from = svg.startIndex
        while let found = svg[from...].firstRange(of: attribute) {
            var start = found.lowerBound
            while start > copied, svg[svg.index(before: start)].isWhitespace { start = svg.index(before: start) }
            guard start < found.lowerBound, let quote = svg[found.upperBound...].firstIndex(of: "\"") else {
                from = found.upperBound
                continue
            }
            result += svg[copied..<start]
            copied = svg.index(after: quote)
            from = copied
        }
        return result + svg[copied...]
    }

    /// The theme's light colours, for a file seen without the site's stylesheet.
    static let style = """
        text{font-family:"DejaVu Sans",Arial,sans-serif;font-size:15px;fill:#1b1e23}\
        .chart-title{font-size:18px;font-weight:700}.chart-note{font-size:13px;fill:#4d5562}\
        .chart-value,.chart-heading{font-weight:700}.chart-tick{font-size:13px}\
        .chart-bar,.chart-fill-1{fill:#2b5fd9}.chart-fill-2{fill:#b85c00}.chart-fill-3{fill:#00805d}\
        .chart-fill-4{fill:#b8638f}.chart-fill-5{fill:#857e24}.chart-fill-6{fill:#3d86b3}\
        .chart-fill-7{fill:#8a5cc2}.chart-fill-8{fill:#6b7380}.chart-muted,.chart-bar.chart-muted{fill:#858c98}\
        .chart-grid{stroke:#c8cdd5}.chart-axis{stroke:#5b6371}.chart-whisker{stroke:#1b1e23}\
        .chart-separator{stroke:#ffffff}.chart-scale-apart{fill:#858c98}\
        .chart-scale-left-1{fill:#4a8fc7}.chart-scale-left-2{fill:#2b5fd9}.chart-scale-left-3{fill:#173f8f}\
        .chart-scale-right-1{fill:#c7701f}.chart-scale-right-2{fill:#a34f00}.chart-scale-right-3{fill:#6e3500}\
        .chart-scale-neutral{fill:#6b7380}
        """

    /// The links under the chart on the page.
    func links(root: String, messages: Messages) -> String {
        let data = "<a href=\"\(root)\(csvPath)\" download>\(HTML.escape(messages(ChartMessage.downloadsData)))</a>"
        let chart = "<a href=\"\(root)\(svgPath)\" download>\(HTML.escape(messages(ChartMessage.downloadsChart)))</a>"
        return "<p class=\"chart-downloads\">" + messages.html(ChartMessage.downloads, ["data": data, "chart": chart]) + "</p>\n"
    }
}
