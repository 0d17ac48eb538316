import Foundation

/// The running totals of every figure over one piece of an export, in two flat buffers
/// (per figure and population: the integers, then the sums of weights), so that counting a
/// row is a few additions at known places; turned into `AnswerTally` values at the end.
/// Its size depends on the figures, answers and segments, never on the rows.
struct PieceCounter {
    private(set) var plans: [AnswerPlan]
    /// Per plan: where its tallies start in each buffer, and the size of one tally there
    /// (integers: answered, non-response, then one count per answer; doubles: Σw, Σw², Σw·x,
    /// Σw·x², then one weight per answer).
    private let intBases: [Int], doubleBases: [Int], numericBases: [Int]
    private let store: TallyStore
    /// For a numeric figure, per population: the weight of each code of its column (an
    /// array index per row rather than hashing the number).
    private var codeWeights: [[Double]]

    init(plans: [AnswerPlan]) {
        self.plans = plans
        var ints: [Int] = [], doubles: [Int] = [], numerics: [Int] = []
        var intCount = 0, doubleCount = 0, numericCount = 0
        for plan in plans {
            ints.append(intCount)
            doubles.append(doubleCount)
            numerics.append(numericCount)
            intCount += plan.slotCount * (2 + plan.figure.answers.count)
            doubleCount += plan.slotCount * (4 + plan.figure.answers.count)
            if plan.mode == .numeric { numericCount += plan.slotCount }
        }
        intBases = ints
        doubleBases = doubles
        numericBases = numerics
        store = TallyStore(ints: intCount, doubles: doubleCount)
        codeWeights = Array(repeating: [], count: numericCount)
    }

    /// Gives a meaning, for every figure, to the codes met since the last call.
    mutating func extend(_ table: [ColumnCodes]) {
        for index in plans.indices { plans[index].extend(table) }
    }

    /// A cell a figure (by its index) cannot read, with the cell's text.
    enum Problem {
        case unknownSegment(plan: Int, dimension: Int, text: String)
        case unknownAnswer(plan: Int, text: String)
        case notANumber(plan: Int, text: String)
    }

    /// Adds one row (its cells' codes) to every figure it belongs to; a figure that cannot
    /// read a cell skips the row and says why in `problems`.
    mutating func add(_ codes: [Int], weight: Double, table: [ColumnCodes], problems: inout [Problem]) {
        let ints = store.ints, doubles = store.doubles
        for index in plans.indices {
            let mode = plans[index].mode
            var accepted = true
            for condition in plans[index].conditionColumns.indices
            where !plans[index].accepted[condition][codes[plans[index].conditionColumns[condition]]] {
                accepted = false
                break
            }
            if !accepted { continue }
            // The populations the row counts in: everyone, then its segment of each dimension.
            var slots = (0, -1, -1, -1)
            var unknownSegment: Int?
            for dimension in plans[index].dimensionColumns.indices {
                let code = codes[plans[index].dimensionColumns[dimension]]
                if code == 0 { continue }
                let segment = plans[index].segments[dimension][code]
                if segment < 0 { unknownSegment = dimension; break }
                let slot = plans[index].dimensionFirstSlots[dimension] + segment
                if dimension == 0 { slots.1 = slot } else if dimension == 1 { slots.2 = slot } else { slots.3 = slot }
            }
            if let dimension = unknownSegment {
                let column = plans[index].dimensionColumns[dimension]
                problems.append(.unknownSegment(plan: index, dimension: dimension, text: table[column].texts[codes[column]]))
                continue
            }
            let answers = plans[index].figure.answers.count
            let intBase = intBases[index], intSize = 2 + answers
            let doubleBase = doubleBases[index], doubleSize = 4 + answers
            /// Calls `body` with the start of each population's integers and doubles.
            func record(_ body: (Int, Int, Int) -> Void) {
                body(intBase, doubleBase, 0)
                if slots.1 >= 0 { body(intBase + slots.1 * intSize, doubleBase + slots.1 * doubleSize, slots.1) }
                if slots.2 >= 0 { body(intBase + slots.2 * intSize, doubleBase + slots.2 * doubleSize, slots.2) }
                if slots.3 >= 0 { body(intBase + slots.3 * intSize, doubleBase + slots.3 * doubleSize, slots.3) }
            }
            func answered(_ int: Int, _ double: Int) {
                ints[int] += 1
                doubles[double] += weight
                doubles[double + 1] += weight * weight
            }
            let code = codes[plans[index].columns[0]]
            switch mode {
            case .numeric:
                if code == 0 { record { int, _, _ in ints[int + 1] += 1 }; continue }
                guard let number = table[plans[index].columns[0]].numbers[code] else {
                    problems.append(.notANumber(plan: index, text: table[plans[index].columns[0]].texts[code]))
                    continue
                }
                let numeric = numericBases[index]
                record { int, double, slot in
                    answered(int, double)
                    doubles[double + 2] += weight * number
                    doubles[double + 3] += weight * number * number
                    if code >= codeWeights[numeric + slot].count {
                        codeWeights[numeric + slot] += repeatElement(0, count: code + 1 - codeWeights[numeric + slot].count)
                    }
                    codeWeights[numeric + slot][code] += weight
                }
            case .single:
                if code == 0 { record { int, _, _ in ints[int + 1] += 1 }; continue }
                let answer = plans[index].answers[code]
                guard answer >= 0 else {
                    problems.append(.unknownAnswer(plan: index, text: table[plans[index].columns[0]].texts[code]))
                    continue
                }
                record { int, double, _ in
                    answered(int, double)
                    ints[int + 2 + answer] += 1
                    doubles[double + 4 + answer] += weight
                }
            case .cell:
                if code == 0 { record { int, _, _ in ints[int + 1] += 1 }; continue }
                if let unknown = plans[index].cells[code].unknown {
                    problems.append(.unknownAnswer(plan: index, text: unknown))
                    continue
                }
                record { int, double, _ in
                    answered(int, double)
                    for answer in plans[index].cells[code].chosen {
                        ints[int + 2 + answer] += 1
                        doubles[double + 4 + answer] += weight
                    }
                }
            case .columns:
                // Blank in every answer column: no answer; otherwise each cell but "0" chooses.
                if !plans[index].columns.contains(where: { codes[$0] != 0 }) { record { int, _, _ in ints[int + 1] += 1 }; continue }
                record { int, double, _ in
                    answered(int, double)
                    for (answer, column) in plans[index].columns.enumerated() where codes[column] != 0 && plans[index].picks[answer][codes[column]] {
                        ints[int + 2 + answer] += 1
                        doubles[double + 4 + answer] += weight
                    }
                }
            }
        }
    }

    /// The piece's totals: per figure, tally 0 for everyone, then each dimension's segments.
    func tallies(_ table: [ColumnCodes]) -> [[AnswerTally]] {
        plans.indices.map { index in
            let plan = plans[index], answers = plan.figure.answers.count
            return (0..<plan.slotCount).map { slot in
                let int = intBases[index] + slot * (2 + answers), double = doubleBases[index] + slot * (4 + answers)
                var tally = AnswerTally(answers: answers)
                tally.answered = store.ints[int]
                tally.nonResponse = store.ints[int + 1]
                tally.weightSum = store.doubles[double]
                tally.weightSquares = store.doubles[double + 1]
                tally.sum = store.doubles[double + 2]
                tally.squares = store.doubles[double + 3]
                tally.counts = Array(store.ints[(int + 2)..<(int + 2 + answers)])
                tally.weighted = Array(store.doubles[(double + 4)..<(double + 4 + answers)])
                if plan.mode == .numeric {
                    let numbers = table[plan.columns[0]].numbers
                    for (code, weight) in codeWeights[numericBases[index] + slot].enumerated() where weight != 0 {
                        if let number = numbers[code] { tally.distribution[number, default: 0] += weight }
                    }
                }
                return tally
            }
        }
    }
}

/// Zeroed buffers written through pointers while rows are counted (no copy-on-write check
/// per addition); freed with the counter.
final class TallyStore: @unchecked Sendable {
    let ints: UnsafeMutableBufferPointer<Int>
    let doubles: UnsafeMutableBufferPointer<Double>

    init(ints: Int, doubles: Int) {
        self.ints = .allocate(capacity: ints)
        self.ints.initialize(repeating: 0)
        self.doubles = .allocate(capacity: doubles)
        self.doubles.initialize(repeating: 0)
    }

    deinit {
        ints.deallocate()
        doubles.deallocate()
    }
}
