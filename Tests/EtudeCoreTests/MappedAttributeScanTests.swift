import Foundation
import Testing
@testable import EtudeCore

/// `MappedAttributeScan` reads a file through a mapping it gives back as it goes: the
/// attributes found are those of a scan of the file's bytes in memory.
@Suite struct MappedAttributeScanTests {
    @Test func aMappedScanFindsWhatAScanOfTheBytesFinds() throws {
        TestSupport.heavyWork.lock()
        defer { TestSupport.heavyWork.unlock() }
        let pieces = [" href=\"", " id='", "\"", "'", " src=", "<a", ">", "x.html", "#é", "e\u{301}", " data-id=\"", "\n", "&amp;", " ", "<p id=\"p\">"].map { Array($0.utf8) }
        // Several mebibytes, so that pages are given back behind the scan.
        var random = SplitMix64(seed: 55)
        var html: [UInt8] = []
        while html.count < 3 * MappedAttributeScan.behind + 4_321 { html += pieces.randomElement(using: &random)! }
        let file = try TestSupport.temporaryDirectory().appendingPathComponent("rapport.html")
        try Data(html).write(to: file)
        var mapped: [String] = []
        #expect(MappedAttributeScan.attributes(LinkChecker.scannedNames, inFileAt: file.path) { name, value in mapped.append(name + "=" + value) })
        let inMemory = HTMLText.attributes(LinkChecker.scannedNames, inUTF8: try Data(contentsOf: file)).map { $0.name + "=" + $0.value }
        #expect(mapped.count > 5_000)
        #expect(mapped == inMemory)
    }

    @Test func aFileThatCannotBeReadIsSaidSo() throws {
        let missing = try TestSupport.temporaryDirectory().appendingPathComponent("absent.html")
        #expect(!MappedAttributeScan.attributes(["id"], inFileAt: missing.path) { _, _ in })
        let empty = try TestSupport.temporaryDirectory().appendingPathComponent("vide.html")
        try Data().write(to: empty)
        var found = 0
        #expect(MappedAttributeScan.attributes(["id"], inFileAt: empty.path) { _, _ in found += 1 })
        #expect(found == 0)
    }
}
