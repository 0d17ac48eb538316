/// The unit a figure is counted in; it decides how the figure is written.
public enum FigureUnit: String, CaseIterable, Sendable {
    case percent, respondents, count, year, fraction
}

/// What a figure is, which decides what can be computed from it.
public enum FigureKind: String, CaseIterable, Sendable {
    /// A number of things (respondents, examples, a year).
    case count
    /// One share of a base.
    case share
    /// Parts of one whole: they sum to 100.
    case split
    /// Shares where several answers were possible: they need not sum to 100.
    case multiple
    /// "More than" or "less than" a value.
    case bound
    /// The difference of two shares in points, computed (see `DifferenceDeclaration`).
    case difference
}

/// The n a share is computed on: a number, or the key of a count or share figure.
public enum FigureBase: Equatable, Sendable {
    case number(Double)
    case key(String)
}

/// A typed figure of `data/`, with where it was written and where it comes from.
public struct Figure: Equatable, Sendable {
    public var key: String
    public var label: String
    /// Percent figures hold 0–100; fractions hold their ratio (2/3 → 0.666…).
    public var value: Double
    /// Decimals as typed (or as computed), the default precision of the written value.
    public var decimals: Int
    public var fraction: Fraction?
    public var unit: FigureUnit
    public var kind: FigureKind
    public var bound: Bound?
    public var base: FigureBase?
    public var sourceID: String
    public var assumption: String?
    /// For a count computed from a share (`from: key`): that share's key. Its value is
    /// set by the statistics stage, never typed.
    public var computedFrom: String?
    /// The key of the split or multiple-answer group this figure is a part of.
    public var group: String?
    public var file: String
    public var location: SourcePosition
    /// For a count of listed things (`items:`): the things, in order. The value is their
    /// number, computed, so that a list and its count cannot drift apart.
    public var items: [String]? = nil
    /// Where `base:` was written (the group's line for a part), for errors about the base.
    public var baseLocation: SourcePosition? = nil
    /// For a share given as a number of respondents: that exact count. The share is then
    /// the exact proportion, rounded only where it is written.
    public var count: Double? = nil
    /// For a part of a split given as counts: its share rounded to whole percents by the
    /// largest remainder, so that the written parts still sum to 100.
    public var writtenValue: Double? = nil
    /// True when the value is an estimate: a count computed from a share that was itself
    /// rounded (50 % of 311 → about 156). Set by the statistics stage.
    public var isEstimate = false
    /// False for a share of everyone asked (`margin: false`), not an estimate from a
    /// sample: it gets no margin of error, interval or test.
    public var isSampled = true
    /// For a weighted share from raw answers: Kish's effective sample size, (Σw)²/Σw²,
    /// on which its margin and tests are computed (its base stays the respondents' number).
    public var effectiveBase: Double? = nil
    /// True for a share from raw answers whose base is under the secrecy threshold: it is
    /// not published (« effectif insuffisant ») and its value is not kept.
    public var suppressed = false

    public struct Fraction: Equatable, Sendable {
        public var numerator: Int
        public var denominator: Int
    }

    public enum Bound: String, CaseIterable, Sendable {
        case moreThan = "more-than"
        case lessThan = "less-than"
    }
}

/// A split or a set of multiple-answer shares: parts that share label, base and source.
public struct FigureGroup: Equatable, Sendable {
    public var key: String
    public var label: String
    public var kind: FigureKind
    public var unit: FigureUnit
    public var partKeys: [String]
    public var base: FigureBase?
    public var sourceID: String
    public var assumption: String?
    public var file: String
    public var location: SourcePosition
    /// True when the questionnaire let each respondent give several answers
    /// (`several_answers: true`), a fact the data alone cannot show.
    public var severalAnswers = false
    /// For a split of ordered answers: its scale, drawn as a diverging bar.
    public var scale: AnswerScale? = nil
}

/// Where figures come from, e.g. a slide of the deck.
public struct DataSource: Equatable, Sendable {
    public var id: String
    public var title: String
    /// Where the title was written, for errors in the references it holds.
    public var location: SourcePosition? = nil
}

/// Every typed figure, group and source of a project, in file order.
public struct Dataset: Equatable, Sendable {
    public var figures: [String: Figure] = [:]
    public var figureOrder: [String] = []
    public var groups: [String: FigureGroup] = [:]
    public var groupOrder: [String] = []
    public var sources: [String: DataSource] = [:]
    public var sourceOrder: [String] = []
    /// Differences of two shares, computed by the statistics stage, in file order.
    public var differences: [DifferenceDeclaration] = []
    /// Values computed from raw answers (intervals of means, tests), added to the table as is.
    public var computed: [DerivedValue] = []
    /// Sentences for « Sources et méthode » on how figures from raw answers were computed.
    public var methodNotes: [String] = []
    /// What the build says without failing (figures withheld by statistical secrecy).
    public var notices: [Diagnostic] = []
    /// The language the study is published in: its words and number format.
    public var language = Language.french

    public init() {}

    /// Adds a figure; a key already taken (a standalone figure named like a part of a
    /// group, a key repeated in a CSV of counts) is an error at the second definition.
    mutating func add(_ figure: Figure) throws {
        if let first = figures[figure.key] {
            let place = first.file == figure.file ? "line \(first.location.line)" : "\(first.file):\(first.location.line)"
            let what = first.group.map { "a part of '\($0)'" } ?? "a figure"
            throw Diagnostic(file: figure.file, at: figure.location,
                             message: "figure '\(figure.key)' is defined twice: it is already \(what) (\(place)); rename or remove one of them")
        }
        figures[figure.key] = figure
        figureOrder.append(figure.key)
    }
}
