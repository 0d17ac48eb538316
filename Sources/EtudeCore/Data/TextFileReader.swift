import Foundation

/// Reads a project file as UTF-8 text, with errors that name the file and line.
enum TextFileReader {
    static func read(_ url: URL, shownAs path: String) throws -> String {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw Diagnostic(file: path, message: "cannot read the file: \(error.localizedDescription)")
        }
        return try text(of: data, shownAs: path)
    }

    /// The bytes of a project file, already read, as checked UTF-8 text.
    static func text(of data: Data, shownAs path: String) throws -> String {
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic(file: path, line: lineOfFirstInvalidByte(in: data),
                             message: "the file is not valid UTF-8 text; save it with the UTF-8 encoding")
        }
        if let scalar = text.unicodeScalars.first(where: { (0xE000...0xE005).contains($0.value) }) {
            throw Diagnostic(file: path, message: String(format: "the file contains the private-use character U+%04X, which Étude reserves; remove it", scalar.value))
        }
        if let reference = ReservedCharacterReference.first(in: text) {
            throw Diagnostic(file: path, line: reference.line, column: reference.column, message: reference.message)
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
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
