/// The running totals of one figure for one population (everyone, or one segment), in
/// one wave: all a published number needs, and nothing about any one respondent. Its
/// size depends on the answers declared (and, for a number, its distinct values), never
/// on the number of rows.
struct AnswerTally {
    /// Respondents who answered.
    var answered = 0
    /// Respondents of the population who left the question blank.
    var nonResponse = 0
    var weightSum = 0.0
    var weightSquares = 0.0
    /// Per declared answer: respondents who chose it, and their weight.
    var counts: [Int]
    var weighted: [Double]
    /// For a numeric question: Σw·x, Σw·x², and each distinct value's weight (for the median).
    var sum = 0.0
    var squares = 0.0
    var distribution: [Double: Double] = [:]

    init(answers: Int) {
        counts = Array(repeating: 0, count: answers)
        weighted = Array(repeating: 0, count: answers)
    }

    /// Kish's effective sample size, (Σw)² / Σw²: n itself without weights.
    var effectiveBase: Double { weightSquares > 0 ? weightSum * weightSum / weightSquares : 0 }

    mutating func add(chosen: [Int], weight: Double) {
        answered += 1
        weightSum += weight
        weightSquares += weight * weight
        for index in chosen {
            counts[index] += 1
            weighted[index] += weight
        }
    }

    mutating func add(answer: Int, weight: Double) {
        answered += 1
        weightSum += weight
        weightSquares += weight * weight
        counts[answer] += 1
        weighted[answer] += weight
    }

    mutating func add(number: Double, weight: Double) {
        answered += 1
        weightSum += weight
        weightSquares += weight * weight
        sum += weight * number
        squares += weight * number * number
        distribution[number, default: 0] += weight
    }

    /// Adds another piece's totals: the same figure and population, other rows.
    mutating func merge(_ other: AnswerTally) {
        answered += other.answered
        nonResponse += other.nonResponse
        weightSum += other.weightSum
        weightSquares += other.weightSquares
        for index in counts.indices {
            counts[index] += other.counts[index]
            weighted[index] += other.weighted[index]
        }
        sum += other.sum
        squares += other.squares
        distribution.merge(other.distribution, uniquingKeysWith: +)
    }
}
