import Foundation

/// The 95 % Wilson score interval of a proportion: unlike the normal (Wald) interval it
/// stays within 0–100 % and behaves for small bases and shares near 0 or 100.
public struct WilsonInterval: Equatable, Sendable {
    /// Bounds in percent.
    public var low: Double
    public var high: Double

    /// z for a two-sided 95 % interval.
    public static let z = 1.959963984540054

    /// `share` in percent, `base` the number of respondents it is computed on.
    public init(share: Double, base: Double) {
        let p = share / 100, n = base, z = Self.z
        let denominator = 1 + z * z / n
        let centre = (p + z * z / (2 * n)) / denominator
        let half = z / denominator * ((p * (1 - p) / n + z * z / (4 * n * n)).squareRoot())
        low = max(0, centre - half) * 100
        high = min(1, centre + half) * 100
    }

    /// Half the width of the interval, in percentage points: the "±" a reader sees.
    public var margin: Double { (high - low) / 2 }

    public func contains(_ share: Double) -> Bool { (low...high).contains(share) }
}
