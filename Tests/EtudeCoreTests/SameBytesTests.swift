import Foundation
import Testing
@testable import EtudeCore

/// `SameBytes` compares a mebibyte at a time: the answers of comparing whole copies.
@Suite struct SameBytesTests {
    @Test func filesAndBytesCompareAsWholeCopiesDo() throws {
        let folder = try TestSupport.temporaryDirectory()
        var random = SplitMix64(seed: 7)
        let base = (0..<(2 * SameBytes.chunk + 123)).map { _ in UInt8.random(in: 0...255, using: &random) }
        var lastChanged = base
        lastChanged[lastChanged.count - 1] ^= 1
        var chunkEdgeChanged = base
        chunkEdgeChanged[SameBytes.chunk] ^= 0x80
        let contents: [String: [UInt8]] = [
            "a": base, "b": base, "last": lastChanged, "edge": chunkEdgeChanged, "shorter": Array(base.dropLast()), "empty": [], "empty2": [],
        ]
        for (name, bytes) in contents { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        let path = { (name: String) in folder.appendingPathComponent(name).path }
        for (first, a) in contents {
            for (second, b) in contents {
                #expect(SameBytes.files(path(first), path(second)) == (a == b), "\(first) and \(second)")
                #expect(SameBytes.data(Data(a), file: path(second)) == (a == b), "bytes of \(first) and \(second)")
            }
        }
        #expect(!SameBytes.files(path("a"), path("absent")))
        #expect(!SameBytes.data(Data(), file: path("absent")))
    }
}
