import Foundation

/// Which files Étude once wrote survive a build that no longer writes them: dotfiles and
/// dot-folders, the root `CNAME`, and what the `keep:` patterns of data/site.yaml match.
/// (Files Étude did not write always survive; this rule is about its own.)
public struct OutputKeepRule: Sendable {
    /// Paths relative to the output root; `*`, `?` and `[…]` match within one folder
    /// name, and a pattern matching a folder keeps everything in it.
    public var patterns: [String]

    public init(patterns: [String] = []) {
        self.patterns = patterns
    }

    func keeps(_ path: String) -> Bool {
        if OutputManifest.isAlwaysKept(path) { return true }
        let parts = path.split(separator: "/")
        let prefixes = parts.indices.map { parts[...$0].joined(separator: "/") }
        return patterns.contains { pattern in
            let trimmed = pattern.hasSuffix("/") ? String(pattern.dropLast()) : pattern
            return prefixes.contains { fnmatch(trimmed, $0, FNM_PATHNAME) == 0 }
        }
    }
}
