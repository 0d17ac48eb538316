/// A Markdown page of `content/`, loaded and checked, not yet rendered.
public struct Page: Equatable, Sendable {
    /// `content/constats/processus.md`
    public var sourcePath: String
    /// `constats/processus.html`, relative to the output root.
    public var outputPath: String
    /// Folder names from `content/` to the page: `["constats"]`.
    public var section: [String]
    /// True for a folder's `index.md`, which stands for the whole section.
    public var isSectionIndex: Bool
    public var frontMatter: FrontMatter
    public var body: String
    /// Lines of the file before the body (front matter), added to Markdown line numbers.
    public var bodyLineOffset: Int

    /// Sort key of the navigation: `order`, then title.
    var sortKey: (Int, String) { (frontMatter.order ?? Int.max, frontMatter.title) }
}
