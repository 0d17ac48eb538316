/// Rounds shares so that they still sum to their total (largest-remainder, or Hamilton, method).
///
/// Each share is rounded down to a whole unit; the units still missing go one each to
/// the shares with the largest remainders, ties going to the earlier share.
/// 33.3 + 33.3 + 33.4 → 33 + 33 + 34.
public enum LargestRemainder {
    public static func round(_ shares: [Double], total: Int) -> [Double] {
        let floors = shares.map { ($0 + 1e-9).rounded(.down) }
        var missing = total - Int(floors.reduce(0, +))
        var result = floors
        let order = shares.indices.sorted { a, b in
            let ra = shares[a] - floors[a], rb = shares[b] - floors[b]
            return ra != rb ? ra > rb : a < b
        }
        for index in order where missing > 0 {
            result[index] += 1
            missing -= 1
        }
        return result
    }
}
