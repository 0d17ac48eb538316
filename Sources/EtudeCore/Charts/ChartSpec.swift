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
        var values: [String: String] = [:]
        for (offset, rawLine) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            let position = SourcePosition(line: origin.line + 1 + offset, column: 1)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw Diagnostic(file: file, at: position, message: "chart option '\(line)' has no value; write 'name: value'")
            }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard options.contains(name) else {
                throw Diagnostic(file: file, at: position, message: "unknown chart option '\(name)'\(Suggestion.didYouMean(name, among: options)) (options: \(options.joined(separator: ", ")))")
            }
            guard values[name] == nil else {
                throw Diagnostic(file: file, at: position, message: "chart option '\(name)' is given twice")
            }
            values[name] = value
        }
        guard let figure = values["figure"], !figure.isEmpty else {
            throw Diagnostic(file: file, at: origin, message: "the chart names no figure; add 'figure: <key of a split or multiple group>'")
        }
        guard let title = values["title"], !title.isEmpty else {
            throw Diagnostic(file: file, at: origin, message: "the chart has no title; add 'title: …'")
        }
        let margin: Bool
        switch values["margin"] {
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
    public var marginText: String?
}
