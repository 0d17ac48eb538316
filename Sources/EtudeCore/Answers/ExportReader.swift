import CSV
import Foundation

/// Reads a survey tool's export row by row with yaslab/CSV.swift: UTF-8 with or without
/// BOM, `,` or `;` (whichever the header line holds more of, outside quotes), RFC 4180
/// quotes with embedded newlines. Each row comes with the line it starts on, for errors; a
/// row whose field count is not the header's is malformed. A large export is cut into
/// pieces at row boundaries, read in parallel (see `AnswerAggregator`).
struct ExportReader {
    let url: URL
    /// The path shown in messages, `data/…`.
    let shown: String

    struct Header {
        var names: [String]
        var separator: UnicodeScalar
    }

    /// A run of whole rows of the export, and the line its first row starts on.
    struct Piece {
        var text: String
        var firstLine: Int
        var hasHeader: Bool
    }

    /// The export's text in at most `count` pieces, cut after a line break outside quotes.
    /// The library reads a string faster than a stream (measured: 1,9 s against 4,6 s for
    /// 42 MB): the file is read whole, which is memory for one file's text, not per figure.
    /// Each piece is checked as UTF-8, made a string and its lines counted on a thread of
    /// its own: done in one loop before, this was a tenth of the whole build's time.
    func pieces(_ count: Int) throws -> [Piece] {
        guard var data = try? Data(contentsOf: url, options: .mappedIfSafe) else {
            throw Diagnostic(file: shown, message: "cannot read the export; check that the file exists and can be read")
        }
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }
        let made: [(text: String, lines: Int)?] = data.withUnsafeBytes { raw in
            let bytes = UncheckedBytes(bytes: raw.bindMemory(to: UInt8.self))
            let cuts = Self.cuts(bytes.bytes, count) + [bytes.bytes.count]
            let results = ThreadResults<(text: String, lines: Int)?>(count: cuts.count - 1)
            DispatchQueue.concurrentPerform(iterations: cuts.count - 1) { index in
                let piece = UnsafeBufferPointer(rebasing: bytes.bytes[cuts[index]..<cuts[index + 1]])
                results.store(index, String(validating: piece, as: UTF8.self).map { ($0, Self.lineBreaks(piece)) })
            }
            return results.all.map { $0 ?? nil }
        }
        var pieces: [Piece] = []
        var line = 1
        for piece in made {
            guard let piece else {
                throw Diagnostic(file: shown, message: "the export is not valid UTF-8 text; export it again as CSV UTF-8")
            }
            pieces.append(Piece(text: piece.text, firstLine: line, hasHeader: pieces.isEmpty))
            line += piece.lines
        }
        return pieces
    }

    /// Where the pieces start: 0, then after the first line break outside quotes past each
    /// `count`th of the bytes. Only the quotes before a cut need counting (their parity),
    /// which the compiler does many bytes at a time.
    private static func cuts(_ bytes: UnsafeBufferPointer<UInt8>, _ count: Int) -> [Int] {
        var cuts = [0]
        var index = 0, quoted = false
        while cuts.count < count {
            let target = bytes.count * cuts.count / count
            if index + 1 < target {
                var quotes = 0
                for byte in UnsafeBufferPointer(rebasing: bytes[index..<(target - 1)]) { quotes &+= byte == 34 ? 1 : 0 }
                if quotes & 1 == 1 { quoted.toggle() }
                index = target - 1
            }
            while index < bytes.count && (bytes[index] != 10 || quoted) {
                if bytes[index] == 34 { quoted.toggle() }
                index += 1
            }
            guard index + 1 < bytes.count else { break }
            index += 1
            cuts.append(index)
        }
        return cuts
    }

    /// The header row of the export's first piece.
    func header(of piece: Piece) throws -> Header {
        let separator = Self.separator(of: piece.text)
        guard let reader = try? CSVReader(string: piece.text, hasHeaderRow: true, delimiter: separator) else {
            throw Diagnostic(file: shown, line: 1, message: "the export has no header row; its first line must name the columns")
        }
        return Header(names: (reader.headerRow ?? []).map { $0.trimmed(.whitespaces) }, separator: separator)
    }

    /// Calls `body` with each row's fields and line; a problem in a row is collected, and
    /// every one is thrown at the end (at most 20).
    func read(_ piece: Piece, header: Header, row body: ([String], Int) throws -> Void) throws {
        guard let reader = try? CSVReader(string: piece.text, hasHeaderRow: piece.hasHeader, delimiter: header.separator) else { return }
        var line = piece.firstLine - 1 + (piece.hasHeader ? 1 + Self.extraLines(in: reader.headerRow ?? []) : 0)
        var collector = DiagnosticCollector()
        while let fields = reader.next() {
            line += 1
            let start = line
            line += Self.extraLines(in: fields)
            if fields.count == 1 && fields[0].isEmpty { continue }
            guard fields.count == header.names.count else {
                collector.report(Diagnostic(file: shown, line: start, message: "row has \(fields.count) field\(fields.count == 1 ? "" : "s") but the header has \(header.names.count); check for a missing or extra '\(header.separator)' or an unclosed quote"))
                if collector.diagnostics.count >= 20 { break }
                continue
            }
            collector.collect { try body(fields, start) }
            if collector.diagnostics.count >= 20 { break }
        }
        try collector.throwIfAny()
    }

    /// Line breaks inside quoted fields: each moves the next row one line further.
    private static func extraLines(in fields: [String]) -> Int {
        var count = 0
        for field in fields {
            // Read in place: iterating `utf8` byte by byte cost as much as the figures' tallies.
            count += field.utf8.withContiguousStorageIfAvailable(lineBreaks) ?? Array(field.utf8).withUnsafeBufferPointer(lineBreaks)
        }
        return count
    }

    /// A CR, an LF or a CRLF each count as one.
    static func lineBreaks(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0, previous: UInt8 = 0
        for byte in bytes {
            if byte == 10 { if previous != 13 { count += 1 } } else if byte == 13 { count += 1 }
            previous = byte
        }
        return count
    }

    /// `;` when the header line holds more semicolons than commas outside quotes, else `,`.
    private static func separator(of text: String) -> UnicodeScalar {
        var commas = 0, semicolons = 0, quoted = false
        for byte in text.utf8.prefix(65_536) {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if quoted { continue }
            if byte == 10 || byte == 13 { break }
            if byte == UInt8(ascii: ",") { commas += 1 }
            if byte == UInt8(ascii: ";") { semicolons += 1 }
        }
        return semicolons > commas ? ";" : ","
    }
}

/// A read-only view of the export's bytes, shared by the threads that cut it into pieces.
private struct UncheckedBytes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
}
