import Foundation

/// `donnees/figures.json` and `donnees/figures.csv`: every figure of the publication, typed
/// or computed, with its published text, its base and its source, for readers who want
/// the numbers rather than the prose.
public struct FigureExport {
    public static let jsonPath = "donnees/figures.json"
    public static let csvPath = "donnees/figures.csv"

    /// One figure as exported. Values are plain numbers (dot as decimal separator);
    /// `text` is the value as the site writes it, in French.
    struct Row: Encodable, Equatable {
        var key: String
        var label: String
        /// `typed` in data/, or `computed` by Étude.
        var origin: String
        /// Absent for a share withheld by statistical secrecy.
        var value: Double?
        var text: String
        /// For a share given as a count: that exact count of respondents.
        var count: Double?
        /// True for an estimate (a count computed from a rounded share).
        var estimate: Bool?
        var unit: String
        var kind: String?
        var group: String?
        var bound: String?
        var fraction: String?
        /// What a count counts, when `items:` lists it.
        var items: [String]?
        var base: Double?
        var baseKey: String?
        var computedFrom: String?
        var method: String?
        var source: String?
        var sourceTitle: String?
        var assumption: String?
        var file: String?
        var line: Int?

        enum CodingKeys: String, CodingKey {
            case key, label, origin, value, text, count, estimate, unit, kind, group, bound, fraction, items, base
            case baseKey = "base_key", computedFrom = "computed_from", method, source
            case sourceTitle = "source_title", assumption, file, line
        }

        /// The CSV field of a column: the same name and value as in the JSON.
        func field(_ column: CodingKeys) -> String {
            switch column {
            case .key: key
            case .label: label
            case .origin: origin
            case .value: value.map(FigureExport.number) ?? ""
            case .text: text
            case .count: count.map(FigureExport.number) ?? ""
            case .estimate: estimate.map { $0 ? "true" : "false" } ?? ""
            case .unit: unit
            case .kind: kind ?? ""
            case .group: group ?? ""
            case .bound: bound ?? ""
            case .fraction: fraction ?? ""
            case .items: items?.joined(separator: " ; ") ?? ""
            case .base: base.map(FigureExport.number) ?? ""
            case .baseKey: baseKey ?? ""
            case .computedFrom: computedFrom ?? ""
            case .method: method ?? ""
            case .source: source ?? ""
            case .sourceTitle: sourceTitle ?? ""
            case .assumption: assumption ?? ""
            case .file: file ?? ""
            case .line: line.map(String.init) ?? ""
            }
        }
    }

    struct Document: Encodable {
        struct Source: Encodable, Equatable {
            var id: String
            var title: String
        }

        var sources: [Source]
        var figures: [Row]
    }

    let table: FigureTable

    /// Each row's CSV line from earlier builds (`etude serve`), by the row it was made from.
    var lineMemo: SlotMemo<Row, String>?
    /// Each row's JSON from earlier builds, likewise.
    var jsonMemo: SlotMemo<Row, String>?
    /// The list of sources in JSON from earlier builds, by the sources.
    var sourcesMemo: SlotMemo<[Document.Source], Substring>?

    public init(table: FigureTable) {
        self.table = table
    }

    /// Both files, by output path.
    public func files() throws -> [String: Data] {
        let all = rows
        return [Self.jsonPath: try json(all), Self.csvPath: Data(csv(all).utf8)]
    }

    /// Every entry of the table, in publication order.
    var rows: [Row] {
        let formatter = FigureFormatter(table: table)
        let dataset = table.dataset
        let language = table.language
        let withheld = language.messages(StatisticsMessage.withheld)
        return table.order.compactMap { key -> Row? in
            let source = table.source(of: key)
            switch table[key] {
            case .typed(let resolved):
                let figure = resolved.figure
                let group = figure.group.flatMap { dataset.groups[$0] }
                var baseKey: String?
                if case .key(let key) = figure.base ?? group?.base { baseKey = key }
                return Row(
                    key: key, label: figure.label, origin: figure.computedFrom == nil && figure.file != SurveyDeclaration.file ? "typed" : "computed", value: figure.suppressed ? nil : figure.value,
                    text: formatter.standardText(of: figure), count: figure.count, estimate: figure.isEstimate ? true : nil,
                    unit: figure.unit.rawValue, kind: figure.kind.rawValue,
                    group: figure.group, bound: figure.bound?.rawValue,
                    fraction: figure.fraction.map { "\($0.numerator)/\($0.denominator)" }, items: figure.items,
                    base: resolved.baseCount, baseKey: baseKey, computedFrom: figure.computedFrom,
                    method: figure.computedFrom == nil ? (figure.file == SurveyDeclaration.file ? AnswersLoader.provenance(of: figure, language: language) : nil)
                        : language.messages(StatisticsMessage.countMethodComputed),
                    source: source?.id, sourceTitle: source?.title,
                    assumption: figure.assumption ?? group?.assumption, file: figure.file, line: figure.location.line)
            case .derived(let value):
                return Row(
                    key: key, label: value.label, origin: "computed", value: value.text == withheld ? nil : value.value, text: formatter.standardText(of: value),
                    estimate: value.isEstimate ? true : nil, unit: value.unit.rawValue, computedFrom: value.ownerKey, method: value.method,
                    source: source?.id, sourceTitle: source?.title)
            case nil:
                return nil
            }
        }
    }

    /// The JSON document, as JSONEncoder writes it (pretty, keys sorted), put together from
    /// each row's own encoding, so that a rebuild encodes only the rows that changed.
    func json(_ rows: [Row]? = nil) throws -> Data {
        let rows = rows ?? self.rows
        let sources = table.dataset.sourceOrder.compactMap { table.dataset.sources[$0] }.map { Document.Source(id: $0.id, title: $0.title) }
        guard !rows.isEmpty, !sources.isEmpty else { return try Self.encoded(Document(sources: sources, figures: rows)) + Data("\n".utf8) }
        let figures = try rows.map { row in
            try jsonMemo?.value(row.key, for: row) { try Self.indented(Self.encoded(row), by: 4) } ?? Self.indented(Self.encoded(row), by: 4)
        }
        let encodeList = { try Self.indented(Self.encoded(sources), by: 2).dropFirst(2) }
        let list = try sourcesMemo?.value("sources", for: sources, make: encodeList) ?? encodeList()
        return Data(("{\n  \"figures\" : [\n" + figures.joined(separator: ",\n") + "\n  ],\n  \"sources\" : " + list + "\n}\n").utf8)
    }

    /// JSONEncoder as the export writes: pretty, keys sorted, slashes as they are.
    static func encoded(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// Pretty-printed JSON moved right by `spaces`, as it sits inside the document (JSON
    /// strings hold no line break: each line of the encoding starts a line of the document);
    /// the empty line inside an empty list stays empty.
    static func indented(_ json: Data, by spaces: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(json.count + json.count / 8)
        var lineStart = true
        for byte in json {
            if lineStart, byte != UInt8(ascii: "\n") { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: spaces)) }
            bytes.append(byte)
            lineStart = byte == UInt8(ascii: "\n")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// RFC 4180: comma-separated, CRLF line ends, fields quoted when they need it, UTF-8.
    func csv(_ rows: [Row]? = nil) -> String {
        let columns = Row.CodingKeys.allCases
        var lines = [columns.map(\.stringValue).joined(separator: ",")]
        for row in rows ?? self.rows {
            let line = {
                columns.map { column in
                    let field = row.field(column)
                    return Self.numericColumns.contains(column) ? CSVField.quoted(field) : CSVField.text(field)
                }.joined(separator: ",")
            }
            lines.append(lineMemo?.value(row.key, for: row, make: line) ?? line())
        }
        return lines.map { $0 + "\r\n" }.joined()
    }

    /// Columns written by Étude as plain numbers; every other column may hold a user's text.
    static let numericColumns: Set<Row.CodingKeys> = [.value, .count, .estimate, .base, .line]

    /// A number as a machine reads it: `53`, `62.5`, `0.6666666666666666`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }
}

extension FigureExport.Row.CodingKeys: CaseIterable {}

/// Quoting of one CSV field (RFC 4180).
enum CSVField {
    /// A field of text: one a spreadsheet would run as a formula (starting with `=`, `+`,
    /// `-`, `@`, a tab or a carriage return) gets a leading `'`, as OWASP recommends
    /// against CSV injection, then is quoted as needed.
    static func text(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return quoted(field) }
        return quoted("'" + field)
    }

    static func quoted(_ field: String) -> String {
        // Bytes, not Characters: quicker for the many thousands of fields an export of answers
        // gives, and a CRLF (one Character) inside a field is quoted too.
        guard field.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else { return field }
        // Every quote doubled, one followed by a combining mark too (a search for the
        // character `"` would not see it, and it would end the field for a CSV reader).
        var bytes: [UInt8] = [34]
        bytes.reserveCapacity(field.utf8.count + 8)
        for byte in field.utf8 {
            bytes.append(byte)
            if byte == 34 { bytes.append(34) }
        }
        bytes.append(34)
        return String(decoding: bytes, as: UTF8.self)
    }
}
