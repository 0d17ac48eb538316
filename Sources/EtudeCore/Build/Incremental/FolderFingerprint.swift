import Foundation

/// Every file of a project folder, byte for byte: what a loader of that folder reads.
/// Two equal fingerprints mean the loader would read the same bytes, so its result can be
/// reused. A folder holding a symbolic link has none: a link may lead to files that change
/// elsewhere, and then the loader always runs.
struct FolderFingerprint: Equatable {
    /// Regular files by path relative to the folder; folders with an empty value.
    private var files: [String: Data?] = [:]
    /// A missing folder is not an empty one: loaders tell them apart.
    private var exists = false

    /// Nil when the folder holds a symbolic link or a file that cannot be read.
    init?(of folder: URL) {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: folder.path, isDirectory: &isFolder) else { return }
        exists = true
        guard isFolder.boolValue, (try? manager.destinationOfSymbolicLink(atPath: folder.path)) == nil,
              let enumerator = manager.enumerator(atPath: folder.path) else { return nil }
        // Paths joined as text: a URL per file cost more than reading the file.
        let base = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        for case let path as String in enumerator {
            let full = base + path
            guard let kind = FileKind.at(full) else { return nil }
            switch kind {
            case .folder: files[path] = .some(nil)
            case .file:
                guard let data = manager.contents(atPath: full) else { return nil }
                files[path] = data
            default: return nil
            }
        }
    }
}
