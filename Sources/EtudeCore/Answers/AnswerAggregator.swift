import Foundation

/// Reads one export in a single pass and keeps, for every declared figure, one tally for
/// everyone and one per segment of each dimension it is broken down by. Memory is the
/// tallies': it grows with the figures, never with the rows.
struct AnswerAggregator {
    let survey: SurveyDeclaration
    let wave: SurveyDeclaration.Wave
    let dataDirectory: URL

    /// Per figure (declared order): tally 0 is everyone; then each `by` dimension's segments.
    typealias Result = [[AnswerTally]]

    private struct Plan {
        var figure: AnswerFigure
        var columns: [Int]
        var conditions: [(column: Int, values: Set<String>)]
        var answerIndex: [String: Int]
        var dimensions: [(column: Int, segments: [String: Int], first: Int, dimension: Dimension)]
    }

    var shown: String { "data/\(wave.path)" }
    private var waveName: String { wave.name.map { " (wave \($0))" } ?? "" }

    func aggregate() throws -> Result {
        let url = dataDirectory.appendingPathComponent(wave.path)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw Diagnostic(file: SurveyDeclaration.file, at: wave.location, message: "export '\(wave.path)'\(waveName) does not exist in data/; check the file name")
        }
        var plans: [Plan] = []
        var weightColumn: Int?
        var used: [Int] = []
        var tallies: Result = []
        try ExportReader(url: url, shown: shown).read(header: { header in
            plans = try makePlans(header.names)
            weightColumn = try survey.weight.map { try index(of: $0.column, in: header.names, at: $0.location, for: "the weight") }
            used = Array(Set(plans.flatMap { $0.columns + $0.conditions.map(\.column) + $0.dimensions.map(\.column) } + [weightColumn].compactMap { $0 })).sorted()
            tallies = plans.map { plan in
                let slots = 1 + plan.dimensions.reduce(0) { $0 + $1.segments.count }
                return Array(repeating: AnswerTally(answers: plan.figure.answers.count), count: slots)
            }
        }, row: { fields, line in
            var cells = fields
            for index in used { cells[index] = Self.trimmed(cells[index]) }
            var weight = 1.0
            if let column = weightColumn {
                guard let value = Double(cells[column].replacingOccurrences(of: ",", with: ".")), value.isFinite, value > 0 else {
                    throw Diagnostic(file: shown, line: line, message: "weight '\(cells[column])' in column '\(survey.weight!.column)' is not a positive number; correct it or remove the row")
                }
                weight = value
            }
            var problems: [Diagnostic] = []
            for (number, plan) in plans.enumerated() {
                if let problem = add(cells, plan: plan, weight: weight, line: line, to: &tallies[number]) { problems.append(problem) }
            }
            try BuildFailure.throwIfAny(problems)
        })
        return tallies
    }

    /// Adds one row to a figure's tallies; returns the problem of a cell it cannot read.
    private func add(_ cells: [String], plan: Plan, weight: Double, line: Int, to tallies: inout [AnswerTally]) -> Diagnostic? {
        for condition in plan.conditions where !condition.values.contains(cells[condition.column]) { return nil }
        var slots = [0]
        for dimension in plan.dimensions {
            let cell = cells[dimension.column]
            if cell.isEmpty { continue }
            guard let segment = dimension.segments[cell] else {
                return unknown(cell, column: dimension.dimension.column, of: "the segments of dimension '\(dimension.dimension.key)'", at: dimension.dimension.location, line: line)
            }
            slots.append(dimension.first + segment)
        }
        let figure = plan.figure
        func record(_ body: (inout AnswerTally) -> Void) { for slot in slots { body(&tallies[slot]) } }
        switch figure.shape {
        case .column where figure.kind == .numeric:
            let cell = cells[plan.columns[0]]
            if cell.isEmpty { record { $0.nonResponse += 1 }; return nil }
            guard let number = Double(cell.replacingOccurrences(of: ",", with: ".")), number.isFinite else {
                return Diagnostic(file: shown, line: line, message: "'\(cell)' in column '\(plan.figure.columns[0].name)' is not a number, and figure '\(figure.key)' is numeric; correct the cell or leave it blank (no answer)")
            }
            record { $0.add(number: number, weight: weight) }
        case .column:
            let cell = cells[plan.columns[0]]
            if cell.isEmpty { record { $0.nonResponse += 1 }; return nil }
            guard let answer = plan.answerIndex[cell] else { return unknown(cell, column: figure.columns[0].name, of: "the answers of figure '\(figure.key)'", at: figure.location, line: line) }
            record { $0.add(chosen: [answer], weight: weight) }
        case .cell(_, let separator):
            let cell = cells[plan.columns[0]]
            if cell.isEmpty { record { $0.nonResponse += 1 }; return nil }
            var chosen: [Int] = []
            for part in cell.components(separatedBy: separator) {
                let answer = Self.trimmed(part)
                if answer.isEmpty { continue }
                guard let index = plan.answerIndex[answer] else { return unknown(answer, column: figure.columns[0].name, of: "the answers of figure '\(figure.key)'", at: figure.location, line: line) }
                if !chosen.contains(index) { chosen.append(index) }
            }
            record { $0.add(chosen: chosen, weight: weight) }
        case .columns:
            var chosen: [Int] = [], blank = true
            for (answer, column) in plan.columns.enumerated() {
                let cell = cells[column]
                if cell.isEmpty { continue }
                blank = false
                if cell != "0" { chosen.append(answer) }
            }
            if blank { record { $0.nonResponse += 1 }; return nil }
            record { $0.add(chosen: chosen, weight: weight) }
        }
        return nil
    }

    private func unknown(_ cell: String, column: String, of what: String, at location: SourcePosition, line: Int) -> Diagnostic {
        Diagnostic(file: shown, line: line, message: "answer '\(cell)' in column '\(column)' is not one of \(what) (\(SurveyDeclaration.file):\(location.line)); add it there, or correct the export")
    }

    private func makePlans(_ header: [String]) throws -> [Plan] {
        var collector = DiagnosticCollector()
        let plans = survey.figures.compactMap { figure in
            collector.collect { () throws -> Plan in
                let columns: [Int]
                switch figure.shape {
                case .column(let name), .cell(let name, _): columns = [try index(of: name, in: header, at: figure.columnLocation, for: "figure '\(figure.key)'")]
                case .columns:
                    columns = try figure.answers.map { try index(of: $0.column ?? $0.answer, in: header, at: $0.location, for: "answer '\($0.key)' of figure '\(figure.key)'") }
                }
                let conditions = try figure.conditions.map {
                    (column: try index(of: $0.column, in: header, at: $0.location, for: "the 'where' of figure '\(figure.key)'"), values: Set($0.values))
                }
                var first = 1
                let dimensions = try figure.by.compactMap { survey.dimensions[$0] }.map { dimension in
                    defer { first += dimension.segments.count }
                    return (column: try index(of: dimension.column, in: header, at: dimension.columnLocation, for: "dimension '\(dimension.key)'"),
                            segments: Dictionary(dimension.segments.enumerated().map { ($1.answer, $0) }, uniquingKeysWith: { a, _ in a }),
                            first: first, dimension: dimension)
                }
                return Plan(figure: figure, columns: columns, conditions: conditions,
                            answerIndex: Dictionary(figure.answers.enumerated().map { ($1.answer, $0) }, uniquingKeysWith: { a, _ in a }),
                            dimensions: dimensions)
            }
        }
        try collector.throwIfAny()
        return plans
    }

    private func index(of column: String, in header: [String], at location: SourcePosition, for what: String) throws -> Int {
        guard let index = header.firstIndex(of: column) else {
            throw Diagnostic(file: SurveyDeclaration.file, at: location,
                             message: "column '\(column)' of \(what) is not in the export \(shown)\(waveName); correct the name or the export\(Suggestion.didYouMean(column, among: header))")
        }
        return index
    }

    /// A cell without the spaces around it; most cells have none, so they are not copied.
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last,
              first == 32 || first == 9 || last == 32 || last == 9 || first == 0xC2 else { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }
}
