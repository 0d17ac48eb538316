import Foundation
import Testing
@testable import EtudeCore

/// `ReferenceMatchMemo` gives what `ReferenceParser.matches` finds, for texts that differ
/// only in their bytes too (their ranges differ), build after build.
@Suite struct ReferenceMatchMemoTests {
    static func describe(_ matches: [ReferenceParser.Match], in text: String) -> [String] {
        matches.map { match in
            let start = text.utf8.distance(from: text.startIndex, to: match.range.lowerBound)
            let end = text.utf8.distance(from: text.startIndex, to: match.range.upperBound)
            switch match.result {
            case .success(let reference): return "\(start)-\(end) \(reference.key) \(reference.format) \(reference.location)"
            case .failure(let diagnostic): return "\(start)-\(end) \(diagnostic)"
            }
        }
    }

    @Test func theMemoFindsWhatTheParserFinds() {
        let memo = ReferenceMatchMemo()
        let texts = [
            "Été : {{ innovation.managerial }} et {{ adoption | margin }}", "E\u{301}te\u{301} : {{ innovation.managerial }} et {{ adoption | margin }}",
            "sans référence", "{{ ouvert", "{{ literal: 41 % }} {{ figure: adoption }}", "{{ a }}{{ b | words-f }}", "",
        ]
        for build in 0..<3 {
            memo.begin()
            for text in texts {
                for origin in [SourcePosition(line: 3, column: 1), SourcePosition(line: 3 + build % 2, column: 5)] {
                    let expected = ReferenceParser.matches(in: text, file: "content/page.md", origin: origin)
                    let found = memo.matches(in: text, file: "content/page.md", origin: origin)
                    #expect(Self.describe(found, in: text) == Self.describe(expected, in: text), "build \(build): \(text.debugDescription) at \(origin)")
                }
            }
        }
    }
}
