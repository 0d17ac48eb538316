import Foundation

/// What the answers stage adds to the dataset.
struct AnswersOutput {
    var dataset: Dataset

    var computed: [DerivedValue] {
        get { dataset.computed }
        set { dataset.computed = newValue }
    }
    var notices: [Diagnostic] {
        get { dataset.notices }
        set { dataset.notices = newValue }
    }
    var methodNotes: [String] {
        get { dataset.methodNotes }
        set { dataset.methodNotes = newValue }
    }

    mutating func add(_ group: FigureGroup, parts: [Figure]) throws {
        if dataset.groups[group.key] != nil || dataset.figures[group.key] != nil {
            throw Diagnostic(file: group.file, at: group.location, message: "figure '\(group.key)' of data/answers.yaml is already defined in data/figures.yaml; rename one of them")
        }
        dataset.groups[group.key] = group
        dataset.groupOrder.append(group.key)
        try parts.forEach { try dataset.add($0) }
    }

    mutating func add(_ figure: Figure) throws {
        try dataset.add(figure)
    }
}

/// The stage that computes figures from raw answers: reads `data/answers.yaml`, reads each
/// wave's export once, and adds ordinary figures, groups, computed values and the
/// differences between waves to the dataset, before the statistics stage.
public struct AnswersLoader {
    static let fileName = "answers.yaml"
    let dataDirectory: URL

    public init(dataDirectory: URL) {
        self.dataDirectory = dataDirectory
    }

    /// `dataset` with the figures of data/answers.yaml added; unchanged when there is none.
    public func load(into dataset: Dataset) throws -> Dataset {
        let url = dataDirectory.appendingPathComponent(Self.fileName)
        guard ProjectFileReader.exists(url) else { return dataset }
        let text = try TextFileReader.read(url, shownAs: SurveyDeclaration.file, within: dataDirectory.deletingLastPathComponent())
        guard let survey = try AnswersDeclarationParser(sources: dataset.sources).parse(text) else { return dataset }
        var collector = DiagnosticCollector()
        var waves: [(SurveyDeclaration.Wave, AnswerAggregator.Result)] = []
        for wave in survey.waves {
            if let result = collector.collect({ try AnswerAggregator(survey: survey, wave: wave, dataDirectory: dataDirectory).aggregate() }) {
                waves.append((wave, result))
            }
        }
        try collector.throwIfAny()
        var builder = AnswerFigureBuilder(survey: survey, output: AnswersOutput(dataset: dataset))
        for (wave, tallies) in waves {
            for (figure, figureTallies) in zip(survey.figures, tallies) {
                collector.collect { try builder.add(figure, wave: wave.name, tallies: figureTallies) }
            }
        }
        try collector.throwIfAny()
        var output = builder.output
        WaveChanges(survey: survey).add(to: &output)
        output.methodNotes.insert(contentsOf: notes(survey, words: dataset.language.messages), at: 0)
        return output.dataset
    }

    /// The origin of a figure computed from raw answers, as tooltips and the export say it.
    static func provenance(of figure: Figure, language: Language = .french) -> String {
        language.messages(figure.effectiveBase != nil ? StatisticsMessage.answersProvenanceWeighted : .answersProvenance)
    }

    /// How the figures from raw answers were computed, for « Sources et méthode ».
    private func notes(_ survey: SurveyDeclaration, words: Messages) -> [String] {
        let files = survey.waves.map { wave in
            let file = String(wave.path.split(separator: "/").last ?? "")
            return wave.name.map { words(StatisticsMessage.answersFileWave, ["wave": $0, "file": file]) } ?? words(StatisticsMessage.answersFile, ["file": file])
        }
        var notes = [
            words(StatisticsMessage.answersNoteRaw, ["files": files.joined(separator: ", ")]),
            words(StatisticsMessage.answersNoteSecrecy, ["n": "\(survey.secrecy)", "withheld": words(StatisticsMessage.withheld)]),
        ]
        if let weight = survey.weight {
            notes.append(words(StatisticsMessage.answersNoteWeight, ["column": weight.column]))
        }
        if survey.waves.count > 1 {
            notes.append(words(StatisticsMessage.answersNoteWaves))
        }
        return notes
    }
}
