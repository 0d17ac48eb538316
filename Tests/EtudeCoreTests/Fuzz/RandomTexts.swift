/// Seeded texts made of awkward pieces (combining marks, CR LF, emoji, reserved
/// characters…), for tests that compare a fast rewrite with the code it replaced.
enum RandomTexts {
    /// `count` texts of 0 to `maxPieces` pieces each; the same seed gives the same texts.
    static func make(seed: UInt64, count: Int = 20_000, maxPieces: Int, from pieces: [String]) -> [String] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let length = Int.random(in: 0...maxPieces, using: &generator)
            return (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
    }
}
