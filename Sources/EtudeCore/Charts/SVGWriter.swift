/// Small helpers for writing SVG by hand: fixed number format, escaping, text wrapping.
enum SVG {
    /// Coordinates with at most one decimal and a point, whatever the locale: `12.5`, `80`.
    static func number(_ value: Double) -> String {
        // Clamped so that no value, however odd, traps in `Int(...)`; a drawing never needs more.
        let tenths = (min(max(value.isNaN ? 0 : value, -1e9), 1e9) * 10).rounded(.toNearestOrAwayFromZero)
        let integer = Int(tenths) / 10, decimal = abs(Int(tenths) % 10)
        let sign = tenths < 0 && integer == 0 ? "-" : ""
        return decimal == 0 ? "\(sign)\(integer)" : "\(sign)\(integer).\(decimal)"
    }

    static func escape(_ text: String) -> String { HTML.escape(text) }

    /// Splits `text` into lines of at most `width` characters, at spaces; a longer word stays whole.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }

    /// `<text>` with one `<tspan>` per line.
    static func text(_ lines: [String], x: Double, y: Double, lineHeight: Double, className: String, anchor: String = "start") -> String {
        var svg = "<text class=\"\(className)\" x=\"\(number(x))\" y=\"\(number(y))\"\(anchor == "start" ? "" : " text-anchor=\"\(anchor)\"")>"
        for (index, line) in lines.enumerated() {
            svg += "<tspan x=\"\(number(x))\" dy=\"\(index == 0 ? "0" : number(lineHeight))\">\(escape(line))</tspan>"
        }
        return svg + "</text>"
    }
}
