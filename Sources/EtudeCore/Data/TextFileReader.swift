import Foundation

/// Reads a project file as UTF-8 text, with errors that name the file and line.
enum TextFileReader {
    /// Reads `url`, which must resolve inside `root` (see `ProjectFileReader`).
    static func read(_ url: URL, shownAs path: String, within root: URL?) throws -> String {
        try text(of: try ProjectFileReader.data(at: url, shownAs: path, within: root), shownAs: path)
    }

    /// The bytes of a project file, already read, as checked UTF-8 text.
    static func text(of data: Data, shownAs path: String) throws -> String {
        // As Foundation's `String(data:encoding: .utf8)`, which drops a byte order mark, but
        // validated by the standard library (a fifth of reading data/ went to Foundation's).
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        guard let text = String(validating: data.starts(with: bom) ? data.dropFirst(3) : data[...], as: UTF8.self) else {
            throw Diagnostic(file: path, line: lineOfFirstInvalidByte(in: data),
                             message: "the file is not valid UTF-8 text; save it with the UTF-8 encoding")
        }
        // U+E000–U+E005 are EE 80 80–85 in UTF-8: the scalars are looked at only where those bytes are.
        if Self.holdsReservedBytes(data), let index = text.unicodeScalars.firstIndex(where: { Placeholder.isReserved($0) }) {
            let line = text.unicodeScalars[..<index].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            throw Diagnostic(file: path, line: line, message: Placeholder.reservedMessage(text.unicodeScalars[index]))
        }
        if let reference = ReservedCharacterReference.first(in: text) {
            throw Diagnostic(file: path, line: reference.line, column: reference.column, message: reference.message)
        }
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        return normalizedLineEndings(body)
    }

    /// Whether `data` holds the UTF-8 bytes of one of U+E000–U+E005.
    static func holdsReservedBytes(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = 0
            while index + 2 < bytes.count {
                if bytes[index] == 0xEE, bytes[index + 1] == 0x80, (0x80...0x85).contains(bytes[index + 2]) { return true }
                index += 1
            }
            return false
        }
    }

    /// CRLF (Windows) and CR (old Mac) line endings as LF, so that every reader sees one kind.
    static func normalizedLineEndings(_ text: String) -> String {
        guard text.utf8.contains(13) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// The 1-based line holding the first byte sequence that is not UTF-8.
    private static func lineOfFirstInvalidByte(in data: Data) -> Int {
        var line = 1
        var lineStart = data.startIndex
        for index in data.indices where data[index] == UInt8(ascii: "\n") {
            if String(data: data[lineStart..<index], encoding: .utf8) == nil { return line }
            line += 1
            lineStart = index + 1
        }
        return line
    }
}
