import Foundation

/// The difference of two shares, in percentage points, with its 95 % margin and a test
/// at 95 % of whether it exceeds what sampling alone would give.
///
/// Two kinds of comparison, stated in « Sources et méthode »:
/// - shares of different respondents (two waves, two segments): the two-proportion z-test
///   with a pooled proportion; the margin uses the unpooled standard error;
/// - shares of the same respondents (two answers of one question, or two figures on the
///   same base): the answers are not independent, and without the joint answers the
///   largest variance the two shares allow is used, so the test is conservative (exact
///   for exclusive answers, such as the parts of a split).
public struct ProportionDifference: Equatable, Sendable {
    /// `p1 − p2`, in points.
    public var points: Double
    /// Half-width of the 95 % interval of the difference, in points.
    public var margin: Double
    /// The test statistic.
    public var z: Double

    public var isSignificant: Bool { abs(z) > WilsonInterval.z }

    /// Shares in percent of `n1` and `n2` different respondents.
    public static func independent(_ share1: Double, of n1: Double, _ share2: Double, of n2: Double) -> ProportionDifference {
        let p1 = share1 / 100, p2 = share2 / 100
        let pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
        let pooledError = (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
        let error = (p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2).squareRoot()
        return ProportionDifference(points: share1 - share2, margin: WilsonInterval.z * error * 100,
                                    z: pooledError > 0 ? (p1 - p2) / pooledError : 0)
    }

    /// Shares in percent of the same `n` respondents.
    public static func sameRespondents(_ share1: Double, _ share2: Double, of n: Double) -> ProportionDifference {
        let p1 = share1 / 100, p2 = share2 / 100
        // Var(p1 − p2) = [p1(1 − p1) + p2(1 − p2) − 2 (p11 − p1 p2)] / n, largest when the
        // share answering both, p11, is as small as it can be: max(0, p1 + p2 − 1).
        let both = max(0, p1 + p2 - 1)
        let variance = max(0, (p1 * (1 - p1) + p2 * (1 - p2) - 2 * (both - p1 * p2)) / n)
        let error = variance.squareRoot()
        return ProportionDifference(points: share1 - share2, margin: WilsonInterval.z * error * 100,
                                    z: error > 0 ? (p1 - p2) / error : 0)
    }
}
