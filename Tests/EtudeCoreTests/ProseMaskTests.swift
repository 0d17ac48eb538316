import Foundation
import Testing
@testable import EtudeCore

/// `ProseMask` finds what the regexes it replaces found, in linear time.
@Suite struct ProseMaskTests {
    /// Lines made of the characters that matter, in every order a small generator gives.
    static let lines: [String] = {
        let pieces = ["{{", "}}", "}", "{", "`", "](", ")", "<", ">", "1", "23", "/", " ", "4 / 5", "a", "é", "\u{00A0}"]
        var state: UInt64 = 42
        return (0..<3000).map { _ in
            (0..<12).map { _ in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return pieces[Int(state >> 33) % pieces.count]
            }.joined()
        }
    }()

    @Test func blankingMatchesTheRegexes() {
        let regexes: [Regex<Substring>] = [/\{\{[^}]*\}\}/, /`[^`]*`/, /\]\([^)]*\)/, /<[^>]*>/]
        for line in Self.lines {
            var expected = line
            for regex in regexes {
                expected = expected.replacing(regex) { String(repeating: " ", count: $0.output.utf8.count) }
            }
            #expect(ProseMask.blankingNonProse(line) == expected, "\(line)")
        }
    }

    @Test func fractionsMatchTheRegex() {
        for line in Self.lines {
            let expected = line.matches(of: /(\d+)\s?\/\s?(\d+)/).map { "\(line[$0.range])=\($0.output.1)/\($0.output.2)" }
            let found = ProseMask.fractions(in: line).map { "\(line[$0.range])=\($0.numerator)/\($0.denominator)" }
            #expect(found == expected, "\(line)")
        }
    }
}
