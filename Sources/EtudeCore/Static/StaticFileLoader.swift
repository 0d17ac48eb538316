import Foundation

/// Loads the project's `static/` folder: files published as they are (images, PDFs,
/// `robots.txt`, `CNAME`, `.nojekyll`) at the same path under the output root.
struct StaticFileLoader {
    static let folder = "static"
    /// Litter of file managers and version control, never published.
    static let ignored: Set<String> = [".DS_Store", "Thumbs.db", "desktop.ini", ".git"]

    let project: Project

    /// Every file by its path under `static/` (which is its path in the output), sorted;
    /// empty when there is no `static/`. Each must resolve inside the project.
    func load() throws -> [String: Data] {
        let root = project.directory.appendingPathComponent(Self.folder)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder) else { return [:] }
        guard isFolder.boolValue else {
            throw Diagnostic(file: Self.folder, message: "this is a file where the static/ folder is expected; rename it, or put it inside a static/ folder")
        }
        var collector = DiagnosticCollector()
        var files: [String: Data] = [:]
        for path in Self.paths(in: root) {
            let shown = Self.folder + "/" + path
            if path == OutputManifest.fileName {
                collector.report(Diagnostic(file: shown, message: "this name is the list of files Étude writes at the root of the output, so this file cannot be published; rename or remove it"))
                continue
            }
            if let data = collector.collect({ try ProjectFileReader.data(at: root.appendingPathComponent(path), shownAs: shown, within: project.directory) }) {
                files[path] = data
            }
        }
        try collector.throwIfAny()
        return files
    }

    /// Relative paths of the files (not folders) under `root`, ignored names left out.
    private static func paths(in root: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var paths: [String] = []
        for case let path as String in enumerator where !path.split(separator: "/").contains(where: { ignored.contains(String($0)) }) {
            var isFolder: ObjCBool = false
            // A link to nothing is kept, so that reading it says so.
            if !FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder) || !isFolder.boolValue {
                paths.append(path)
            }
        }
        return paths.sorted()
    }
}
