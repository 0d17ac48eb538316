import Foundation
import Testing
@testable import EtudeCore

/// The statistics of figures from raw answers, against values worked by hand or read in
/// statistical tables, never against the code's own output.
@Suite struct AnswerStatisticsTests {
    /// A 2×2 table worked by hand: rows 30 and 70, columns 40 and 60, N = 100; expected
    /// counts 12, 18, 28, 42; χ² = 4/12 + 4/18 + 4/28 + 4/42 = 0,793651; 1 ddl;
    /// p = erfc(√(χ²/2)) = 0,37300.
    @Test func chiSquareOfATwoByTwoTable() throws {
        let test = try #require(ChiSquareTest([[10, 20], [30, 40]]))
        #expect(abs(test.statistic - 0.793651) < 1e-6)
        #expect(test.degreesOfFreedom == 1)
        #expect(abs(test.pValue - 0.37300) < 1e-5)
        #expect(test.smallExpected == 0)
        #expect(!test.isSignificant)
    }

    /// Expected counts under 5 are counted for the caveat: rows 4 and 6, columns 5 and 5
    /// → every expected count is 2 or 3.
    @Test func smallExpectedCountsAreCounted() throws {
        let test = try #require(ChiSquareTest([[4, 0], [1, 5]]))
        #expect(test.smallExpected == 4)
        #expect(test.cells == 4)
    }

    /// Critical values at 5 % from the χ² table: 3,841 (1 ddl), 5,991 (2), 18,307 (10).
    @Test(arguments: [(3.841458821, 1), (5.991464547, 2), (18.30703805, 10), (11.07049769, 5)])
    func chiSquareCriticalValues(statistic: Double, degreesOfFreedom: Int) {
        #expect(abs(ChiSquareTest.upperTail(statistic, degreesOfFreedom: degreesOfFreedom) - 0.05) < 1e-7)
    }

    /// Two proportions by hand: 60 % of 100 against 50 % of 100; pooled 55 %,
    /// SE = √(0,55 × 0,45 × 2/100) = 0,070356; z = 0,1 / 0,070356 = 1,4213: not significant.
    @Test func twoProportionTest() {
        let test = ProportionDifference.independent(60, of: 100, 50, of: 100)
        #expect(abs(test.z - 1.4213) < 1e-4)
        #expect(!test.isSignificant)
        #expect(ProportionDifference.independent(60, of: 400, 50, of: 400).isSignificant) // z = 2,84
    }

    /// Kish: weights 1, 1, 2, 2 → (Σw)² / Σw² = 36 / 10 = 3,6.
    @Test func kishEffectiveSampleSize() {
        var tally = AnswerTally(answers: 1)
        for weight in [1.0, 1, 2, 2] { tally.add(chosen: [0], weight: weight) }
        #expect(abs(tally.effectiveBase - 3.6) < 1e-12)
    }

    /// 1, 2, 3, 4, 100: mean 22; deviations² 441 + 400 + 361 + 324 + 6 084 = 7 610;
    /// s² = 7 610 / 4 = 1 902,5; margin 1,96 × √(1 902,5 / 5) = 38,232. Median 3; its
    /// interval from the quantiles ½ ∓ 1,96 × ½ / √5 = 0,0617 and 0,9383: 1 to 100.
    @Test func meanAndMedianWithTheirIntervals() throws {
        var tally = AnswerTally(answers: 0)
        for value in [1.0, 2, 3, 4, 100] { tally.add(number: value, weight: 1) }
        let summary = try #require(NumericSummary(tally))
        #expect(summary.mean == 22)
        #expect(abs((summary.meanHigh - summary.mean) - 38.232) < 1e-3)
        #expect(summary.median == 3)
        #expect(summary.medianLow == 1 && summary.medianHigh == 100)
        var even = AnswerTally(answers: 0)
        for value in [1.0, 2, 3, 4] { even.add(number: value, weight: 1) }
        #expect(NumericSummary(even)?.median == 2.5)
    }
}
