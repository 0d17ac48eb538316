import Foundation
import Testing
@testable import EtudeCore

/// `figures.json` is put together from each row's own encoding (so a rebuild encodes only the
/// rows that changed); it must be byte for byte what JSONEncoder writes for the whole document.
@Suite struct ExportJSONEquivalenceTests {
    static let pieces = ["a", " ", "\n", "\r\n", "\t", "\"", "\\", "/", "{", "}", "[", "]", ",", ":", "é", "e\u{301}", "\u{2028}",
                         "\u{202F}", "🇫🇷", "\u{0}", "\u{1F}", "    ", "  \"x\" : ["]

    static func wholeDocument(_ export: FigureExport, _ rows: [FigureExport.Row]) throws -> Data {
        let dataset = export.table.dataset
        let sources = dataset.sourceOrder.compactMap { dataset.sources[$0] }.map { FigureExport.Document.Source(id: $0.id, title: $0.title) }
        return try FigureExport.encoded(FigureExport.Document(sources: sources, figures: rows)) + Data("\n".utf8)
    }

    @Test func theStudysExportIsWhatJSONEncoderWrites() throws {
        let export = FigureExport(table: try SiteBuilder(project: Project(directory: TestSupport.repositoryRoot)).render().table)
        let rows = export.rows
        #expect(rows.count > 20)
        #expect(try export.json(rows) == (try Self.wholeDocument(export, rows)))
        #expect(try export.json([]) == (try Self.wholeDocument(export, [])))
    }

    @Test func rowsOfAwkwardTextsAreWhatJSONEncoderWrites() throws {
        var export = FigureExport(table: try SiteBuilder(project: Project(directory: TestSupport.repositoryRoot)).render().table)
        export.jsonMemo = SlotMemo()
        export.sourcesMemo = SlotMemo()
        let texts = RandomTexts.make(seed: 4211, count: 600, maxPieces: 6, from: Self.pieces)
        var rows: [FigureExport.Row] = []
        for (index, text) in texts.enumerated() {
            rows.append(FigureExport.Row(key: "k\(index % 40)", label: text, origin: "typed", value: index % 3 == 0 ? nil : Double(index) / 7,
                                         text: text, count: index % 2 == 0 ? Double(index) : nil, estimate: index % 5 == 0 ? true : nil,
                                         unit: "percent", items: index % 4 == 0 ? [text, "b/c"] : (index % 7 == 0 ? [] : nil),
                                         assumption: index % 3 == 1 ? text : nil, line: index))
            // The memo is asked with rows it kept and rows that changed under the same key.
            if index % 25 == 24 {
                #expect(try export.json(rows) == (try Self.wholeDocument(export, rows)), "\(rows.count) rows")
                rows.removeFirst(min(rows.count, 7))
            }
        }
    }

    /// Lines moved right one byte at a time: what splitting at line breaks and joining gave.
    @Test func indentingIsWhatSplittingIntoLinesGave() {
        let reference = { (json: Data, spaces: Int) in
            json.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : String(repeating: " ", count: spaces) + String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
        }
        for (index, text) in RandomTexts.make(seed: 5150, count: 4_000, maxPieces: 8, from: Self.pieces + ["\n\n", "\n "]).enumerated() {
            let data = Data(text.utf8)
            #expect(FigureExport.indented(data, by: index % 5) == reference(data, index % 5), "\(Array(text.unicodeScalars))")
        }
    }
}
