extension SiteConfig {
    /// Settings published as text whose references are expanded (the cover lines are
    /// expanded with the pages, for the report).
    static let textKeys = ["title", "subtitle", "description", "publisher"]

    /// The settings with the references of their texts written out, every problem at once.
    func expandingReferences(with expander: SettingExpander) throws -> SiteConfig {
        var config = self
        var collector = DiagnosticCollector()
        func expand(_ text: String, _ key: String) -> String {
            expander.expand(text, file: Self.path, at: positions[key] ?? SourcePosition(line: 1, column: 1), collector: &collector)
        }
        config.title = expand(title, "title")
        config.subtitle = subtitle.map { expand($0, "subtitle") }
        config.description = description.map { expand($0, "description") }
        config.publisher = publisher.map { expand($0, "publisher") }
        try collector.throwIfAny()
        return config
    }
}
