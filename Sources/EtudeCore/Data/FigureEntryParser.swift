import Foundation
import Yams

/// Turns one entry of `figures:` into a figure, or a group and its parts, checking each field.
struct FigureEntryParser {
    let reader: YAMLReader
    let dataDirectory: URL
    let sources: [String: DataSource]

    func parse(_ entry: YAMLReader.Entry, into dataset: inout Dataset) throws {
        let key = entry.key
        guard FigureKey.isValid(key) else {
            throw reader.error("invalid figure key '\(key)': use lowercase letters, digits, '_' or '-', with dots between parts", at: entry.location)
        }
        let fields = try reader.entries(of: entry.value, "figure '\(key)'")
        if fields.first(where: { $0.key == "kind" })?.value.scalar?.string == FigureKind.difference.rawValue {
            dataset.differences.append(try DifferenceEntryParser(reader: reader).parse(entry, fields: fields))
            return
        }
        try reader.checkKeys(fields, allowed: DatasetLoader.figureKeys, in: "figure '\(key)'")
        let field = { (name: String) in fields.first { $0.key == name } }
        let what = "figure '\(key)'"
        let label = try required("label", in: fields, of: what, at: entry.location)
        let unit: FigureUnit = try choice(try required("unit", in: fields, of: what, at: entry.location), "unit")
        let kind: FigureKind = try choice(try required("kind", in: fields, of: what, at: entry.location), "kind")
        let sourceEntry = try required("source", in: fields, of: what, at: entry.location)
        let sourceID = try reader.text(sourceEntry.value, "source")
        guard sources[sourceID] != nil else {
            throw reader.error("unknown source '\(sourceID)' for \(what)\(Suggestion.didYouMean(sourceID, among: sources.keys)); declare it under 'sources:'", at: sourceEntry.value)
        }
        let base = try field("base").map { try parseBase($0.value) }
        let assumption = try field("assumption").map { try reader.text($0.value, "assumption") }
        let bound = try field("bound").map { (entry: YAMLReader.Entry) -> Figure.Bound in try choice(entry, "bound") }
        let labelText = try reader.text(label.value, "label")
        var template = Figure(
            key: key, label: labelText, value: 0, decimals: 0, fraction: nil, unit: unit, kind: kind,
            bound: bound, base: base, sourceID: sourceID, assumption: assumption, computedFrom: nil, group: nil,
            file: reader.file, location: entry.location)
        template.baseLocation = field("base").flatMap { reader.location(of: $0.value) }
        if let margin = field("margin") {
            guard let sampled = margin.value.bool, unit == .percent else {
                throw reader.error("'margin' of \(what) is 'false' for a share of everyone asked (no margin of error), or left out", at: margin.value)
            }
            template.isSampled = sampled
        }

        if kind == .split || kind == .multiple {
            guard unit == .percent else {
                throw reader.error("\(what) is a \(kind.rawValue): its unit must be 'percent'", at: entry.location)
            }
            var parts: [Figure]
            if let partsEntry = field("parts") {
                parts = try parseParts(partsEntry.value, of: template)
            } else if let countsEntry = field("counts") {
                let file = try reader.text(countsEntry.value, "counts")
                guard !file.hasPrefix("/"), !file.split(separator: "/").contains("..") else {
                    throw reader.error("counts file '\(file)' is outside data/; give a path inside data/, such as 'counts.csv' for data/counts.csv", at: countsEntry.value)
                }
                parts = try CountsCSVReader(dataDirectory: dataDirectory).parts(file: file, of: template, base: base)
            } else {
                throw reader.error("\(what) is a \(kind.rawValue) and needs 'parts:' (label and value of each part) or 'counts:' (a CSV file of counts)", at: entry.location)
            }
            guard parts.count >= (kind == .split ? 2 : 1) else {
                throw reader.error("\(what) is a \(kind.rawValue) with \(parts.count) part\(parts.count == 1 ? "" : "s"); "
                    + (kind == .split ? "a split needs at least two parts (for a single share use kind 'share')" : "give it at least one part"), at: entry.location)
            }
            if kind == .split && parts.allSatisfy({ $0.count == nil }) { try checkSum(of: parts, group: key, at: entry.location) }
            dataset.groups[key] = FigureGroup(
                key: key, label: labelText, kind: kind, unit: unit, partKeys: parts.map(\.key),
                base: parts.first?.base ?? base, sourceID: sourceID, assumption: assumption,
                file: reader.file, location: entry.location)
            if let scale = field("scale") {
                let names = parts.map { String($0.key.dropFirst(key.count + 1)) }
                dataset.groups[key]!.scale = try ScaleParser(reader: reader).parse(scale.value, group: key, parts: names, kind: kind)
            }
            if let several = field("several_answers") {
                guard let value = several.value.bool, kind == .multiple else {
                    throw reader.error("'several_answers' is 'true' for a multiple group whose question allowed several answers", at: several.value)
                }
                dataset.groups[key]!.severalAnswers = value
            }
            dataset.groupOrder.append(key)
            try parts.forEach { try dataset.add($0) }
            return
        }
        for name in ["parts", "counts"] {
            if let extra = field(name) {
                throw reader.error("'\(name)' is only for a split or multiple figure, and \(what) is a \(kind.rawValue)", at: extra.location)
            }
        }
        if kind == .bound && bound == nil {
            throw reader.error("\(what) is a bound: add 'bound: more-than' or 'bound: less-than'", at: entry.location)
        }
        var figure = template
        if let itemsEntry = field("items") {
            if let value = field("value") {
                throw reader.error("\(what) counts its 'items', so its value is computed; remove 'value:'", at: value.location)
            }
            guard unit == .count, kind == .count else {
                throw reader.error("\(what) has 'items': its unit and kind must be 'count'", at: itemsEntry.location)
            }
            figure.items = try items(itemsEntry.value, of: what)
            figure.value = Double(figure.items!.count)
            try dataset.add(figure)
            return
        }
        if let from = field("from") {
            if let value = field("value") {
                throw reader.error("\(what) is computed 'from' a share and cannot also have a value; remove 'value:'", at: value.location)
            }
            guard unit == .respondents || unit == .count else {
                throw reader.error("\(what) is computed 'from' a share: its unit must be 'respondents' or 'count'", at: entry.location)
            }
            figure.computedFrom = try reader.text(from.value, "from")
            try dataset.add(figure)
            return
        }
        let valueEntry = try required("value", in: fields, of: what, at: entry.location)
        try setValue(of: &figure, from: valueEntry.value)
        try dataset.add(figure)
    }

    /// A non-empty list of texts: `items: ["…", "…"]` or one `- …` per line.
    private func items(_ node: Node, of what: String) throws -> [String] {
        guard let list = node.sequence, !list.isEmpty else {
            throw reader.error("the items of \(what) must be a non-empty list, one '- …' per item", at: node)
        }
        return try list.map { try reader.text($0, "an item of \(what)") }
    }

    private func parseParts(_ node: Node, of group: Figure) throws -> [Figure] {
        try reader.entries(of: node, "parts of '\(group.key)'").map { part in
            let key = "\(group.key).\(part.key)"
            let fields = try reader.entries(of: part.value, "part '\(key)'")
            try reader.checkKeys(fields, allowed: DatasetLoader.partKeys, in: "part '\(key)'")
            var figure = group
            figure.key = key
            figure.kind = .share
            figure.group = group.key
            figure.location = part.location
            figure.label = try reader.text(try required("label", in: fields, of: "part '\(key)'", at: part.location).value, "label")
            try setValue(of: &figure, from: try required("value", in: fields, of: "part '\(key)'", at: part.location).value)
            return figure
        }
    }

    /// Reads a value and checks it against the unit: a share lies in 0–100, a count is whole.
    private func setValue(of figure: inout Figure, from node: Node) throws {
        let raw = node.scalar?.string.trimmed(.whitespaces) ?? ""
        if figure.unit == .fraction {
            // Each side in plain digits too (`+2/3` or `0x2/3` are not fractions), so at most 9 digits.
            let parts = raw.split(separator: "/").map { side -> Int? in
                guard case .success(let number) = NumberReader.read(String(side)), number.decimals == 0 else { return nil }
                return Int(number.value)
            }
            guard parts.count == 2, let numerator = parts[0], let denominator = parts[1],
                  denominator > 0, numerator >= 0, numerator <= denominator else {
                throw reader.error("value '\(raw)' of '\(figure.key)' is not a fraction; write it as 2/3", at: node)
            }
            figure.fraction = .init(numerator: numerator, denominator: denominator)
            figure.value = Double(numerator) / Double(denominator)
            return
        }
        let number: NumberReader.Number
        switch NumberReader.read(raw) {
        case .success(let read): number = read
        case .failure(let problem): throw reader.error("value '\(raw)' of '\(figure.key)' \(problem.reason)", at: node)
        }
        let value = number.value
        figure.value = value
        figure.decimals = number.decimals
        switch figure.unit {
        case .percent where !(0...100).contains(value):
            throw reader.error("value \(raw) of '\(figure.key)' is a percentage outside 0–100", at: node)
        case .count where value < 0 || value != value.rounded(),
             .respondents where value < 0 || value != value.rounded(),
             .year where value < 0 || value != value.rounded():
            throw reader.error("value \(raw) of '\(figure.key)' must be a whole number (unit \(figure.unit.rawValue))", at: node)
        default:
            break
        }
        if case .number(let base) = figure.base, figure.unit != .percent, value > base {
            throw reader.error("count \(raw) of '\(figure.key)' is larger than its base \(NumberStyle.french.number(base))", at: node)
        }
    }

    /// A split's parts must sum to 100, give or take half a unit of rounding per part.
    private func checkSum(of parts: [Figure], group: String, at location: SourcePosition) throws {
        let sum = parts.reduce(0) { $0 + $1.value }
        let decimals = parts.map(\.decimals).max() ?? 0
        let tolerance = 0.5 * Double(parts.count) * pow(10, -Double(decimals))
        if abs(sum - 100) > tolerance + 1e-9 {
            throw reader.error("the parts of split '\(group)' sum to \(NumberStyle.french.number(sum, decimals: decimals)) %, not 100 %; correct a value, or use kind 'multiple' if several answers were possible", at: location)
        }
    }

    private func parseBase(_ node: Node) throws -> FigureBase {
        let raw = try reader.text(node, "base")
        // A number in plain decimals, or else a figure key; `0x137`, `1e3` or `inf` are refused as numbers.
        switch NumberReader.read(raw) {
        case .success(let number) where number.value > 0 && number.isWhole:
            return .number(number.value)
        case .success:
            throw reader.error("base \(raw) must be a whole number of respondents above 0", at: node)
        case .failure(.notPlainDecimal) where !NumberReader.looksLikeNumber(raw):
            break
        case .failure(let problem):
            throw reader.error("base '\(raw)' \(problem.reason)", at: node)
        }
        guard FigureKey.isValid(raw) else {
            throw reader.error("base '\(raw)' is neither a number nor a figure key", at: node)
        }
        return .key(raw)
    }

    private func required(_ name: String, in fields: [YAMLReader.Entry], of what: String, at location: SourcePosition) throws -> YAMLReader.Entry {
        guard let entry = fields.first(where: { $0.key == name }) else {
            throw reader.error("\(what) has no \(name); add '\(name): …'", at: location)
        }
        return entry
    }

    private func choice<T: RawRepresentable & CaseIterable>(_ entry: YAMLReader.Entry, _ name: String) throws -> T where T.RawValue == String {
        let raw = try reader.text(entry.value, name)
        guard let value = T(rawValue: raw) else {
            let allowed = T.allCases.map(\.rawValue)
            throw reader.error("unknown \(name) '\(raw)'\(Suggestion.didYouMean(raw, among: allowed)) (allowed: \(allowed.joined(separator: ", ")))", at: entry.value)
        }
        return value
    }
}
