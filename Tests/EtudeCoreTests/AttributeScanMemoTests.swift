import Foundation
import Testing
@testable import EtudeCore

/// `etude serve` scans a changed file for its links and ids only where it changed
/// (`AttributeScanMemo`): whatever the edit, the result is that of a scan of the whole file.
@Suite struct AttributeScanMemoTests {
    /// Pieces that make attributes, broken ones too: unclosed quotes, names run together, quotes inside values.
    static let pieces = [" ", "\n", "\t", "a", "é", "id", "href", "src", "=", "\"", "'", "x", "<", ">", " id=\"", " href='", "\" ", "hid"]

    static func text(_ random: inout SplitMix64, pieces count: Int) -> String {
        (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
    }

    @Test func aRescanAfterAnyEditFindsWhatAScanOfTheWholeFileFinds() {
        var random = SplitMix64(seed: 17)
        for names: Set<String> in [["id"], ["href", "src"]] {
            for _ in 0..<40 {
                // Marks from every byte or so to every few hundred bytes.
                let memo = AttributeScanMemo(markEvery: [1, 2, 3, 5, 8, 40, 256][Int.random(in: 0..<7, using: &random)]), rewrites = AttributeScanMemo()
                var html = Self.text(&random, pieces: 20 + Int.random(in: 0..<1500, using: &random))
                for _ in 0..<25 {
                    // One to three places changed: replaced, inserted, removed, or nothing.
                    for _ in 0..<(1 + Int.random(in: 0..<3, using: &random)) {
                        var characters = Array(html)
                        let start = Int.random(in: 0..<characters.count + 1, using: &random)
                        let end = min(characters.count, start + Int.random(in: 0..<12, using: &random))
                        characters.replaceSubrange(start..<end, with: Int.random(in: 0..<4, using: &random) == 0 ? [] : Array(Self.text(&random, pieces: Int.random(in: 0..<6, using: &random))))
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

    /// The link check hands over a built file's bytes as they are, invalid UTF-8 included
    /// (a file of static/): the answer is that of the whole text the bytes decode to.
    @Test func aRescanOfBytesFindsWhatTheDecodedTextGives() {
        var random = SplitMix64(seed: 29)
        let invalid: [[UInt8]] = [[0xC3], [0xFF], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xC3, 0xA9]]
        for names: Set<String> in [["id"], ["href", "src"]] {
            let memo = AttributeScanMemo(markEvery: 8)
            var bytes = Array(Self.text(&random, pieces: 600).utf8)
            for _ in 0..<60 {
                let start = Int.random(in: 0..<bytes.count + 1, using: &random)
                let end = min(bytes.count, start + Int.random(in: 0..<10, using: &random))
                let inserted = Int.random(in: 0..<3, using: &random) == 0 ? invalid[Int.random(in: 0..<invalid.count, using: &random)]
                    : Array(Self.text(&random, pieces: Int.random(in: 0..<5, using: &random)).utf8)
                bytes.replaceSubrange(start..<end, with: inserted)
                let found = memo.attributes(names, inUTF8: Data(bytes), slot: "file.html")
                let expected = HTMLText.attributes(names, in: String(decoding: bytes, as: UTF8.self))
                #expect(found.map(\.name) == expected.map(\.name) && found.map(\.value) == expected.map(\.value))
            }
        }
    }

    @Test func theRunsOfUnchangedBytesAreEqualBytesInOrder() {
        let a = [UInt8](repeating: 1, count: 10_000) + [2] + [UInt8](repeating: 3, count: 9_000)
        let b = [UInt8](repeating: 1, count: 10_000) + [4, 4] + [UInt8](repeating: 3, count: 9_000)
        let runs = ByteRuns(old: a, new: b).runs
        #expect(runs.first?.count == 10_000 && runs.last.map { $0.old + $0.count == a.count && $0.new + $0.count == b.count } == true)
        var random = SplitMix64(seed: 5)
        for _ in 0..<200 {
            let old = Array(Self.text(&random, pieces: Int.random(in: 0..<800, using: &random)).utf8)
            var new = old
            for _ in 0..<Int.random(in: 0..<4, using: &random) {
                let start = Int.random(in: 0..<new.count + 1, using: &random)
                new.replaceSubrange(start..<min(new.count, start + Int.random(in: 0..<40, using: &random)), with: Array(Self.text(&random, pieces: Int.random(in: 0..<10, using: &random)).utf8))
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
