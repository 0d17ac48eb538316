import Foundation

/// Moves what must outlive a rebuild from the previous output into the staged one: every
/// file the previous build did not write (a `.git/`, a `CNAME`, a file the user put there),
/// the always-kept ones, and the derived files still up to date. `undo()` moves them back
/// when the swap fails, so the previous output is whole again.
struct OutputCarryOver {
    let previous: URL
    let staging: URL
    /// What the previous build wrote, from its manifest.
    let previousFiles: Set<String>
    /// Every folder holding one of `previousFiles` (`a` and `a/b` for `a/b/c.html`), found once:
    /// asking each entry of the old output whether some file lies under it was quadratic.
    /// Split at the same `/` characters `hasPrefix(folder + "/")` would find.
    let previousFolders: Set<String>
    /// Files of the previous build to keep although the new one does not write them
    /// (`OutputKeepRule`, derived files still up to date).
    let keep: Set<String>
    let force: Bool
    /// The output as the user gave it, for messages.
    let shownAs: String
    private(set) var moved: [String] = []
    private let fileManager = FileManager.default

    init(previous: URL, staging: URL, previousFiles: Set<String>, keep: Set<String>, force: Bool, shownAs: String) {
        self.previous = previous
        self.staging = staging
        self.previousFiles = previousFiles
        var folders = Set<String>()
        for file in previousFiles {
            var index = file.startIndex
            while let slash = file[index...].firstIndex(of: "/") {
                folders.insert(String(file[..<slash]))
                index = file.index(after: slash)
            }
        }
        previousFolders = folders
        self.keep = keep
        self.force = force
        self.shownAs = shownAs
    }

    /// Moves every item to carry. A foreign file where the build writes one stops it
    /// (unless forced), with a message naming each such file; the caller then calls `undo()`.
    mutating func carry() throws {
        var collisions: [Diagnostic] = []
        try carry(children: "", collisions: &collisions)
        try BuildFailure.throwIfAny(collisions)
    }

    /// Moves the carried items back to the previous output; false if one could not be.
    func undo() -> Bool {
        var complete = true
        for path in moved.reversed() {
            do {
                try fileManager.moveItem(at: staging.appendingPathComponent(path), to: previous.appendingPathComponent(path))
            } catch {
                complete = false
            }
        }
        return complete
    }

    /// Said when `undo()` failed: the staged folder is left in place, since it holds them.
    func leftBehind() -> Diagnostic {
        Diagnostic(file: shownAs, message: "could not move the files kept from the previous output back from \(staging.path); move them back by hand")
    }

    private mutating func carry(children folder: String, collisions: inout [Diagnostic]) throws {
        let url = folder.isEmpty ? previous : previous.appendingPathComponent(folder)
        for name in try fileManager.contentsOfDirectory(atPath: url.path).sorted() {
            let path = folder.isEmpty ? name : folder + "/" + name
            if path == OutputManifest.fileName { continue }
            let source = previous.appendingPathComponent(path)
            let target = staging.appendingPathComponent(path)
            guard let sourceKind = FileKind.at(source.path) else {
                throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: source.path])
            }
            let isFolder = sourceKind == .folder
            let targetKind = FileKind.at(target.path)
            let etudeWroteSome = previousFolders.contains(path)
            if isFolder && (targetKind == .folder || (targetKind == nil && etudeWroteSome)) {
                try carry(children: path, collisions: &collisions)
            } else if previousFiles.contains(path) {
                // Étude's own file: replaced by the new build, or dropped unless kept.
                if targetKind == nil && keep.contains(path) { try move(path) }
            } else if targetKind == nil {
                try move(path)
            } else if !force {
                collisions.append(Diagnostic(file: shownAs + "/" + path, message: "the build writes this \(isFolder ? "folder" : "file"), "
                    + "which Étude did not write (\(OutputManifest.fileName) does not list it); move it out of the output folder, "
                    + "or add --force to let the build replace it"))
            }
        }
    }

    private mutating func move(_ path: String) throws {
        let target = staging.appendingPathComponent(path)
        try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fileManager.moveItem(at: previous.appendingPathComponent(path), to: target)
        moved.append(path)
    }
}
