import Foundation
import Yams

/// Loads `data/figures.yaml` (and the CSV files of counts it names) into a `Dataset`,
/// checking every field as it goes.
public struct DatasetLoader {
    public static let fileName = "figures.yaml"
    static let figureKeys = ["label", "value", "unit", "kind", "base", "source", "assumption", "bound", "parts", "counts", "from", "items", "margin", "several_answers", "scale"]
    static let partKeys = ["label", "value"]

    let dataDirectory: URL
    let language: Language
    /// `figures.yaml`'s entries as the last build of a session composed them.
    var entries: YAMLEntryMemo?

    public init(dataDirectory: URL, language: Language = .french) {
        self.dataDirectory = dataDirectory
        self.language = language
    }

    public func load() throws -> Dataset {
        let url = dataDirectory.appendingPathComponent(Self.fileName)
        var dataset = Dataset()
        dataset.language = language
        guard ProjectFileReader.exists(url) else { return try AnswersLoader(dataDirectory: dataDirectory).load(into: dataset) }
        var reader = YAMLReader(file: "data/\(Self.fileName)")
        reader.entries = entries
        let text = try TextFileReader.read(url, shownAs: reader.file, within: dataDirectory.deletingLastPathComponent())
        guard let root = try reader.parse(text) else { return dataset }
        let sections = try reader.entries(of: root, "data/\(Self.fileName)")
        try reader.checkKeys(sections, allowed: ["sources", "figures"], in: reader.file)
        if let sources = sections.first(where: { $0.key == "sources" }) {
            for entry in try reader.entries(of: sources.value, "sources") {
                let fields = try reader.entries(of: entry.value, "source '\(entry.key)'")
                try reader.checkKeys(fields, allowed: ["title"], in: "source '\(entry.key)'")
                guard let title = fields.first(where: { $0.key == "title" }) else {
                    throw reader.error("source '\(entry.key)' has no title; add 'title: …'", at: entry.location)
                }
                dataset.sources[entry.key] = DataSource(id: entry.key, title: try reader.text(title.value, "title"),
                                                        location: reader.textLocation(of: title.value))
                dataset.sourceOrder.append(entry.key)
            }
        }
        var collector = DiagnosticCollector()
        if let figures = sections.first(where: { $0.key == "figures" }) {
            for entry in try reader.entries(of: figures.value, "figures") {
                collector.collect {
                    try FigureEntryParser(reader: reader, dataDirectory: dataDirectory, sources: dataset.sources)
                        .parse(entry, into: &dataset)
                }
            }
        }
        try collector.throwIfAny()
        return try AnswersLoader(dataDirectory: dataDirectory).load(into: dataset)
    }
}
