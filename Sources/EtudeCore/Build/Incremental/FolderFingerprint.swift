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
        let path = folder.path.count > 1 && folder.path.hasSuffix("/") ? String(folder.path.dropLast()) : folder.path
        switch FileKind.at(path) {
        case nil: return
        case .folder:
            exists = true
            // Read with the system's calls: FileManager's enumerator joins every path through an NSString.
            guard add(path, "") else { return nil }
        default: return nil
        }
    }

    /// Adds the files under `folder` (`relative` in the fingerprint); false at a symbolic
    /// link, a file that is neither file nor folder, or one that cannot be read.
    private mutating func add(_ folder: String, _ relative: String) -> Bool {
        guard let directory = opendir(folder) else { return false }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard name != ".", name != ".." else { continue }
            let path = relative.isEmpty ? name : relative + "/" + name, full = folder + "/" + name
            switch FileKind.at(full) {
            case .folder:
                files[path] = .some(nil)
                guard add(full, path) else { return false }
            case .file:
                guard let data = FileManager.default.contents(atPath: full) else { return false }
                files[path] = data
            default:
                return false
            }
        }
        return true
    }
}
