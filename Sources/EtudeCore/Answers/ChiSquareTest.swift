import Foundation

/// Pearson's chi-square test of independence on a table of counts (rows × columns).
/// Rows or columns with no count are left out, as they carry no information.
struct ChiSquareTest: Equatable {
    var statistic: Double
    var degreesOfFreedom: Int
    var pValue: Double
    /// Cells whose expected count is under 5, where the test is only approximate.
    var smallExpected: Int
    var cells: Int

    var isSignificant: Bool { pValue < 0.05 }

    init?(_ table: [[Double]]) {
        let rows = table.filter { $0.reduce(0, +) > 0 }
        guard let width = rows.first?.count else { return nil }
        let columns = (0..<width).filter { column in rows.reduce(0) { $0 + $1[column] } > 0 }
        guard rows.count >= 2, columns.count >= 2 else { return nil }
        let total = rows.reduce(0) { $0 + $1.reduce(0, +) }
        var statistic = 0.0, small = 0
        for row in rows {
            let rowTotal = row.reduce(0, +)
            for column in columns {
                let expected = rowTotal * rows.reduce(0) { $0 + $1[column] } / total
                if expected < 5 { small += 1 }
                statistic += (row[column] - expected) * (row[column] - expected) / expected
            }
        }
        self.statistic = statistic
        degreesOfFreedom = (rows.count - 1) * (columns.count - 1)
        pValue = Self.upperTail(statistic, degreesOfFreedom: degreesOfFreedom)
        smallExpected = small
        cells = rows.count * columns.count
    }

    /// P(X ≥ x) for a chi-square variable: Q(k/2, x/2), the regularized upper incomplete gamma.
    static func upperTail(_ x: Double, degreesOfFreedom k: Int) -> Double {
        let a = Double(k) / 2, z = x / 2
        guard z > 0 else { return 1 }
        let logPrefix = a * log(z) - z - lgamma(a)
        if z < a + 1 {
            // Series for P(a, z).
            var term = 1 / a, sum = term, n = a
            for _ in 0..<500 {
                n += 1
                term *= z / n
                sum += term
                if abs(term) < abs(sum) * 1e-15 { break }
            }
            return max(0, 1 - sum * exp(logPrefix))
        }
        // Continued fraction for Q(a, z) (Lentz).
        let tiny = 1e-300
        var b = z + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1...500 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return min(1, exp(logPrefix) * h)
    }
}

/// The mean and median of a numeric question, each with its 95 % interval.
struct NumericSummary: Equatable {
    var mean: Double
    var meanLow: Double
    var meanHigh: Double
    var median: Double
    var medianLow: Double
    var medianHigh: Double

    /// Mean ± 1,96 · s / √n_eff, s the (weighted) standard deviation; the median's interval
    /// from the quantiles ½ ∓ 1,96 · ½ / √n_eff of the distribution (normal approximation
    /// of the binomial law of ranks).
    init?(_ tally: AnswerTally) {
        guard tally.answered > 0, tally.weightSum > 0 else { return nil }
        let n = tally.effectiveBase, w = tally.weightSum
        mean = tally.sum / w
        let variance = n > 1 ? max(0, tally.squares / w - mean * mean) * n / (n - 1) : 0
        let error = WilsonInterval.z * (variance / n).squareRoot()
        meanLow = mean - error
        meanHigh = mean + error
        let values = tally.distribution.sorted { $0.key < $1.key }
        func quantile(_ q: Double) -> Double {
            var cumulative = 0.0
            for (index, entry) in values.enumerated() {
                cumulative += entry.value
                let position = cumulative / w
                if abs(position - q) < 1e-12, index + 1 < values.count { return (entry.key + values[index + 1].key) / 2 }
                if position > q { return entry.key }
            }
            return values.last?.key ?? 0
        }
        median = quantile(0.5)
        let half = WilsonInterval.z * 0.5 / n.squareRoot()
        medianLow = quantile(max(0, 0.5 - half))
        medianHigh = quantile(min(1, 0.5 + half))
    }
}
