import Foundation

/// Reads one export in a single pass and keeps, for every declared figure, one tally for
/// everyone and one per segment of each dimension it is broken down by. Memory is the
/// tallies': it grows with the figures, never with the rows.
struct AnswerAggregator {
    let survey: SurveyDeclaration
    let wave: SurveyDeclaration.Wave
    let dataDirectory: URL
    /// The number of pieces to read the export in; by default one, or one per 2 MB (at
    /// most 16) above 4 MB. Tests set it to check that pieces add up to the whole.
    var pieceCount: Int? = nil

    /// Per figure (declared order): tally 0 is everyone; then each `by` dimension's segments.
    typealias Result = [[AnswerTally]]

    var shown: String { "data/\(wave.path)" }
    private var waveName: String { wave.name.map { " (wave \($0))" } ?? "" }

    func aggregate() throws -> Result {
        let url = dataDirectory.appendingPathComponent(wave.path)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw Diagnostic(file: SurveyDeclaration.file, at: wave.location, message: "export '\(wave.path)'\(waveName) does not exist in data/; check the file name")
        }
        // An export read through a link must still lie inside the project.
        let real = URL(fileURLWithPath: try ProjectFileReader.confined(url, shownAs: shown, within: dataDirectory.deletingLastPathComponent()))
        let reader = ExportReader(url: real, shown: shown)
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        // A large export is read in pieces, each tallied on a thread, then the tallies are
        // added up in file order. One piece per 2 MB (at most 16), whatever the machine: the
        // sums of weights, added in the same order, give the same last digits in
        // donnees/figures.json everywhere; and with several pieces per processor, a thread
        // slowed by another program does not keep the others waiting at the end.
        let pieces = try reader.pieces(pieceCount ?? (size > 4_000_000 ? min(16, size / 2_000_000) : 1))
        let header = try reader.header(of: pieces[0])
        let plans = try makePlans(header.names)
        let weightColumn = try survey.weight.map { try index(of: $0.column, in: header.names, at: $0.location, for: "the weight") }
        let results = ThreadResults<Swift.Result<Result, Error>>(count: pieces.count)
        DispatchQueue.concurrentPerform(iterations: pieces.count) { index in
            results.store(index, Swift.Result { try tally(pieces[index], reader: reader, header: header, plans: plans, weightColumn: weightColumn) })
        }
        var diagnostics: [Diagnostic] = []
        var merged: Result?
        for result in results.all {
            switch result {
            case .success(let tallied)?:
                guard var total = merged else { merged = tallied; continue }
                for figure in total.indices {
                    for slot in total[figure].indices { total[figure][slot].merge(tallied[figure][slot]) }
                }
                merged = total
            case .failure(let failure as BuildFailure)?: diagnostics += failure.diagnostics
            case .failure(let error)?: throw error
            case nil: break
            }
        }
        try BuildFailure.throwIfAny(Array(diagnostics.prefix(20)))
        return merged ?? plans.map { Array(repeating: AnswerTally(answers: $0.figure.answers.count), count: $0.slotCount) }
    }

    /// One piece's rows, tallied by a counter of its own.
    private func tally(_ piece: ExportReader.Piece, reader: ExportReader, header: ExportReader.Header, plans: [AnswerPlan], weightColumn: Int?) throws -> Result {
        var counter = PieceCounter(plans: plans)
        let used = Array(Set(plans.flatMap { $0.columns + $0.conditionColumns + $0.dimensionColumns } + [weightColumn].compactMap { $0 })).sorted()
        var table = header.names.map { _ in ColumnCodes() }
        var codes = Array(repeating: 0, count: header.names.count)
        // Per column, the codes the figures already give a meaning to; a column whose codes
        // need none (a number, the weight) never asks for more.
        var known = Array(repeating: Int.max, count: header.names.count)
        for plan in plans {
            for column in (plan.mode == .numeric ? [] : plan.columns) + plan.conditionColumns + plan.dimensionColumns { known[column] = 1 }
        }
        var problems: [PieceCounter.Problem] = []
        try reader.read(piece, header: header) { fields, line in
            var fresh = false
            for index in used {
                let code = table[index].code(fields[index])
                codes[index] = code
                if code >= known[index] { fresh = true }
            }
            if fresh {
                for index in used where known[index] != Int.max { known[index] = table[index].texts.count }
                counter.extend(table)
            }
            var weight = 1.0
            if let column = weightColumn {
                guard let value = table[column].numbers[codes[column]], value > 0 else {
                    throw Diagnostic(file: shown, line: line, message: "weight '\(table[column].texts[codes[column]])' in column '\(survey.weight!.column)' is not a positive number; correct it or remove the row")
                }
                weight = value
            }
            counter.add(codes, weight: weight, table: table, problems: &problems)
            if !problems.isEmpty {
                defer { problems.removeAll() }
                try BuildFailure.throwIfAny(problems.map { diagnostic($0, plans: plans, line: line) })
            }
        }
        return counter.tallies(table)
    }

    /// The error of a cell a figure cannot read.
    private func diagnostic(_ problem: PieceCounter.Problem, plans: [AnswerPlan], line: Int) -> Diagnostic {
        switch problem {
        case .unknownSegment(let index, let dimension, let text):
            let dimension = plans[index].dimensions[dimension]
            return unknown(text, column: dimension.column, of: "the segments of dimension '\(dimension.key)'", at: dimension.location, line: line)
        case .unknownAnswer(let index, let text):
            let figure = plans[index].figure
            return unknown(text, column: figure.columns[0].name, of: "the answers of figure '\(figure.key)'", at: figure.location, line: line)
        case .notANumber(let index, let text):
            let figure = plans[index].figure
            return Diagnostic(file: shown, line: line, message: "'\(text)' in column '\(figure.columns[0].name)' is not a number, and figure '\(figure.key)' is numeric; correct the cell or leave it blank (no answer)")
        }
    }

    private func unknown(_ cell: String, column: String, of what: String, at location: SourcePosition, line: Int) -> Diagnostic {
        Diagnostic(file: shown, line: line, message: "answer '\(cell)' in column '\(column)' is not one of \(what) (\(SurveyDeclaration.file):\(location.line)); add it there, or correct the export")
    }

    private func makePlans(_ header: [String]) throws -> [AnswerPlan] {
        var collector = DiagnosticCollector()
        let plans = survey.figures.compactMap { figure in
            collector.collect { () throws -> AnswerPlan in
                let columns: [Int]
                switch figure.shape {
                case .column(let name), .cell(let name, _): columns = [try index(of: name, in: header, at: figure.columnLocation, for: "figure '\(figure.key)'")]
                case .columns:
                    columns = try figure.answers.map { try index(of: $0.column ?? $0.answer, in: header, at: $0.location, for: "answer '\($0.key)' of figure '\(figure.key)'") }
                }
                let conditions = try figure.conditions.map {
                    (try index(of: $0.column, in: header, at: $0.location, for: "the 'where' of figure '\(figure.key)'"), Set($0.values))
                }
                let dimensions = try figure.by.compactMap { survey.dimensions[$0] }.map { dimension in
                    (try index(of: dimension.column, in: header, at: dimension.columnLocation, for: "dimension '\(dimension.key)'"), dimension)
                }
                return AnswerPlan(figure: figure, columns: columns, conditions: conditions, dimensions: dimensions)
            }
        }
        try collector.throwIfAny()
        return plans
    }

    private func index(of column: String, in header: [String], at location: SourcePosition, for what: String) throws -> Int {
        guard let index = header.firstIndex(of: column) else {
            // In a survey of several waves, the name may well be right: another wave has it.
            let advice = wave.name == nil ? "correct the name or the export"
                : "every wave's export must have it: add the column to this export, or correct the name"
            throw Diagnostic(file: SurveyDeclaration.file, at: location,
                             message: "column '\(column)' of \(what) is not in the export \(shown)\(waveName); \(advice)\(Suggestion.didYouMean(column, among: header))")
        }
        return index
    }

    /// A cell without the spaces around it; most cells have none, so they are not copied.
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last,
              first == 32 || first == 9 || last == 32 || last == 9 || first == 0xC2 else { return text }
        return text.trimmed(.whitespaces)
    }
}
