import Yams

/// A difference of two shares declared in `data/figures.yaml`, computed, never typed:
///
///     change:
///       label: Évolution du télétravail entre 2025 et 2026
///       kind: difference
///       of: [telework-2026, telework-2025]   # the first minus the second, in points
public struct DifferenceDeclaration: Equatable, Sendable {
    public var key: String
    public var label: String
    /// The share the other is subtracted from, and the share subtracted.
    public var of: (String, String)
    public var file: String
    public var location: SourcePosition
    /// Where `of:` was written, for errors about the shares it names.
    public var ofLocation: SourcePosition

    public static func == (a: Self, b: Self) -> Bool {
        a.key == b.key && a.label == b.label && a.of == b.of && a.file == b.file && a.location == b.location
    }
}

/// Reads an entry of kind `difference`.
struct DifferenceEntryParser {
    static let keys = ["label", "kind", "of"]
    let reader: YAMLReader

    func parse(_ entry: YAMLReader.Entry, fields: [YAMLReader.Entry]) throws -> DifferenceDeclaration {
        let what = "figure '\(entry.key)'"
        try reader.checkKeys(fields, allowed: Self.keys, in: "\(what) (a difference, computed from the figures it names)")
        guard let label = fields.first(where: { $0.key == "label" }) else {
            throw reader.error("\(what) has no label; add 'label: …'", at: entry.location)
        }
        guard let of = fields.first(where: { $0.key == "of" }) else {
            throw reader.error("\(what) is a difference and needs 'of: [share, other share]' (the first minus the second)", at: entry.location)
        }
        guard let list = of.value.sequence, list.count == 2 else {
            throw reader.error("'of' of \(what) must name two shares, as in 'of: [wave-2026.yes, wave-2025.yes]'", at: of.value)
        }
        let keys = try list.map { try reader.text($0, "a figure of 'of'") }
        return DifferenceDeclaration(
            key: entry.key, label: try reader.text(label.value, "label"), of: (keys[0], keys[1]),
            file: reader.file, location: entry.location, ofLocation: reader.location(of: of.value) ?? of.location)
    }
}
