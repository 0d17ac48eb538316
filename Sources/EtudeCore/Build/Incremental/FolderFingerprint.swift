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

    /// Whether a change from `old` may be one that Swift's comparison of texts cannot see:
    /// a file changed whose old or new text is not in Unicode's composed form (NFC), so
    /// that some of its text may be canonically equivalent to what it was, and compare equal,
    /// while its bytes differ. Between texts in NFC, equivalent means equal bytes.
    func mayHideChanges(since old: FolderFingerprint) -> Bool {
        for (path, data) in files where old.files[path] != data {
            if let data, !Self.isComposed(data) { return true }
            if let previous = old.files[path] ?? nil, !Self.isComposed(previous) { return true }
        }
        return false
    }

    /// Whether `data`, read as UTF-8, is in NFC. Scalars below U+0300 and the common
    /// punctuation and currency signs (U+2002–U+206F, U+20A0–U+20BF) are, whatever follows
    /// them unless a combining mark does: only a text with other scalars asks Foundation.
    static func isComposed(_ data: Data) -> Bool {
        let quick = data.withUnsafeBytes { raw -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = 0
            while index < bytes.count {
                // Below 0xCC: ASCII, a continuation, or the lead of a scalar below U+0300.
                guard bytes[index] >= 0xCC else {
                    index += 1
                    continue
                }
                // E2 80 82 – E2 81 AF is U+2002–U+206F; E2 82 A0 – E2 82 BF is U+20A0–U+20BF.
                guard bytes[index] == 0xE2, index + 2 < bytes.count else { return false }
                let (second, third) = (bytes[index + 1], bytes[index + 2])
                guard (second == 0x80 && (0x82...0xBF).contains(third)) || (second == 0x81 && (0x80...0xAF).contains(third))
                        || (second == 0x82 && (0xA0...0xBF).contains(third)) else { return false }
                index += 3
            }
            return true
        }
        if quick { return true }
        let text = String(decoding: data, as: UTF8.self)
        return text.precomposedStringWithCanonicalMapping.utf8.elementsEqual(text.utf8)
    }
}
