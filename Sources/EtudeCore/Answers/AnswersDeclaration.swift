/// What `data/answers.yaml` declares: the survey's exports (one per wave), its weight
/// column, the secrecy threshold, the dimensions figures are broken down by, and the
/// figures to compute from the answers.
struct SurveyDeclaration {
    static let file = "data/answers.yaml"
    static let defaultSecrecy = 30

    /// One export of the questionnaire; `name` is nil for a survey of one export.
    struct Wave {
        var name: String?
        /// Path inside data/, as written.
        var path: String
        var location: SourcePosition
    }

    var sourceID: String
    var waves: [Wave]
    var weight: (column: String, location: SourcePosition)?
    var secrecy: Int
    var dimensions: [String: Dimension] = [:]
    var figures: [AnswerFigure] = []
    var location: SourcePosition
}

/// A column whose answers split the respondents into segments (type of structure…).
struct Dimension {
    var key: String
    var column: String
    /// Segments in declared order: their key, label and the answer text in the export.
    var segments: [AnswerOption]
    var location: SourcePosition
    var columnLocation: SourcePosition
}

/// One declared answer: the part's key, its label, and the text the export holds
/// (the label unless `answer:` says otherwise); or, for a multiple-choice question given
/// as one column per answer, that column.
struct AnswerOption {
    var key: String
    var label: String
    var answer: String
    var column: String?
    var location: SourcePosition
}

/// A figure computed from the answers.
struct AnswerFigure {
    enum Kind: String, CaseIterable {
        case split, multiple, numeric
    }

    /// How a question's answers are laid out in the export.
    enum Shape {
        /// One column holding one answer (a single choice, or a number).
        case column(String)
        /// One column holding several answers separated by `separator`.
        case cell(String, separator: String)
        /// One column per answer: 0/1, or the answer's text / empty.
        case columns
    }

    /// A restriction to a sub-population: each column's cell must be one of its values.
    struct Condition {
        var column: String
        var values: [String]
        var location: SourcePosition
    }

    var key: String
    var label: String
    var kind: Kind
    var shape: Shape
    var answers: [AnswerOption]
    var conditions: [Condition]
    var by: [String]
    var severalAnswers: Bool
    var assumption: String?
    var location: SourcePosition
    /// Where the question's `column:` was written, for errors about it.
    var columnLocation: SourcePosition
    var byLocation: SourcePosition?

    /// Every column of the export this figure reads.
    var columns: [(name: String, location: SourcePosition)] {
        var names: [(String, SourcePosition)] = []
        switch shape {
        case .column(let name), .cell(let name, _): names.append((name, columnLocation))
        case .columns: names += answers.map { ($0.column ?? $0.answer, $0.location) }
        }
        return names + conditions.map { ($0.column, $0.location) }
    }
}
