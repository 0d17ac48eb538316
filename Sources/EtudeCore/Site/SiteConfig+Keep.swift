import Foundation
import Yams

extension SiteConfig {
    /// The `keep:` list: output files Étude once wrote that a rebuild must not remove.
    static func keepPatterns(_ node: Node, reader: YAMLReader) throws -> [String] {
        guard let items = node.sequence else {
            throw reader.error("keep must be a list of paths in the output folder ('- ancien/*.html')", at: node)
        }
        return try items.map { item in
            let pattern = try reader.text(item, "a keep entry")
            let parts = pattern.split(separator: "/", omittingEmptySubsequences: false)
            guard !pattern.isEmpty, !pattern.hasPrefix("/"), !parts.contains(".."), !parts.dropLast().contains("") else {
                throw reader.error("keep entry '\(pattern)' is not a path inside the output folder; write it relative to the output, such as 'ancien/*.html'", at: item)
            }
            return pattern
        }
    }
}
