import Foundation
import Testing
@testable import EtudeCore

/// A project file is decoded by the standard library as Foundation decoded it: the same
/// text (one byte order mark dropped), the same refusal of bytes that are not UTF-8, and
/// the same private-use characters found.
@Suite struct TextFileDecodingTests {
    static let pieces: [[UInt8]] = [[0xEF, 0xBB, 0xBF], Array("a".utf8), Array("é".utf8), Array("\r\n".utf8), Array("\n".utf8), [0xFF], [0xC3], [0x80],
                                    Array("\u{E000}".utf8), Array("\u{E005}".utf8), Array("\u{E006}".utf8), [0xEE, 0x80], Array("🇫🇷".utf8), Array("&#xE001;".utf8)]

    @Test func theTextIsWhatFoundationDecoded() {
        var generator = SplitMix64(seed: 909)
        var refused = 0, read = 0
        for _ in 0..<6_000 {
            let bytes = (0..<Int.random(in: 0...8, using: &generator)).flatMap { _ in Self.pieces.randomElement(using: &generator)! }
            let data = Data(bytes)
            let actual = Result { try TextFileReader.text(of: data, shownAs: "data/x.yaml") }
            guard let decoded = String(data: data, encoding: .utf8) else {
                #expect(throws: Diagnostic.self) { try actual.get() }
                refused += 1
                continue
            }
            let reserved = decoded.unicodeScalars.contains { Placeholder.isReserved($0) }
            #expect(TextFileReader.holdsReservedBytes(data) == reserved)
            if reserved || ReservedCharacterReference.first(in: decoded) != nil {
                #expect(throws: Diagnostic.self) { try actual.get() }
                continue
            }
            let body = decoded.hasPrefix("\u{FEFF}") ? String(decoded.dropFirst()) : decoded
            #expect((try? actual.get()) == TextFileReader.normalizedLineEndings(body), "\(bytes)")
            read += 1
        }
        #expect(refused > 500 && read > 500)
    }
}
