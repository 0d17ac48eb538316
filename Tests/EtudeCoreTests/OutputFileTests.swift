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

/// `FileKind`, which looks at a path without Foundation's lookups of owner names.
@Suite struct FileKindTests {
    @Test func tellsFilesFoldersAndLinksApartWithoutFollowingLinks() throws {
        let folder = try TestSupport.temporaryDirectory()
        let file = folder.appendingPathComponent("a.txt")
        try Data("abc".utf8).write(to: file)
        let link = folder.appendingPathComponent("lien")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: folder.path)
        #expect(FileKind.at(file.path) == .file)
        #expect(FileKind.at(folder.path) == .folder)
        #expect(FileKind.at(link.path) == .link)
        #expect(FileKind.at(folder.appendingPathComponent("nothing").path) == nil)
        #expect(FileKind.size(at: file.path) == 3)
        for path in [file.path, folder.path, link.path] {
            let type = try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
            let expected: FileKind = type == .typeDirectory ? .folder : type == .typeSymbolicLink ? .link : .file
            #expect(FileKind.at(path) == expected, "\(path): as Foundation says")
        }
    }
}
