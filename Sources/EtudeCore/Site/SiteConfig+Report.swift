import Foundation
import Yams

/// A section of the site named in `report: { sections: [...] }`, where it is written.
public struct ReportSection: Equatable, Sendable {
    /// A folder of content/, as written (`constats`, `constats/2018`).
    public var name: String
    public var position: SourcePosition
}

extension SiteConfig {
    static let reportKeys = ["sections"]

    /// The `report:` settings: `sections:`, the sections of the site the printable report
    /// holds (all of them when absent).
    static func reportSections(_ node: Node, reader: YAMLReader) throws -> [ReportSection]? {
        let entries = try reader.entries(of: node, "report")
        try reader.checkKeys(entries, allowed: reportKeys, in: "report")
        guard let value = entries.first(where: { $0.key == "sections" })?.value else { return nil }
        guard let items = value.sequence, !items.isEmpty else {
            throw reader.error("report sections must be a list of folders of content/ ('- constats'); remove 'report:' to print every page", at: value)
        }
        return try items.map { item in
            let name = try reader.text(item, "a report section")
            let trimmed = name.hasSuffix("/") ? String(name.dropLast()) : name
            let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
            guard !trimmed.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
                throw reader.error("report section '\(name)' is not a folder of content/; write it as the folder's path inside content/, such as 'constats'", at: item)
            }
            return ReportSection(name: trimmed, position: reader.textLocation(of: item) ?? SourcePosition(line: 1, column: 1))
        }
    }
}
