import Testing
@testable import EtudeCore

/// `etude serve` scans a changed file for its links and ids only where it changed
/// (`AttributeScanMemo`): whatever the edit, the result is that of a scan of the whole file.
@Suite struct AttributeScanMemoTests {
    /// A generator of pseudo-random numbers, the same in every run.
    struct Seeded {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// Pieces that make attributes, broken ones too: unclosed quotes, names run together, quotes inside values.
    static let pieces = [" ", "\n", "\t", "a", "é", "id", "href", "src", "=", "\"", "'", "x", "<", ">", " id=\"", " href='", "\" ", "hid"]

    static func text(_ random: inout Seeded, pieces count: Int) -> String {
        (0..<count).map { _ in pieces[random.next(pieces.count)] }.joined()
    }

    @Test func aRescanAfterAnyEditFindsWhatAScanOfTheWholeFileFinds() {
        var random = Seeded(state: 17)
        for names: Set<String> in [["id"], ["href", "src"]] {
            for _ in 0..<40 {
                // Marks from every byte or so to every few hundred bytes.
                let memo = AttributeScanMemo(markEvery: [1, 2, 3, 5, 8, 40, 256][random.next(7)]), rewrites = AttributeScanMemo()
                var html = Self.text(&random, pieces: 20 + random.next(1500))
                for _ in 0..<25 {
                    // One to three places changed: replaced, inserted, removed, or nothing.
                    for _ in 0..<(1 + random.next(3)) {
                        var characters = Array(html)
                        let start = random.next(characters.count + 1)
                        let end = min(characters.count, start + random.next(12))
                        characters.replaceSubrange(start..<end, with: random.next(4) == 0 ? [] : Array(Self.text(&random, pieces: random.next(6))))
                        html = String(characters)
                    }
                    let found = memo.attributes(names, in: html, slot: "page.html")
                    let expected = HTMLText.attributes(names, in: html)
                    #expect(found.map(\.name) == expected.map(\.name) && found.map(\.value) == expected.map(\.value), "\(html)")
                    let rewrite = { (name: String, value: String) in value.contains("x") ? nil : "[\(name) \(value)]" }
                    #expect(HTMLText.rewriteAttributes(names, in: html, scans: rewrites, slot: "chapter", rewrite) == HTMLText.rewriteAttributes(names, in: html, rewrite))
                }
            }
        }
    }

    @Test func theRunsOfUnchangedBytesAreEqualBytesInOrder() {
        let a = [UInt8](repeating: 1, count: 10_000) + [2] + [UInt8](repeating: 3, count: 9_000)
        let b = [UInt8](repeating: 1, count: 10_000) + [4, 4] + [UInt8](repeating: 3, count: 9_000)
        let runs = ByteRuns(old: a, new: b).runs
        #expect(runs.first?.count == 10_000 && runs.last.map { $0.old + $0.count == a.count && $0.new + $0.count == b.count } == true)
        var random = Seeded(state: 5)
        for _ in 0..<200 {
            let old = Array(Self.text(&random, pieces: random.next(800)).utf8)
            var new = old
            for _ in 0..<random.next(4) {
                let start = random.next(new.count + 1)
                new.replaceSubrange(start..<min(new.count, start + random.next(40)), with: Array(Self.text(&random, pieces: random.next(10)).utf8))
            }
            var end = (old: 0, new: 0)
            for run in ByteRuns(old: old, new: new).runs {
                #expect(run.count > 0 && run.old >= end.old && run.new >= end.new)
                #expect(old[run.old..<(run.old + run.count)] == new[run.new..<(run.new + run.count)])
                end = (run.old + run.count, run.new + run.count)
            }
        }
        #expect(ByteRuns(old: [], new: b).runs.isEmpty)
    }
}
