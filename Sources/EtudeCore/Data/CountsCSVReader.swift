import Foundation

/// Reads the parts of a split or multiple-answer figure from counts:
/// a CSV with the columns `key,label,count,base`, one row per answer option.
struct CountsCSVReader {
    static let columns = ["key", "label", "count", "base"]
    let dataDirectory: URL

    func parts(file: String, of group: Figure, base: FigureBase?) throws -> [Figure] {
        let path = "data/\(file)"
        let text = try TextFileReader.read(dataDirectory.appendingPathComponent(file), shownAs: path, within: dataDirectory.deletingLastPathComponent())
        let rows = CSVParser.rows(of: text)
        guard let header = rows.first, !header.fields.isEmpty else {
            throw Diagnostic(file: path, line: 1, message: "the CSV file is empty; its first line must be \(Self.columns.joined(separator: ","))")
        }
        let names = header.fields.map { $0.trimmed(.whitespaces).lowercased() }
        for column in Self.columns where !names.contains(column) {
            throw Diagnostic(file: path, line: 1, column: 1, message: "missing column '\(column)'; the header must name \(Self.columns.joined(separator: ", "))")
        }
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() {
            guard index[name] == nil else {
                throw Diagnostic(file: path, line: 1, column: 1, message: "column '\(name)' is named twice in the header; name each column once: \(Self.columns.joined(separator: ","))")
            }
            index[name] = position
        }
        var counts: [(figure: Figure, count: Double, base: Double)] = []
        for row in rows.dropFirst() where !(row.fields.count == 1 && row.fields[0].isEmpty) {
            guard row.fields.count == names.count else {
                throw Diagnostic(file: path, line: row.line, message: "row has \(row.fields.count) fields but the header has \(names.count); check for a missing or extra comma")
            }
            let value = { (name: String) in row.fields[index[name]!].trimmed(.whitespaces) }
            let count = try wholeNumber(value("count"), "count", minimum: 0, file: path, line: row.line)
            let rowBase = try wholeNumber(value("base"), "base", minimum: 1, file: path, line: row.line)
            guard count <= rowBase else {
                throw Diagnostic(file: path, line: row.line, message: "count \(value("count")) is larger than its base \(value("base"))")
            }
            var figure = group
            figure.key = "\(group.key).\(value("key"))"
            figure.label = value("label")
            figure.kind = .share
            figure.group = group.key
            figure.base = .number(rowBase)
            figure.file = path
            figure.location = SourcePosition(line: row.line, column: 1)
            guard FigureKey.isValid(value("key")) && !value("key").contains("."), !figure.label.isEmpty else {
                throw Diagnostic(file: path, line: row.line, message: "each row needs a key (lowercase letters, digits, '_' or '-') and a label")
            }
            counts.append((figure, count, rowBase))
        }
        guard !counts.isEmpty else { throw Diagnostic(file: path, line: 1, message: "the CSV file has no rows of counts") }
        // Exact proportions: a share is rounded only where it is written.
        let shares = counts.map { $0.count / $0.base * 100 }
        var written: [Double?] = shares.map { _ in nil }
        if group.kind == .split {
            if let other = counts.first(where: { $0.base != counts[0].base }) {
                throw Diagnostic(file: path, line: other.figure.location.line,
                                 message: "this row's base differs from the first row's (line \(counts[0].figure.location.line)); the rows of split '\(group.key)' share one base")
            }
            let sum = counts.reduce(0) { $0 + $1.count }
            guard sum == counts[0].base else {
                throw Diagnostic(file: path, line: counts.last!.figure.location.line,
                                 message: "the counts of split '\(group.key)' add up to \(NumberStyle.french.number(sum)), not to their base \(NumberStyle.french.number(counts[0].base)); correct a count, or use kind 'multiple' if several answers were possible")
            }
            // Written whole, the parts of a split still sum to 100.
            written = LargestRemainder.round(shares, total: 100)
        }
        return counts.indices.map { index in
            var figure = counts[index].figure
            figure.value = shares[index]
            figure.count = counts[index].count
            figure.writtenValue = written[index]
            figure.baseLocation = figure.location
            return figure
        }
    }

    /// A count or base cell: plain decimal digits (see `NumberReader`), whole, at least `minimum`.
    private func wholeNumber(_ text: String, _ name: String, minimum: Double, file: String, line: Int) throws -> Double {
        switch NumberReader.read(text) {
        case .success(let number) where number.isWhole && number.value >= minimum:
            return number.value
        case .success:
            let what = minimum > 0 ? "a whole number above 0" : "a whole number, 0 or more"
            throw Diagnostic(file: file, line: line, message: "\(name) '\(text)' must be \(what)")
        case .failure(let problem):
            throw Diagnostic(file: file, line: line, message: "\(name) '\(text)' \(problem.reason)")
        }
    }
}

/// A minimal RFC 4180 reader: commas, double-quoted fields, doubled quotes, CRLF.
enum CSVParser {
    struct Row {
        var fields: [String]
        var line: Int
    }

    static func rows(of text: String) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var rowLine = 1
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\"" {
                    quoted = false
                } else {
                    if character == "\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"":
                if field.hasSuffix("\"") || !field.isEmpty { field.append("\"") }
                quoted = true
            case ",":
                fields.append(field)
                field = ""
            case "\n", "\r\n":
                fields.append(field)
                rows.append(Row(fields: fields, line: rowLine))
                fields = []
                field = ""
                line += 1
                rowLine = line
            default:
                field.append(character)
            }
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            rows.append(Row(fields: fields, line: rowLine))
        }
        return rows
    }
}
