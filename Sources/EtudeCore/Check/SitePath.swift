import Foundation

/// Paths inside the built site, relative to its root, as links between its files need them.
enum SitePath {
    /// The folder part of an output path: `constats/processus.html` → `["constats"]`.
    static func folder(of path: String) -> [String] {
        path.split(separator: "/").dropLast().map(String.init)
    }

    /// Resolves a link's path, written in the file at `from`, to a path from the site root;
    /// nil when it climbs above the root. `/x` starts from the root.
    static func resolve(_ link: String, from: String) -> String? {
        var parts = link.hasPrefix("/") ? [] : folder(of: from)
        for component in link.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if parts.isEmpty { return nil } else { parts.removeLast() }
            default: parts.append(String(component))
            }
        }
        return parts.joined(separator: "/") + (link.hasSuffix("/") && !parts.isEmpty ? "/" : "")
    }

    /// A link's address and its fragment: `a.html#x` → (`a.html`, `x`).
    static func split(_ link: String) -> (address: String, fragment: String?) {
        let hash = link.firstIndex(of: "#")
        return (String(link[..<(hash ?? link.endIndex)]), hash.map { String(link[link.index(after: $0)...]) })
    }

    /// The page that stands for a folder: `constats` or `constats/` → `constats/index.html`.
    static func folderIndex(_ folder: String) -> String {
        folder.isEmpty || folder.hasSuffix("/") ? folder + "index.html" : folder + "/index.html"
    }

    /// The relative link from the file at `from` to the site path `to`.
    static func relative(to target: String, from: String) -> String {
        let base = folder(of: from)
        let parts = target.split(separator: "/").map(String.init)
        var common = 0
        while common < base.count, common < parts.count - 1, base[common] == parts[common] { common += 1 }
        return String(repeating: "../", count: base.count - common) + parts[common...].joined(separator: "/")
    }

    /// True for a link that leaves the site: `https:`, `mailto:`, `//host`.
    static func isExternal(_ link: String) -> Bool {
        if link.hasPrefix("//") { return true }
        // A scheme: a letter, then letters, digits, `+`, `.` or `-`, then `:`.
        guard let first = link.utf8.first, isLetter(first) else { return false }
        for byte in link.utf8.dropFirst() {
            if byte == UInt8(ascii: ":") { return true }
            guard isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") else { return false }
        }
        return false
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
