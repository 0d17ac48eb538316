/// A number of respondents, and whether it is an estimate: computed from a share that
/// was itself rounded, so that the true count is only known to lie near it.
struct BaseCount: Equatable, Sendable {
    var n: Double
    var isEstimate: Bool
}

/// Follows a figure's base to a number of respondents: a number, a count (typed, or
/// computed `from` a share), or a share of another base (50 % of 311 → about 156,
/// rounded half up; exact when the share was given as a count). Chains of any length
/// are followed; a chain that comes back to a figure it passed through, and a base of
/// 0, are errors at the `base:` line.
struct BaseResolver {
    let dataset: Dataset

    /// The n of `figure`'s base, or nil when it has none.
    func baseCount(of figure: Figure) throws -> BaseCount? {
        guard let base = figure.base else { return nil }
        return try count(of: base, for: figure, chain: [figure.key])
    }

    /// The value of a count computed `from` a share: the share of that share's base.
    func computedCount(of figure: Figure) throws -> BaseCount {
        try computedCount(of: figure, chain: [figure.key])
    }

    /// A share of a base as a number of respondents: exact when the share is a count.
    private func respondents(of share: Figure, base: BaseCount) -> BaseCount {
        if let count = share.count { return BaseCount(n: count, isEstimate: base.isEstimate) }
        return BaseCount(n: (share.value * base.n / 100).rounded(.toNearestOrAwayFromZero), isEstimate: true)
    }

    private func computedCount(of figure: Figure, chain: [String]) throws -> BaseCount {
        guard let from = figure.computedFrom else { return BaseCount(n: figure.value, isEstimate: figure.isEstimate) }
        guard let share = dataset.figures[from], share.unit == .percent, let base = share.base else {
            let hint = dataset.figures[from] == nil ? Suggestion.didYouMean(from, among: dataset.figures.keys) : ""
            throw Diagnostic(file: figure.file, at: figure.location, message: "'\(figure.key)' is computed from '\(from)', which is not a percentage with a base\(hint)")
        }
        if chain.contains(from) { throw cycle(chain + [from], for: figure) }
        return respondents(of: share, base: try count(of: base, for: share, chain: chain + [from]))
    }

    private func count(of base: FigureBase, for figure: Figure, chain: [String]) throws -> BaseCount {
        let owner = figure.group ?? figure.key
        let position = figure.baseLocation ?? figure.location
        guard case .key(let key) = base else {
            if case .number(let n) = base { return BaseCount(n: n, isEstimate: false) }
            return BaseCount(n: 0, isEstimate: false)
        }
        guard let target = dataset.figures[key] else {
            throw Diagnostic(file: figure.file, at: position,
                             message: "unknown base '\(key)' for '\(owner)'\(Suggestion.didYouMean(key, among: dataset.figures.keys))")
        }
        if chain.contains(key) { throw cycle(chain + [key], for: figure) }
        let n: BaseCount
        switch target.unit {
        case .respondents, .count:
            n = try computedCount(of: target, chain: chain + [key])
        case .percent:
            guard let targetBase = target.base else {
                throw Diagnostic(file: figure.file, at: position, message: "base '\(key)' of '\(owner)' is a share without a base of its own; give '\(key)' a base")
            }
            n = respondents(of: target, base: try count(of: targetBase, for: target, chain: chain + [key]))
        case .year, .fraction:
            throw Diagnostic(file: figure.file, at: position, message: "base '\(key)' of '\(owner)' is a \(target.unit.rawValue), not a number of respondents")
        }
        guard n.n >= 1 else {
            throw Diagnostic(file: figure.file, at: position, message: "base '\(key)' of '\(owner)' comes to \(NumberStyle.french.number(n.n)) respondents; a share needs a base of at least 1 respondent")
        }
        return n
    }

    /// One message per cycle, whichever figure it was found from: the loop is written from
    /// its member that comes first in the file, and reported at that member's line.
    private func cycle(_ chain: [String], for figure: Figure) -> Diagnostic {
        let loop = Array(chain[chain.firstIndex(of: chain.last!)!..<(chain.count - 1)])
        let position = { (key: String) in self.dataset.figureOrder.firstIndex(of: key) ?? Int.max }
        let start = loop.indices.min { position(loop[$0]) < position(loop[$1]) }!
        let rotated = Array(loop[start...] + loop[..<start])
        let first = dataset.figures[rotated[0]] ?? figure
        let name = first.group ?? first.key
        return Diagnostic(file: first.file, at: first.baseLocation ?? first.location,
                          message: "'\(name)' depends on itself through its base (\((rotated + [rotated[0]]).joined(separator: " → ")), each figure's 'base:' or 'from:' naming the next); give one of these figures a numeric base")
    }
}
