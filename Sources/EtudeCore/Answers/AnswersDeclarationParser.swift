import Yams

/// Reads `data/answers.yaml` into a `SurveyDeclaration`, checking every field.
struct AnswersDeclarationParser {
    static let sections = ["survey", "dimensions", "figures"]
    static let surveyKeys = ["source", "file", "waves", "weight", "secrecy"]
    static let figureKeys = ["label", "kind", "column", "separator", "answers", "columns", "where", "by", "several_answers", "assumption"]
    let reader = YAMLReader(file: SurveyDeclaration.file)
    let sources: [String: DataSource]

    func parse(_ text: String) throws -> SurveyDeclaration? {
        guard let root = try reader.parse(text) else { return nil }
        let sections = try reader.entries(of: root, reader.file)
        try reader.checkKeys(sections, allowed: Self.sections, in: reader.file)
        guard let surveyEntry = sections.first(where: { $0.key == "survey" }) else {
            throw reader.error("data/answers.yaml has no 'survey:'; add it with 'source:' and 'file:' (or 'waves:')", at: SourcePosition(line: 1, column: 1))
        }
        var survey = try parseSurvey(surveyEntry)
        var collector = DiagnosticCollector()
        if let dimensions = sections.first(where: { $0.key == "dimensions" }) {
            for entry in try reader.entries(of: dimensions.value, "dimensions") {
                if let dimension = collector.collect({ try parseDimension(entry) }) { survey.dimensions[entry.key] = dimension }
            }
        }
        if let figures = sections.first(where: { $0.key == "figures" }) {
            for entry in try reader.entries(of: figures.value, "figures") {
                if let figure = collector.collect({ try parseFigure(entry, dimensions: survey.dimensions) }) { survey.figures.append(figure) }
            }
        }
        try collector.throwIfAny()
        return survey
    }

    private func parseSurvey(_ entry: YAMLReader.Entry) throws -> SurveyDeclaration {
        let fields = try reader.entries(of: entry.value, "survey")
        try reader.checkKeys(fields, allowed: Self.surveyKeys, in: "survey")
        let field = { (name: String) in fields.first { $0.key == name } }
        guard let sourceEntry = field("source") else {
            throw reader.error("survey has no source; add 'source: …' naming a source of data/figures.yaml", at: entry.location)
        }
        let sourceID = try reader.text(sourceEntry.value, "source")
        guard sources[sourceID] != nil else {
            throw reader.error("unknown source '\(sourceID)' for the survey\(Suggestion.didYouMean(sourceID, among: sources.keys)); declare it under 'sources:' in data/figures.yaml", at: sourceEntry.value)
        }
        var waves: [SurveyDeclaration.Wave] = []
        switch (field("file"), field("waves")) {
        case (let file?, nil):
            waves = [.init(name: nil, path: try path(file.value), location: reader.location(of: file.value) ?? file.location)]
        case (nil, let list?):
            for wave in try reader.entries(of: list.value, "waves") {
                guard FigureKey.isValid(wave.key), !wave.key.contains(".") else {
                    throw reader.error("invalid wave name '\(wave.key)': use lowercase letters, digits, '_' or '-', such as 2026", at: wave.location)
                }
                waves.append(.init(name: wave.key, path: try path(wave.value), location: reader.location(of: wave.value) ?? wave.location))
            }
            guard !waves.isEmpty else { throw reader.error("'waves' lists no export; give one 'name: file.csv' line per wave", at: list.location) }
        default:
            throw reader.error("survey needs either 'file:' (one export) or 'waves:' (one export per wave), not both and not neither", at: entry.location)
        }
        var secrecy = SurveyDeclaration.defaultSecrecy
        if let entry = field("secrecy") {
            guard let value = Int(try reader.text(entry.value, "secrecy")), value >= 0 else {
                throw reader.error("secrecy must be a whole number of respondents, such as 30", at: entry.value)
            }
            secrecy = value
        }
        let weight = try field("weight").map { (column: try reader.text($0.value, "weight"), location: reader.location(of: $0.value) ?? $0.location) }
        return SurveyDeclaration(sourceID: sourceID, waves: waves, weight: weight, secrecy: secrecy, location: entry.location)
    }

    /// A path inside data/: never absolute, never climbing out.
    private func path(_ node: Node) throws -> String {
        let file = try reader.text(node, "export file")
        guard !file.hasPrefix("/"), !file.split(separator: "/").contains("..") else {
            throw reader.error("export '\(file)' is outside data/; give a path inside data/, such as 'exports/reponses.csv'", at: node)
        }
        return file
    }

    private func parseDimension(_ entry: YAMLReader.Entry) throws -> Dimension {
        guard FigureKey.isValid(entry.key), !entry.key.contains(".") else {
            throw reader.error("invalid dimension key '\(entry.key)': use lowercase letters, digits, '_' or '-'", at: entry.location)
        }
        let fields = try reader.entries(of: entry.value, "dimension '\(entry.key)'")
        try reader.checkKeys(fields, allowed: ["column", "segments"], in: "dimension '\(entry.key)'")
        guard let column = fields.first(where: { $0.key == "column" }), let segments = fields.first(where: { $0.key == "segments" }) else {
            throw reader.error("dimension '\(entry.key)' needs 'column:' (the export's column) and 'segments:' (its answers)", at: entry.location)
        }
        let options = try answerOptions(segments.value, of: "dimension '\(entry.key)'")
        if let reserved = options.first(where: { $0.key == "test" }) {
            throw reader.error("segment key 'test' is reserved for the test of independence; rename it", at: reserved.location)
        }
        return Dimension(key: entry.key, column: try reader.text(column.value, "column"), segments: options,
                         location: entry.location, columnLocation: reader.location(of: column.value) ?? column.location)
    }

    /// `key: Label` or `key: { label: …, answer: … }` (or `column: …` for a per-answer column).
    func answerOptions(_ node: Node, of what: String) throws -> [AnswerOption] {
        let entries = try reader.entries(of: node, "answers of \(what)")
        guard !entries.isEmpty else { throw reader.error("\(what) lists no answers", at: node) }
        return try entries.map { entry in
            guard FigureKey.isValid(entry.key), !entry.key.contains(".") else {
                throw reader.error("invalid answer key '\(entry.key)' in \(what): use lowercase letters, digits, '_' or '-'", at: entry.location)
            }
            if entry.value.scalar != nil {
                let label = try reader.text(entry.value, "label")
                return AnswerOption(key: entry.key, label: label, answer: label, column: nil, location: entry.location)
            }
            let fields = try reader.entries(of: entry.value, "answer '\(entry.key)'")
            try reader.checkKeys(fields, allowed: ["label", "answer", "column"], in: "answer '\(entry.key)'")
            guard let label = fields.first(where: { $0.key == "label" }) else {
                throw reader.error("answer '\(entry.key)' of \(what) has no label; add 'label: …'", at: entry.location)
            }
            let text = try reader.text(label.value, "label")
            let answer = try fields.first(where: { $0.key == "answer" }).map { try reader.text($0.value, "answer") } ?? text
            let column = try fields.first(where: { $0.key == "column" }).map { try reader.text($0.value, "column") }
            return AnswerOption(key: entry.key, label: text, answer: answer, column: column, location: entry.location)
        }
    }
}
