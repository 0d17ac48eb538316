import Foundation

/// The folder beside the output where a build is written before it is swapped in
/// (`.<name>.building-<pid>`). It is made before rendering, so that pages are written
/// there as they are rendered instead of the whole site being held in memory; a failed
/// build removes it with `discard()`, leaving the output as it was.
struct OutputStaging {
    let folder: URL
    /// The output as the user gave it, for messages.
    let shownAs: String

    /// The staged folder of a build into `destination`.
    static func folder(for destination: URL) -> URL {
        destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).building-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// Makes the staged folder of a build into the accepted `target`, empty; nil when the
    /// folder that holds the output does not exist yet. Making it before the build
    /// succeeds could make folders the build reads (the project's own, when it is
    /// missing), so such a build keeps its pages in memory, and `OutputWriter` makes it.
    init?(target: OutputGuard.Target) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target.folder.deletingLastPathComponent().path, isDirectory: &isFolder),
              isFolder.boolValue else { return nil }
        folder = Self.folder(for: target.folder)
        shownAs = target.shownAs
        do {
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        } catch {
            throw Diagnostic(file: target.shownAs, message: "cannot write the output: \(error.localizedDescription)")
        }
    }

    /// The staged folder, emptied again (a second rendering replaces the first).
    func emptied() throws -> OutputStaging {
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        return self
    }

    /// Removes the staged folder.
    func discard() {
        try? FileManager.default.removeItem(at: folder)
    }
}
