import Foundation

/// Writes a new project, ready to build, into a folder that is missing or empty.
public struct ProjectCreator {
    /// The folder to create, as the user typed it (for messages).
    public let shown: String
    public let directory: URL
    public var files: [String: String]

    public init(directory: URL, shown: String, files: [String: String] = StarterProject.all) {
        self.directory = directory.standardizedFileURL
        self.shown = shown
        self.files = files
    }

    /// Creates the folder and every file; refuses a file or a non-empty folder, since
    /// writing there could replace someone's work.
    /// - Returns: the paths written, sorted.
    @discardableResult
    public func create() throws -> [String] {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: directory.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw Diagnostic(file: shown, message: "this is a file, not a folder; give the name of a new folder for the project")
            }
            let entries = (try? manager.contentsOfDirectory(atPath: directory.path)) ?? []
            guard entries.isEmpty else {
                throw Diagnostic(file: shown, message: "this folder is not empty, and a new project could overwrite its files; give a new or empty folder")
            }
        }
        let paths = files.keys.sorted()
        do {
            for path in paths {
                let url = directory.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data((files[path] ?? "").utf8).write(to: url, options: .withoutOverwriting)
            }
        } catch {
            throw Diagnostic(file: shown, message: "cannot write the project here (\(error.localizedDescription)); check that the folder can be written")
        }
        return paths
    }
}
