import Foundation
import Testing
@testable import EtudeCore

/// The depth guard reads the text's lines in its own bytes: the same lines, and so the same
/// answer, as when `LineSplitter` cut them and each was copied.
@Suite struct YAMLDepthGuardTests {
    static let pieces = ["[", "{", "]", "}", ",", "- ", "? ", "  ", "\t", "\n", "\r\n", "\r", "'", "\"", "#", "|", ">", "a: ", "\\", "b",
                         String(repeating: "[", count: 30), String(repeating: "{", count: 66), String(repeating: "- ", count: 20), "\n" + String(repeating: " ", count: 8), "é", "x\u{301}"]

    private static func lineByLine(_ text: String) -> YAMLDepthGuard.Excess? {
        var scanner = YAMLDepthGuard.Scanner()
        for (offset, line) in LineSplitter.lines(of: text).enumerated() {
            Array(line.utf8).withUnsafeBufferPointer { scanner.scan($0, lineNumber: offset + 1) }
        }
        return scanner.excess
    }

    @Test func theBytesAnswerAsTheLinesCopiedOneByOne() {
        var excesses = 0
        for text in RandomTexts.make(seed: 6401, count: 8_000, maxPieces: 16, from: Self.pieces) {
            let expected = Self.lineByLine(text)
            #expect(YAMLDepthGuard.check(text) == expected, "\(text.debugDescription)")
            if expected != nil { excesses += 1 }
        }
        #expect(excesses > 100, "some texts nest too deeply: \(excesses)")
    }
}
