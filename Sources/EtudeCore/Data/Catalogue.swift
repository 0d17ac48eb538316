import Foundation

/// The catalogue of example innovations (`data/examples.yaml`): families, their
/// categories, and the examples of each, in file order.
public struct Catalogue: Equatable, Sendable {
    public struct Family: Equatable, Sendable {
        public var id, label, description, sourceID: String
        /// Where the entry was written, for errors in the references its texts hold.
        public var location = SourcePosition(line: 1, column: 1)
    }

    public struct Category: Equatable, Sendable {
        public var id, family, label, sourceID: String
        public var location = SourcePosition(line: 1, column: 1)
    }

    public struct Example: Equatable, Sendable {
        public var category, title, text: String
        public var location = SourcePosition(line: 1, column: 1)
    }

    /// The catalogue with the references of its texts written out, every problem at once.
    func expandingReferences(with expander: SettingExpander) throws -> Catalogue {
        var catalogue = self
        var collector = DiagnosticCollector()
        func expand(_ text: String, _ location: SourcePosition) -> String {
            expander.expand(text, file: Self.path, at: location, collector: &collector)
        }
        for index in families.indices {
            catalogue.families[index].label = expand(families[index].label, families[index].location)
            catalogue.families[index].description = expand(families[index].description, families[index].location)
        }
        for index in categories.indices {
            catalogue.categories[index].label = expand(categories[index].label, categories[index].location)
        }
        for index in examples.indices {
            catalogue.examples[index].title = expand(examples[index].title, examples[index].location)
            catalogue.examples[index].text = expand(examples[index].text, examples[index].location)
        }
        try collector.throwIfAny()
        return catalogue
    }

    public static let path = "data/examples.yaml"
    public var families: [Family] = []
    public var categories: [Category] = []
    public var examples: [Example] = []

    public init() {}

    public func categories(of family: Family) -> [Category] { categories.filter { $0.family == family.id } }
    public func examples(of category: Category) -> [Example] { examples.filter { $0.category == category.id } }

    /// Counts computed from the catalogue, published as `examples.total`,
    /// `examples.<family>` and `examples.<category>`.
    public func counts(language: Language) -> [DerivedValue] {
        let words = language.messages
        func count(_ key: String, _ label: String, _ value: Int, owner: String, sources: [Category]) -> DerivedValue {
            var seen = Set<String>()
            var value = DerivedValue(key: "examples.\(key)", label: label, value: Double(value), decimals: 0, unit: .count,
                                     text: nil, ownerKey: owner, method: words(SourcesMessage.examplesMethod))
            value.sourceIDs = sources.map(\.sourceID).filter { seen.insert($0).inserted }
            return value
        }
        // Computed figures exist only where their inputs do: no catalogue, no counts.
        guard !(families.isEmpty && categories.isEmpty && examples.isEmpty) else { return [] }
        var values = [count("total", words(SourcesMessage.examplesTotal), examples.count, owner: "examples", sources: categories)]
        for family in families {
            let total = categories(of: family).reduce(0) { $0 + examples(of: $1).count }
            values.append(count(family.id, words(SourcesMessage.examplesOf, ["label": family.label]), total, owner: "examples.\(family.id)", sources: categories(of: family)))
        }
        for category in categories {
            values.append(count(category.id, words(SourcesMessage.examplesOf, ["label": category.label]), examples(of: category).count, owner: "examples.\(category.id)", sources: [category]))
        }
        return values
    }
}

/// Loads and checks `data/examples.yaml`, reporting every problem of the file at once;
/// a project without it has an empty catalogue.
public struct CatalogueLoader {
    let dataDirectory: URL

    public init(dataDirectory: URL) {
        self.dataDirectory = dataDirectory
    }

    public func load(sources: [String: DataSource]) throws -> Catalogue {
        let url = dataDirectory.appendingPathComponent("examples.yaml")
        var catalogue = Catalogue()
        guard ProjectFileReader.exists(url) else { return catalogue }
        let reader = YAMLReader(file: Catalogue.path)
        guard let root = try reader.parse(try TextFileReader.read(url, shownAs: reader.file, within: dataDirectory.deletingLastPathComponent())) else { return catalogue }
        let sections = try reader.entries(of: root, reader.file)
        try reader.checkKeys(sections, allowed: ["families", "categories", "examples"], in: reader.file)
        let section = { (name: String) in sections.first { $0.key == name }?.value }
        var collector = DiagnosticCollector()
        var ids: [String: String] = [:]
        func fields(_ entry: YAMLReader.Entry, _ what: String, _ allowed: [String]) throws -> [String: String] {
            let entries = try reader.entries(of: entry.value, what)
            try reader.checkKeys(entries, allowed: allowed, in: what)
            var values: [String: String] = [:]
            for name in allowed {
                guard let field = entries.first(where: { $0.key == name }) else {
                    throw reader.error("\(what) has no \(name); add '\(name): …'", at: entry.location)
                }
                values[name] = try reader.text(field.value, name)
            }
            if let source = values["source"], sources[source] == nil {
                let hint = sources.isEmpty
                    ? "; data/figures.yaml declares no sources: declare it there under 'sources:'"
                    : Suggestion.didYouMean(source, among: sources.keys)
                throw reader.error("unknown source '\(source)' in \(what)\(hint)", at: entry.location)
            }
            return values
        }
        /// Family and category ids become anchors, links and the keys `examples.<id>`.
        func checkID(_ entry: YAMLReader.Entry, _ what: String) throws {
            guard URLName.isValid(entry.key, underscore: true) else {
                throw reader.error("invalid \(what) id '\(entry.key)': use lowercase letters and digits separated by '-' or '_', as it becomes part of the page's links", at: entry.location)
            }
            if entry.key == "total" {
                throw reader.error("the \(what) id 'total' is taken by the computed figure examples.total; choose another id", at: entry.location)
            }
            if let other = ids[entry.key] {
                throw reader.error("the id '\(entry.key)' is already used by \(other); families and categories need different ids", at: entry.location)
            }
            ids[entry.key] = "\(what) '\(entry.key)'"
        }
        for entry in collector.collect({ try section("families").map { try reader.entries(of: $0, "families") } ?? [] }) ?? [] {
            collector.collect {
                try checkID(entry, "family")
                let values = try fields(entry, "family '\(entry.key)'", ["label", "description", "source"])
                catalogue.families.append(.init(id: entry.key, label: values["label"]!, description: values["description"]!, sourceID: values["source"]!, location: entry.location))
            }
        }
        for entry in collector.collect({ try section("categories").map { try reader.entries(of: $0, "categories") } ?? [] }) ?? [] {
            collector.collect {
                try checkID(entry, "category")
                let values = try fields(entry, "category '\(entry.key)'", ["family", "label", "source"])
                guard catalogue.families.contains(where: { $0.id == values["family"] }) else {
                    throw reader.error("unknown family '\(values["family"]!)' in category '\(entry.key)'\(Suggestion.didYouMean(values["family"]!, among: catalogue.families.map(\.id)))", at: entry.location)
                }
                catalogue.categories.append(.init(id: entry.key, family: values["family"]!, label: values["label"]!, sourceID: values["source"]!, location: entry.location))
            }
        }
        if let examples = section("examples") {
            if let list = examples.sequence {
                for (index, node) in list.enumerated() {
                    collector.collect {
                        let entry = YAMLReader.Entry(key: "\(index + 1)", value: node, location: reader.location(of: node) ?? SourcePosition(line: 1, column: 1))
                        let values = try fields(entry, "example \(index + 1)", ["category", "title", "text"])
                        guard catalogue.categories.contains(where: { $0.id == values["category"] }) else {
                            throw reader.error("unknown category '\(values["category"]!)'\(Suggestion.didYouMean(values["category"]!, among: catalogue.categories.map(\.id)))", at: node)
                        }
                        catalogue.examples.append(.init(category: values["category"]!, title: values["title"]!, text: values["text"]!, location: entry.location))
                    }
                }
            } else {
                collector.report(reader.error("examples must be a list of '- category: …' items", at: examples))
            }
        }
        try collector.throwIfAny()
        return catalogue
    }
}
