/// A value computed from typed figures, never typed itself: a margin, a rank, a count.
public struct DerivedValue: Equatable, Sendable {
    public enum Unit: String, Sendable {
        case percent, points, count, rank, text
        /// A difference in points, written with its sign: `+7 points`.
        case signedPoints = "signed-points"
    }

    public var key: String
    public var label: String
    public var value: Double
    public var decimals: Int
    public var unit: Unit
    /// For `.text`: the words to publish.
    public var text: String?
    /// The typed figure or group it is computed from (its source is theirs).
    public var ownerKey: String
    /// How it was computed, in French, for the sources and method section.
    public var method: String
    /// True for a count computed from a rounded share: it is written « environ … ».
    public var isEstimate = false
    /// For a rank reference (`G.rank-1`): the part at that place, or the parts tied there.
    public var parts: [String]? = nil
    /// The sources it is computed from, when its owner is no figure of the table (the
    /// counts of the catalogue come from the slides of their categories).
    public var sourceIDs: [String]? = nil
}

/// A typed figure with what the statistics stage resolved for it.
public struct ResolvedFigure: Equatable, Sendable {
    public var figure: Figure
    /// The n the share is computed on, once a base key is followed.
    public var baseCount: Double?
    /// True when that n is itself an estimate (see `Figure.isEstimate`).
    public var baseIsEstimate = false
    /// The 95 % Wilson interval, for a share with a base.
    public var interval: WilsonInterval?
    /// 1 for the largest part of its group; ties share a rank.
    public var rank: Int?
}

/// Every figure a reference may name, typed or computed, by key.
public struct FigureTable: Equatable, Sendable {
    public enum Entry: Equatable, Sendable {
        case typed(ResolvedFigure)
        case derived(DerivedValue)
    }

    public var dataset: Dataset
    public private(set) var entries: [String: Entry] = [:]
    /// Keys in publication order: typed figures in file order, each followed by its derived values.
    public private(set) var order: [String] = []

    init(dataset: Dataset) {
        self.dataset = dataset
    }

    mutating func add(_ figure: ResolvedFigure) {
        entries[figure.figure.key] = .typed(figure)
        order.append(figure.figure.key)
    }

    mutating func add(_ value: DerivedValue) {
        entries[value.key] = .derived(value)
        order.append(value.key)
    }

    public subscript(key: String) -> Entry? { entries[key] }

    /// The language figures are written in.
    public var language: Language { dataset.language }

    public func resolved(_ key: String) -> ResolvedFigure? {
        if case .typed(let figure) = entries[key] { return figure }
        return nil
    }

    /// Every source of a figure: its own, or those of what a computed value comes from.
    public func sources(of key: String) -> [DataSource] {
        if case .derived(let value) = entries[key], let ids = value.sourceIDs { return ids.compactMap { dataset.sources[$0] } }
        return source(of: key).map { [$0] } ?? []
    }

    /// The source of a typed figure, or of the figure a derived value is computed from.
    public func source(of key: String) -> DataSource? {
        switch entries[key] {
        case .typed(let resolved): return dataset.sources[resolved.figure.sourceID]
        case .derived(let value):
            if let owner = resolved(value.ownerKey) { return dataset.sources[owner.figure.sourceID] }
            if let group = dataset.groups[value.ownerKey] { return dataset.sources[group.sourceID] }
            return nil
        case nil:
            return dataset.groups[key].flatMap { dataset.sources[$0.sourceID] }
        }
    }
}
