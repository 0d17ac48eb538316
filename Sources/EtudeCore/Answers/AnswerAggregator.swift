import Foundation

/// Reads one export in a single pass and keeps, for every declared figure, one tally for
/// everyone and one per segment of each dimension it is broken down by. Memory is the
/// tallies': it grows with the figures, never with the rows.
struct AnswerAggregator {
    let survey: SurveyDeclaration
    let wave: SurveyDeclaration.Wave
    let dataDirectory: URL
    /// The number of pieces to read the export in; by default one, or one per processor
    /// (at most 4) above 4 MB. Tests set it to check that pieces add up to the whole.
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
        // A large export is read in as many pieces as there are processors (at most 4), each
        // tallied on its own thread, then the tallies are added up in file order.
        let pieces = try reader.pieces(pieceCount ?? (size > 4_000_000 ? min(4, ProcessInfo.processInfo.activeProcessorCount) : 1))
        let header = try reader.header(of: pieces[0])
        let plans = try makePlans(header.names)
        let weightColumn = try survey.weight.map { try index(of: $0.column, in: header.names, at: $0.location, for: "the weight") }
        let results = PieceResults(count: pieces.count)
        DispatchQueue.concurrentPerform(iterations: pieces.count) { index in
            results.store(index, Swift.Result { try tally(pieces[index], reader: reader, header: header, plans: plans, weightColumn: weightColumn) })
        }
        var diagnostics: [Diagnostic] = []
        var merged: [AnswerPlan]?
        for result in results.all {
            switch result {
            case .success(let tallied)?:
                guard var total = merged else { merged = tallied; continue }
                for index in total.indices { total[index].merge(tallied[index]) }
                merged = total
            case .failure(let failure as BuildFailure)?: diagnostics += failure.diagnostics
            case .failure(let error)?: throw error
            case nil: break
            }
        }
        try BuildFailure.throwIfAny(Array(diagnostics.prefix(20)))
        return (merged ?? plans).map(\.tallies)
    }


    /// One piece's rows, tallied by fresh copies of the plans.
    private func tally(_ piece: ExportReader.Piece, reader: ExportReader, header: ExportReader.Header, plans template: [AnswerPlan], weightColumn: Int?) throws -> [AnswerPlan] {
        var plans = template
        let used = Array(Set(plans.flatMap { $0.columns + $0.conditionColumns + $0.dimensionColumns } + [weightColumn].compactMap { $0 })).sorted()
        var table = header.names.map { _ in ColumnCodes() }
        var codes = Array(repeating: 0, count: header.names.count)
        try reader.read(piece, header: header) { fields, line in
            for index in used { codes[index] = table[index].code(Self.trimmed(fields[index])) }
            var weight = 1.0
            if let column = weightColumn {
                guard let value = table[column].numbers[codes[column]], value > 0 else {
                    throw Diagnostic(file: shown, line: line, message: "weight '\(table[column].texts[codes[column]])' in column '\(survey.weight!.column)' is not a positive number; correct it or remove the row")
                }
                weight = value
            }
            var problems: [Diagnostic] = []
            for index in plans.indices {
                if let problem = add(codes, table: table, plan: &plans[index], weight: weight, line: line) { problems.append(problem) }
            }
            try BuildFailure.throwIfAny(problems)
        }
        return plans
    }

    /// Adds one row to a figure's tallies; returns the problem of a cell it cannot read.
    private func add(_ codes: [Int], table: [ColumnCodes], plan: inout AnswerPlan, weight: Double, line: Int) -> Diagnostic? {
        for index in plan.conditionColumns.indices {
            let column = plan.conditionColumns[index]
            if !plan.conditions[index].value(codes[column], in: table[column].texts) { return nil }
        }
        var slots = (0, -1, -1, -1)
        for index in plan.dimensionColumns.indices {
            let column = plan.dimensionColumns[index]
            if codes[column] == 0 { continue }
            let segment = plan.segments[index].value(codes[column], in: table[column].texts)
            guard segment >= 0 else {
                let dimension = plan.dimensions[index]
                return unknown(table[column].texts[codes[column]], column: dimension.column, of: "the segments of dimension '\(dimension.key)'", at: dimension.location, line: line)
            }
            let slot = plan.dimensionFirstSlots[index] + segment
            if index == 0 { slots.1 = slot } else if index == 1 { slots.2 = slot } else { slots.3 = slot }
        }
        func record(_ body: (inout AnswerTally) -> Void) {
            body(&plan.tallies[slots.0])
            if slots.1 >= 0 { body(&plan.tallies[slots.1]) }
            if slots.2 >= 0 { body(&plan.tallies[slots.2]) }
            if slots.3 >= 0 { body(&plan.tallies[slots.3]) }
        }
        let first = plan.columns[0], code = codes[first]
        switch plan.mode {
        case .numeric:
            if code == 0 { record { $0.nonResponse += 1 }; return nil }
            guard let number = table[first].numbers[code] else {
                return Diagnostic(file: shown, line: line, message: "'\(table[first].texts[code])' in column '\(plan.figure.columns[0].name)' is not a number, and figure '\(plan.figure.key)' is numeric; correct the cell or leave it blank (no answer)")
            }
            record { $0.add(number: number, weight: weight) }
        case .single:
            if code == 0 { record { $0.nonResponse += 1 }; return nil }
            let answer = plan.answers.value(code, in: table[first].texts)
            guard answer >= 0 else { return unknown(table[first].texts[code], column: plan.figure.columns[0].name, of: "the answers of figure '\(plan.figure.key)'", at: plan.figure.location, line: line) }
            record { $0.add(answer: answer, weight: weight) }
        case .cell:
            if code == 0 { record { $0.nonResponse += 1 }; return nil }
            let cell = plan.cells.value(code, in: table[first].texts)
            if let answer = cell.unknown { return unknown(answer, column: plan.figure.columns[0].name, of: "the answers of figure '\(plan.figure.key)'", at: plan.figure.location, line: line) }
            record { $0.add(chosen: cell.chosen, weight: weight) }
        case .columns:
            plan.chosen.removeAll(keepingCapacity: true)
            var blank = true
            for (answer, column) in plan.columns.enumerated() where codes[column] != 0 {
                blank = false
                if table[column].texts[codes[column]] != "0" { plan.chosen.append(answer) }
            }
            if blank { record { $0.nonResponse += 1 }; return nil }
            let chosen = plan.chosen
            record { $0.add(chosen: chosen, weight: weight) }
        }
        return nil
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
