import Foundation
import Testing
@testable import EtudeCore

/// `OutputFile.write`, which writes the output's files without Foundation's wait for the disk.
@Suite struct OutputFileTests {
    @Test func writesTheBytesAndReplacesALongerFile() throws {
        let folder = try TestSupport.temporaryDirectory()
        let file = folder.appendingPathComponent("page.html")
        try Data(repeating: 0x41, count: 100_000).write(to: file)
        let bytes = Data((0..<70_001).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try OutputFile.write(bytes, to: file)
        #expect(try Data(contentsOf: file) == bytes)
        try OutputFile.write(Data(), to: file)
        #expect(try Data(contentsOf: file).isEmpty)
    }

    @Test func aFileThatCannotBeWrittenIsNamedWithTheSystemsReason() throws {
        let missing = try TestSupport.temporaryDirectory().appendingPathComponent("nowhere/page.html")
        let failure = #expect(throws: OutputFile.Failure.self) { try OutputFile.write(Data("x".utf8), to: missing) }
        #expect(failure?.localizedDescription == "\(missing.path): No such file or directory")
    }
}
