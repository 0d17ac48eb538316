import Foundation

/// The distinct texts of one column of the export, each given a small number the first time
/// it is met: a row's cell is hashed once, however many figures read it. Code 0 is blank.
struct ColumnCodes {
    private var codes: [String: Int] = ["": 0]
    private(set) var texts: [String] = [""]
    /// The cell read as a number (`,` or `.` decimals), nil when it is not one.
    private(set) var numbers: [Double?] = [nil]

    mutating func code(_ text: String) -> Int {
        if let code = codes[text] { return code }
        let code = texts.count
        codes[text] = code
        texts.append(text)
        let number = Double(text.contains(",") ? text.replacingOccurrences(of: ",", with: ".") : text)
        numbers.append(number.flatMap { $0.isFinite ? $0 : nil })
        return code
    }
}

/// A table from a column's codes to what they mean for one figure, filled as codes appear.
struct CodeMap<Value: Sendable>: Sendable {
    private var values: [Value] = []
    let compute: @Sendable (String) -> Value

    init(_ compute: @escaping @Sendable (String) -> Value) {
        self.compute = compute
    }

    /// The texts are only read for a code not met before.
    @inline(__always)
    mutating func value(_ code: Int, in texts: @autoclosure () -> [String]) -> Value {
        if code < values.count { return values[code] }
        let texts = texts()
        while values.count <= code { values.append(compute(texts[values.count])) }
        return values[code]
    }
}

/// How one declared figure reads a row, with its tallies: one for everyone, then one per
/// segment of each dimension it is broken down by.
struct AnswerPlan: Sendable {
    /// How the row loop reads the question, without copying the declaration for each row.
    enum Mode {
        case numeric, single, cell, columns
    }

    let figure: AnswerFigure
    let mode: Mode
    /// Export columns of the question (one, or one per answer).
    let columns: [Int]
    var answers: CodeMap<Int>
    /// For answers sharing one cell: the answers chosen, or the first unknown one.
    var cells: CodeMap<(chosen: [Int], unknown: String?)>
    // Parallel arrays rather than tuples: the row loop reads one field without copying the rest.
    let conditionColumns: [Int]
    var conditions: [CodeMap<Bool>]
    let dimensionColumns: [Int]
    let dimensionFirstSlots: [Int]
    let dimensions: [Dimension]
    var segments: [CodeMap<Int>]
    var tallies: [AnswerTally]
    var chosen: [Int] = []

    init(figure: AnswerFigure, columns: [Int], conditions: [(Int, Set<String>)], dimensions: [(Int, Dimension)]) {
        self.figure = figure
        self.columns = columns
        switch figure.shape {
        case .column: mode = figure.kind == .numeric ? .numeric : .single
        case .cell: mode = .cell
        case .columns: mode = .columns
        }
        let index = Dictionary(figure.answers.enumerated().map { ($1.answer, $0) }, uniquingKeysWith: { first, _ in first })
        answers = CodeMap { index[$0] ?? -1 }
        if case .cell(_, let separator) = figure.shape {
            cells = CodeMap { cell in
                var chosen: [Int] = []
                for part in cell.components(separatedBy: separator) {
                    let answer = AnswerAggregator.trimmed(part)
                    if answer.isEmpty { continue }
                    guard let found = index[answer] else { return ([], answer) }
                    if !chosen.contains(found) { chosen.append(found) }
                }
                return (chosen, nil)
            }
        } else {
            cells = CodeMap { _ in ([], nil) }
        }
        conditionColumns = conditions.map(\.0)
        self.conditions = conditions.map { _, values in CodeMap { values.contains($0) } }
        dimensionColumns = dimensions.map(\.0)
        self.dimensions = dimensions.map(\.1)
        segments = dimensions.map { _, dimension in
            let index = Dictionary(dimension.segments.enumerated().map { ($1.answer, $0) }, uniquingKeysWith: { first, _ in first })
            return CodeMap { index[$0] ?? -1 }
        }
        var first = 1
        var firsts: [Int] = []
        for dimension in self.dimensions {
            firsts.append(first)
            first += dimension.segments.count
        }
        dimensionFirstSlots = firsts
        tallies = Array(repeating: AnswerTally(answers: figure.answers.count), count: first)
    }
}

extension AnswerPlan {
    /// Adds the tallies of another piece of the same export.
    mutating func merge(_ other: AnswerPlan) {
        for index in tallies.indices { tallies[index].merge(other.tallies[index]) }
    }
}

/// What each parallel piece of an export gave, filled from several threads.
final class PieceResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<[AnswerPlan], Error>?]

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    func store(_ index: Int, _ result: Result<[AnswerPlan], Error>) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    var all: [Result<[AnswerPlan], Error>?] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}
