import Foundation

/// The list of files a build wrote, kept at the output root. It marks the folder as
/// Étude's, and tells the next build which files are its own to replace: any other file
/// there (a `.git/`, a `CNAME`, a file the user put there) is carried over.
public enum OutputManifest {
    public static let fileName = ".etude-manifest"
    /// The first line; a manifest without it is not Étude's, and neither is its folder.
    static let header = "# Étude output manifest, format 1: the files etude wrote here, one a line"

    /// The manifest of `paths` (relative to the output root), sorted so that two builds of
    /// the same input write the same bytes.
    static func data(listing paths: some Sequence<String>) -> Data {
        Data(([header] + Set(paths).sorted()).map { $0 + "\n" }.joined().utf8)
    }

    /// The paths the manifest of `folder` lists, or nil when the folder has no manifest
    /// of Étude's (missing, unreadable, or not starting with the header).
    static func paths(in folder: URL) -> Set<String>? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(fileName)) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.first == Substring(header) else { return nil }
        // Only plain relative paths: a hand-edited line cannot reach outside the folder.
        return Set(lines.dropFirst().map(String.init).filter { line in
            !line.hasPrefix("/") && !line.split(separator: "/", omittingEmptySubsequences: false).contains { ["", ".", ".."].contains($0) }
        })
    }

    /// Files that survive every rebuild, even one Étude once wrote and no longer writes:
    /// dotfiles and dot-folders (`.git/`, `.nojekyll`) and the root `CNAME` of GitHub Pages.
    static func isAlwaysKept(_ path: String) -> Bool {
        path == "CNAME" || path.split(separator: "/").contains { $0.hasPrefix(".") }
    }
}
