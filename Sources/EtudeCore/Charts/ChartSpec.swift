/// What a ```` ```chart ```` block asks for, read and checked.
public struct ChartSpec: Equatable, Sendable {
    public static let options = ["figure", "title", "margin"]
    /// Key of a split or multiple-answer group of `data/figures.yaml`.
    public var figure: String
    public var title: String
    /// Draw 95 % margin-of-error whiskers.
    public var margin: Bool

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
        return ChartSpec(figure: figure, title: title, margin: margin)
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
}
