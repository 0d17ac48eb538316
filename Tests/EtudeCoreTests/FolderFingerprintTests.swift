import Foundation
import Testing
@testable import EtudeCore

/// A folder's fingerprint (`FolderFingerprint`), read with the system's calls, tells two
/// folders apart exactly when FileManager's enumeration of their files does: every file,
/// hidden ones too, every folder, empty ones too, byte for byte; none with a symbolic link.
@Suite struct FolderFingerprintTests {
    /// What FileManager's enumerator reads of a folder (the fingerprint's former reading).
    private static func enumerated(_ folder: URL) -> (exists: Bool, files: [String: Data?])? {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: folder.path, isDirectory: &isFolder) else { return (false, [:]) }
        guard isFolder.boolValue, (try? manager.destinationOfSymbolicLink(atPath: folder.path)) == nil,
              let enumerator = manager.enumerator(atPath: folder.path) else { return nil }
        var files: [String: Data?] = [:]
        for case let path as String in enumerator {
            let full = folder.path + "/" + path
            switch FileKind.at(full) {
            case .folder: files[path] = .some(nil)
            case .file:
                guard let data = manager.contents(atPath: full) else { return nil }
                files[path] = data
            default: return nil
            }
        }
        return (true, files)
    }

    private static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func foldersAreToldApartAsTheirEnumerationTellsThem() throws {
        var random = SplitMix64(seed: 2711)
        let root = try TestSupport.temporaryDirectory()
        let names = ["a.md", ".cache", "b", "é.yaml", "x y.txt", "sous/c.md", "sous/.d", "sous/vide/", "autre/e.csv", ".cachés/f"]
        // Each of a few random folders, then copies of it changed in one way each.
        let changes: [(String, (URL) throws -> Void)] = [
            ("copy", { _ in }),
            ("hidden file", { try Self.write("autre", to: $0.appendingPathComponent(".cachés/f")) }),
            ("hidden folder", { try FileManager.default.createDirectory(at: $0.appendingPathComponent(".cachés/g"), withIntermediateDirectories: true) }),
            ("empty folder", { try FileManager.default.createDirectory(at: $0.appendingPathComponent("sous/vide2"), withIntermediateDirectories: true) }),
            ("nested file", { try Self.write("modifié", to: $0.appendingPathComponent("sous/c.md")) }),
            ("symbolic link", { try FileManager.default.createSymbolicLink(atPath: $0.appendingPathComponent("lien").path, withDestinationPath: "/tmp") }),
        ]
        var folders: [URL] = []
        for index in 0..<6 {
            let base = root.appendingPathComponent("f\(index)")
            try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
            for name in names where Bool.random(using: &random) {
                let url = base.appendingPathComponent(name)
                if name.hasSuffix("/") {
                    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
                } else {
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data((Bool.random(using: &random) ? "un" : "deux").utf8).write(to: url)
                }
            }
            folders.append(base)
            for (name, change) in changes {
                let copy = root.appendingPathComponent("f\(index)-\(name)")
                try FileManager.default.copyItem(at: base, to: copy)
                try change(copy)
                folders.append(copy)
            }
        }
        folders.append(root.appendingPathComponent("absent"))
        folders.append(root.appendingPathComponent("absent-aussi"))
        var equalPairs = 0, differentPairs = 0
        for first in folders {
            for second in folders {
                let (a, b) = (FolderFingerprint(of: first), FolderFingerprint(of: second))
                let (expectedA, expectedB) = (Self.enumerated(first), Self.enumerated(second))
                #expect((a == nil) == (expectedA == nil), "\(first.lastPathComponent)")
                guard let a, let b, let expectedA, let expectedB else { continue }
                #expect((a == b) == (expectedA.exists == expectedB.exists && expectedA.files == expectedB.files), "\(first.lastPathComponent) \(second.lastPathComponent)")
                if first != second { if a == b { equalPairs += 1 } else { differentPairs += 1 } }
            }
        }
        #expect(equalPairs >= 12 && differentPairs > 100, "\(equalPairs) pairs of different folders with the same files, \(differentPairs) with others")
        let file = root.appendingPathComponent("fichier.md")
        try Data("x".utf8).write(to: file)
        #expect(FolderFingerprint(of: file) == nil && Self.enumerated(file) == nil, "a file is not a folder")
    }

    /// The quick answers of `isComposed` are Foundation's: a text is in NFC when composing it changes nothing.
    @Test func aTextIsComposedAsFoundationSays() {
        let pieces = ["a", "é", "e\u{301}", "\u{301}", "’", "\u{202F}", "€", "\u{2000}", "\u{2001}", "Å", "A\u{30A}", "\u{212B}", "ǅ", "한", "\u{1100}\u{1161}",
                      "ﬁ", "\u{0344}", "\u{0958}", "«", "🇫🇷", "\u{2ADC}", "\u{1E0A}\u{0323}"]
        var composed = 0
        for text in RandomTexts.make(seed: 4242, count: 4_000, maxPieces: 5, from: pieces) {
            let expected = text.precomposedStringWithCanonicalMapping.utf8.elementsEqual(text.utf8)
            #expect(FolderFingerprint.isComposed(Data(text.utf8)) == expected, "\(Array(text.unicodeScalars))")
            if expected { composed += 1 }
        }
        #expect(composed > 200 && composed < 3_800)
    }
}
