import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads the bytes of a project's files. A file is read only when its real path, links
/// resolved, lies inside the project folder, so that a link or a `../` can never publish
/// a file from elsewhere on the machine; every failure is said in plain words.
enum ProjectFileReader {
    /// The bytes of `url`. `root` is the folder the file must resolve into (nil for the
    /// built-in theme, which is Étude's own).
    static func data(at url: URL, shownAs shown: String, within root: URL?) throws -> Data {
        let real = try confined(url, shownAs: shown, within: root)
        do {
            return try Data(contentsOf: URL(fileURLWithPath: real))
        } catch {
            throw Diagnostic(file: shown, message: "cannot read the file: \(plainWords(for: error))")
        }
    }

    /// The real path of `url`, links resolved, once checked to lie inside `root` and to be
    /// a file, for readers that read it themselves (a large export is mapped, not copied).
    static func confined(_ url: URL, shownAs shown: String, within root: URL?) throws -> String {
        let path = url.path
        guard let real = realPath(path) else {
            throw Diagnostic(file: shown, message: missingMessage(path))
        }
        if let root {
            let top = realPath(root.path) ?? root.standardizedFileURL.path
            guard real == top || real.hasPrefix(top.hasSuffix("/") ? top : top + "/") else {
                throw Diagnostic(file: shown, message: "this file resolves to \(real), outside the project folder; Étude reads only files inside the project: copy the file into it instead of linking to it")
            }
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: real, isDirectory: &isFolder), isFolder.boolValue {
            throw Diagnostic(file: shown, message: "this is a folder where a file is expected; rename or remove it")
        }
        return real
    }

    /// True when something is at `url`, even a link to nothing (which reading then reports).
    static func exists(_ url: URL) -> Bool {
        FileKind.at(url.path) != nil
    }

    /// The path with every link resolved, or nil when it leads to nothing.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func missingMessage(_ path: String) -> String {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
            return "this is a link to \(target), which does not exist; fix or remove the link"
        }
        if errno == EACCES { return "cannot read the file: permission denied; check its permissions" }
        return "the file does not exist"
    }

    /// An I/O error as a reader understands it, without Foundation's codes.
    static func plainWords(for error: Error) -> String {
        let nsError = error as NSError
        let posix = (nsError.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap { $0.domain == NSPOSIXErrorDomain ? $0.code : nil }
            ?? (nsError.domain == NSPOSIXErrorDomain ? nsError.code : nil)
        switch posix {
        case Int(EACCES)?, Int(EPERM)?: return "permission denied; check its permissions"
        case Int(EISDIR)?: return "it is a folder, not a file"
        case Int(ENOENT)?: return "it does not exist"
        case Int(ENOSPC)?: return "the disk is full"
        case Int(EROFS)?: return "the disk is read-only"
        case Int(ENAMETOOLONG)?: return "its name is too long"
        default: break
        }
        switch nsError.code {
        case CocoaError.fileReadNoSuchFile.rawValue, CocoaError.fileNoSuchFile.rawValue: return "it does not exist"
        case CocoaError.fileReadNoPermission.rawValue, CocoaError.fileWriteNoPermission.rawValue: return "permission denied; check its permissions"
        case CocoaError.fileWriteOutOfSpace.rawValue: return "the disk is full"
        case CocoaError.fileWriteVolumeReadOnly.rawValue: return "the disk is read-only"
        default: return "the system could not read it (\(nsError.localizedDescription))"
        }
    }
}
