import Foundation

/// Checks the output folder before anything is written: a build replaces only a folder
/// Étude wrote (it holds `.etude-manifest`), an empty one or a missing one, and never the
/// project or a folder the build reads.
public struct OutputGuard {
    public let project: Project
    /// Build into a non-empty folder Étude did not write; every other refusal still holds.
    public let force: Bool

    /// Folders of the project the build reads; the output may not be inside one.
    static let sourceFolders = ["content", "data", "templates", "static"]

    public init(project: Project, force: Bool = false) {
        self.project = project
        self.force = force
    }

    /// A destination the guard accepted.
    public struct Target: Sendable {
        /// The real folder to replace, symlinks resolved (a symlinked output keeps its link).
        public let folder: URL
        /// The output as the user gave it, for messages.
        public let shownAs: String
        /// What the previous build there wrote (empty when there was none).
        public let previousFiles: Set<String>
        /// Build files replace foreign ones of the same path instead of stopping.
        public let force: Bool
    }

    /// Refuses, with a message saying what to do, a destination a build could not replace
    /// without destroying something it did not write.
    public func check(_ output: URL) throws -> Target {
        // Shown as given; the default one as `output`, like the project's other paths.
        let shown = output.standardizedFileURL.path == project.defaultOutput.path ? "output" : output.relativePath
        let folder = Self.resolved(output)
        let projectFolder = Self.resolved(project.directory)
        let refuse = { (message: String) in Diagnostic(file: shown, message: message) }
        let ownFolder = "give a folder of its own, such as the default 'output' folder of the project"
        if folder.pathComponents == projectFolder.pathComponents {
            throw refuse("the output folder is the project folder itself, which a build would replace; \(ownFolder)")
        }
        if Self.isInside(projectFolder, folder) {
            throw refuse("the output folder contains the project (\(projectFolder.path)), which a build would replace; \(ownFolder)")
        }
        for name in Self.sourceFolders where Self.isInside(folder, projectFolder.appendingPathComponent(name), orEqual: true) {
            throw refuse("the output folder is inside the project's \(name)/ folder, which the build reads; "
                + "give a folder outside content/, data/, templates/ and static/, such as the default 'output' folder of the project")
        }
        let fileManager = FileManager.default
        var previousFiles: Set<String> = []
        if let type = try? fileManager.attributesOfItem(atPath: folder.path)[.type] as? FileAttributeType {
            guard type == .typeDirectory else {
                throw refuse("the output is a file, not a folder, and a build would replace it; give the path of a new or empty folder, or move the file away")
            }
            guard let entries = try? fileManager.contentsOfDirectory(atPath: folder.path) else {
                throw refuse("cannot read the output folder; check its permissions, or give another folder")
            }
            if let listed = OutputManifest.paths(in: folder) {
                previousFiles = listed
            } else {
                let foreign = entries.filter { !OutputManifest.isAlwaysKept($0) }.sorted()
                if !foreign.isEmpty && !force {
                    let names = foreign.prefix(3).joined(separator: ", ") + (foreign.count > 3 ? ", …" : "")
                    throw refuse("the output folder holds files Étude did not write (\(names)) and no \(OutputManifest.fileName); "
                        + "give a new or empty folder, or add --force to build into it (its files are kept, except those the build writes)")
                }
            }
            guard fileManager.isWritableFile(atPath: folder.path) else {
                throw refuse("the output folder is not writable; change its permissions, or give another folder")
            }
        }
        try checkWritableParent(of: folder, refuse: refuse)
        return Target(folder: folder, shownAs: shown, previousFiles: previousFiles, force: force)
    }

    /// The build writes beside the output (a staged folder, swapped in): its parent, or the
    /// first existing folder above it, must be a writable folder.
    private func checkWritableParent(of folder: URL, refuse: (String) -> Diagnostic) throws {
        var ancestor = folder.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        while !FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isFolder) && ancestor.pathComponents.count > 1 {
            ancestor.deleteLastPathComponent()
        }
        guard isFolder.boolValue else {
            throw refuse("cannot create the output folder: \(ancestor.path) is a file, not a folder; give another output folder")
        }
        guard FileManager.default.isWritableFile(atPath: ancestor.path) else {
            throw refuse("cannot write in \(ancestor.path), where the output folder is; give an output folder in a place you can write to, or change its permissions")
        }
    }

    /// `url` absolute, without `.` or `..`, with the symlinks of its existing part resolved.
    static func resolved(_ url: URL) -> URL {
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while FileKind.at(existing.path) == nil && existing.pathComponents.count > 1 {
            rest.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        return rest.reduce(existing.resolvingSymlinksInPath()) { $0.appendingPathComponent($1) }.standardizedFileURL
    }

    /// Whether `inner` lies inside `outer` (both resolved).
    static func isInside(_ inner: URL, _ outer: URL, orEqual: Bool = false) -> Bool {
        let a = inner.pathComponents, b = outer.pathComponents
        return (a.count > b.count || (orEqual && a.count == b.count)) && a.starts(with: b)
    }
}
