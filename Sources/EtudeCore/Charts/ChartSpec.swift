/// What a ```` ```chart ```` block asks for, read and checked.
public struct ChartSpec: Equatable, Sendable {
    public static let options = ["figure", "title", "margin", "order", "highlight", "decimals", "note"]
    /// Key of a split or multiple-answer group of `data/figures.yaml`.
    public var figure: String
    public var title: String
    /// Draw 95 % margin-of-error whiskers.
    public var margin: Bool
    /// The order of the bars: largest first (`value`, a multiple group's default), as in
    /// data/ (`declared`, a split's default, the same in every chart of the same answers),
    /// or that order reversed (`reversed`).
    public var order: Order? = nil
    /// The key of the part drawn in colour; the others are drawn in a neutral tone.
    public var highlight: String? = nil
    /// Decimals of the values written on the chart and in its table.
    public var decimals: Int? = nil
    /// A line under the chart (references allowed).
    public var note: String? = nil

    public enum Order: String, CaseIterable, Sendable {
        case value, declared, reversed
    }

    /// Reads `key: value` lines; `origin` is the position of the fence, for errors.
    static func parse(_ content: String, file: String, at origin: SourcePosition) throws -> ChartSpec {
        let options = try BlockOptions(content, block: "chart", allowed: options, file: file, at: origin)
        let figure = try options.required("figure", "names no figure; add 'figure: <key of a split or multiple group>'")
        let title = try options.required("title", "has no title; add 'title: …'")
        let margin: Bool
        switch options.values["margin"] {
        case nil, "false", "non": margin = false
        case "true", "oui": margin = true
        case let other?:
            throw Diagnostic(file: file, at: origin, message: "chart option 'margin' must be true or false, not '\(other)'")
        }
        var spec = ChartSpec(figure: figure, title: title, margin: margin)
        if let order = options.values["order"] {
            guard let value = Order(rawValue: order) else {
                throw Diagnostic(file: file, at: origin, message: "chart option 'order' must be one of \(Order.allCases.map(\.rawValue).joined(separator: ", ")), not '\(order)'")
            }
            spec.order = value
        }
        if let decimals = options.values["decimals"] {
            guard let value = Int(decimals), (0...3).contains(value) else {
                throw Diagnostic(file: file, at: origin, message: "chart option 'decimals' must be a number of decimals from 0 to 3, not '\(decimals)'")
            }
            spec.decimals = value
        }
        spec.highlight = options.values["highlight"].flatMap { $0.isEmpty ? nil : $0 }
        spec.note = options.values["note"].flatMap { $0.isEmpty ? nil : $0 }
        return spec
    }
}

/// One bar of a chart, with what the SVG and its description say of it.
public struct ChartBar: Equatable, Sendable {
    public var key: String
    public var label: String
    /// Share in percent, 0–100.
    public var value: Double
    public var valueText: String
    /// 95 % interval bounds in percent, when whiskers are drawn.
    public var low: Double?
    public var high: Double?
    /// The 95 % interval in words, « de 70,9 % à 83,8 % », for the table and the description.
    public var marginText: String?
    /// Drawn in a neutral tone, another part being highlighted.
    public var isMuted = false
    /// Words after the value in a split's legend: its interval when margins are asked for.
    public var legendNote: String? = nil
}
