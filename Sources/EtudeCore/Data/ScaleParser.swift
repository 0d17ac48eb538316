import Yams

/// An ordered scale of answers (Likert-type: « Très satisfait » … « Pas du tout
/// satisfait »), declared on a split whose parts are listed from one end of the scale to
/// the other:
///
///     scale:
///       neutral: neutral        # optional: the middle answer, centred in the chart
///       apart: [dont-know]      # optional: answers outside the scale (« Ne sait pas »)
public struct AnswerScale: Equatable, Sendable {
    /// Part keys (without the group's key) of the middle answer and of the answers apart.
    public var neutral: String?
    public var apart: [String] = []
}

/// Reads `scale:` of a split, checking that it names parts of the group.
struct ScaleParser {
    let reader: YAMLReader

    func parse(_ node: Node, group: String, parts: [String], kind: FigureKind) throws -> AnswerScale {
        guard kind == .split else {
            throw reader.error("'scale' is for a split whose parts are the answers of an ordered scale", at: node)
        }
        var scale = AnswerScale()
        let entries = node.mapping == nil && node.scalar?.string == "ordered" ? [] : try reader.entries(of: node, "the scale of '\(group)'")
        try reader.checkKeys(entries, allowed: ["neutral", "apart"], in: "the scale of '\(group)'")
        func part(_ node: Node) throws -> String {
            let key = try reader.text(node, "a part of the scale")
            guard parts.contains(key) else {
                throw reader.error("'\(key)' is no part of '\(group)'\(Suggestion.didYouMean(key, among: parts)) (parts: \(parts.joined(separator: ", ")))", at: node)
            }
            return key
        }
        if let neutral = entries.first(where: { $0.key == "neutral" }) { scale.neutral = try part(neutral.value) }
        if let apart = entries.first(where: { $0.key == "apart" }) {
            guard let list = apart.value.sequence else { throw reader.error("'apart' lists parts, as in 'apart: [dont-know]'", at: apart.value) }
            scale.apart = try list.map(part)
        }
        if let neutral = scale.neutral, scale.apart.contains(neutral) {
            throw reader.error("'\(neutral)' cannot be both the neutral answer and an answer apart", at: node)
        }
        guard parts.count - scale.apart.count >= 2 else {
            throw reader.error("the scale of '\(group)' needs at least two answers on it", at: node)
        }
        return scale
    }
}
