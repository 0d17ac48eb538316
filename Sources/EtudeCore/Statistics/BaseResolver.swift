/// Follows a figure's base to a number of respondents: a number, a count (typed, or
/// computed `from` a share), or a share of another base (50 % of 311 → 156, rounded
/// half up). Chains of any length are followed; a chain that comes back to a figure it
/// passed through, and a base of 0, are errors at the `base:` line.
struct BaseResolver {
    let dataset: Dataset

    /// The n of `figure`'s base, or nil when it has none.
    func baseCount(of figure: Figure) throws -> Double? {
        guard let base = figure.base else { return nil }
        return try count(of: base, for: figure, chain: [figure.key])
    }

    /// The value of a count computed `from` a share: the share of that share's base.
    func computedCount(of figure: Figure) throws -> Double {
        try computedCount(of: figure, chain: [figure.key])
    }

    private func computedCount(of figure: Figure, chain: [String]) throws -> Double {
        guard let from = figure.computedFrom else { return figure.value }
        guard let share = dataset.figures[from], share.unit == .percent, let base = share.base else {
            let hint = dataset.figures[from] == nil ? Suggestion.didYouMean(from, among: dataset.figures.keys) : ""
            throw Diagnostic(file: figure.file, at: figure.location, message: "'\(figure.key)' is computed from '\(from)', which is not a percentage with a base\(hint)")
        }
        if chain.contains(from) { throw cycle(chain + [from], for: figure) }
        let n = try count(of: base, for: share, chain: chain + [from])
        return (share.value * n / 100).rounded(.toNearestOrAwayFromZero)
    }

    private func count(of base: FigureBase, for figure: Figure, chain: [String]) throws -> Double {
        let owner = figure.group ?? figure.key
        let position = figure.baseLocation ?? figure.location
        guard case .key(let key) = base else {
            if case .number(let n) = base { return n }
            return 0
        }
        guard let target = dataset.figures[key] else {
            throw Diagnostic(file: figure.file, at: position,
                             message: "unknown base '\(key)' for '\(owner)'\(Suggestion.didYouMean(key, among: dataset.figures.keys))")
        }
        if chain.contains(key) { throw cycle(chain + [key], for: figure) }
        let n: Double
        switch target.unit {
        case .respondents, .count:
            n = try computedCount(of: target, chain: chain + [key])
        case .percent:
            guard let targetBase = target.base else {
                throw Diagnostic(file: figure.file, at: position, message: "base '\(key)' of '\(owner)' is a share without a base of its own; give '\(key)' a base")
            }
            let targetN = try count(of: targetBase, for: target, chain: chain + [key])
            n = (target.value * targetN / 100).rounded(.toNearestOrAwayFromZero)
        case .year, .fraction:
            throw Diagnostic(file: figure.file, at: position, message: "base '\(key)' of '\(owner)' is a \(target.unit.rawValue), not a number of respondents")
        }
        guard n >= 1 else {
            throw Diagnostic(file: figure.file, at: position, message: "base '\(key)' of '\(owner)' comes to \(FrenchNumberFormatter.number(n)) respondents; a share needs a base of at least 1 respondent")
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
