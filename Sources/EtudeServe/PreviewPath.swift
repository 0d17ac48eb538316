import Foundation

/// Maps a request's raw (percent-encoded) path to a file inside the served folder, or refuses it.
/// Each segment is decoded on its own, so `%2f`, `%2e%2e` and `%5c` cannot smuggle a separator or
/// a parent; then the real path (symbolic links resolved) must still lie inside the real root.
public struct PreviewPath: Sendable {
    /// The served folder, its symbolic links resolved.
    public let root: URL

    public init(root: URL) {
        self.root = URL(fileURLWithPath: Self.realPath(root.path) ?? root.standardizedFileURL.path)
    }

    /// What a request path leads to.
    public enum Resolution: Equatable, Sendable {
        /// A regular file inside the root.
        case file(URL)
        /// A folder without its trailing slash: redirect there, so relative links work.
        case redirect(String)
        case notFound
        /// A path that tries to leave the root or hides a separator.
        case forbidden
    }

    public func resolve(_ rawPath: String) -> Resolution {
        guard rawPath.hasPrefix("/"), !rawPath.contains("\\"), !rawPath.contains("\0") else { return .forbidden }
        var segments: [String] = []
        for raw in rawPath.split(separator: "/", omittingEmptySubsequences: true) {
            guard let segment = String(raw).removingPercentEncoding else { return .forbidden }
            if segment == "." || segment == ".." || segment.contains("/") || segment.contains("\\") || segment.contains("\0") {
                return .forbidden
            }
            segments.append(segment)
        }
        var url = root
        for segment in segments { url.appendPathComponent(segment) }
        guard let real = Self.realPath(url.path) else { return .notFound }
        guard real == root.path || real.hasPrefix(root.path.hasSuffix("/") ? root.path : root.path + "/") else { return .forbidden }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isFolder) else { return .notFound }
        if isFolder.boolValue {
            if !rawPath.hasSuffix("/") { return .redirect(rawPath + "/") }
            let index = URL(fileURLWithPath: real).appendingPathComponent("index.html")
            guard let realIndex = Self.realPath(index.path), realIndex.hasPrefix(root.path + "/"),
                  Self.isRegularFile(realIndex) else { return .notFound }
            return .file(URL(fileURLWithPath: realIndex))
        }
        return Self.isRegularFile(real) ? .file(URL(fileURLWithPath: real)) : .notFound
    }

    /// The path with every symbolic link resolved, or nil when nothing is there.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isRegularFile(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular
    }
}
