import Yams

extension AnswersDeclarationParser {
    /// One entry of `figures:` in data/answers.yaml.
    func parseFigure(_ entry: YAMLReader.Entry, dimensions: [String: Dimension]) throws -> AnswerFigure {
        let key = entry.key
        let what = "figure '\(key)'"
        guard FigureKey.isValid(key), !key.contains(".") else {
            throw reader.error("invalid figure key '\(key)': use lowercase letters, digits, '_' or '-'", at: entry.location)
        }
        let fields = try reader.entries(of: entry.value, what)
        try reader.checkKeys(fields, allowed: Self.figureKeys, in: what)
        let field = { (name: String) in fields.first { $0.key == name } }
        guard let labelEntry = field("label") else { throw reader.error("\(what) has no label; add 'label: …'", at: entry.location) }
        guard let kindEntry = field("kind") else {
            throw reader.error("\(what) has no kind; add 'kind: split' (one answer), 'multiple' (several) or 'numeric' (a number)", at: entry.location)
        }
        let rawKind = try reader.text(kindEntry.value, "kind")
        guard let kind = AnswerFigure.Kind(rawValue: rawKind) else {
            let allowed = AnswerFigure.Kind.allCases.map(\.rawValue)
            throw reader.error("unknown kind '\(rawKind)'\(Suggestion.didYouMean(rawKind, among: allowed)) (allowed: \(allowed.joined(separator: ", ")))", at: kindEntry.value)
        }
        let column = try field("column").map { try reader.text($0.value, "column") }
        let columnLocation = field("column").flatMap { reader.location(of: $0.value) } ?? entry.location
        var answers: [AnswerOption] = []
        let shape: AnswerFigure.Shape
        switch (kind, column, field("columns")) {
        case (.multiple, nil, let columns?):
            answers = try answerOptions(columns.value, of: what)
            shape = .columns
        case (.numeric, let column?, nil):
            shape = .column(column)
        case (_, let column?, nil) where kind != .numeric:
            guard let list = field("answers") else {
                throw reader.error("\(what) needs 'answers:', in the order to publish them (a scale from top to bottom)", at: entry.location)
            }
            answers = try answerOptions(list.value, of: what)
            if kind == .split && answers.count < 2 {
                throw reader.error("\(what) is a split with one answer; a split needs at least two", at: list.location)
            }
            if let separator = field("separator") {
                guard kind == .multiple, let text = separator.value.scalar?.string, !text.isEmpty else {
                    throw reader.error("'separator' is for a multiple question whose answers share one cell, such as separator: \";\"", at: separator.value)
                }
                shape = .cell(column, separator: text)
            } else {
                shape = .column(column)
            }
        default:
            let hint = kind == .multiple ? "'column:' with 'answers:' and 'separator:' (one cell), or 'columns:' (one column per answer)" : "'column:' naming the export's column"
            throw reader.error("\(what) needs \(hint)", at: entry.location)
        }
        if kind != .multiple, let extra = field("columns") { throw reader.error("'columns' is only for a multiple question", at: extra.location) }
        if kind == .numeric, let extra = field("answers") { throw reader.error("a numeric question has no answers; remove 'answers:'", at: extra.location) }
        var by: [String] = []
        if let byEntry = field("by") {
            let names = try byEntry.value.sequence.map { try $0.map { try reader.text($0, "by") } } ?? [try reader.text(byEntry.value, "by")]
            for name in names where dimensions[name] == nil {
                throw reader.error("unknown dimension '\(name)' in 'by' of \(what)\(Suggestion.didYouMean(name, among: dimensions.keys)); declare it under 'dimensions:'", at: byEntry.value)
            }
            guard names.count <= 3 else {
                throw reader.error("\(what) is broken down by \(names.count) dimensions; give at most 3 in 'by', or declare another figure", at: byEntry.value)
            }
            by = names
        }
        var several = false
        if let entry = field("several_answers") {
            guard let value = entry.value.bool, kind == .multiple else {
                throw reader.error("'several_answers' is 'true' for a multiple question that allowed several answers", at: entry.value)
            }
            several = value
        }
        return AnswerFigure(
            key: key, label: try reader.text(labelEntry.value, "label"), kind: kind, shape: shape, answers: answers,
            conditions: try field("where").map { try conditions($0.value, of: what) } ?? [], by: by, severalAnswers: several,
            assumption: try field("assumption").map { try reader.text($0.value, "assumption") },
            location: entry.location, columnLocation: columnLocation, byLocation: field("by").flatMap { reader.location(of: $0.value) })
    }

    /// `where: { column: answer }` or `{ column: [answer, answer] }`: every condition holds.
    private func conditions(_ node: Node, of what: String) throws -> [AnswerFigure.Condition] {
        let entries = try reader.entries(of: node, "'where' of \(what)")
        return try entries.map { entry in
            let values = try entry.value.sequence.map { try $0.map { try reader.text($0, "a value of 'where'") } }
                ?? [try reader.text(entry.value, "a value of 'where'")]
            return AnswerFigure.Condition(column: entry.key, values: values, location: entry.location)
        }
    }
}
