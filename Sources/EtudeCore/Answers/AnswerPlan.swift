/// How one declared figure reads a row: the export columns it reads and, per column, what
/// each code of that column (see `ColumnCodes`) means for it. The tables are filled when a
/// new code appears (`extend`), before the row is counted, so counting a row only reads
/// arrays: no hashing, no text compared.
struct AnswerPlan {
    /// How the row loop reads the question, without copying the declaration for each row.
    enum Mode {
        case numeric, single, cell, columns
    }

    /// The answers chosen in one cell holding several, or the first unknown one.
    struct CellAnswers {
        var chosen: [Int]
        var unknown: String?
    }

    let figure: AnswerFigure
    let mode: Mode
    /// Export columns of the question (one, or one per answer).
    let columns: [Int]
    /// Per code of the question's column: the declared answer, -1 when none (a single choice).
    private(set) var answers: [Int] = []
    /// Per code of the question's column: what the cell holds (several answers in one cell).
    private(set) var cells: [CellAnswers] = []
    /// Per answer column, per code: whether the cell chooses it (anything but "0").
    private(set) var picks: [[Bool]]
    // Parallel arrays rather than tuples: the row loop reads one field without copying the rest.
    let conditionColumns: [Int]
    private let conditionValues: [Set<String>]
    /// Per condition, per code: whether the row belongs to the figure's population.
    private(set) var accepted: [[Bool]]
    let dimensionColumns: [Int]
    let dimensionFirstSlots: [Int]
    let dimensions: [Dimension]
    private let segmentIndex: [[String: Int]]
    /// Per dimension, per code: the segment, -1 when the dimension does not declare it.
    private(set) var segments: [[Int]]
    private let answerIndex: [String: Int]
    /// Tally 0 is everyone; then each dimension's segments.
    let slotCount: Int

    init(figure: AnswerFigure, columns: [Int], conditions: [(Int, Set<String>)], dimensions: [(Int, Dimension)]) {
        self.figure = figure
        self.columns = columns
        switch figure.shape {
        case .column: mode = figure.kind == .numeric ? .numeric : .single
        case .cell: mode = .cell
        case .columns: mode = .columns
        }
        answerIndex = Dictionary(figure.answers.enumerated().map { ($1.answer, $0) }, uniquingKeysWith: { first, _ in first })
        picks = mode == .columns ? columns.map { _ in [] } : []
        conditionColumns = conditions.map(\.0)
        conditionValues = conditions.map(\.1)
        accepted = conditions.map { _ in [] }
        dimensionColumns = dimensions.map(\.0)
        self.dimensions = dimensions.map(\.1)
        segmentIndex = dimensions.map { _, dimension in
            Dictionary(dimension.segments.enumerated().map { ($1.answer, $0) }, uniquingKeysWith: { first, _ in first })
        }
        segments = dimensions.map { _ in [] }
        var first = 1
        var firsts: [Int] = []
        for dimension in self.dimensions {
            firsts.append(first)
            first += dimension.segments.count
        }
        dimensionFirstSlots = firsts
        slotCount = first
    }

    /// Gives a meaning to the codes met since the last call (`texts` per export column).
    mutating func extend(_ table: [ColumnCodes]) {
        switch mode {
        case .single:
            Self.fill(&answers, table[columns[0]].texts) { [answerIndex] in answerIndex[$0] ?? -1 }
        case .cell:
            guard case .cell(_, let separator) = figure.shape else { break }
            Self.fill(&cells, table[columns[0]].texts) { [answerIndex] cell in
                var chosen: [Int] = []
                for part in cell.components(separatedBy: separator) {
                    let answer = AnswerAggregator.trimmed(part)
                    if answer.isEmpty { continue }
                    guard let found = answerIndex[answer] else { return CellAnswers(chosen: [], unknown: answer) }
                    if !chosen.contains(found) { chosen.append(found) }
                }
                return CellAnswers(chosen: chosen, unknown: nil)
            }
        case .columns:
            for index in columns.indices { Self.fill(&picks[index], table[columns[index]].texts) { $0 != "0" } }
        case .numeric:
            break
        }
        for index in conditionColumns.indices {
            Self.fill(&accepted[index], table[conditionColumns[index]].texts) { [values = conditionValues[index]] in values.contains($0) }
        }
        for index in dimensionColumns.indices {
            Self.fill(&segments[index], table[dimensionColumns[index]].texts) { [segmentIndex = segmentIndex[index]] in segmentIndex[$0] ?? -1 }
        }
    }

    private static func fill<Value>(_ values: inout [Value], _ texts: [String], _ meaning: (String) -> Value) {
        while values.count < texts.count { values.append(meaning(texts[values.count])) }
    }
}
