import Foundation

/// An entry of a page's table of contents.
public struct TOCEntry: Equatable, Sendable {
    public var id: String
    public var title: String
    public var level: Int
}

/// A page after Markdown, references and blocks have become HTML.
public struct RenderedPage: Equatable, Sendable {
    public var page: Page
    /// Title and description with references expanded, as plain text.
    public var title: String
    public var description: String?
    public var contentHTML: String
    public var toc: [TOCEntry]
    /// Keys of every figure the page publishes, in order of appearance.
    public var figureKeys: [String]
    /// Numbered figures (charts) the page holds, in order.
    public var charts: [NumberedFigure]
    /// Links and images written in the page's Markdown, where they are written.
    public var links: [ContentLink] = []
    /// Cross-references to charts, in order.
    public var chartReferences: [ChartReference] = []
    /// Files the page's blocks publish beside it (a chart's data and picture), by output path.
    public var files: [String: Data] = [:]
}

/// A link or image destination of a page's Markdown.
public struct ContentLink: Equatable, Sendable {
    public var destination: String
    public var location: SourcePosition
    /// An image (`![alt](…)`), not a link.
    public var isImage = false
}

/// A chart with its number in the publication: Figure 1, Figure 2…
public struct NumberedFigure: Equatable, Sendable {
    public var number: Int
    public var anchor: String
    public var title: String
    /// The figure of data/ it shows: its key in cross-references, `{{ figure: key }}`.
    public var key: String = ""
    /// The page it first appears on.
    public var page: String = ""
}

/// A cross-reference to a chart written in prose, `{{ figure: adoption }}`, resolved once
/// every page is rendered (the chart may come later in the publication).
public struct ChartReference: Equatable, Sendable {
    public var key: String
    public var location: SourcePosition
}

/// Renders a fenced block (`chart`, `catalogue`, `sources`…) of a page to HTML.
public protocol BlockRenderer {
    /// Info strings this renderer handles, such as `chart`.
    var names: [String] { get }
    /// The HTML that replaces the block. `context` numbers figures across the publication.
    func render(name: String, content: String, file: String, at location: SourcePosition, context: inout BlockContext) throws -> String
    /// Whether the block reads `context.figures` (and then adds one): its pages are
    /// rendered in reading order, after every page before them.
    var numbersFigures: Bool { get }
}

extension BlockRenderer {
    public var numbersFigures: Bool { false }
}

/// State shared by the blocks of a whole publication, in reading order.
public struct BlockContext: Sendable {
    /// Numbered figures so far, across pages.
    public var figures: [NumberedFigure] = []
    /// Prefix that leads from the page being rendered to the site root ("" or "../").
    public var root = ""
    /// The output path of the page being rendered.
    public var page = ""
    /// Files the blocks of the page being rendered publish beside it.
    public var files: [String: Data] = [:]
    public init() {}
}
